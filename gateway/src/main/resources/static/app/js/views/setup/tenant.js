// The organisation: its time zone (cuts the indicators' days), the branding of its survey
// pages, and the browser origins allowed to call its API (CORS). Everyone reads the first
// two; administrators change them and alone see the CORS policy.
import { get, put, patch } from '../../api.js';
import { num } from '../../i18n.js';
import { t, el, escape, card, showErrors, clearErrors, tenantPath, ADMIN } from './common.js';

export async function show(body, args, session) {
  const admin = session.can(ADMIN);
  const [settings, branding] = await Promise.all([get('/v1/metric-settings'), get('/v1/branding')]);
  body.append(timeZone(settings, admin));
  body.append(brandingCard(branding, admin));
  if (admin) body.append(await cors(session));
}

function zones() {
  try { return Intl.supportedValuesOf('timeZone'); } catch (e) { return []; }
}

function timeZone(settings, admin) {
  const section = card(t('timeZone'), admin ? t('timeZoneNote') : t('readOnlySection'));
  if (!admin) { section.append(el(`<p class="value">${escape(settings.timeZone || 'UTC')}</p>`)); return section; }
  const form = el(`<form class="setup-form" novalidate><div class="fields">
      <label>${escape(t('timeZone'))}<input name="timeZone" list="cx-zones" required data-field="settings.timeZone" value="${escape(settings.timeZone || 'UTC')}"></label>
      <datalist id="cx-zones">${['UTC', ...zones()].map((z) => `<option value="${escape(z)}"></option>`).join('')}</datalist>
    </div><p class="form-error error" role="alert"></p><p class="result" aria-live="polite"></p><button type="submit">${escape(t('save'))}</button></form>`);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    try {
      const answer = await patch('/v1/metric-settings', { timeZone: form.elements.timeZone.value });
      form.querySelector('.result').textContent = `${t('saved')} ${answer.settings.timeZone} · ${t('rebuilt')}: ${num(Number(answer.recordsRebuilt || 0), 0)}`;
    } catch (err) { showErrors(form, err); }
  });
  section.append(form);
  return section;
}

function brandingCard(branding, admin) {
  const section = card(t('branding'), admin ? '' : t('readOnlySection'));
  if (!admin) {
    section.append(el(`<dl class="facts"><dt>${escape(t('brandName'))}</dt><dd>${escape(branding.name || '–')}</dd>
        <dt>${escape(t('color'))}</dt><dd>${escape(branding.color || '–')}</dd><dt>${escape(t('logoUrl'))}</dt><dd>${escape(branding.logoUrl || '–')}</dd>
        <dt>${escape(t('reviewUrl'))}</dt><dd>${escape(branding.reviewUrl || '–')}</dd></dl>`));
    return section;
  }
  const disabled = '';
  const form = el(`<form class="setup-form" novalidate><div class="fields">
      <label>${escape(t('brandName'))}<input name="name" maxlength="100" ${disabled} data-field="branding.name" value="${escape(branding.name || '')}"></label>
      <label>${escape(t('color'))}<input name="color" ${disabled} data-field="branding.color" value="${escape(branding.color || '')}" placeholder="#0b5fff"></label>
      <label class="wide">${escape(t('logoUrl'))}<input name="logoUrl" type="url" ${disabled} data-field="branding.logoUrl" value="${escape(branding.logoUrl || '')}"></label>
      <label class="wide">${escape(t('reviewUrl'))}<input name="reviewUrl" type="url" ${disabled} data-field="branding.reviewUrl" value="${escape(branding.reviewUrl || '')}"></label>
      <span class="swatch" aria-hidden="true"></span>
    </div><p class="form-error error" role="alert"></p><p class="result" aria-live="polite"></p><button type="submit">${escape(t('save'))}</button></form>`);
  const swatch = form.querySelector('.swatch');
  const paint = () => { swatch.style.background = /^#[0-9a-fA-F]{6}$/.test(form.elements.color.value) ? form.elements.color.value : 'transparent'; };
  form.elements.color.addEventListener('input', paint);
  paint();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const f = form.elements;
    try {
      await put('/v1/branding', { name: f.name.value, color: f.color.value, logoUrl: f.logoUrl.value, reviewUrl: f.reviewUrl.value });
      form.querySelector('.result').textContent = t('saved');
    } catch (err) { showErrors(form, err); }
  });
  section.append(form);
  return section;
}

async function cors(session) {
  const policy = await get(tenantPath(session, '/corsPolicy'));
  const section = card(t('corsOrigins'));
  const form = el(`<form class="setup-form" novalidate><div class="fields">
      <label class="wide">${escape(t('oneOriginPerLine'))}<textarea name="origins" rows="3" data-field="corsPolicy.allowedOrigins">${escape((policy.allowedOrigins || []).join('\n'))}</textarea></label>
    </div><p class="form-error error" role="alert"></p><p class="result" aria-live="polite"></p><button type="submit">${escape(t('save'))}</button></form>`);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const origins = form.elements.origins.value.split('\n').map((s) => s.trim()).filter(Boolean);
    try {
      const saved = await put(tenantPath(session, '/corsPolicy'), { allowedOrigins: origins });
      form.querySelector('.result').textContent = `${t('saved')} ${(saved.allowedOrigins || []).join(', ') || '–'}`;
    } catch (err) { showErrors(form, err); }
  });
  section.append(form);
  return section;
}
