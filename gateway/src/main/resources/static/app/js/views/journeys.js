// Journeys (issue 10): the map with the live numbers of every stage and touchpoint, the
// measured emotion curve beside the expected one, the friction ranking with its evidence
// (scores, gap, trend, top themes, revenue at risk, verbatims), the service blueprint's
// lanes with their bound indicators, and the improvement actions with their measured impact.
import { get, daysAgo } from '../api.js';
import { t, num, label, date, seconds, language, addTexts } from '../i18n.js';
import { el, escape } from '../main.js';
import { mount, disposeAll } from '../charts.js';
import { score, interval, signed, highlight, themeLabel, percent } from './insight.js';

addTexts({
  en: {
    journeyNps: 'Journey NPS', touchpoints: 'Touchpoints', vsPrevious: 'vs previous period', gapToExpected: 'gap to expected',
    measuredHelp: 'Measured: every NPS, CSAT and CES answer of the stage on one 0–100 scale, with its 95% interval (band). Expected: the designer’s hypothesis.',
    restOfJourney: 'Rest of the journey', gap: 'Gap', trend2: 'Trend', revenueAtRisk: 'Revenue at risk', valuedOf: 'valued of', identified: 'identified',
    topThemes: 'Top themes', negativeShare: 'negative', funnel: 'Abnormal funnel drop-offs', step: 'Step', conversion: 'Conversion', reference: 'Reference',
    lostCompletions: 'Completions lost', notes2: 'Notes', target: 'Target', indicator: 'Indicator', shipDate: 'Shipped', comparisonGroup: 'Comparison group',
    did: 'Difference-in-differences', requiredN: 'Answers needed per window to conclude', targetReached: 'Target reached', hypothesis: 'Hypothesis',
    failPoint: 'fail point', waitPoint: 'wait point', owner: 'Owner', medianStage: 'Median stage NPS', kpis: 'Bound indicators',
  },
  fr: {
    journeyNps: 'NPS du parcours', touchpoints: 'Points de contact', vsPrevious: 'vs période précédente', gapToExpected: 'écart à l’attendu',
    measuredHelp: 'Mesuré : toutes les réponses NPS, CSAT et CES de l’étape sur une échelle 0–100, avec son intervalle à 95 % (bande). Attendu : l’hypothèse du concepteur.',
    restOfJourney: 'Reste du parcours', gap: 'Écart', trend2: 'Tendance', revenueAtRisk: 'Chiffre d’affaires à risque', valuedOf: 'valorisés sur', identified: 'identifiés',
    topThemes: 'Thèmes principaux', negativeShare: 'négatifs', funnel: 'Abandons anormaux du tunnel', step: 'Étape du tunnel', conversion: 'Conversion', reference: 'Référence',
    lostCompletions: 'Conversions perdues', notes2: 'Remarques', target: 'Cible', indicator: 'Indicateur', shipDate: 'Mise en service', comparisonGroup: 'Groupe de comparaison',
    did: 'Différence de différences', requiredN: 'Réponses nécessaires par fenêtre pour conclure', targetReached: 'Objectif atteint', hypothesis: 'Hypothèse',
    failPoint: 'point de rupture', waitPoint: "point d'attente", owner: 'Responsable', medianStage: 'NPS médian des étapes', kpis: 'Indicateurs liés',
  },
}, {
  en: { FRICTION_TREND_NEW: 'New', FRICTION_TREND_WORSENING: 'Worsening', FRICTION_TREND_IMPROVING: 'Improving', FRICTION_TREND_PERSISTING: 'Persisting',
    FRICTION_KIND_STAGE: 'Stage', FRICTION_KIND_TOUCHPOINT: 'Touchpoint', IMPACT_VERDICT_IMPROVED: 'Improved', IMPACT_VERDICT_WORSENED: 'Worsened',
    IMPACT_VERDICT_INCONCLUSIVE: 'Inconclusive', ACTION_STATUS_PROPOSED: 'Proposed', ACTION_STATUS_PLANNED: 'Planned', ACTION_STATUS_IN_PROGRESS: 'In progress',
    ACTION_STATUS_SHIPPED: 'Shipped', ACTION_STATUS_MEASURED: 'Measured', ACTION_STATUS_CLOSED: 'Closed', ACTION_STATUS_ABANDONED: 'Abandoned',
    BLUEPRINT_LANE_PHYSICAL_EVIDENCE: 'Physical evidence', BLUEPRINT_LANE_CUSTOMER_ACTION: 'Customer actions', BLUEPRINT_LANE_FRONTSTAGE: 'Frontstage',
    BLUEPRINT_LANE_BACKSTAGE: 'Backstage', BLUEPRINT_LANE_SUPPORT_PROCESS: 'Support processes',
    INDICATOR_KIND_FCR: 'FCR', INDICATOR_KIND_AHT: 'AHT', INDICATOR_KIND_FRT: 'FRT', INDICATOR_KIND_FUNNEL_STEP_CONVERSION: 'Conversion',
    INDICATOR_KIND_NPS: 'NPS', INDICATOR_KIND_CSAT: 'CSAT', INDICATOR_KIND_CES: 'CES', ACTION_INDICATOR_NPS: 'NPS', ACTION_INDICATOR_CSAT: 'CSAT', ACTION_INDICATOR_CES: 'CES',
    COMPARISON_KIND_REST_OF_JOURNEY: 'Rest of the journey', COMPARISON_KIND_CONTROL_TOUCHPOINT: 'Control touchpoint', COMPARISON_KIND_NONE: 'None' },
  fr: { FRICTION_TREND_NEW: 'Nouveau', FRICTION_TREND_WORSENING: 'En dégradation', FRICTION_TREND_IMPROVING: 'En amélioration', FRICTION_TREND_PERSISTING: 'Persistant',
    FRICTION_KIND_STAGE: 'Étape', FRICTION_KIND_TOUCHPOINT: 'Point de contact', IMPACT_VERDICT_IMPROVED: 'Amélioré', IMPACT_VERDICT_WORSENED: 'Dégradé',
    IMPACT_VERDICT_INCONCLUSIVE: 'Non concluant', ACTION_STATUS_PROPOSED: 'Proposée', ACTION_STATUS_PLANNED: 'Planifiée', ACTION_STATUS_IN_PROGRESS: 'En cours',
    ACTION_STATUS_SHIPPED: 'Déployée', ACTION_STATUS_MEASURED: 'Mesurée', ACTION_STATUS_CLOSED: 'Close', ACTION_STATUS_ABANDONED: 'Abandonnée',
    BLUEPRINT_LANE_PHYSICAL_EVIDENCE: 'Preuves physiques', BLUEPRINT_LANE_CUSTOMER_ACTION: 'Actions du client', BLUEPRINT_LANE_FRONTSTAGE: 'Front-office',
    BLUEPRINT_LANE_BACKSTAGE: 'Back-office', BLUEPRINT_LANE_SUPPORT_PROCESS: 'Processus de support',
    INDICATOR_KIND_FCR: 'FCR', INDICATOR_KIND_AHT: 'DMT', INDICATOR_KIND_FRT: 'Délai de 1re réponse', INDICATOR_KIND_FUNNEL_STEP_CONVERSION: 'Conversion',
    INDICATOR_KIND_NPS: 'NPS', INDICATOR_KIND_CSAT: 'CSAT', INDICATOR_KIND_CES: 'CES', ACTION_INDICATOR_NPS: 'NPS', ACTION_INDICATOR_CSAT: 'CSAT', ACTION_INDICATOR_CES: 'CES',
    COMPARISON_KIND_REST_OF_JOURNEY: 'Reste du parcours', COMPARISON_KIND_CONTROL_TOUCHPOINT: 'Point de contact témoin', COMPARISON_KIND_NONE: 'Aucun' },
});

const LANES = ['BLUEPRINT_LANE_PHYSICAL_EVIDENCE', 'BLUEPRINT_LANE_CUSTOMER_ACTION', 'BLUEPRINT_LANE_FRONTSTAGE', 'BLUEPRINT_LANE_BACKSTAGE', 'BLUEPRINT_LANE_SUPPORT_PROCESS'];
let state = { days: 90 };

export function leave() { disposeAll(); }

/** A change versus the previous period: +3.1 [−1 ; 7] p = 0.2. */
function change(c) {
  if (!c) return '';
  return ` <span class="meta ${c.significant ? (c.difference > 0 ? 'good' : 'bad') : ''}">${signed(c.difference)} ${interval(c.differenceInterval)} ${escape(t('vsPrevious'))}${c.significant ? ' *' : ''}</span>`;
}

/** A bound indicator: FCR 72 % [68 ; 76] n = 310, AHT 6.5 min (median 5 min). */
function kpi(k) {
  const kind = k.binding?.kind;
  const name = label(kind) + (k.binding?.team ? ` (${k.binding.team})` : '') + (k.binding?.step ? ` (${k.binding.funnelId}/${k.binding.step})` : '');
  const value = kind === 'INDICATOR_KIND_AHT' || kind === 'INDICATOR_KIND_FRT'
    ? `${seconds(k.value)} <span class="meta">median ${seconds(k.medianSeconds)}</span>`
    : `${num(k.value)} % <span class="meta">${interval(k.interval)}</span>`;
  return `<span class="kpi-chip">${escape(name)}: <b>${value}</b> <span class="meta">n = ${num(Number(k.n || 0), 0)}</span>${k.lowSample ? ' <span class="warn">⚠</span>' : ''}</span>`;
}

function money(m) {
  if (!m) return '–';
  const value = Number(m.units || 0) + Number(m.nanos || 0) / 1e9;
  try { return new Intl.NumberFormat(language(), { style: 'currency', currency: m.currencyCode || 'EUR', maximumFractionDigits: 0 }).format(value); } catch (e) { return num(value, 0); }
}

export async function show(main, args) {
  disposeAll();
  main.innerHTML = '';
  main.append(el(`<h1>${escape(t('journeys'))}</h1>`));
  const list = await get('/v1/journeys?pageSize=50');
  const journeys = list.journeys || [];
  if (!journeys.length) { main.append(el(`<p class="meta">${escape(t('noData'))}</p>`)); return; }
  const chosen = journeys.find((j) => j.journeyId === args[0]) || journeys[0];
  const picker = el(`<div class="toolbar"><label>${escape(t('journey'))}<select name="journey">${journeys.map((j) => `<option value="${escape(j.journeyId)}">${escape(j.name)}</option>`).join('')}</select></label>
      <label>${escape(t('period'))}<select name="days"><option value="30">${escape(t('last30'))}</option><option value="90">${escape(t('last90'))}</option><option value="365">${escape(t('last365'))}</option></select></label></div>`);
  picker.querySelector('[name=journey]').value = chosen.journeyId;
  picker.querySelector('[name=days]').value = String(state.days);
  picker.querySelector('[name=journey]').addEventListener('change', (e) => { location.hash = '#/journeys/' + e.target.value; });
  picker.querySelector('[name=days]').addEventListener('change', (e) => { state.days = Number(e.target.value); show(main, [chosen.journeyId]); });
  main.append(picker);
  const id = encodeURIComponent(chosen.journeyId);
  const slice = `slice.period.startDate=${daysAgo(state.days - 1)}&slice.period.endDate=${daysAgo(0)}`;
  const [live, friction, actions] = await Promise.all([
    get(`/v1/journeys/${id}/live?${slice}`).catch((e) => ({ error: e.message })),
    get(`/v1/journeys/${id}/friction?${slice}`).catch((e) => ({ error: e.message })),
    get(`/v1/journeys/${id}/actions?pageSize=50`).catch(() => ({ actions: [] })),
  ]);
  const journey = live.journey || chosen;
  main.append(liveMap(live));
  main.append(emotionCurve(live));
  main.append(frictionRanking(friction));
  const blueprint = blueprintLanes(journey, live);
  if (blueprint) main.append(blueprint);
  main.append(actionList(actions.actions || [], journey));
}

function notes(list) {
  return (list || []).length ? `<ul class="notes">${list.map((n) => `<li class="meta">${escape(n)}</li>`).join('')}</ul>` : '';
}

function liveMap(live) {
  const stages = live.stages || [];
  const section = el(`<section class="card" id="journey-map" aria-labelledby="jm-h"><h2 id="jm-h">${escape(t('stages'))}</h2>
      <p>${escape(t('journeyNps'))}: ${score(live.nps)}${change(live.nps?.change)} · CSAT ${score(live.csat, { unit: ' %' })} · CES ${score(live.ces, { unit: ' %' })}</p>
      ${live.period ? `<p class="meta">${escape(t('period'))}: ${escape(live.period.startDate)} → ${escape(live.period.endDate)}</p>` : ''}
      ${live.error ? `<p class="error">${escape(live.error)}</p>` : ''}${notes(live.notes)}
      <div class="stage-map">${stages.map((s) => `<article class="stage" data-stage="${escape(s.stageId)}"><h3>${num(s.position, 0)}. ${escape(s.name)}</h3>
        <dl><dt>NPS</dt><dd data-score="nps">${score(s.nps)}${change(s.nps?.change)}</dd><dt>CSAT</dt><dd>${score(s.csat, { unit: ' %' })}</dd><dt>CES</dt><dd>${score(s.ces, { unit: ' %' })}</dd>
        <dt>${escape(t('volume'))}</dt><dd>${num(Number(s.volume || 0), 0)}</dd></dl>
        ${(s.kpis || []).length ? `<p>${s.kpis.map(kpi).join(' ')}</p>` : ''}
        ${(s.touchpoints || []).length ? `<details><summary>${escape(t('touchpoints'))} (${s.touchpoints.length})</summary><ul class="touchpoints">${s.touchpoints.map((tp) => `<li><b>${escape(tp.name)}</b> <span class="tag">${escape(label(tp.channel))}</span><br>NPS ${score(tp.nps)}${tp.csat?.n ? `<br>CSAT ${score(tp.csat, { unit: ' %' })}` : ''}${tp.ces?.n ? `<br>CES ${score(tp.ces, { unit: ' %' })}` : ''}${(tp.kpis || []).length ? '<br>' + tp.kpis.map(kpi).join(' ') : ''}</li>`).join('')}</ul></details>` : ''}
      </article>`).join('')}</div></section>`);
  return section;
}

function emotionCurve(live) {
  const stages = live.stages || [];
  const section = el(`<section class="card" aria-labelledby="je-h"><h2 id="je-h">${escape(t('emotion'))}</h2><div class="chart" role="img" aria-label="${escape(t('emotion'))}"></div>
      <p class="meta">${escape(t('measuredHelp'))}</p></section>`);
  if (!stages.length) { section.querySelector('.chart').replaceWith(el(`<p class="meta">${escape(t('noData'))}</p>`)); return section; }
  const names = stages.map((s) => s.name);
  const points = stages.map((s) => s.emotion || {});
  const low = points.map((p) => (p.measuredValue === undefined ? null : p.measuredInterval?.low ?? p.measuredValue));
  const high = points.map((p, i) => (p.measuredValue === undefined ? null : (p.measuredInterval?.high ?? p.measuredValue) - low[i]));
  requestAnimationFrame(() => mount(section.querySelector('.chart'), {
    aria: { enabled: true }, grid: { left: 48, right: 16, top: 36, bottom: 48 },
    tooltip: { trigger: 'axis', formatter: (items) => { const i = items[0].dataIndex; const p = points[i];
      return `${escape(names[i])}<br>${escape(t('measured'))}: <b>${num(p.measuredValue)}</b> ${interval(p.measuredInterval)} · n = ${num(Number(p.n || 0), 0)}${p.lowSample ? ' ⚠' : ''}`
        + `<br>${escape(t('expected'))}: ${p.expectedLevel === undefined ? '–' : num(p.expectedLevel, 0)}${p.gap === undefined ? '' : `<br>${escape(t('gapToExpected'))}: ${signed(p.gap)}`}`; } },
    legend: { data: [t('measured'), t('expected')] },
    xAxis: { type: 'category', data: names, boundaryGap: false, axisLabel: { interval: 0, width: 90, overflow: 'break' } },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      { name: 'low', type: 'line', data: low, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none', silent: true },
      { name: t('interval'), type: 'line', data: high, stack: 'band', lineStyle: { opacity: 0 }, areaStyle: { color: '#0b5cad', opacity: 0.18 }, symbol: 'none', silent: true },
      { name: t('measured'), type: 'line', itemStyle: { color: '#0b5cad' }, lineStyle: { width: 2 },
        data: points.map((p) => (p.measuredValue === undefined ? null : { value: p.measuredValue, symbol: p.lowSample ? 'emptyCircle' : 'circle', symbolSize: p.lowSample ? 9 : 6 })) },
      { name: t('expected'), type: 'line', itemStyle: { color: '#7a4b00' }, lineStyle: { type: 'dashed' }, data: points.map((p) => p.expectedLevel ?? null) },
    ],
  }));
  return section;
}

function frictionRanking(friction) {
  const section = el(`<section class="card" id="friction" aria-labelledby="jf-h"><h2 id="jf-h">${escape(t('friction'))}</h2></section>`);
  if (friction.error) { section.append(el(`<p class="error">${escape(friction.error)}</p>`)); return section; }
  section.append(el(`<p class="meta">${escape(t('journeyNps'))}: ${score(friction.journeyNps)} · ${escape(t('medianStage'))}: ${num(friction.medianStageNps)}</p>`));
  if (friction.notes?.length) section.append(el(notes(friction.notes)));
  const points = friction.frictionPoints || [];
  if (!points.length) section.append(el(`<p class="meta">${escape(t('noData'))}</p>`));
  else {
    const chart = el(`<div class="chart" role="img" aria-label="${escape(t('friction'))}"></div>`);
    section.append(chart);
    requestAnimationFrame(() => mount(chart, {
      aria: { enabled: true }, grid: { left: 150, right: 24, top: 10, bottom: 24 },
      tooltip: { trigger: 'item', formatter: (p) => { const f = points[p.dataIndex]; return `${escape(f.name)}<br>${escape(t('impact'))}: <b>${num(f.impact)}</b> ${interval(f.impactInterval)}`; } },
      xAxis: { type: 'value', name: 'NPS' }, yAxis: { type: 'category', inverse: true, data: points.map((p) => `${p.rank}. ${p.name}`), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [
        { name: t('impact'), type: 'bar', itemStyle: { color: '#a4161a' }, data: points.map((p) => p.impact) },
        { name: t('interval'), type: 'boxplot', silent: true, boxWidth: [2, 2], itemStyle: { color: '#1b1f24', borderColor: '#1b1f24' },
          data: points.map((p) => { const i = p.impactInterval || { low: p.impact, high: p.impact }; return [i.low, i.low, p.impact, i.high, i.high]; }) },
      ],
    }));
    const items = el('<ol class="friction-list"></ol>');
    points.forEach((p) => {
      const ev = p.evidence || {};
      const themes = (ev.topThemes || []).map((th) => `<li><b>${escape(themeLabel(th))}</b> <span class="meta">${num(Number(th.volume || 0), 0)} · ${percent(th.negativeShare, 0)} ${escape(t('negativeShare'))}${th.npsImpact === undefined ? '' : ` · NPS ${signed(th.npsImpact)} ${interval(th.npsImpactInterval)}`}</span>
          ${(th.samples || []).map((v) => `<blockquote>${highlight(v.text, v.highlights)}</blockquote>`).join('')}</li>`).join('');
      items.append(el(`<li class="friction-point" data-friction="${escape(p.frictionId)}"><h3>${escape(p.name)} <span class="tag">${escape(label(p.kind))}</span> ${ev.trend ? `<span class="tag ${ev.trend === 'FRICTION_TREND_IMPROVING' ? 'good' : 'bad'}">${escape(label(ev.trend))}</span>` : ''}</h3>
        <dl><dt>${escape(t('impact'))}</dt><dd><b>${num(p.impact)}</b> NPS <span class="meta">${interval(p.impactInterval)}</span></dd>
        <dt>${escape(t('customersAffected'))}</dt><dd>${num(Number(p.customersAffected || 0), 0)}</dd>
        <dt>${escape(t('revenueAtRisk'))}</dt><dd>${money(p.revenueAtRisk)} <span class="meta">${num(Number(p.valuedCustomers || 0), 0)} ${escape(t('valuedOf'))} ${num(Number(p.identifiedCustomers || 0), 0)} ${escape(t('identified'))}</span></dd>
        <dt>NPS</dt><dd>${score(ev.nps)}</dd><dt>${escape(t('restOfJourney'))}</dt><dd>${score(ev.restOfJourney)}</dd>
        <dt>${escape(t('gap'))}</dt><dd>${signed(ev.gap)} <span class="meta">${interval(ev.gapInterval)} · ${escape(t('pValue'))} ${num(ev.pValue, 4)}</span></dd></dl>
        ${themes ? `<h4>${escape(t('topThemes'))}</h4><ul class="themes">${themes}</ul>` : ''}
        ${(ev.verbatims || []).length ? `<h4>${escape(t('verbatims'))}</h4>${ev.verbatims.map((v) => `<blockquote>${escape(v.text)} <span class="meta">(${num(v.score, 0)})</span></blockquote>`).join('')}` : ''}</li>`));
    });
    section.append(items);
  }
  const drops = friction.funnelDropOffs || [];
  if (drops.length) {
    section.append(el(`<h3>${escape(t('funnel'))}</h3>`));
    const table = el(`<table><thead><tr><th scope="col">${escape(t('step'))}</th><th scope="col">${escape(t('volume'))}</th><th scope="col">${escape(t('conversion'))}</th><th scope="col">${escape(t('reference'))}</th><th scope="col">${escape(t('lostCompletions'))}</th></tr></thead><tbody>
      ${drops.map((d) => `<tr><th scope="row">${escape(d.funnelId)} / ${escape(d.step)}</th><td>${num(Number(d.viewed || 0), 0)}</td><td>${num(d.conversion)} % <span class="meta">${interval(d.conversionInterval)}</span></td>
        <td>${num(d.reference)} % <span class="meta">${escape(d.referenceKind)} · ${escape(t('pValue'))} ${num(d.pValue, 4)}</span></td><td>${num(d.lostCompletions, 0)}</td></tr>`).join('')}</tbody></table>`);
    const scroll = el('<div class="scroll"></div>');
    scroll.append(table);
    section.append(scroll);
  }
  return section;
}

function blueprintLanes(journey, live) {
  const stages = journey.stages || [];
  const kpis = new Map();
  (live.stages || []).forEach((s) => [...(s.kpis || []), ...(s.touchpoints || []).flatMap((tp) => tp.kpis || [])].forEach((k) => { if (k.elementId) kpis.set(k.elementId, k); }));
  const lanes = LANES.map((lane) => ({ lane, cells: stages.map((s) => (s.blueprint || []).filter((b) => b.lane === lane)) })).filter((l) => l.cells.some((c) => c.length));
  if (!lanes.length) return null;
  return el(`<section class="card" aria-labelledby="jb-h"><h2 id="jb-h">${escape(t('blueprint'))}</h2><div class="lanes blueprint">
      <div class="lane"><div class="lane-name"></div>${stages.map((s) => `<div class="lane-name">${escape(s.name)}</div>`).join('')}</div>
      ${lanes.map((l) => `<div class="lane" data-lane="${l.lane}"><div class="lane-name">${escape(label(l.lane))}</div>${l.cells.map((c) => `<div>${c.map((b) => `<p class="element${b.failPoint ? ' fail' : ''}">${escape(b.name)}
        ${b.failPoint ? ` <span class="tag bad">⚠ ${escape(t('failPoint'))}</span>` : ''}${b.waitPoint ? ` <span class="tag">⏱ ${escape(t('waitPoint'))}</span>` : ''}
        ${b.ownerTeam ? `<br><span class="meta">${escape(t('owner'))}: ${escape(b.ownerTeam)}</span>` : ''}${kpis.has(b.elementId) ? '<br>' + kpi(kpis.get(b.elementId)) : ''}</p>`).join('')}</div>`).join('')}</div>`).join('')}
    </div></section>`);
}

function windowLabel(w) { return w && w.window ? `${w.window.startDate} → ${w.window.endDate}` : ''; }

function actionList(actions, journey) {
  const section = el(`<section class="card" id="actions" aria-labelledby="ja-h"><h2 id="ja-h">${escape(t('actions'))}</h2></section>`);
  if (!actions.length) section.append(el(`<p class="meta">${escape(t('noData'))}</p>`));
  const names = new Map();
  (journey.stages || []).forEach((s) => { names.set(s.stageId, s.name); (s.touchpoints || []).forEach((tp) => names.set(tp.touchpointId, tp.name)); });
  actions.forEach((a) => {
    const m = a.impact;
    const target = a.target || {};
    const targetName = names.get(target.touchpointId) || names.get(target.stageId) || target.frictionId || '';
    const comparison = a.measurement?.comparison || 'COMPARISON_KIND_REST_OF_JOURNEY';
    const main = m && (m.did !== undefined
      ? `${escape(t('did'))}: <b>${signed(m.did)}</b> <span class="meta">${interval(m.didInterval)} · ${escape(t('pValue'))} ${num(m.didPValue, 4)}</span>`
      : `${escape(t('difference'))}: <b>${signed(m.difference)}</b> <span class="meta">${interval(m.differenceInterval)} · ${escape(t('pValue'))} ${num(m.pValue, 4)}</span>`);
    const item = el(`<article class="action" data-action="${escape(a.actionId)}"><h3>${escape(a.title)} <span class="tag">${escape(label(a.status))}</span>${m ? ` <span class="tag ${m.verdict === 'IMPACT_VERDICT_IMPROVED' ? 'good' : m.verdict === 'IMPACT_VERDICT_WORSENED' ? 'bad' : ''}">${escape(label(m.verdict))}</span>` : ''}</h3>
      ${a.hypothesis ? `<p class="meta">${escape(t('hypothesis'))}: ${escape(a.hypothesis)}</p>` : ''}
      <p class="meta">${escape(t('target'))}: ${escape(targetName)} · ${escape(t('indicator'))}: ${escape(label(a.targetIndicator))}${a.targetValue !== undefined ? ` → ${num(a.targetValue)}` : ''} · ${escape(t('shipDate'))}: ${escape(a.shipDate || '–')} · ${escape(t('owner'))}: ${escape(a.ownerTeam || '')}</p>
      ${m ? `<p>${escape(t('measuredImpact'))} · ${main}${m.targetReached ? ` · <span class="good">${escape(t('targetReached'))}</span>` : ''}</p>
        ${m.verdict === 'IMPACT_VERDICT_INCONCLUSIVE' && m.requiredNPerWindow ? `<p class="meta">${escape(t('requiredN'))}: ${num(Number(m.requiredNPerWindow), 0)}</p>` : ''}
        <div class="chart" role="img" aria-label="${escape(a.title)}: ${escape(t('before'))} / ${escape(t('after'))}"></div>
        <p class="meta">${escape(t('before'))}: ${escape(windowLabel(m.before))} · ${escape(t('after'))}: ${escape(windowLabel(m.after))} · ${escape(t('comparisonGroup'))}: ${escape(label(comparison))} · ${escape(m.method || '')} · ${escape(date(m.measureTime))}</p>` : ''}</article>`);
    section.append(item);
    if (m && m.before && m.after) {
      const groups = [{ name: targetName || t('target'), before: m.before, after: m.after, color: '#0b5cad' }];
      if (m.comparisonBefore && m.comparisonAfter) groups.push({ name: label(comparison), before: m.comparisonBefore, after: m.comparisonAfter, color: '#8a949e' });
      const categories = [t('before'), t('after')];
      const series = [];
      groups.forEach((g) => {
        const w = [g.before, g.after];
        series.push({ name: g.name, type: 'bar', itemStyle: { color: g.color }, data: w.map((x) => x.value ?? 0) });
        series.push({ name: `${g.name} · ${t('interval')}`, type: 'boxplot', silent: true, boxWidth: [2, 2], itemStyle: { color: '#1b1f24', borderColor: '#1b1f24' },
          data: w.map((x) => { const i = x.interval || { low: x.value, high: x.value }; return [i.low, i.low, x.value, i.high, i.high]; }) });
      });
      requestAnimationFrame(() => mount(item.querySelector('.chart'), {
        aria: { enabled: true }, grid: { left: 48, right: 16, top: 30, bottom: 30 }, legend: { data: groups.map((g) => g.name) },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (list) => { const i = list[0].dataIndex;
          return categories[i] + groups.map((g) => { const x = [g.before, g.after][i]; return `<br>${escape(g.name)}: <b>${num(x.value)}</b> ${interval(x.interval)} · n = ${num(Number(x.n || 0), 0)}`; }).join(''); } },
        xAxis: { type: 'category', data: categories }, yAxis: { type: 'value', scale: true }, series,
      }));
    }
  });
  return section;
}
