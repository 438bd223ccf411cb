// Webhooks: the subscriptions (analysts read them, admins create and delete them; the secret
// is shown once), each one's delivery log with its attempts, and redelivery (admin).
import { get, post, del } from '../../api.js';
import { label, date, num } from '../../i18n.js';
import { t, el, escape, card, showErrors, clearErrors, copyButton, ADMIN } from './common.js';

const EVENT_TYPES = ['response.created', 'alert.fired', 'case.opened', 'case.updated'];

export async function show(body, args, session) {
  const admin = session.can(ADMIN);
  const data = await get('/v1/webhooks');
  const section = card(t('webhooks'), admin ? '' : t('readOnlySection'));
  const holder = el('<div class="webhooks"></div>');
  section.append(holder);
  const subscriptions = data.subscriptions || [];
  subscriptions.forEach((s) => holder.append(subscription(s, admin, args[0] === s.subscriptionId)));
  if (!subscriptions.length) holder.append(el(`<p class="meta">${escape(t('nothingYet'))}</p>`));
  if (admin) section.append(createForm(holder));
  body.append(section);
}

function subscription(s, admin, open) {
  const item = el(`<article class="webhook" data-subscription="${escape(s.subscriptionId)}">
      <header><h3>${escape(s.url)}</h3><span class="meta">${escape((s.eventTypes || []).join(', '))} · ${escape(date(s.createTime))}</span></header>
      <div class="row-actions"></div>
      <details ${open ? 'open' : ''}><summary>${escape(t('deliveries'))}</summary><div class="deliveries"></div></details>
      <p class="form-error error" role="alert"></p></article>`);
  const details = item.querySelector('details');
  const load = () => deliveries(item.querySelector('.deliveries'), s, admin).catch((err) => { item.querySelector('.deliveries').textContent = err.message; });
  details.addEventListener('toggle', () => { if (details.open) load(); });
  if (open) load();
  if (admin) {
    const remove = el(`<button type="button" class="secondary">${escape(t('delete'))}</button>`);
    remove.addEventListener('click', async () => {
      if (!window.confirm(t('confirmDelete'))) return;
      try { await del(`/v1/webhooks/${encodeURIComponent(s.subscriptionId)}`); item.remove(); } catch (err) { item.querySelector('.form-error').textContent = err.message; }
    });
    item.querySelector('.row-actions').append(remove);
  }
  return item;
}

async function deliveries(target, s, admin) {
  const data = await get(`/v1/webhooks/${encodeURIComponent(s.subscriptionId)}/deliveries?pageSize=50`);
  const list = data.deliveries || [];
  target.innerHTML = '';
  if (!list.length) { target.append(el(`<p class="meta">${escape(t('noDeliveries'))}</p>`)); return; }
  const table = el(`<div class="table-scroll"><table class="setup-table"><thead><tr><th scope="col">${escape(t('event'))}</th><th scope="col">${escape(t('state'))}</th>
      <th scope="col">${escape(t('attempts'))}</th><th scope="col">${escape(t('created'))}</th>${admin ? `<th scope="col"><span class="sr-only">${escape(t('redeliver'))}</span></th>` : ''}</tr></thead><tbody></tbody></table></div>`);
  const rows = table.querySelector('tbody');
  list.forEach((d) => rows.append(deliveryRow(s, d, admin)));
  target.append(table);
}

function deliveryRow(s, d, admin) {
  const state = d.state || '';
  const tone = state.endsWith('DELIVERED') ? 'good' : state.endsWith('FAILED') ? 'bad' : '';
  const attempts = (d.attempts || []).map((a) => `<li>${escape(date(a.time))} · ${escape(t('httpStatus'))} ${escape(a.statusCode || '–')} · ${escape(num(Number(a.durationMs || 0), 0))} ms${a.error ? ` · ${escape(a.error)}` : ''}</li>`).join('');
  const row = el(`<tr data-delivery="${escape(d.deliveryId)}"><td>${escape(d.eventType)} <span class="meta">${escape(d.deliveryId)}</span></td>
      <td><span class="tag ${tone}">${escape(label(state))}</span>${d.nextAttemptTime ? ` <span class="meta">→ ${escape(date(d.nextAttemptTime))}</span>` : ''}</td>
      <td><ul class="attempts">${attempts || '<li class="meta">–</li>'}</ul></td><td>${escape(date(d.createTime))}</td>${admin ? '<td class="row-actions"></td>' : ''}</tr>`);
  if (admin) {
    const b = el(`<button type="button" class="secondary">${escape(t('redeliver'))}</button>`);
    b.addEventListener('click', async () => {
      b.disabled = true;
      try {
        const again = await post(`/v1/webhooks/${encodeURIComponent(s.subscriptionId)}/deliveries/${encodeURIComponent(d.deliveryId)}:redeliver`, {});
        const fresh = deliveryRow(s, again, admin);
        fresh.querySelector('.row-actions').append(el(`<span class="meta" role="status">${escape(t('redelivered'))}</span>`));
        row.replaceWith(fresh);
      } catch (err) {
        b.disabled = false;
        row.closest('article').querySelector('.form-error').textContent = err.message;
      }
    });
    row.querySelector('.row-actions').append(b);
  }
  return row;
}

function createForm(holder) {
  const form = el(`<form class="setup-form" novalidate><h3>${escape(t('newWebhook'))}</h3><div class="fields">
      <label class="wide">${escape(t('url'))}<input type="url" name="url" required data-field="subscription.url" placeholder="https://"></label>
      <fieldset class="checks" data-field="subscription.eventTypes"><legend>${escape(t('eventTypes'))}</legend>
        ${EVENT_TYPES.map((e) => `<label class="check"><input type="checkbox" name="eventTypes" value="${e}" ${e === 'alert.fired' ? 'checked' : ''}> <code>${e}</code></label>`).join('')}</fieldset>
      <label class="wide">${escape(t('secret'))}<input name="secret" autocomplete="off" data-field="subscription.secret"></label>
    </div><p class="form-error error" role="alert"></p><p class="result" aria-live="polite"></p><button type="submit">${escape(t('create'))}</button></form>`);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const out = form.querySelector('.result');
    out.innerHTML = '';
    const payload = { url: form.elements.url.value, eventTypes: [...form.querySelectorAll('input[name=eventTypes]:checked')].map((i) => i.value) };
    if (form.elements.secret.value) payload.secret = form.elements.secret.value;
    try {
      const created = await post('/v1/webhooks', payload);
      holder.querySelector(':scope > p.meta')?.remove();
      holder.append(subscription(created, true, false));
      form.reset();
      if (created.secret) {
        out.append(el(`<span>${escape(t('secretOnce'))} </span>`));
        out.append(el(`<input readonly class="secret" size="40" aria-label="${escape(t('secret'))}" value="${escape(created.secret)}">`));
        out.append(copyButton(() => created.secret));
      }
    } catch (err) { showErrors(form, err); }
  });
  return form;
}
