// Distributions of a survey (links, QR codes, kiosks, widgets) with their status, the QR
// code the API draws, the embed snippets; and the e-mail/SMS campaigns sent through a
// distribution, with their progress, response rate and reminders.
import { get, post } from '../../api.js';
import { label, date, num } from '../../i18n.js';
import { t, el, escape, card, options, showErrors, clearErrors, copyButton, CHANNELS, ANALYST } from './common.js';
import { allSurveys } from './surveys.js';

export async function show(body, args, session) {
  const surveys = await allSurveys();
  const surveyId = args[0] || (surveys.find((s) => s.state === 'SURVEY_STATE_ACTIVE') || surveys[0] || {}).surveyId;
  const picker = el(`<form class="toolbar"><label>${escape(t('chooseSurvey'))}<select name="survey">
      ${surveys.map((s) => `<option value="${escape(s.surveyId)}" ${s.surveyId === surveyId ? 'selected' : ''}>${escape(s.title)} · ${escape(label(s.state))}</option>`).join('')}</select></label></form>`);
  picker.querySelector('select').addEventListener('change', (e) => { location.hash = `#/setup/distributions/${encodeURIComponent(e.target.value)}`; });
  body.append(picker);
  if (!surveyId) { body.append(el(`<p class="card meta">${escape(t('nothingYet'))}</p>`)); return; }
  const write = session.can(ANALYST);
  const [data, rates] = await Promise.all([get(`/v1/surveys/${encodeURIComponent(surveyId)}/distributions?pageSize=100`),
    get(`/v1/surveys/${encodeURIComponent(surveyId)}/response-rates`).catch(() => null)]);
  if (rates && rates.total && Number(rates.total.invited || 0) > 0) {
    const ratesCard = card(t('surveyRates'));
    ratesCard.append(stats(rates.total));
    body.append(ratesCard);
  }
  const section = card(t('setupDistributions'), write ? '' : t('readOnlySection'));
  const holder = el('<div class="distributions"></div>');
  section.append(holder);
  const distributions = data.distributions || [];
  distributions.forEach((d) => holder.append(distribution(d, write)));
  if (!distributions.length) holder.append(el(`<p class="meta">${escape(t('nothingYet'))}</p>`));
  if (write) section.append(createForm(surveyId, holder));
  body.append(section);
}

function createForm(surveyId, holder) {
  const form = el(`<form class="setup-form" novalidate><h3>${escape(t('newDistribution'))}</h3><div class="fields">
      <label>${escape(t('name'))}<input name="name" maxlength="200" data-field="distribution.name"></label>
      <label>${escape(t('channel'))}<select name="channel" data-field="distribution.channel">${options(CHANNELS, 'CHANNEL_QR', label)}</select></label>
      <label class="check"><input type="checkbox" name="kiosk" data-field="distribution.kiosk"> ${escape(t('kiosk'))}</label>
      <label>${escape(t('expires'))}<input type="datetime-local" name="expire" data-field="distribution.expireTime"></label>
      <label class="wide">${escape(t('reviewUrl'))}<input type="url" name="reviewUrl" data-field="distribution.reviewUrl"></label>
    </div><p class="form-error error" role="alert"></p><button type="submit">${escape(t('create'))}</button></form>`);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const f = form.elements;
    const payload = { name: f.name.value, channel: f.channel.value, kiosk: f.kiosk.checked, reviewUrl: f.reviewUrl.value };
    if (f.expire.value) payload.expireTime = new Date(f.expire.value).toISOString();
    try {
      const created = await post(`/v1/surveys/${encodeURIComponent(surveyId)}/distributions`, payload);
      holder.querySelector(':scope > p.meta')?.remove();
      holder.prepend(distribution(created, true));
      form.reset();
    } catch (err) { showErrors(form, err); }
  });
  return form;
}

const qrUrl = (d, extra = '') => `/v1/distributions/${encodeURIComponent(d.distributionId)}/qr-code${extra}`;

function distribution(d, write) {
  const status = d.status || '';
  const item = el(`<article class="distribution" data-distribution="${escape(d.distributionId)}">
      <header><h3>${escape(d.name || label(d.channel))}</h3>
        <span class="tag status-${escape(status.toLowerCase())}">${escape(label(status))}</span>
        <span class="meta">${escape(label(d.channel))}${d.kiosk ? ` · ${escape(t('kiosk'))}` : ''} · ${escape(date(d.createTime))}${d.expireTime ? ` · ${escape(t('expires'))} ${escape(date(d.expireTime))}` : ''}</span></header>
      <p class="public-url"><a href="${escape(d.publicUrl)}" target="_blank" rel="noopener">${escape(d.publicUrl)}</a></p>
      <div class="status-actions"></div>
      <details><summary>${escape(t('qr'))} · ${escape(t('snippets'))}</summary>
        <div class="qr-block">
          <figure class="qr"><img alt="${escape(t('qr'))}: ${escape(d.publicUrl)}" width="200" height="200" loading="lazy" data-src="${escape(qrUrl(d))}"><figcaption>${escape(d.name || '')}</figcaption></figure>
          <p class="qr-links"><a class="button secondary" href="${escape(qrUrl(d, '?size=1000'))}" download="qr-${escape(d.distributionId)}.png">${escape(t('downloadPng'))}</a>
            <a class="button secondary" href="${escape(qrUrl(d, '?format=QR_CODE_FORMAT_SVG'))}" download="qr-${escape(d.distributionId)}.svg">${escape(t('downloadSvg'))}</a>
            <button type="button" class="secondary print">${escape(t('print'))}</button></p>
        </div>
        <div class="snippets"></div>
      </details>
      <details class="campaigns-block"><summary>${escape(t('campaigns'))}</summary><div class="campaigns"></div></details>
      <p class="form-error error" role="alert"></p>
    </article>`);
  const details = item.querySelector('details');
  details.addEventListener('toggle', () => {
    const img = item.querySelector('img[data-src]');
    if (details.open && img && !img.getAttribute('src')) img.setAttribute('src', img.dataset.src);
  });
  item.querySelector('.print').addEventListener('click', () => {
    details.open = true;
    const img = item.querySelector('img[data-src]');
    img.setAttribute('src', img.dataset.src);
    item.classList.add('print-me');
    document.body.classList.add('printing-qr');
    const done = () => { item.classList.remove('print-me'); document.body.classList.remove('printing-qr'); window.removeEventListener('afterprint', done); };
    window.addEventListener('afterprint', done);
    if (img.complete) window.print(); else img.addEventListener('load', () => window.print(), { once: true });
  });
  snippets(item.querySelector('.snippets'), d);
  if (write && status !== 'DISTRIBUTION_STATUS_REVOKED') {
    const actions = item.querySelector('.status-actions');
    const change = (text, to) => {
      const b = el(`<button type="button" class="secondary">${escape(t(text))}</button>`);
      b.addEventListener('click', async () => {
        try {
          const updated = await post(`/v1/distributions/${encodeURIComponent(d.distributionId)}:setStatus`, { status: to });
          item.replaceWith(distribution(updated, write));
        } catch (err) { item.querySelector('.form-error').textContent = err.message; }
      });
      actions.append(b);
    };
    if (status === 'DISTRIBUTION_STATUS_ACTIVE') change('pause', 'DISTRIBUTION_STATUS_PAUSED');
    if (status === 'DISTRIBUTION_STATUS_PAUSED') change('resume', 'DISTRIBUTION_STATUS_ACTIVE');
    change('revoke', 'DISTRIBUTION_STATUS_REVOKED');
  }
  const campaignsBlock = item.querySelector('.campaigns-block');
  campaignsBlock.addEventListener('toggle', () => {
    if (campaignsBlock.open && !campaignsBlock.dataset.loaded) {
      campaignsBlock.dataset.loaded = 'yes';
      campaigns(item.querySelector('.campaigns'), d, write).catch((err) => { item.querySelector('.campaigns').textContent = err.message; });
    }
  });
  return item;
}

function snippets(target, d) {
  const origin = new URL(d.publicUrl, location.href).origin;
  const widget = `<script src="${origin}/respond/widget.js" data-cx-token="${d.token}" defer></script>`;
  const rows = [];
  if (['CHANNEL_WEB_WIDGET', 'CHANNEL_IN_APP'].includes(d.channel)) rows.push([t('widgetSnippet'), widget]);
  if (d.kiosk || d.channel === 'CHANNEL_KIOSK') rows.push([t('kioskLink'), d.publicUrl]);
  rows.forEach(([title, text]) => {
    const block = el(`<div class="snippet"><label>${escape(title)}<textarea readonly rows="2">${escape(text)}</textarea></label></div>`);
    block.append(copyButton(() => text));
    target.append(block);
  });
}

async function campaigns(target, d, write) {
  const data = await get(`/v1/distributions/${encodeURIComponent(d.distributionId)}/campaigns`);
  const list = el('<div class="campaign-list"></div>');
  target.append(list);
  const items = data.campaigns || [];
  if (!items.length) list.append(el(`<p class="meta">${escape(t('nothingYet'))}</p>`));
  await Promise.all(items.map(async (c) => list.append(await campaign(c))));
  if (write) target.append(campaignForm(d, list));
}

async function campaign(c) {
  const report = await get(`/v1/campaigns/${encodeURIComponent(c.campaignId)}/report`).catch(() => ({}));
  const s = report.total || {};
  const invited = Number(s.invited || 0);
  const sent = Number(s.sent || 0) + Number(s.failed || 0) + Number(s.suppressed || 0);
  const item = el(`<div class="campaign" data-campaign="${escape(c.campaignId)}">
      <h4>${escape(c.name || c.campaignId)} <span class="meta">${escape(label(c.channel))} · ${escape(date(c.createTime))}${c.reminderAfter ? ` · ${escape(t('reminderHours'))}: ${escape(num(parseFloat(c.reminderAfter) / 3600, 0))} h` : ''}</span></h4>
      <p><label>${escape(t('progress'))} <progress max="${invited || 1}" value="${Math.min(sent, invited)}">${escape(num(sent, 0))} / ${escape(num(invited, 0))}</progress></label>
        <span class="meta">${escape(num(sent, 0))} / ${escape(num(invited, 0))}</span></p>
      <details class="invitations"><summary>${escape(t('invitations'))}</summary><div class="table-scroll"></div></details></div>`);
  item.querySelector('p').after(stats(s));
  const details = item.querySelector('details.invitations');
  details.addEventListener('toggle', async () => {
    if (!details.open || details.dataset.loaded) return;
    details.dataset.loaded = 'yes';
    const holder = details.querySelector('.table-scroll');
    try {
      const page = await get(`/v1/campaigns/${encodeURIComponent(c.campaignId)}/invitations?pageSize=100`);
      holder.append(el(`<table class="setup-table"><thead><tr><th scope="col">${escape(t('address'))}</th><th scope="col">${escape(t('status'))}</th>
          <th scope="col">${escape(t('reminder'))}</th><th scope="col">${escape(t('opened'))}</th><th scope="col">${escape(t('responded'))}</th></tr></thead><tbody>
          ${(page.invitations || []).map((i) => `<tr><td>${escape(i.address)}${i.customerId ? ` <span class="meta">${escape(i.customerId)}</span>` : ''}</td>
            <td>${escape(label(i.status))}${i.lastError ? ` <span class="meta">${escape(i.lastError)}</span>` : ''}</td><td>${escape(label(i.reminderStatus || 'REMINDER_STATUS_NONE'))}</td>
            <td>${escape(date(i.openTime))}</td><td>${escape(date(i.respondTime))}</td></tr>`).join('')}</tbody></table>`));
    } catch (err) { holder.textContent = err.message; }
  });
  return item;
}

/** The counts and rates of a set of invitations (InvitationStats). */
function stats(s) {
  const count = (v) => escape(num(Number(v || 0), 0));
  return el(`<dl class="stats">
      <div><dt>${escape(t('invited'))}</dt><dd>${count(s.invited)}</dd></div>
      <div><dt>${escape(t('delivered'))}</dt><dd>${count(s.delivered)}</dd></div>
      <div><dt>${escape(t('queued'))}</dt><dd>${count(s.queued)}</dd></div>
      <div><dt>${escape(t('opened'))}</dt><dd>${count(s.opened)}</dd></div>
      <div><dt>${escape(t('responded'))}</dt><dd>${count(s.responded)}</dd></div>
      <div><dt>${escape(t('responseRate'))}</dt><dd>${escape(num((s.responseRate || 0) * 100, 1))} %</dd></div>
      <div><dt>${escape(t('reminded'))}</dt><dd>${count(s.reminded)}</dd></div>
    </dl>`);
}

function campaignForm(d, list) {
  const form = el(`<form class="setup-form" novalidate><h4>${escape(t('newCampaign'))}</h4><div class="fields">
      <label>${escape(t('name'))}<input name="name" maxlength="200" data-field="campaign.name"></label>
      <label>${escape(t('channel'))}<select name="channel" data-field="campaign.channel">${options(['CHANNEL_EMAIL', 'CHANNEL_SMS'], 'CHANNEL_EMAIL', label)}</select></label>
      <label>${escape(t('language'))}<select name="language" data-field="campaign.language"><option value="fr">Français</option><option value="en">English</option></select></label>
      <label>${escape(t('reminderHours'))}<input type="number" name="reminder" min="1" max="720" data-field="campaign.reminderAfter"></label>
      <label class="wide">${escape(t('subject'))}<input name="subject" maxlength="200" data-field="campaign.subject"></label>
      <label class="wide">${escape(t('message'))}<textarea name="message" rows="3" maxlength="2000" data-field="campaign.message"></textarea></label>
      <label class="wide">${escape(t('recipients'))}<textarea name="recipients" rows="4" data-field="recipients" placeholder="alice@example.com; Alice; c-1"></textarea></label>
    </div><p class="form-error error" role="alert"></p><button type="submit">${escape(t('create'))}</button></form>`);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const f = form.elements;
    const sms = f.channel.value === 'CHANNEL_SMS';
    const recipients = f.recipients.value.split('\n').map((line) => line.split(';').map((s) => s.trim())).filter((p) => p[0] || p[2])
      .map(([address, name, customerId]) => ({ [sms ? 'phone' : 'email']: address || '', name: name || '', customerId: customerId || '' }));
    const campaignBody = { name: f.name.value, channel: f.channel.value, language: f.language.value, subject: f.subject.value, message: f.message.value };
    if (f.reminder.value) campaignBody.reminderAfter = `${Math.round(Number(f.reminder.value) * 3600)}s`;
    try {
      const created = await post(`/v1/distributions/${encodeURIComponent(d.distributionId)}/campaigns`, { campaign: campaignBody, recipients });
      list.querySelector(':scope > p.meta')?.remove();
      list.prepend(await campaign(created));
      form.reset();
    } catch (err) { showErrors(form, err); }
  });
  return form;
}
