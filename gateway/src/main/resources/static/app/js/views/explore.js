import { get, post, daysAgo } from '../api.js';
import { t, num, label, date } from '../i18n.js';
import { el, escape } from '../main.js';
import { mount, bars, disposeAll } from '../charts.js';
import { describe } from './live.js';

const DIMENSIONS = ['SCORE_DIMENSION_CHANNEL', 'SCORE_DIMENSION_SURVEY', 'SCORE_DIMENSION_STAGE', 'SCORE_DIMENSION_TOUCHPOINT',
  'SCORE_DIMENSION_SEGMENT', 'SCORE_DIMENSION_PERSONA', 'SCORE_DIMENSION_PERIOD'];
const CHANNELS = ['CHANNEL_LINK', 'CHANNEL_EMAIL', 'CHANNEL_SMS', 'CHANNEL_MESSAGING', 'CHANNEL_IN_APP', 'CHANNEL_WEB_WIDGET', 'CHANNEL_CHATBOT', 'CHANNEL_KIOSK', 'CHANNEL_QR', 'CHANNEL_SOCIAL', 'CHANNEL_REVIEW', 'CHANNEL_SUPPORT'];
let q = { metric: 'SCORE_METRIC_NPS', dimension: 'SCORE_DIMENSION_CHANNEL', days: 365, channel: '', survey: '', stage: '', segment: '', persona: '' };

export function leave() { disposeAll(); }

export async function show(main) {
  disposeAll();
  main.innerHTML = '';
  main.append(el(`<h1>${escape(t('explore'))}</h1>`));
  const form = el(`<form class="toolbar">
      <label>${escape(t('metric'))}<select name="metric"><option value="SCORE_METRIC_NPS">NPS</option><option value="SCORE_METRIC_CSAT">CSAT</option><option value="SCORE_METRIC_CES">CES</option></select></label>
      <label>${escape(t('slice'))}<select name="dimension">${DIMENSIONS.map((d) => `<option value="${d}">${escape(t(d.replace('SCORE_DIMENSION_', '').toLowerCase()) || label(d))}</option>`).join('')}</select></label>
      <label>${escape(t('period'))}<select name="days"><option value="30">${escape(t('last30'))}</option><option value="90">${escape(t('last90'))}</option><option value="365">${escape(t('last365'))}</option></select></label>
      <label>${escape(t('channel'))}<select name="channel"><option value="">${escape(t('any'))}</option>${CHANNELS.map((c) => `<option value="${c}">${escape(label(c))}</option>`).join('')}</select></label>
      <label>${escape(t('survey'))}<input name="survey" size="10"></label>
      <label>${escape(t('stage'))}<input name="stage" size="10"></label>
      <label>${escape(t('segment'))}<input name="segment" size="10"></label>
      <label>${escape(t('persona'))}<input name="persona" size="10"></label>
      <button type="submit">${escape(t('apply'))}</button></form>`);
  Object.entries(q).forEach(([k, v]) => { if (form[k]) form[k].value = String(v); });
  form.addEventListener('submit', (e) => { e.preventDefault(); q = Object.fromEntries(new FormData(form)); q.days = Number(q.days); show(main); });
  main.append(form);
  const filter = { period: { startDate: daysAgo(q.days), endDate: daysAgo(0) } };
  if (q.channel) filter.channels = [q.channel];
  if (q.survey) filter.surveyIds = [q.survey];
  if (q.stage) filter.stages = [q.stage];
  if (q.segment) filter.segments = [q.segment];
  if (q.persona) filter.personas = [q.persona];
  const result = await post('/v1/scores:query', { metric: q.metric, filter, groupBy: [q.dimension], granularity: 'PERIOD_GRANULARITY_MONTH' });
  const cells = result.cells || [];
  const card = el(`<section class="card"><div class="chart" role="img" aria-label="${escape(label(q.metric))}"></div></section>`);
  main.append(card);
  if (!cells.length) { card.append(el(`<p class="meta">${escape(t('noData'))}</p>`)); return; }
  const names = cells.map((c) => c.key[0].value || '–');
  mount(card.querySelector('.chart'), bars(names.map((n) => label(n)), cells.map((c) => c.score.value), {
    name: label(q.metric), intervals: cells.map((c) => [c.score.interval?.low ?? c.score.value, c.score.interval?.high ?? c.score.value]), counts: cells.map((c) => Number(c.score.n)) }));
  const table = el(`<table><thead><tr><th scope="col">${escape(t('slice'))}</th><th scope="col">${escape(label(q.metric))}</th><th scope="col">${escape(t('interval'))}</th><th scope="col">n</th><th scope="col">${escape(t('verbatims'))}</th></tr></thead><tbody></tbody></table>`);
  cells.forEach((c, i) => {
    const row = el(`<tr><td>${escape(label(names[i]))}</td><td>${num(c.score.value)}${c.score.lowSample ? ` <span class="warn" title="${escape(t('lowSample'))}">⚠</span>` : ''}</td>
      <td>[${num(c.score.interval?.low)} ; ${num(c.score.interval?.high)}]</td><td>${num(Number(c.score.n), 0)}</td><td><button type="button" class="secondary">${escape(t('verbatims'))}</button></td></tr>`);
    row.querySelector('button').addEventListener('click', () => verbatims(main, q.dimension, names[i], filter));
    table.tBodies[0].append(row);
  });
  main.append(table);
  main.append(el('<section id="verbatims" aria-live="polite"></section>'));
}

async function verbatims(main, dimension, value, filter) {
  const params = new URLSearchParams({ pageSize: '30', comment: 'COMMENT_FILTER_WITH_COMMENT' });
  if (dimension === 'SCORE_DIMENSION_CHANNEL') params.set('channel', value);
  if (dimension === 'SCORE_DIMENSION_SURVEY') params.set('surveyId', value);
  if (dimension === 'SCORE_DIMENSION_STAGE') params.set('stageId', value);
  if (dimension === 'SCORE_DIMENSION_TOUCHPOINT') params.set('touchpointId', value);
  if (filter.channels) params.set('channel', filter.channels[0]);
  if (filter.surveyIds) params.set('surveyId', filter.surveyIds[0]);
  params.set('startTime', filter.period.startDate + 'T00:00:00Z');
  const box = main.querySelector('#verbatims');
  box.innerHTML = `<p>${escape(t('loading'))}</p>`;
  try {
    const page = await get('/v1/responses?' + params);
    box.innerHTML = `<h2>${escape(t('verbatims'))} · ${escape(label(value))}</h2>`;
    const list = el('<ul class="feed"></ul>');
    (page.responses || []).forEach((r) => {
      const { scores, texts } = describe(r);
      list.append(el(`<li><span class="meta">${escape(date(r.submitTime))} · ${escape(label(r.channel))}</span> ${scores.join(' · ')}${texts.map((x) => `<blockquote>${escape(x)}</blockquote>`).join('')}</li>`));
    });
    if (!list.children.length) list.append(el(`<li class="meta">${escape(t('noData'))}</li>`));
    box.append(list);
  } catch (e) {
    box.innerHTML = `<p class="error">${escape(e.message)}</p>`;
  }
}
