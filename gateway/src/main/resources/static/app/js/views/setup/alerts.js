// Alert rules on responses (conditions, actions, SLA) and metric alerts on an indicator over
// a rolling window: list, create, edit, enable/disable, delete; metric rules evaluated on
// demand. Analysts and admins change them; the other roles read them.
import { get, post, put, patch, del } from '../../api.js';
import { label, date, num, addTexts } from '../../i18n.js';
import { t, el, escape, card, options, showErrors, clearErrors, list, CHANNELS, ANALYST } from './common.js';
import { allSurveys } from './surveys.js';

addTexts({}, {
  en: { METRIC_ALERT_OUTCOME_NOT_BREACHED: 'Not breached', METRIC_ALERT_OUTCOME_INSUFFICIENT_SAMPLE: 'Too few answers',
    METRIC_ALERT_OUTCOME_FIRED: 'Fired', METRIC_ALERT_OUTCOME_ALREADY_FIRED: 'Still breached (already fired)',
    METRIC_ALERT_OUTCOME_NOTIFICATION_PENDING: 'Alert pending', METRIC_ALERT_OUTCOME_FAILED: 'Failed',
    METRIC_ALERT_OUTCOME_DISABLED: 'Disabled', METRIC_ALERT_OUTCOME_UNSPECIFIED: 'Not evaluated yet' },
  fr: { METRIC_ALERT_OUTCOME_NOT_BREACHED: 'Seuil non franchi', METRIC_ALERT_OUTCOME_INSUFFICIENT_SAMPLE: 'Trop peu de réponses',
    METRIC_ALERT_OUTCOME_FIRED: 'Déclenchée', METRIC_ALERT_OUTCOME_ALREADY_FIRED: 'Toujours franchi (déjà déclenchée)',
    METRIC_ALERT_OUTCOME_NOTIFICATION_PENDING: 'Alerte en attente', METRIC_ALERT_OUTCOME_FAILED: 'Échec',
    METRIC_ALERT_OUTCOME_DISABLED: 'Désactivée', METRIC_ALERT_OUTCOME_UNSPECIFIED: 'Pas encore évaluée' },
});

const CATEGORIES = ['NPS_CATEGORY_DETRACTOR', 'NPS_CATEGORY_PASSIVE', 'NPS_CATEGORY_PROMOTER'];
const SENTIMENTS = ['TEXT_SENTIMENT_NEGATIVE', 'TEXT_SENTIMENT_NEUTRAL', 'TEXT_SENTIMENT_POSITIVE', 'TEXT_SENTIMENT_MIXED'];
const METRICS = ['SCORE_METRIC_NPS', 'SCORE_METRIC_CSAT', 'SCORE_METRIC_CES'];
const SEVERITIES = ['METRIC_ALERT_SEVERITY_INFO', 'METRIC_ALERT_SEVERITY_WARNING', 'METRIC_ALERT_SEVERITY_CRITICAL'];

export async function show(body, args, session) {
  const write = session.can(ANALYST);
  const [rules, metricRules, surveys, journeys] = await Promise.all([
    get('/v1/alert-rules').then((r) => r.rules || []),
    get('/v1/metric-alert-rules?pageSize=100').then((r) => r.rules || []),
    allSurveys(),
    get('/v1/journeys?pageSize=100').then((r) => r.journeys || []).catch(() => []),
  ]);
  const context = { write, surveys, journeys, rules, refresh: () => { body.innerHTML = ''; return show(body, args, session); } };
  body.append(alertRules(context));
  body.append(metricAlerts(context, metricRules));
}

function stagesOf(journeys) { return journeys.flatMap((j) => (j.stages || []).map((s) => ({ id: s.stageId, name: `${j.name} · ${s.name}`, touchpoints: s.touchpoints || [] }))); }
function surveyName(context, id) { return (context.surveys.find((s) => s.surveyId === id) || {}).title || id; }
function checks(name, values, selected, path) {
  return `<fieldset class="checks" data-field="${path}"><legend>${escape(t(name))}</legend>${values.map((v) =>
    `<label class="check"><input type="checkbox" name="${name}" value="${escape(v)}" ${(selected || []).includes(v) ? 'checked' : ''}> ${escape(label(v))}</label>`).join('')}</fieldset>`;
}
function checked(form, name) { return [...form.querySelectorAll(`input[name=${name}]:checked`)].map((i) => i.value); }

// ---- alert rules -------------------------------------------------------------------------

function alertRules(context) {
  const section = card(t('alertRules'), context.write ? '' : t('readOnlySection'));
  const table = el(`<div class="table-scroll"><table class="setup-table"><thead><tr><th scope="col">${escape(t('name'))}</th><th scope="col">${escape(t('state'))}</th>
      <th scope="col">${escape(t('conditions'))}</th><th scope="col">${escape(t('actionsLabel'))}</th>${context.write ? `<th scope="col"><span class="sr-only">${escape(t('edit'))}</span></th>` : ''}</tr></thead><tbody></tbody></table></div>`);
  const rows = table.querySelector('tbody');
  context.rules.forEach((r) => rows.append(ruleRow(context, r, section)));
  if (!context.rules.length) rows.append(el(`<tr><td colspan="5" class="meta">${escape(t('nothingYet'))}</td></tr>`));
  section.append(table);
  section.append(el('<p class="form-error error" role="alert"></p>'));
  if (context.write) {
    const add = el(`<button type="button">${escape(t('newRule'))}</button>`);
    add.addEventListener('click', () => { add.hidden = true; section.append(ruleForm(context, null)); section.querySelector('form [name=name]').focus(); });
    section.append(add);
  }
  return section;
}

function conditionsText(context, c = {}) {
  const parts = [];
  if (c.surveyId) parts.push(surveyName(context, c.surveyId));
  if ((c.categories || []).length) parts.push(c.categories.map(label).join(', '));
  if (c.hasMinScore) parts.push(`≥ ${c.minScore || 0}`);
  if (c.hasMaxScore) parts.push(`≤ ${c.maxScore || 0}`);
  if ((c.channels || []).length) parts.push(c.channels.map(label).join(', '));
  if (c.stageId) parts.push(`${t('stage')} ${c.stageId}`);
  if (c.touchpointId) parts.push(`${t('touchpoint')} ${c.touchpointId}`);
  if ((c.keywords || []).length) parts.push(`« ${c.keywords.join(', ')} »`);
  if ((c.sentiments || []).length) parts.push(c.sentiments.map(label).join(', '));
  if ((c.themes || []).length) parts.push(`#${c.themes.join(' #')}`);
  return parts.join(' · ') || t('any');
}
function actionsText(a = {}) {
  return [a.openCase ? t('openCase') : '', a.notifyWebhooks ? t('notifyWebhooks') : '', a.team ? `${t('team')} ${a.team}` : '',
    a.assignee ? `${t('assignee')} ${a.assignee}` : ''].filter(Boolean).join(' · ') || '–';
}

function ruleRow(context, r, section) {
  const row = el(`<tr data-rule="${escape(r.ruleId)}"><td>${escape(r.name)}</td><td><span class="tag ${r.enabled ? 'good' : ''}">${escape(t(r.enabled ? 'enabled' : 'disabled'))}</span></td>
      <td>${escape(conditionsText(context, r.conditions))}</td><td>${escape(actionsText(r.actions))}</td>${context.write ? '<td class="row-actions"></td>' : ''}</tr>`);
  if (!context.write) return row;
  const cell = row.querySelector('.row-actions');
  const error = (err) => { section.querySelector(':scope > .form-error').textContent = err.message; };
  const button = (text, handler) => { const b = el(`<button type="button" class="secondary">${escape(t(text))}</button>`); b.addEventListener('click', handler); cell.append(b); };
  button('edit', () => {
    section.querySelector('form.rule-form')?.remove();
    const form = ruleForm(context, r);
    row.closest('.table-scroll').after(form);
    form.querySelector('[name=name]').focus();
  });
  button(r.enabled ? 'disable' : 'enable', async () => {
    try {
      const updated = await put(`/v1/alert-rules/${encodeURIComponent(r.ruleId)}`, { ...r, enabled: !r.enabled });
      row.replaceWith(ruleRow(context, updated, section));
    } catch (err) { error(err); }
  });
  button('delete', async () => {
    if (!window.confirm(t('confirmDelete'))) return;
    try { await del(`/v1/alert-rules/${encodeURIComponent(r.ruleId)}`); row.remove(); } catch (err) { error(err); }
  });
  return row;
}

function ruleForm(context, rule) {
  const r = rule || { enabled: true, conditions: { categories: ['NPS_CATEGORY_DETRACTOR'] }, actions: { openCase: true, notifyWebhooks: true }, sla: {} };
  const c = r.conditions || {};
  const a = r.actions || {};
  const sla = r.sla || {};
  const stages = stagesOf(context.journeys);
  const touchpoints = stages.flatMap((s) => s.touchpoints.map((tp) => ({ id: tp.touchpointId, name: `${s.name} · ${tp.name}` })));
  const form = el(`<form class="setup-form rule-form" novalidate><h3>${escape(rule ? `${t('edit')} · ${rule.name}` : t('newRule'))}</h3>
      <div class="fields">
        <label class="wide">${escape(t('name'))}<input name="name" maxlength="200" required data-field="rule.name" value="${escape(r.name || '')}"></label>
        <label class="check"><input type="checkbox" name="enabled" ${r.enabled ? 'checked' : ''} data-field="rule.enabled"> ${escape(t('enabled'))}</label>
      </div>
      <h4>${escape(t('conditions'))}</h4>
      <div class="fields">
        <label>${escape(t('chooseSurvey'))}<select name="surveyId" data-field="rule.conditions.surveyId"><option value="">${escape(t('anySurvey'))}</option>${context.surveys.map((s) => `<option value="${escape(s.surveyId)}" ${s.surveyId === c.surveyId ? 'selected' : ''}>${escape(s.title)}</option>`).join('')}</select></label>
        <label>${escape(t('questionId'))}<input name="questionId" data-field="rule.conditions.questionId" value="${escape(c.questionId || '')}"></label>
        <label>${escape(t('minScore'))}<input type="number" name="minScore" min="0" max="10" data-field="rule.conditions.minScore" value="${c.hasMinScore ? escape(c.minScore || 0) : ''}"></label>
        <label>${escape(t('maxScore'))}<input type="number" name="maxScore" min="0" max="10" data-field="rule.conditions.maxScore" value="${c.hasMaxScore ? escape(c.maxScore || 0) : ''}"></label>
        <label>${escape(t('stage'))}<select name="stageId" data-field="rule.conditions.stageId"><option value="">${escape(t('any'))}</option>${stages.map((s) => `<option value="${escape(s.id)}" ${s.id === c.stageId ? 'selected' : ''}>${escape(s.name)}</option>`).join('')}</select></label>
        <label>${escape(t('touchpoint'))}<select name="touchpointId" data-field="rule.conditions.touchpointId"><option value="">${escape(t('any'))}</option>${touchpoints.map((tp) => `<option value="${escape(tp.id)}" ${tp.id === c.touchpointId ? 'selected' : ''}>${escape(tp.name)}</option>`).join('')}</select></label>
        <label class="wide">${escape(t('keywords'))}<input name="keywords" data-field="rule.conditions.keywords" value="${escape((c.keywords || []).join(', '))}"></label>
        <label class="wide">${escape(t('themes'))}<input name="themes" data-field="rule.conditions.themes" value="${escape((c.themes || []).join(', '))}"></label>
      </div>
      ${checks('categories', CATEGORIES, c.categories, 'rule.conditions.categories')}
      ${checks('sentiments', SENTIMENTS, c.sentiments, 'rule.conditions.sentiments')}
      ${checks('channels', CHANNELS, c.channels, 'rule.conditions.channels')}
      <h4>${escape(t('actionsLabel'))}</h4>
      <div class="fields" data-field="rule.actions">
        <label class="check"><input type="checkbox" name="openCase" ${a.openCase ? 'checked' : ''} data-field="rule.actions.openCase"> ${escape(t('openCase'))}</label>
        <label class="check"><input type="checkbox" name="notifyWebhooks" ${a.notifyWebhooks ? 'checked' : ''} data-field="rule.actions.notifyWebhooks"> ${escape(t('notifyWebhooks'))}</label>
        <label>${escape(t('team'))}<input name="team" data-field="rule.actions.team" value="${escape(a.team || '')}"></label>
        <label>${escape(t('assignee'))}<input name="assignee" data-field="rule.actions.assignee" value="${escape(a.assignee || '')}"></label>
        <label>${escape(t('slaFirstContact'))}<input type="number" min="0" name="firstContact" data-field="rule.sla.firstContactMinutes" value="${escape(sla.firstContactMinutes || '')}"></label>
        <label>${escape(t('slaResolution'))}<input type="number" min="0" name="resolution" data-field="rule.sla.resolutionMinutes" value="${escape(sla.resolutionMinutes || '')}"></label>
      </div>
      <p class="form-error error" role="alert"></p>
      <div class="buttons"><button type="submit">${escape(t(rule ? 'save' : 'create'))}</button><button type="button" class="secondary cancel">${escape(t('cancel'))}</button></div></form>`);
  form.querySelector('.cancel').addEventListener('click', () => context.refresh());
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const f = form.elements;
    const payload = {
      name: f.name.value,
      enabled: f.enabled.checked,
      conditions: {
        surveyId: f.surveyId.value, questionId: f.questionId.value, categories: checked(form, 'categories'),
        hasMinScore: f.minScore.value !== '', minScore: f.minScore.value === '' ? 0 : Number(f.minScore.value),
        hasMaxScore: f.maxScore.value !== '', maxScore: f.maxScore.value === '' ? 0 : Number(f.maxScore.value),
        channels: checked(form, 'channels'), stageId: f.stageId.value, touchpointId: f.touchpointId.value,
        keywords: list(f.keywords.value), sentiments: checked(form, 'sentiments'), themes: list(f.themes.value),
      },
      actions: { openCase: f.openCase.checked, notifyWebhooks: f.notifyWebhooks.checked, team: f.team.value, assignee: f.assignee.value },
      sla: { firstContactMinutes: Number(f.firstContact.value || 0), resolutionMinutes: Number(f.resolution.value || 0) },
    };
    try {
      if (rule) await put(`/v1/alert-rules/${encodeURIComponent(rule.ruleId)}`, { ...payload, ruleId: rule.ruleId });
      else await post('/v1/alert-rules', payload);
      await context.refresh();
    } catch (err) { showErrors(form, err); }
  });
  return form;
}

// ---- metric alerts -----------------------------------------------------------------------

function conditionText(m) {
  if (m.significantDrop) return `${t('significantDrop')} (α ${num(m.significantDrop.alpha || 0.05, 2)}${m.significantDrop.minDrop ? `, ≥ ${num(m.significantDrop.minDrop)}` : ''})`;
  if (m.threshold) return `${t(m.threshold.direction === 'THRESHOLD_DIRECTION_ABOVE' ? 'above' : 'below')} ${num(m.threshold.threshold || 0)}`;
  return '–';
}

function metricAlerts(context, rules) {
  const section = card(t('metricAlerts'), context.write ? '' : t('readOnlySection'));
  const table = el(`<div class="table-scroll"><table class="setup-table"><thead><tr><th scope="col">${escape(t('name'))}</th><th scope="col">${escape(t('state'))}</th>
      <th scope="col">${escape(t('condition'))}</th><th scope="col">${escape(t('lastOutcome'))}</th>${context.write ? `<th scope="col"><span class="sr-only">${escape(t('edit'))}</span></th>` : ''}</tr></thead><tbody></tbody></table></div>`);
  const rows = table.querySelector('tbody');
  rules.forEach((m) => rows.append(metricRow(context, m, section)));
  if (!rules.length) rows.append(el(`<tr><td colspan="5" class="meta">${escape(t('nothingYet'))}</td></tr>`));
  section.append(table);
  section.append(el('<p class="form-error error" role="alert"></p>'));
  if (context.write) {
    const add = el(`<button type="button">${escape(t('newRule'))}</button>`);
    add.addEventListener('click', () => { add.hidden = true; section.append(metricForm(context, null)); section.querySelector('form [name=name]').focus(); });
    section.append(add);
  }
  return section;
}

function outcomeText(m) {
  const s = m.state || {};
  const o = s.lastObservation;
  const figures = o ? ` · ${num(o.value)} (n = ${num(Number(o.n || 0), 0)}${o.interval ? `, ${num(o.interval.low)}–${num(o.interval.high)}` : ''})` : '';
  return `${label(s.lastOutcome || 'METRIC_ALERT_OUTCOME_UNSPECIFIED')}${figures}${s.lastEvaluationTime ? ` · ${date(s.lastEvaluationTime)}` : ''}${s.lastError ? ` · ${s.lastError}` : ''}`;
}

function metricRow(context, m, section) {
  const row = el(`<tr data-metric-rule="${escape(m.ruleId)}"><td>${escape(m.name)} <span class="meta">${escape(label(m.metric))} · ${escape(num(m.windowDays || 7, 0))} j/d</span></td>
      <td><span class="tag ${m.enabled ? 'good' : ''}">${escape(t(m.enabled ? 'enabled' : 'disabled'))}</span></td>
      <td>${escape(conditionText(m))}</td><td>${escape(outcomeText(m))}</td>${context.write ? '<td class="row-actions"></td>' : ''}</tr>`);
  if (!context.write) return row;
  const cell = row.querySelector('.row-actions');
  const path = `/v1/metric-alert-rules/${encodeURIComponent(m.ruleId)}`;
  const error = (err) => { section.querySelector(':scope > .form-error').textContent = err.message; };
  const button = (text, handler) => { const b = el(`<button type="button" class="secondary">${escape(t(text))}</button>`); b.addEventListener('click', handler); cell.append(b); };
  button('edit', () => {
    section.querySelector('form.metric-form')?.remove();
    const form = metricForm(context, m);
    row.closest('.table-scroll').after(form);
    form.querySelector('[name=name]').focus();
  });
  button(m.enabled ? 'disable' : 'enable', async () => {
    try { row.replaceWith(metricRow(context, await patch(`${path}?updateMask=enabled`, { enabled: !m.enabled }), section)); } catch (err) { error(err); }
  });
  button('evaluate', async () => {
    try { await post('/v1/metric-alert-rules:evaluate', { ruleIds: [m.ruleId] }); row.replaceWith(metricRow(context, await get(path), section)); } catch (err) { error(err); }
  });
  button('delete', async () => {
    if (!window.confirm(t('confirmDelete'))) return;
    try { await del(path); row.remove(); } catch (err) { error(err); }
  });
  return row;
}

function metricForm(context, rule) {
  const m = rule || { enabled: true, metric: 'SCORE_METRIC_NPS', threshold: { direction: 'THRESHOLD_DIRECTION_BELOW', threshold: 20 }, windowDays: 7, minSample: 30, severity: 'METRIC_ALERT_SEVERITY_WARNING', actions: {} };
  const filter = m.filter || {};
  const drop = !!m.significantDrop;
  const th = m.threshold || {};
  const sd = m.significantDrop || {};
  const stages = stagesOf(context.journeys);
  const form = el(`<form class="setup-form metric-form" novalidate><h3>${escape(rule ? `${t('edit')} · ${rule.name}` : t('newRule'))}</h3>
      <div class="fields">
        <label class="wide">${escape(t('name'))}<input name="name" maxlength="200" required data-field="rule.name" value="${escape(m.name || '')}"></label>
        <label class="check"><input type="checkbox" name="enabled" ${m.enabled ? 'checked' : ''} data-field="rule.enabled"> ${escape(t('enabled'))}</label>
        <label>${escape(t('metric'))}<select name="metric" data-field="rule.metric">${options(METRICS, m.metric, label)}</select></label>
        <label>${escape(t('measure'))}<select name="measure" data-field="rule.measure">${options(['COMPARED_MEASURE_HEADLINE', 'COMPARED_MEASURE_MEAN'], m.measure || 'COMPARED_MEASURE_HEADLINE', label)}</select></label>
        <label>${escape(t('chooseSurvey'))}<select name="surveyId" data-field="rule.filter.surveyIds"><option value="">${escape(t('anySurvey'))}</option>${context.surveys.map((s) => `<option value="${escape(s.surveyId)}" ${(filter.surveyIds || []).includes(s.surveyId) ? 'selected' : ''}>${escape(s.title)}</option>`).join('')}</select></label>
        <label>${escape(t('questionId'))}<input name="questionId" data-field="rule.filter.questionId" value="${escape(filter.questionId || '')}"></label>
        <label>${escape(t('stage'))}<select name="stage" data-field="rule.filter.stages"><option value="">${escape(t('any'))}</option>${stages.map((s) => `<option value="${escape(s.id)}" ${(filter.stages || []).includes(s.id) ? 'selected' : ''}>${escape(s.name)}</option>`).join('')}</select></label>
      </div>
      ${checks('channels', CHANNELS, filter.channels, 'rule.filter.channels')}
      <fieldset class="checks" data-field="rule.condition"><legend>${escape(t('condition'))}</legend>
        <label class="check"><input type="radio" name="kind" value="threshold" ${drop ? '' : 'checked'}> ${escape(t('threshold'))}</label>
        <label class="check"><input type="radio" name="kind" value="drop" ${drop ? 'checked' : ''}> ${escape(t('significantDrop'))}</label>
      </fieldset>
      <div class="fields threshold-fields" ${drop ? 'hidden' : ''}>
        <label>${escape(t('direction'))}<select name="direction" data-field="rule.threshold.direction">${options(['THRESHOLD_DIRECTION_BELOW', 'THRESHOLD_DIRECTION_ABOVE'], th.direction || 'THRESHOLD_DIRECTION_BELOW', (v) => t(v.endsWith('ABOVE') ? 'above' : 'below'))}</select></label>
        <label>${escape(t('threshold'))}<input type="number" step="any" name="threshold" data-field="rule.threshold.threshold" value="${escape(th.threshold ?? '')}"></label>
        <label class="check"><input type="checkbox" name="confident" ${th.confident ? 'checked' : ''} data-field="rule.threshold.confident"> ${escape(t('confident'))}</label>
      </div>
      <div class="fields drop-fields" ${drop ? '' : 'hidden'}>
        <label>${escape(t('alpha'))}<input type="number" step="any" min="0" max="0.2" name="alpha" data-field="rule.significantDrop.alpha" value="${escape(sd.alpha ?? 0.05)}"></label>
        <label>${escape(t('minDrop'))}<input type="number" step="any" min="0" name="minDrop" data-field="rule.significantDrop.minDrop" value="${escape(sd.minDrop ?? '')}"></label>
      </div>
      <div class="fields">
        <label>${escape(t('windowDays'))}<input type="number" min="1" max="92" name="windowDays" data-field="rule.windowDays" value="${escape(m.windowDays || 7)}"></label>
        <label>${escape(t('minSample'))}<input type="number" min="1" name="minSample" data-field="rule.minSample" value="${escape(m.minSample || 30)}"></label>
        <label>${escape(t('interval'))}<input type="number" min="1" max="1440" name="interval" data-field="rule.evaluationIntervalMinutes" value="${escape(m.evaluationIntervalMinutes || 60)}"></label>
        <label>${escape(t('severity'))}<select name="severity" data-field="rule.severity">${options(SEVERITIES, m.severity || 'METRIC_ALERT_SEVERITY_WARNING', label)}</select></label>
        <label class="wide">${escape(t('titleTemplate'))}<input name="titleTemplate" maxlength="200" data-field="rule.titleTemplate" value="${escape(m.titleTemplate || '')}" placeholder="{rule_name}: {metric} {value} (n={n})"></label>
        <label class="check"><input type="checkbox" name="openCase" ${(m.actions || {}).openCase ? 'checked' : ''} data-field="rule.actions.openCase"> ${escape(t('openCase'))}</label>
        <label>${escape(t('surveyRule'))}<select name="surveyRuleId" data-field="rule.actions.surveyRuleId"><option value="">${escape(t('none'))}</option>${context.rules.map((r) => `<option value="${escape(r.ruleId)}" ${r.ruleId === (m.actions || {}).surveyRuleId ? 'selected' : ''}>${escape(r.name)}</option>`).join('')}</select></label>
      </div>
      <p class="form-error error" role="alert"></p>
      <div class="buttons"><button type="submit">${escape(t(rule ? 'save' : 'create'))}</button><button type="button" class="secondary cancel">${escape(t('cancel'))}</button></div></form>`);
  form.querySelectorAll('input[name=kind]').forEach((radio) => radio.addEventListener('change', () => {
    const isDrop = form.querySelector('input[name=kind]:checked').value === 'drop';
    form.querySelector('.threshold-fields').hidden = isDrop;
    form.querySelector('.drop-fields').hidden = !isDrop;
  }));
  form.querySelector('.cancel').addEventListener('click', () => context.refresh());
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const f = form.elements;
    const payload = {
      name: f.name.value, enabled: f.enabled.checked, metric: f.metric.value, measure: f.measure.value,
      filter: { surveyIds: f.surveyId.value ? [f.surveyId.value] : [], questionId: f.questionId.value, channels: checked(form, 'channels'), stages: f.stage.value ? [f.stage.value] : [] },
      windowDays: Number(f.windowDays.value || 0), minSample: Number(f.minSample.value || 0), evaluationIntervalMinutes: Number(f.interval.value || 0),
      severity: f.severity.value, titleTemplate: f.titleTemplate.value,
      actions: { openCase: f.openCase.checked, surveyRuleId: f.surveyRuleId.value },
    };
    if (form.querySelector('input[name=kind]:checked').value === 'drop') payload.significantDrop = { alpha: Number(f.alpha.value || 0), minDrop: Number(f.minDrop.value || 0) };
    else payload.threshold = { direction: f.direction.value, threshold: Number(f.threshold.value || 0), confident: f.confident.checked };
    try {
      if (rule) await patch(`/v1/metric-alert-rules/${encodeURIComponent(rule.ruleId)}`, { ...payload, ruleId: rule.ruleId });
      else await post('/v1/metric-alert-rules', payload);
      await context.refresh();
    } catch (err) { showErrors(form, err); }
  });
  return form;
}
