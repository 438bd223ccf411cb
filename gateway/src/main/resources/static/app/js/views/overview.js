// Overview: the three scores with their intervals (bands on the trends), low-sample
// warnings, the period compared with the previous one, volume and response rate by
// channel, and the support KPIs. Every number shows its n and interval as the API gives them.
import { get, post, daysAgo } from '../api.js';
import { t, num, label, seconds, addTexts } from '../i18n.js';
import { el, escape } from '../main.js';
// ECharts (about 1 MB) loads after the first numbers are drawn: the tiles need no chart
let chartsModule = null;
const charts = async () => { chartsModule = chartsModule || await import('../charts.js'); return chartsModule; };

addTexts({
  en: {
    ovScores: 'Scores', ovPrevious: 'Previous period', ovBand: 'shaded band', ovHollow: 'hollow point',
    ovRate: 'Response rate by channel', ovInvited: 'Delivered', ovResponded: 'Responded', ovRateCol: 'Rate',
    ovNoInvitations: 'No invitations sent in this tenant yet: rates appear once campaigns send invitations.',
    ovContacts: 'Contacts', ovMedian: 'median', ovMean: 'mean', ovVolumeNote: 'Answers to the NPS question, by channel', ovNoPrevious: 'no answers in the previous period',
  },
  fr: {
    ovScores: 'Scores', ovPrevious: 'Période précédente', ovBand: 'bande colorée', ovHollow: 'point creux',
    ovRate: 'Taux de réponse par canal', ovInvited: 'Délivrées', ovResponded: 'Répondu', ovRateCol: 'Taux',
    ovNoInvitations: "Aucune invitation envoyée pour l'instant : les taux apparaissent dès que des campagnes envoient des invitations.",
    ovContacts: 'Contacts', ovMedian: 'médiane', ovMean: 'moyenne', ovVolumeNote: 'Réponses à la question NPS, par canal', ovNoPrevious: 'aucune réponse sur la période précédente',
  },
}, {
  en: { CHANNEL_LINK: 'Link', CHANNEL_EMAIL: 'E-mail', CHANNEL_SMS: 'SMS', CHANNEL_MESSAGING: 'Messaging', CHANNEL_IN_APP: 'In app', CHANNEL_WEB_WIDGET: 'Web widget', CHANNEL_CHATBOT: 'Chatbot', CHANNEL_KIOSK: 'Kiosk', CHANNEL_QR: 'QR', CHANNEL_SUPPORT: 'Support', CHANNEL_SOCIAL: 'Social' },
  fr: { CHANNEL_LINK: 'Lien', CHANNEL_EMAIL: 'E-mail', CHANNEL_SMS: 'SMS', CHANNEL_MESSAGING: 'Messagerie', CHANNEL_IN_APP: 'Dans l’app', CHANNEL_WEB_WIDGET: 'Widget web', CHANNEL_CHATBOT: 'Chatbot', CHANNEL_KIOSK: 'Borne', CHANNEL_QR: 'QR', CHANNEL_SUPPORT: 'Support', CHANNEL_SOCIAL: 'Réseaux sociaux' },
});

const METRICS = [
  { id: 'SCORE_METRIC_NPS', name: 'NPS', color: '#0b5cad' },
  { id: 'SCORE_METRIC_CSAT', name: 'CSAT', color: '#1b6e3a' },
  { id: 'SCORE_METRIC_CES', name: 'CES', color: '#7a4b00' },
];
let state = { days: 365, granularity: 'PERIOD_GRANULARITY_MONTH' };

export function leave() { if (chartsModule) chartsModule.disposeAll(); }

const interval = (i) => (i ? `[${num(i.low)} ; ${num(i.high)}]` : '');

export async function show(main) {
  leave();
  main.innerHTML = '';
  const period = { startDate: daysAgo(state.days), endDate: daysAgo(0) };
  main.dataset.periodStart = period.startDate;
  main.dataset.periodEnd = period.endDate;
  main.append(el(`<h1>${escape(t('overview'))}</h1>`));
  const toolbar = el(`<div class="toolbar">
      <label>${escape(t('period'))}<select name="days">
        <option value="30">${escape(t('last30'))}</option><option value="90">${escape(t('last90'))}</option><option value="365">${escape(t('last365'))}</option></select></label>
      <label>${escape(t('granularity'))}<select name="granularity">
        <option value="PERIOD_GRANULARITY_WEEK">${escape(t('week'))}</option><option value="PERIOD_GRANULARITY_MONTH">${escape(t('month'))}</option></select></label>
    </div>`);
  toolbar.querySelector('[name=days]').value = String(state.days);
  toolbar.querySelector('[name=granularity]').value = state.granularity;
  toolbar.addEventListener('change', (e) => { state = { ...state, [e.target.name]: e.target.name === 'days' ? Number(e.target.value) : e.target.value }; show(main); });
  main.append(toolbar);

  const tiles = el(`<section class="grid" aria-label="${escape(t('ovScores'))}"></section>`);
  const trends = el('<section class="grid ov-trends"></section>');
  const lower = el('<section class="grid ov-lower"></section>');
  main.append(tiles, trends, lower);
  const tileOf = {};
  const cardOf = {};
  METRICS.forEach((metric) => {
    tileOf[metric.id] = el(`<article class="card kpi" data-metric="${metric.name}" aria-busy="true"><h2>${metric.name}</h2><p>${escape(t('loading'))}</p></article>`);
    cardOf[metric.id] = el(`<article class="card"><h2>${metric.name} · ${escape(t('trend'))}</h2><div class="chart" role="img" aria-label="${metric.name} · ${escape(t('trend'))}"></div>
      <p class="meta">${escape(t('interval'))}: ${escape(t('ovBand'))}; ${escape(t('ovHollow'))} = ${escape(t('lowSample'))}</p></article>`);
    tiles.append(tileOf[metric.id]);
    trends.append(cardOf[metric.id]);
  });

  // the tiles' numbers first (the first view), then the comparisons, trends and the rest
  await Promise.all(METRICS.map((metric) => tile(metric, period, tileOf[metric.id])));
  await Promise.all([
    ...METRICS.map((metric) => compare(metric, period, tileOf[metric.id])),
    ...METRICS.map((metric) => trend(metric, period, cardOf[metric.id])),
    channels(period, lower),
    support(period, lower),
  ]);
}

async function tile(metric, period, card) {
  const total = await post('/v1/scores:query', { metric: metric.id, filter: { period } });
  const score = (total.totals || [])[0];
  card.querySelector('p').remove();
  card.removeAttribute('aria-busy');
  if (!score || !Number(score.n)) {
    card.append(el(`<p class="meta">${escape(t('noData'))}</p>`));
    return;
  }
  Object.assign(card.dataset, { value: score.value, n: Number(score.n), low: score.interval?.low ?? '', high: score.interval?.high ?? '' });
  card.append(el(`<p class="value">${num(score.value)}</p>`));
  card.append(el(`<p class="meta interval">${escape(t('interval'))} ${interval(score.interval)} · n = ${num(Number(score.n), 0)}</p>`));
  if (score.lowSample) card.append(el(`<p class="warn">⚠ ${escape(t('lowSample'))}</p>`));
}

/** The period against the previous one of the same length, with the test's verdict. */
async function compare(metric, period, card) {
  if (!card.dataset.n) return;
  const comparison = await post('/v1/scores:compare', { metric: metric.id, a: { period } }).catch(() => null);
  if (comparison && comparison.b && !Number(comparison.b.n)) {
    card.append(el(`<p class="meta comparison">${escape(t('comparison'))}: ${escape(t('ovNoPrevious'))}</p>`));
  }
  if (comparison && comparison.a && comparison.b && Number(comparison.b.n)) {
    const sig = comparison.significant;
    const d = comparison.difference || 0;
    const b = comparison.bPeriod || {};
    card.append(el(`<p class="meta comparison">${escape(t('comparison'))} (${escape(b.startDate || '')} – ${escape(b.endDate || '')}: ${num(comparison.b.value)}, n = ${num(Number(comparison.b.n), 0)}):
      <span class="${sig ? (d >= 0 ? 'good' : 'bad') : ''}">${d >= 0 ? '+' : ''}${num(d)}</span>
      ${interval(comparison.differenceInterval)} · ${escape(t('pValue'))} ${num(comparison.pValue, 3)} ·
      <b>${escape(sig ? t('significant') : t('notSignificant'))}</b></p>`));
  }
}

async function trend(metric, period, card) {
  const result = await post('/v1/scores:query', { metric: metric.id, filter: { period }, groupBy: ['SCORE_DIMENSION_PERIOD'], granularity: state.granularity });
  const { mount, bandLine } = await charts();
  const points = (result.cells || []).map((c) => ({ x: c.key[0].value, value: c.score.value, low: c.score.interval?.low ?? c.score.value,
    high: c.score.interval?.high ?? c.score.value, n: Number(c.score.n), lowSample: !!c.score.lowSample }));
  if (points.length) mount(card.querySelector('.chart'), bandLine(points, { name: metric.name, color: metric.color }));
  else card.querySelector('.chart').replaceWith(el(`<p class="meta">${escape(t('noData'))}</p>`));
}

async function channels(period, lower) {
  const channelCard = el(`<article class="card"><h2>NPS · ${escape(t('byChannel'))}</h2><div class="chart" role="img" aria-label="NPS · ${escape(t('byChannel'))}"></div></article>`);
  const volumeCard = el(`<article class="card"><h2>${escape(t('volume'))} · ${escape(t('byChannel'))}</h2><div class="chart" role="img" aria-label="${escape(t('volume'))} · ${escape(t('byChannel'))}"></div><p class="meta">${escape(t('ovVolumeNote'))}</p></article>`);
  const rateCard = el(`<article class="card" id="response-rates"><h2>${escape(t('ovRate'))}</h2><p>${escape(t('loading'))}</p></article>`);
  lower.append(channelCard, volumeCard, rateCard);
  const result = await post('/v1/scores:query', { metric: 'SCORE_METRIC_NPS', filter: { period }, groupBy: ['SCORE_DIMENSION_CHANNEL'] });
  const { mount, bars } = await charts();
  const cells = (result.cells || []).sort((a, b) => Number(b.score.n) - Number(a.score.n));
  // the dimension's values are the channels' short names (SMS, QR…)
  const names = cells.map((c) => label(c.key[0].value.startsWith('CHANNEL_') ? c.key[0].value : 'CHANNEL_' + c.key[0].value));
  if (cells.length) {
    mount(channelCard.querySelector('.chart'), bars(names, cells.map((c) => c.score.value), { name: 'NPS', intervals: cells.map((c) => [c.score.interval?.low ?? c.score.value, c.score.interval?.high ?? c.score.value]), counts: cells.map((c) => Number(c.score.n)) }));
    mount(volumeCard.querySelector('.chart'), bars(names, cells.map((c) => Number(c.score.n)), { name: t('volume'), color: '#4a5562' }));
  } else {
    channelCard.querySelector('.chart').replaceWith(el(`<p class="meta">${escape(t('noData'))}</p>`));
    volumeCard.querySelector('.chart').replaceWith(el(`<p class="meta">${escape(t('noData'))}</p>`));
  }
  await rates(rateCard);
}

/** Response rates come from invitations: summed over the surveys, by channel. */
async function rates(card) {
  const byChannel = new Map();
  try {
    const surveys = (await get('/v1/surveys?pageSize=100')).surveys || [];
    const reports = await Promise.all(surveys.map((s) => get(`/v1/surveys/${encodeURIComponent(s.surveyId)}/response-rates`).catch(() => null)));
    reports.filter(Boolean).forEach((r) => (r.byChannel || []).forEach((c) => {
      const row = byChannel.get(c.channel) || { delivered: 0, responded: 0 };
      row.delivered += Number(c.stats?.delivered || 0);
      row.responded += Number(c.stats?.responded || 0);
      byChannel.set(c.channel, row);
    }));
  } catch (e) {
    card.querySelector('p').textContent = e.message;
    return;
  }
  const rows = [...byChannel.entries()].filter(([, r]) => r.delivered > 0);
  if (!rows.length) { card.querySelector('p').replaceWith(el(`<p class="meta">${escape(t('ovNoInvitations'))}</p>`)); return; }
  card.querySelector('p').replaceWith(el(`<div class="table-scroll" tabindex="0" role="region" aria-label="${escape(t('ovRate'))}"><table class="compact"><thead><tr><th scope="col">${escape(t('channel'))}</th><th scope="col">${escape(t('ovInvited'))}</th><th scope="col">${escape(t('ovResponded'))}</th><th scope="col">${escape(t('ovRateCol'))}</th></tr></thead>
    <tbody>${rows.map(([channel, r]) => `<tr><td>${escape(label(channel))}</td><td>${num(r.delivered, 0)}</td><td>${num(r.responded, 0)}</td><td>${num(100 * r.responded / r.delivered)} %</td></tr>`).join('')}</tbody></table></div>`));
}

async function support(period, lower) {
  const card = el(`<article class="card" id="support-kpis"><h2>${escape(t('supportKpis'))}</h2><p>${escape(t('loading'))}</p></article>`);
  lower.append(card);
  try {
    const kpis = await post('/v1/kpis:query', { filter: { period }, families: ['KPI_FAMILY_SUPPORT'] });
    const s = kpis.total?.support || {};
    const warn = (x) => (x && x.lowSample ? ` <span class="warn">⚠ ${escape(t('lowSample'))}</span>` : '');
    const pct = (v) => num(v) + ' %'; // Proportion.value and its interval are in percent
    card.querySelector('p').replaceWith(el(`<dl>
      <dt>${escape(t('fcr'))}</dt><dd>${s.fcr ? pct(s.fcr.value) : '–'} <span class="meta">${s.fcr ? `[${pct(s.fcr.interval?.low ?? s.fcr.value)} ; ${pct(s.fcr.interval?.high ?? s.fcr.value)}] · n = ${num(Number(s.fcr.n), 0)}` : ''}</span>${warn(s.fcr)}</dd>
      <dt>${escape(t('aht'))}</dt><dd>${s.aht ? seconds(s.aht.meanSeconds) : '–'} <span class="meta">${s.aht ? `${escape(t('ovMean'))} · ${escape(t('ovMedian'))} ${seconds(s.aht.medianSeconds)} · p90 ${seconds(s.aht.p90Seconds)} · n = ${num(Number(s.aht.n), 0)}` : ''}</span>${warn(s.aht)}</dd>
      <dt>${escape(t('frt'))}</dt><dd>${s.frt ? seconds(s.frt.medianSeconds) : '–'} <span class="meta">${s.frt ? `${escape(t('ovMedian'))} · p90 ${seconds(s.frt.p90Seconds)} · n = ${num(Number(s.frt.n), 0)}` : ''}</span>${warn(s.frt)}</dd>
      <dt>${escape(t('ovContacts'))}</dt><dd>${num(Number(s.contacts || 0), 0)}</dd>
    </dl>`));
  } catch (e) {
    card.querySelector('p').textContent = e.message;
  }
}
