import { get, post, put, del } from '../api.js';
import { t, label, date } from '../i18n.js';
import { el, escape } from '../main.js';

const ROLES = ['TENANT_ROLE_VIEWER', 'TENANT_ROLE_AGENT', 'TENANT_ROLE_ANALYST', 'TENANT_ROLE_ADMIN'];

export async function show(main, args, session) {
  main.innerHTML = '';
  main.append(el(`<h1>${escape(t('setup'))}</h1>`));
  if (!session.can('TENANT_ROLE_ADMIN')) {
    main.append(el(`<p class="card meta">${escape(t('readOnly'))}</p>`));
  } else {
    await people(main, session);
    await keys(main, session);
    await cors(main, session);
  }
  await rules(main, session);
}

async function people(main, session) {
  const tenant = encodeURIComponent(session.user.tenant_id);
  const data = await get(`/v1/admin/tenants/${tenant}/users`);
  const card = el(`<section class="card"><h2>${escape(t('users'))}</h2>
      <table><thead><tr><th scope="col">${escape(t('email'))}</th><th scope="col">${escape(t('role'))}</th><th scope="col">${escape(t('created'))}</th></tr></thead><tbody>
      ${(data.users || []).map((u) => `<tr><td>${escape(u.displayName)} <span class="meta">${escape(u.email)}</span></td><td>${escape(label(u.role))}</td><td>${escape(date(u.createTime))}</td></tr>`).join('')}
      ${(data.invitations || []).map((i) => `<tr><td>${escape(i.email)} <span class="tag">${escape(t('invite'))}</span></td><td>${escape(label(i.role))}</td><td>${escape(date(i.createTime))}</td></tr>`).join('')}
      </tbody></table>
      <form class="toolbar"><label>${escape(t('email'))}<input name="email" type="email" required></label>
        <label>${escape(t('role'))}<select name="role">${ROLES.map((r) => `<option value="${r}">${escape(label(r))}</option>`).join('')}</select></label>
        <button type="submit">${escape(t('invite'))}</button></form><p class="result" aria-live="polite"></p></section>`);
  card.querySelector('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const out = card.querySelector('.result');
    try {
      const inv = await post(`/v1/admin/tenants/${tenant}/invitations`, { email: e.target.email.value, role: e.target.role.value });
      const link = location.origin + inv.invitePath;
      out.innerHTML = `${escape(t('inviteLink'))}: <input readonly size="60" aria-label="${escape(t('inviteLink'))}" value="${escape(link)}">`;
      out.querySelector('input').select();
    } catch (err) { out.innerHTML = `<span class="error">${escape(err.message)}</span>`; }
  });
  main.append(card);
}

async function keys(main, session) {
  const tenant = encodeURIComponent(session.user.tenant_id);
  const data = await get(`/v1/admin/tenants/${tenant}/apiKeys`);
  const card = el(`<section class="card"><h2>${escape(t('apiKeys'))}</h2><table><thead><tr><th scope="col">${escape(t('keyName'))}</th><th scope="col">${escape(t('role'))}</th><th scope="col">${escape(t('created2'))}</th><th scope="col"></th></tr></thead><tbody>
      ${(data.apiKeys || []).map((k) => `<tr><td>${escape(k.displayName)} <span class="meta">${escape(k.secretPrefix)}…</span></td><td>${escape(label(k.role))}</td><td>${escape(date(k.createTime))}</td>
        <td>${k.revokeTime ? escape(t('revoked')) : `<button type="button" class="secondary" data-key="${escape(k.keyId)}">${escape(t('revoke'))}</button>`}</td></tr>`).join('')}
      </tbody></table></section>`);
  card.querySelectorAll('button[data-key]').forEach((b) => b.addEventListener('click', async () => {
    await del(`/v1/admin/tenants/${tenant}/apiKeys/${encodeURIComponent(b.dataset.key)}`);
    b.replaceWith(document.createTextNode(t('revoked')));
  }));
  main.append(card);
}

async function cors(main, session) {
  const tenant = encodeURIComponent(session.user.tenant_id);
  const policy = await get(`/v1/admin/tenants/${tenant}/corsPolicy`);
  const card = el(`<section class="card"><h2>${escape(t('corsOrigins'))}</h2><form>
      <label>${escape(t('oneOriginPerLine'))}<textarea name="origins" rows="3" cols="50">${escape((policy.allowedOrigins || []).join('\n'))}</textarea></label>
      <button type="submit">${escape(t('save'))}</button><p class="result" aria-live="polite"></p></form></section>`);
  card.querySelector('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const origins = e.target.origins.value.split('\n').map((s) => s.trim()).filter(Boolean);
    try {
      const saved = await put(`/v1/admin/tenants/${tenant}/corsPolicy`, { allowedOrigins: origins });
      card.querySelector('.result').textContent = (saved.allowedOrigins || []).join(', ') || '–';
    } catch (err) { card.querySelector('.result').innerHTML = `<span class="error">${escape(err.message)}</span>`; }
  });
  main.append(card);
}

async function rules(main) {
  const [alertRules, metricRules, hooks] = await Promise.all([
    get('/v1/alert-rules').catch(() => ({})), get('/v1/metric-alert-rules').catch(() => ({})), get('/v1/webhooks').catch(() => ({})),
  ]);
  main.append(el(`<section class="grid" style="margin-top:14px">
    <article class="card"><h2>${escape(t('alertRules'))}</h2><ul>${(alertRules.rules || alertRules.alertRules || []).map((r) => `<li>${escape(r.name || r.ruleId)}</li>`).join('') || '<li class="meta">–</li>'}</ul></article>
    <article class="card"><h2>${escape(t('metricAlerts'))}</h2><ul>${(metricRules.rules || metricRules.metricAlertRules || []).map((r) => `<li>${escape(r.name || r.ruleId)}</li>`).join('') || '<li class="meta">–</li>'}</ul></article>
    <article class="card"><h2>${escape(t('webhooks'))}</h2><ul>${(hooks.subscriptions || hooks.webhookSubscriptions || []).map((h) => `<li>${escape(h.url || h.subscriptionId)}</li>`).join('') || '<li class="meta">–</li>'}</ul></article>
  </section>`));
}
