// Users and API keys of the tenant (administrators only): invite a person (e-mailed when the
// hub has an SMTP server, else a link to copy), change a role, remove a person; issue an API
// key (its secret shown once) and revoke one.
import { get, post, patch, del } from '../../api.js';
import { label, date, language } from '../../i18n.js';
import { t, el, escape, card, options, showErrors, clearErrors, copyButton, tenantPath, ROLES } from './common.js';

const SCOPES = ['SCOPE_READ', 'SCOPE_WRITE', 'SCOPE_INGEST'];
// the languages of invitation e-mails, each named in itself
const MAIL_LANGUAGES = { en: 'English', fr: 'Français' };

export async function show(body, args, session) {
  const [people, keys] = await Promise.all([get(tenantPath(session, '/users')), get(tenantPath(session, '/apiKeys'))]);
  body.append(users(session, people));
  body.append(apiKeys(session, keys.apiKeys || []));
}

function users(session, data) {
  const section = card(t('users'));
  const table = el(`<div class="table-scroll"><table class="setup-table"><thead><tr><th scope="col">${escape(t('email'))}</th><th scope="col">${escape(t('role'))}</th>
      <th scope="col">${escape(t('lastLogin'))}</th><th scope="col"><span class="sr-only">${escape(t('removeUser'))}</span></th></tr></thead><tbody></tbody></table></div>`);
  const rows = table.querySelector('tbody');
  (data.users || []).forEach((u) => rows.append(userRow(session, u, section)));
  (data.invitations || []).forEach((i) => rows.append(el(`<tr><td>${escape(i.email)} <span class="tag">${escape(t('pending'))}</span></td>
      <td>${escape(label(i.role))}</td><td class="meta">${escape(t('expires'))} ${escape(date(i.expireTime))}</td><td></td></tr>`)));
  section.append(table);
  section.append(el('<p class="form-error error" role="alert"></p>'));
  const form = el(`<form class="setup-form" novalidate><h3>${escape(t('invite'))}</h3><div class="fields">
      <label>${escape(t('email'))}<input name="email" type="email" required data-field="invitation.email"></label>
      <label>${escape(t('role'))}<select name="role" data-field="invitation.role">${options(ROLES, 'TENANT_ROLE_ANALYST', label)}</select></label>
      <label>${escape(t('emailLanguage'))}<select name="language" data-field="invitation.language">${options(Object.keys(MAIL_LANGUAGES),
        MAIL_LANGUAGES[language()] ? language() : 'en', (code) => MAIL_LANGUAGES[code])}</select></label>
    </div><p class="form-error error" role="alert"></p><p class="result" aria-live="polite"></p><button type="submit">${escape(t('invite'))}</button></form>`);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const out = form.querySelector('.result');
    out.innerHTML = '';
    try {
      const inv = await post(tenantPath(session, '/invitations'),
        { email: form.elements.email.value, role: form.elements.role.value, language: form.elements.language.value });
      rows.append(el(`<tr><td>${escape(inv.email)} <span class="tag">${escape(t('pending'))}</span></td><td>${escape(label(inv.role))}</td>
          <td class="meta">${escape(t('expires'))} ${escape(date(inv.expireTime))}</td><td></td></tr>`));
      form.reset();
      form.elements.language.value = MAIL_LANGUAGES[language()] ? language() : 'en';
      // the link on the hub's public URL; the same whether or not it was e-mailed
      const link = inv.inviteUrl || location.origin + inv.invitePath;
      out.dataset.emailSent = String(Boolean(inv.emailSent));
      out.append(el(inv.emailSent
        ? `<span>${escape(t('inviteSent'))} ${escape(t('emailSentTo'))} ${escape(inv.email)}. ${escape(t('inviteLinkBackup'))}: </span>`
        : `<span>${escape(t('inviteSent'))} ${escape(t('copyThisLink'))}: </span>`));
      out.append(el(`<input readonly class="secret" size="50" aria-label="${escape(t('inviteLink'))}" value="${escape(link)}">`));
      out.append(copyButton(() => link));
    } catch (err) { showErrors(form, err); }
  });
  section.append(form);
  return section;
}

function userRow(session, u, section) {
  const self = u.userId === session.user.user_id || u.email === session.user.email;
  const row = el(`<tr data-user="${escape(u.userId)}"><td>${escape(u.displayName)} <span class="meta">${escape(u.email)}</span></td>
      <td><label><span class="sr-only">${escape(t('changeRole'))} ${escape(u.email)}</span><select ${self ? 'disabled' : ''}>${options(ROLES, u.role, label)}</select></label></td>
      <td>${escape(date(u.lastLoginTime))}</td><td class="row-actions"></td></tr>`);
  const error = (err) => { section.querySelector(':scope > .form-error').textContent = err.message; };
  const select = row.querySelector('select');
  select.addEventListener('change', async () => {
    try {
      const updated = await patch(tenantPath(session, `/users/${encodeURIComponent(u.userId)}?updateMask=role`), { role: select.value });
      u.role = updated.role;
    } catch (err) { select.value = u.role; error(err); }
  });
  if (!self) {
    const remove = el(`<button type="button" class="secondary" aria-label="${escape(t('removeUser'))} ${escape(u.email)}">${escape(t('removeUser'))}</button>`);
    remove.addEventListener('click', async () => {
      if (!window.confirm(t('confirmRemove'))) return;
      try { await del(tenantPath(session, `/users/${encodeURIComponent(u.userId)}`)); row.remove(); } catch (err) { error(err); }
    });
    row.querySelector('.row-actions').append(remove);
  }
  return row;
}

function apiKeys(session, keys) {
  const section = card(t('apiKeys'));
  const table = el(`<div class="table-scroll"><table class="setup-table"><thead><tr><th scope="col">${escape(t('keyName'))}</th><th scope="col">${escape(t('role'))}</th>
      <th scope="col">${escape(t('scopes'))}</th><th scope="col">${escape(t('created2'))}</th><th scope="col"><span class="sr-only">${escape(t('revoke'))}</span></th></tr></thead><tbody></tbody></table></div>`);
  const rows = table.querySelector('tbody');
  keys.forEach((k) => rows.append(keyRow(session, k, section)));
  section.append(table);
  section.append(el('<p class="form-error error" role="alert"></p>'));
  const form = el(`<form class="setup-form" novalidate><h3>${escape(t('newKey'))}</h3><div class="fields">
      <label>${escape(t('keyName'))}<input name="displayName" maxlength="120" required data-field="apiKey.displayName"></label>
      <label>${escape(t('role'))}<select name="role" data-field="apiKey.role">${options(ROLES, 'TENANT_ROLE_ANALYST', label)}</select></label>
      <fieldset class="checks" data-field="apiKey.scopes"><legend>${escape(t('scopes'))}</legend>${SCOPES.map((s) =>
        `<label class="check"><input type="checkbox" name="scopes" value="${s}" ${s === 'SCOPE_READ' ? 'checked' : ''}> ${escape(label(s))}</label>`).join('')}</fieldset>
    </div><p class="form-error error" role="alert"></p><p class="result" aria-live="polite"></p><button type="submit">${escape(t('create'))}</button></form>`);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const out = form.querySelector('.result');
    out.innerHTML = '';
    const payload = { displayName: form.elements.displayName.value, role: form.elements.role.value,
      scopes: [...form.querySelectorAll('input[name=scopes]:checked')].map((i) => i.value) };
    try {
      const key = await post(tenantPath(session, '/apiKeys'), payload);
      rows.prepend(keyRow(session, key, section));
      form.reset();
      out.append(el(`<span>${escape(t('keySecretOnce'))} </span>`));
      out.append(el(`<input readonly class="secret" size="50" aria-label="${escape(t('apiKeys'))}: ${escape(key.displayName)}" value="${escape(key.secret)}">`));
      out.append(copyButton(() => key.secret));
    } catch (err) { showErrors(form, err); }
  });
  section.append(form);
  return section;
}

function keyRow(session, k, section) {
  const row = el(`<tr data-key="${escape(k.keyId)}"><td>${escape(k.displayName)} <span class="meta">${escape(k.secretPrefix)}…</span></td><td>${escape(label(k.role))}</td>
      <td>${escape((k.scopes || []).map(label).join(', '))}</td><td>${escape(date(k.createTime))}</td>
      <td class="row-actions">${k.revokeTime ? `<span class="tag">${escape(t('revoked'))}</span>` : ''}</td></tr>`);
  if (!k.revokeTime) {
    const b = el(`<button type="button" class="secondary" aria-label="${escape(t('revoke'))} ${escape(k.displayName)}">${escape(t('revoke'))}</button>`);
    b.addEventListener('click', async () => {
      try {
        await del(tenantPath(session, `/apiKeys/${encodeURIComponent(k.keyId)}`));
        b.replaceWith(el(`<span class="tag">${escape(t('revoked'))}</span>`));
      } catch (err) { section.querySelector(':scope > .form-error').textContent = err.message; }
    });
    row.querySelector('.row-actions').append(b);
  }
  return row;
}
