import { post, daysAgo } from '../api.js';
import { t, num, label, seconds, language } from '../i18n.js';
import { el, escape } from '../main.js';
import { mount, bandLine, bars, disposeAll } from '../charts.js';

const METRICS = [
  { id: 'SCORE_METRIC_NPS', name: 'NPS', color: '#0b5cad' },
  { id: 'SCORE_METRIC_CSAT', name: 'CSAT', color: '#1b6e3a' },
  { id: 'SCORE_METRIC_CES', name: 'CES', color: '#7a4b00' },
];
let state = { days: 365, granularity: 'PERIOD_GRANULARITY_MONTH' };

export function leave() { disposeAll(); }

export async function show(main) {
  disposeAll();
  main.innerHTML = '';
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
  const period = { startDate: daysAgo(state.days), endDate: daysAgo(0) };

  const tiles = el('<section class="grid" aria-label="Scores"></section>');
  main.append(tiles);
  const trends = el('<section class="grid"></section>');
  main.append(trends);
  const lower = el('<section class="grid" style="margin-top:14px"></section>');
  main.append(lower);

  await Promise.all(METRICS.map(async (metric) => {
    const tile = el(`<article class="card kpi" aria-live="polite"><h2>${metric.name}</h2><p>${escape(t('loading'))}</p></article>`);
    tiles.append(tile);
    const [total, comparison] = await Promise.all([
      post('/v1/scores:query', { metric: metric.id, filter: { period } }),
      post('/v1/scores:compare', { metric: metric.id, a: { period: { startDate: daysAgo(30), endDate: daysAgo(0) } } }).catch(() => null),
    ]);
    const score = (total.totals || [])[0];
    tile.querySelector('p').remove();
    if (!score || !score.n) {
      tile.append(el(`<p class="meta">${escape(t('noData'))}</p>`));
      return;
    }
    tile.append(el(`<p class="value" data-metric="${metric.name}">${num(score.value)}</p>`));
    tile.append(el(`<p class="meta">${escape(t('interval'))} [${num(score.interval?.low)} ; ${num(score.interval?.high)}] · n = ${num(Number(score.n), 0)}</p>`));
    if (score.lowSample) tile.append(el(`<p class="warn">⚠ ${escape(t('lowSample'))}</p>`));
    if (comparison && comparison.a && comparison.b) {
      const sig = comparison.significant;
      tile.append(el(`<p class="meta">${escape(t('comparison'))}: <span class="${sig ? (comparison.difference >= 0 ? 'good' : 'bad') : ''}">${comparison.difference >= 0 ? '+' : ''}${num(comparison.difference)}</span>
        [${num(comparison.differenceInterval?.low)} ; ${num(comparison.differenceInterval?.high)}] · ${escape(t('pValue'))} ${num(comparison.pValue, 3)} ·
        ${escape(sig ? t('significant') : t('notSignificant'))}</p>`));
    }
    const trend = await post('/v1/scores:query', { metric: metric.id, filter: { period }, groupBy: ['SCORE_DIMENSION_PERIOD'], granularity: state.granularity });
    const points = (trend.cells || []).map((c) => ({ x: c.key[0].value, value: c.score.value, low: c.score.interval?.low ?? c.score.value,
      high: c.score.interval?.high ?? c.score.value, n: Number(c.score.n), lowSample: !!c.score.lowSample }));
    const card = el(`<article class="card"><h2>${metric.name} · ${escape(t('trend'))}</h2><div class="chart" role="img" aria-label="${metric.name} ${escape(t('trend'))}"></div>
      <p class="meta">${escape(t('interval'))}: ${escape(language() === 'fr' ? 'bande colorée' : 'shaded band')}; ○ = ${escape(t('lowSample'))}</p></article>`);
    trends.append(card);
    if (points.length) mount(card.querySelector('.chart'), bandLine(points, { name: metric.name, color: metric.color }));
    else card.querySelector('.chart').replaceWith(el(`<p class="meta">${escape(t('noData'))}</p>`));
  }));

  const channels = await post('/v1/scores:query', { metric: 'SCORE_METRIC_NPS', filter: { period }, groupBy: ['SCORE_DIMENSION_CHANNEL'] });
  const cells = (channels.cells || []).sort((a, b) => Number(b.score.n) - Number(a.score.n));
  const names = cells.map((c) => label(c.key[0].value));
  const channelCard = el(`<article class="card"><h2>NPS · ${escape(t('byChannel'))}</h2><div class="chart" role="img" aria-label="NPS ${escape(t('byChannel'))}"></div></article>`);
  const volumeCard = el(`<article class="card"><h2>${escape(t('volume'))} · ${escape(t('byChannel'))}</h2><div class="chart" role="img" aria-label="${escape(t('volume'))}"></div></article>`);
  lower.append(channelCard, volumeCard);
  if (cells.length) {
    mount(channelCard.querySelector('.chart'), bars(names, cells.map((c) => c.score.value), { name: 'NPS', intervals: cells.map((c) => [c.score.interval?.low ?? c.score.value, c.score.interval?.high ?? c.score.value]), counts: cells.map((c) => Number(c.score.n)) }));
    mount(volumeCard.querySelector('.chart'), bars(names, cells.map((c) => Number(c.score.n)), { name: t('volume'), color: '#4a5562' }));
  }

  const support = el(`<article class="card"><h2>${escape(t('supportKpis'))}</h2><p>${escape(t('loading'))}</p></article>`);
  lower.append(support);
  try {
    const kpis = await post('/v1/kpis:query', { filter: { period }, families: ['KPI_FAMILY_SUPPORT'] });
    const s = kpis.total?.support || {};
    support.querySelector('p').replaceWith(el(`<dl>
      <dt>${escape(t('fcr'))}</dt><dd>${s.fcr ? num(s.fcr.value * 100) + ' %' : '–'} <span class="meta">${s.fcr ? `[${num(s.fcr.interval?.low * 100)} ; ${num(s.fcr.interval?.high * 100)}] · n = ${num(Number(s.fcr.n), 0)}` : ''}</span></dd>
      <dt>${escape(t('aht'))}</dt><dd>${s.aht ? seconds(s.aht.meanSeconds ?? s.aht.value) : '–'} <span class="meta">${s.aht ? 'n = ' + num(Number(s.aht.n), 0) : ''}</span></dd>
      <dt>${escape(t('frt'))}</dt><dd>${s.frt ? seconds(s.frt.medianSeconds ?? s.frt.meanSeconds ?? s.frt.value) : '–'} <span class="meta">${s.frt ? 'n = ' + num(Number(s.frt.n), 0) : ''}</span></dd>
    </dl>`));
  } catch (e) {
    support.querySelector('p').textContent = e.message;
  }
}
