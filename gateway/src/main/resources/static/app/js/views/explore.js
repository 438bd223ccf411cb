// Explore: any score (NPS, CSAT, CES) sliced by one dimension and filtered by period,
// channel, survey, stage, touchpoint, segment and persona, every cell with its n and 95%
// interval, and a drill-down from a slice to its comments (highlighted from their analysis).
import { get, post, daysAgo } from '../api.js';
import { t, num, label, date, addTexts } from '../i18n.js';
import { el, escape } from '../main.js';
import { mount, bars, disposeAll } from '../charts.js';
import { highlight, interval } from './insight.js';

addTexts({
  en: {
    period2: 'Period', touchpoint: 'Touchpoint', drillDown: 'Drill down to the verbatims of this slice', noDrill: 'Anonymous respondents have no such attribute: showing the comments of the other filters.',
    unassigned: 'Not identified', total: 'All answers', filters: 'Filters', noComment: 'No comment in this slice.', valueTier: 'Value tier',
  },
  fr: {
    period2: 'Période', touchpoint: 'Point de contact', drillDown: 'Voir les verbatims de cette tranche', noDrill: 'Les répondants anonymes n’ont pas cet attribut : voici les commentaires des autres filtres.',
    unassigned: 'Non identifié', total: 'Toutes les réponses', filters: 'Filtres', noComment: 'Aucun commentaire dans cette tranche.', valueTier: 'Niveau de valeur',
  },
});

const DIMENSIONS = ['SCORE_DIMENSION_CHANNEL', 'SCORE_DIMENSION_SURVEY', 'SCORE_DIMENSION_STAGE', 'SCORE_DIMENSION_TOUCHPOINT',
  'SCORE_DIMENSION_SEGMENT', 'SCORE_DIMENSION_PERSONA', 'SCORE_DIMENSION_VALUE_TIER', 'SCORE_DIMENSION_PERIOD'];
const DIMENSION_TEXT = { SCORE_DIMENSION_CHANNEL: 'channel', SCORE_DIMENSION_SURVEY: 'survey', SCORE_DIMENSION_STAGE: 'stage', SCORE_DIMENSION_TOUCHPOINT: 'touchpoint',
  SCORE_DIMENSION_SEGMENT: 'segment', SCORE_DIMENSION_PERSONA: 'persona', SCORE_DIMENSION_VALUE_TIER: 'valueTier', SCORE_DIMENSION_PERIOD: 'period2' };
const TIERS = ['champions', 'loyal', 'promising', 'at_risk', 'hibernating', 'lost', 'no_orders'];
const CHANNELS = ['CHANNEL_LINK', 'CHANNEL_EMAIL', 'CHANNEL_SMS', 'CHANNEL_MESSAGING', 'CHANNEL_IN_APP', 'CHANNEL_WEB_WIDGET', 'CHANNEL_CHATBOT', 'CHANNEL_KIOSK', 'CHANNEL_QR', 'CHANNEL_SOCIAL', 'CHANNEL_REVIEW', 'CHANNEL_SUPPORT'];
let q = { metric: 'SCORE_METRIC_NPS', dimension: 'SCORE_DIMENSION_CHANNEL', days: 365, granularity: 'PERIOD_GRANULARITY_MONTH', channel: '', survey: '', stage: '', touchpoint: '', segment: '', persona: '', valueTier: '' };
let catalog = null;

export function leave() { disposeAll(); }

/** Names of surveys, stages, touchpoints, segments and personas, read once per visit. */
async function loadCatalog() {
  const [surveys, journeys, personas, segments, patterns] = await Promise.all([
    get('/v1/surveys?pageSize=100').catch(() => ({})),
    get('/v1/journeys?pageSize=50').catch(() => ({})),
    get('/v1/personas?pageSize=100').catch(() => ({})),
    get('/v1/segments').catch(() => ({})),
    get('/v1/contact-patterns').catch(() => ({})),
  ]);
  const stages = new Map(); const touchpoints = new Map();
  (journeys.journeys || []).forEach((j) => (j.stages || []).forEach((s) => {
    stages.set(s.stageId, s.name);
    (s.touchpoints || []).forEach((tp) => touchpoints.set(tp.touchpointId, tp.name));
  }));
  const segmentNames = new Map((segments.segments || []).map((s) => [s.segmentId, s.displayName || s.segmentId]));
  (patterns.segments || []).forEach((s) => { if (s.segment && s.segment !== 'unsegmented' && !segmentNames.has(s.segment)) segmentNames.set(s.segment, s.segment); });
  return {
    survey: new Map((surveys.surveys || []).map((s) => [s.surveyId, s.title || s.surveyId])),
    stage: stages, touchpoint: touchpoints, segment: segmentNames,
    persona: new Map((personas.personas || []).map((p) => [p.personaId, p.name])),
  };
}

function nameOf(dimension, value) {
  if (!value) return t('unassigned');
  if (value === 'unassigned') return t('unassigned');
  if (dimension === 'SCORE_DIMENSION_CHANNEL') return label('CHANNEL_' + value);
  if (dimension === 'SCORE_DIMENSION_PERIOD') return value;
  if (dimension === 'SCORE_DIMENSION_VALUE_TIER') return label('VALUE_TIER_' + value.toUpperCase());
  const map = catalog[DIMENSION_TEXT[dimension]];
  return (map && map.get(value)) || value;
}

function options(map) {
  return [...map.entries()].map(([id, name]) => `<option value="${escape(id)}">${escape(name)}</option>`).join('');
}

export async function show(main) {
  disposeAll();
  main.innerHTML = '';
  main.append(el(`<h1>${escape(t('explore'))}</h1>`));
  if (!catalog) catalog = await loadCatalog();
  const form = el(`<form class="toolbar explore-filters" aria-label="${escape(t('filters'))}">
      <label>${escape(t('metric'))}<select name="metric"><option value="SCORE_METRIC_NPS">NPS</option><option value="SCORE_METRIC_CSAT">CSAT</option><option value="SCORE_METRIC_CES">CES</option></select></label>
      <label>${escape(t('slice'))}<select name="dimension">${DIMENSIONS.map((d) => `<option value="${d}">${escape(t(DIMENSION_TEXT[d]))}</option>`).join('')}</select></label>
      <label>${escape(t('period'))}<select name="days"><option value="30">${escape(t('last30'))}</option><option value="90">${escape(t('last90'))}</option><option value="365">${escape(t('last365'))}</option></select></label>
      <label>${escape(t('granularity'))}<select name="granularity"><option value="PERIOD_GRANULARITY_WEEK">${escape(t('week'))}</option><option value="PERIOD_GRANULARITY_MONTH">${escape(t('month'))}</option></select></label>
      <label>${escape(t('channel'))}<select name="channel"><option value="">${escape(t('any'))}</option>${CHANNELS.map((c) => `<option value="${c}">${escape(label(c))}</option>`).join('')}</select></label>
      <label>${escape(t('survey'))}<select name="survey"><option value="">${escape(t('any'))}</option>${options(catalog.survey)}</select></label>
      <label>${escape(t('stage'))}<select name="stage"><option value="">${escape(t('any'))}</option>${options(catalog.stage)}</select></label>
      <label>${escape(t('touchpoint'))}<select name="touchpoint"><option value="">${escape(t('any'))}</option>${options(catalog.touchpoint)}</select></label>
      <label>${escape(t('segment'))}<select name="segment"><option value="">${escape(t('any'))}</option>${options(catalog.segment)}</select></label>
      <label>${escape(t('persona'))}<select name="persona"><option value="">${escape(t('any'))}</option>${options(catalog.persona)}</select></label>
      <label>${escape(t('valueTier'))}<select name="valueTier"><option value="">${escape(t('any'))}</option>${TIERS.map((v) => `<option value="${v}">${escape(label('VALUE_TIER_' + v.toUpperCase()))}</option>`).join('')}</select></label>
      <button type="submit">${escape(t('apply'))}</button></form>`);
  Object.entries(q).forEach(([k, v]) => { if (form[k]) form[k].value = String(v); });
  form.addEventListener('submit', (e) => { e.preventDefault(); q = Object.fromEntries(new FormData(form)); q.days = Number(q.days); show(main); });
  main.append(form);
  const filter = { period: { startDate: daysAgo(q.days - 1), endDate: daysAgo(0) } };
  if (q.channel) filter.channels = [q.channel];
  if (q.survey) filter.surveyIds = [q.survey];
  if (q.stage) filter.stages = [q.stage];
  if (q.touchpoint) filter.touchpoints = [q.touchpoint];
  if (q.segment) filter.segments = [q.segment];
  if (q.persona) filter.personas = [q.persona];
  if (q.valueTier) filter.valueTiers = [q.valueTier];
  const result = await post('/v1/scores:query', { metric: q.metric, filter, groupBy: [q.dimension], granularity: q.granularity });
  const cells = result.cells || [];
  const total = (result.totals || [])[0];
  const metricName = q.metric.replace('SCORE_METRIC_', '');
  const card = el(`<section class="card" aria-labelledby="ex-h"><h2 id="ex-h">${escape(metricName)} · ${escape(t(DIMENSION_TEXT[q.dimension]))}</h2>
      ${total ? `<p class="explore-total">${escape(t('total'))}: <b>${num(total.value)}</b> <span class="meta">${interval(total.interval)} · n = ${num(Number(total.n), 0)}</span></p>` : ''}
      <div class="chart" role="img" aria-label="${escape(metricName)} · ${escape(t(DIMENSION_TEXT[q.dimension]))}"></div></section>`);
  main.append(card);
  if (!cells.length) { card.querySelector('.chart').replaceWith(el(`<p class="meta">${escape(t('noData'))}</p>`)); return; }
  const values = cells.map((c) => c.key[0].value || '');
  const names = values.map((v) => nameOf(q.dimension, v));
  const chart = mount(card.querySelector('.chart'), bars(names, cells.map((c) => c.score.value ?? 0), {
    name: metricName, intervals: cells.map((c) => [c.score.interval?.low ?? c.score.value, c.score.interval?.high ?? c.score.value]), counts: cells.map((c) => Number(c.score.n)) }));
  chart.on('click', (p) => { if (p.componentSubType === 'bar') verbatims(main, q.dimension, values[p.dataIndex], names[p.dataIndex], filter); });
  const table = el(`<table class="explore-table"><caption class="sr-only">${escape(metricName)}</caption><thead><tr><th scope="col">${escape(t('slice'))}</th><th scope="col">${escape(metricName)}</th><th scope="col">${escape(t('interval'))}</th><th scope="col">n</th><th scope="col"><span class="sr-only">${escape(t('verbatims'))}</span></th></tr></thead><tbody></tbody></table>`);
  cells.forEach((c, i) => {
    const row = el(`<tr data-slice="${escape(values[i])}"><th scope="row">${escape(names[i])}</th><td data-value>${num(c.score.value)}${c.score.lowSample ? ` <span class="warn" title="${escape(t('lowSample'))}">⚠<span class="sr-only">${escape(t('lowSample'))}</span></span>` : ''}</td>
      <td>${interval(c.score.interval)}</td><td>${num(Number(c.score.n), 0)}</td><td><button type="button" class="secondary" aria-label="${escape(t('drillDown'))}: ${escape(names[i])}">${escape(t('verbatims'))}</button></td></tr>`);
    row.querySelector('button').addEventListener('click', () => verbatims(main, q.dimension, values[i], names[i], filter));
    table.tBodies[0].append(row);
  });
  const scroll = el('<div class="scroll"></div>');
  scroll.append(table);
  main.append(scroll);
  main.append(el(`<section class="card" id="verbatims" aria-live="polite" hidden></section>`));
}

/** The end (exclusive) of the period starting on `day`. */
function periodEnd(day, granularity) {
  const d = new Date(day + 'T00:00:00Z');
  if (granularity === 'PERIOD_GRANULARITY_WEEK') d.setUTCDate(d.getUTCDate() + 7);
  else if (granularity === 'PERIOD_GRANULARITY_DAY') d.setUTCDate(d.getUTCDate() + 1);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString();
}

async function verbatims(main, dimension, value, name, filter) {
  // Slices by who is speaking (segment, persona, value tier) are known to the analysed
  // comments, not to the responses: those drill-downs read the verbatims of text analytics.
  const byWho = (d) => ['SCORE_DIMENSION_SEGMENT', 'SCORE_DIMENSION_PERSONA', 'SCORE_DIMENSION_VALUE_TIER'].includes(d);
  if (byWho(dimension) || filter.segments || filter.personas || filter.valueTiers) {
    return analysedVerbatims(main, dimension, value, name, filter);
  }
  const params = new URLSearchParams({ pageSize: '30', comment: 'COMMENT_FILTER_WITH_COMMENT', startTime: filter.period.startDate + 'T00:00:00Z' });
  if (filter.channels) params.set('channel', filter.channels[0]);
  if (filter.surveyIds) params.set('surveyId', filter.surveyIds[0]);
  if (filter.stages) params.set('stageId', filter.stages[0]);
  if (filter.touchpoints) params.set('touchpointId', filter.touchpoints[0]);
  let exact = true;
  if (dimension === 'SCORE_DIMENSION_CHANNEL' && value) params.set('channel', 'CHANNEL_' + value);
  else if (dimension === 'SCORE_DIMENSION_SURVEY' && value) params.set('surveyId', value);
  else if (dimension === 'SCORE_DIMENSION_STAGE' && value) params.set('stageId', value);
  else if (dimension === 'SCORE_DIMENSION_TOUCHPOINT' && value) params.set('touchpointId', value);
  else if (dimension === 'SCORE_DIMENSION_PERIOD' && value) { params.set('startTime', value + 'T00:00:00Z'); params.set('endTime', periodEnd(value, q.granularity)); }
  else exact = false;
  await drillDown(main, name, exact, async (token, list) => {
    if (token) params.set('pageToken', token);
    const page = await get('/v1/responses?' + params);
    const responses = page.responses || [];
    // the analysis of each comment gives the words to highlight (themes' evidence, sentiment words)
    const analyses = await Promise.all(responses.map((r) => get('/v1/text/responses/' + encodeURIComponent(r.responseId)).catch(() => ({}))));
    responses.forEach((r, i) => {
      const analysed = new Map((analyses[i].comments || []).map((c) => [c.questionId, c]));
      const texts = (r.answers || []).filter((a) => a.text).map((a) => {
        const c = analysed.get(a.questionId);
        return `<blockquote>${highlight(a.text, c ? c.highlights : [])}</blockquote>${sentimentTag(c)}`;
      });
      const scores = (r.answers || []).filter((a) => a.score !== undefined).map((a) => `${escape(a.questionId || '')} <b>${num(a.score, 0)}</b>`);
      list.append(el(`<li data-response-id="${escape(r.responseId)}"><span class="meta">${escape(date(r.submitTime))} · ${escape(label(r.channel))} · ${escape(catalog.survey.get(r.surveyId) || r.surveyId)}</span> ${scores.join(' · ')}${texts.join('')}</li>`));
    });
    return page.nextPageToken;
  });
}

/** The drill-down through the analysed comments, which know each respondent's segment, persona and value tier. */
async function analysedVerbatims(main, dimension, value, name, filter) {
  const params = new URLSearchParams({ pageSize: '30', from: filter.period.startDate, to: filter.period.endDate });
  const set = (key, values) => { if (values) params.set(key, values[0]); };
  set('channel', filter.channels && filter.channels.map((c) => c.replace(/^CHANNEL_/, '')));
  set('surveyId', filter.surveyIds);
  set('stageId', filter.stages);
  set('touchpointId', filter.touchpoints);
  set('segmentId', filter.segments);
  set('personaId', filter.personas);
  set('valueTier', filter.valueTiers);
  const key = { SCORE_DIMENSION_CHANNEL: 'channel', SCORE_DIMENSION_SURVEY: 'surveyId', SCORE_DIMENSION_STAGE: 'stageId',
    SCORE_DIMENSION_TOUCHPOINT: 'touchpointId', SCORE_DIMENSION_SEGMENT: 'segmentId', SCORE_DIMENSION_PERSONA: 'personaId',
    SCORE_DIMENSION_VALUE_TIER: 'valueTier' }[dimension];
  // an empty value is the anonymous respondents' slice, which no filter selects
  const exact = Boolean(value);
  if (key && value) params.set(key, value);
  else if (dimension === 'SCORE_DIMENSION_PERIOD' && value) {
    // periodEnd is the first instant after the period; the API's `to` is its last day
    const last = new Date(periodEnd(value, q.granularity));
    last.setUTCDate(last.getUTCDate() - 1);
    params.set('from', value);
    params.set('to', last.toISOString().slice(0, 10));
  }
  await drillDown(main, name, exact, async (token, list) => {
    if (token) params.set('pageToken', token);
    const page = await get('/v1/text/verbatims?' + params);
    (page.verbatims || []).forEach((v) => {
      list.append(el(`<li data-response-id="${escape(v.responseId)}"><span class="meta">${escape(date(v.submitTime))} · ${escape(catalog.survey.get(v.surveyId) || v.surveyId)}</span><blockquote>${highlight(v.text || '', v.highlights)}</blockquote>${sentimentTag(v)}</li>`));
    });
    return page.nextPageToken;
  });
}

function sentimentTag(analysed) {
  return analysed && analysed.analysis && analysed.analysis.sentiment ? ` <span class="tag">${escape(label(analysed.analysis.sentiment))}</span>` : '';
}

/**
 * Shows a slice's comments in the #verbatims box, a page at a time: `loadPage(token, list)`
 * appends one page's items to the list and returns the next page's token.
 */
async function drillDown(main, name, exact, loadPage) {
  const box = main.querySelector('#verbatims');
  box.hidden = false;
  box.innerHTML = `<p>${escape(t('loading'))}</p>`;
  box.scrollIntoView({ block: 'start' });
  const list = el('<ul class="feed verbatims"></ul>');
  const more = el(`<button type="button" class="secondary" hidden>${escape(t('more'))}</button>`);
  const load = async (token) => {
    more.hidden = true;
    const next = await loadPage(token, list);
    if (!list.children.length) list.append(el(`<li class="meta">${escape(t('noComment'))}</li>`));
    if (next) { more.hidden = false; more.onclick = () => load(next).catch(() => {}); }
  };
  try {
    box.innerHTML = `<h2>${escape(t('verbatims'))} · ${escape(name)}</h2>`;
    if (!exact) box.append(el(`<p class="meta">${escape(t('noDrill'))}</p>`));
    box.append(list, more);
    await load('');
  } catch (e) {
    box.innerHTML = `<p class="error">${escape(e.message)}</p>`;
  }
}
