import { get } from '../api.js';
import { t, num, label } from '../i18n.js';
import { el, escape } from '../main.js';
import { mount, disposeAll, bars } from '../charts.js';

const LANES = ['BLUEPRINT_LANE_PHYSICAL_EVIDENCE', 'BLUEPRINT_LANE_CUSTOMER_ACTION', 'BLUEPRINT_LANE_FRONTSTAGE', 'BLUEPRINT_LANE_BACKSTAGE', 'BLUEPRINT_LANE_SUPPORT_PROCESS'];
const EMOTION_LEVEL = { EMOTION_VERY_NEGATIVE: -2, EMOTION_NEGATIVE: -1, EMOTION_NEUTRAL: 0, EMOTION_POSITIVE: 1, EMOTION_VERY_POSITIVE: 2 };

export function leave() { disposeAll(); }

function indicator(score) {
  if (!score || !score.n) return '<span class="meta">–</span>';
  return `<b>${num(score.value)}</b> <span class="meta">[${num(score.interval?.low)} ; ${num(score.interval?.high)}] n = ${num(Number(score.n), 0)}</span>`
    + (score.lowSample ? ` <span class="warn" title="${escape(t('lowSample'))}">⚠</span>` : '');
}

export async function show(main, args) {
  disposeAll();
  main.innerHTML = '';
  main.append(el(`<h1>${escape(t('journeys'))}</h1>`));
  const list = await get('/v1/journeys?pageSize=50');
  const journeys = list.journeys || [];
  if (!journeys.length) { main.append(el(`<p class="meta">${escape(t('noData'))}</p>`)); return; }
  const chosen = journeys.find((j) => j.journeyId === args[0]) || journeys[0];
  const picker = el(`<div class="toolbar"><label>${escape(t('journey'))}<select>${journeys.map((j) => `<option value="${escape(j.journeyId)}">${escape(j.name)}</option>`).join('')}</select></label></div>`);
  picker.querySelector('select').value = chosen.journeyId;
  picker.querySelector('select').addEventListener('change', (e) => { location.hash = '#/journeys/' + e.target.value; });
  main.append(picker);
  const id = encodeURIComponent(chosen.journeyId);
  const [live, friction, actions] = await Promise.all([
    get(`/v1/journeys/${id}/live`).catch((e) => ({ error: e.message })),
    get(`/v1/journeys/${id}/friction`).catch((e) => ({ error: e.message })),
    get(`/v1/journeys/${id}/actions`).catch(() => ({ actions: [] })),
  ]);

  // the map: stages with their live numbers
  const stages = live.stages || [];
  const map = el(`<section class="card"><h2>${escape(t('stages'))} · NPS ${indicator(live.nps)}</h2><div class="lanes"><div class="lane">${stages.map((s) => `<div><b>${escape(s.name)}</b><br>NPS ${indicator(s.nps)}<br>CSAT ${indicator(s.csat)}<br><span class="meta">${escape(t('volume'))}: ${num(Number(s.volume || 0), 0)}</span></div>`).join('')}</div></div></section>`);
  if (live.error) map.append(el(`<p class="error">${escape(live.error)}</p>`));
  main.append(map);

  // the emotion curve: expected vs measured (with its interval)
  const curve = el(`<section class="card"><h2>${escape(t('emotion'))}</h2><div class="chart" role="img" aria-label="${escape(t('emotion'))}"></div></section>`);
  main.append(curve);
  if (stages.length) {
    const names = stages.map((s) => s.name);
    mount(curve.querySelector('.chart'), {
      aria: { enabled: true }, grid: { left: 48, right: 16, top: 30, bottom: 40 }, tooltip: { trigger: 'axis' },
      legend: { data: [t('expected'), t('measured')] },
      xAxis: { type: 'category', data: names }, yAxis: { type: 'value', scale: true },
      series: [
        { name: t('expected'), type: 'line', lineStyle: { type: 'dashed' }, data: stages.map((s) => s.emotion?.expectedLevel ?? EMOTION_LEVEL[s.emotion?.expected] ?? null) },
        { name: t('measured'), type: 'line', data: stages.map((s) => s.emotion?.measuredValue ?? null) },
        { name: t('interval'), type: 'boxplot', data: stages.map((s) => { const i = s.emotion?.measuredInterval; return i ? [i.low, i.low, (i.low + i.high) / 2, i.high, i.high] : [null, null, null, null, null]; }), boxWidth: [2, 2] },
      ],
    });
  }

  // friction ranking with evidence
  const points = friction.frictionPoints || [];
  const frictionCard = el(`<section class="card" id="friction"><h2>${escape(t('friction'))}</h2></section>`);
  if (friction.error) frictionCard.append(el(`<p class="error">${escape(friction.error)}</p>`));
  if (!points.length) frictionCard.append(el(`<p class="meta">${escape(t('noData'))}</p>`));
  else {
    const table = el(`<table><thead><tr><th scope="col">#</th><th scope="col">${escape(t('stage'))}</th><th scope="col">${escape(t('impact'))}</th><th scope="col">${escape(t('customersAffected'))}</th><th scope="col">${escape(t('evidence'))}</th></tr></thead><tbody></tbody></table>`);
    points.forEach((p) => {
      const ev = p.evidence || {};
      table.tBodies[0].append(el(`<tr><td>${p.rank}</td><td>${escape(p.name)}<br><span class="tag">${escape(label(p.kind))}</span></td>
        <td>${num(p.impact)} <span class="meta">[${num(p.impactInterval?.low)} ; ${num(p.impactInterval?.high)}]</span></td>
        <td>${num(Number(p.customersAffected || 0), 0)}</td>
        <td>NPS ${indicator(ev.nps)}<br><span class="meta">${escape(t('difference'))} ${num(ev.gap)} [${num(ev.gapInterval?.low)} ; ${num(ev.gapInterval?.high)}] · ${escape(t('pValue'))} ${num(ev.pValue, 3)}</span>
        ${(ev.verbatims || []).slice(0, 3).map((v) => `<blockquote>« ${escape(v.text)} » <span class="meta">(${num(v.score, 0)})</span></blockquote>`).join('')}</td></tr>`));
    });
    frictionCard.append(table);
  }
  main.append(frictionCard);

  // blueprint lanes
  const lanes = LANES.map((lane) => ({ lane, cells: (chosen.stages || []).map((s) => (s.blueprint || []).filter((b) => b.lane === lane)) }))
    .filter((l) => l.cells.some((c) => c.length));
  if (lanes.length) {
    const blueprint = el(`<section class="card"><h2>${escape(t('blueprint'))}</h2><div class="lanes">
        <div class="lane"><div class="lane-name"></div>${(chosen.stages || []).map((s) => `<div class="lane-name">${escape(s.name)}</div>`).join('')}</div>
        ${lanes.map((l) => `<div class="lane"><div class="lane-name">${escape(label(l.lane.replace('BLUEPRINT_LANE_', '')))}</div>${l.cells.map((c) => `<div>${c.map((b) => `${escape(b.name)}${b.failPoint ? ' <span class="tag bad">⚠</span>' : ''}`).join('<br>')}</div>`).join('')}</div>`).join('')}
      </div></section>`);
    main.append(blueprint);
  }

  // improvement actions and their measured impact
  const actionCard = el(`<section class="card"><h2>${escape(t('actions'))}</h2></section>`);
  const list2 = actions.actions || [];
  if (!list2.length) actionCard.append(el(`<p class="meta">${escape(t('noData'))}</p>`));
  list2.forEach((a) => {
    const m = a.impact;
    const item = el(`<article><h3>${escape(a.title)} <span class="tag">${escape(label(a.status))}</span></h3>
      ${m ? `<p>${escape(t('measuredImpact'))}: <b>${num(m.did ?? m.difference)}</b> <span class="meta">[${num((m.didInterval || m.differenceInterval)?.low)} ; ${num((m.didInterval || m.differenceInterval)?.high)}] · ${escape(t('pValue'))} ${num(m.didPValue ?? m.pValue, 3)} · ${escape(label(m.verdict))}</span></p><div class="chart" style="height:220px" role="img" aria-label="${escape(t('before'))} / ${escape(t('after'))}"></div>` : ''}</article>`);
    actionCard.append(item);
    if (m && m.before && m.after) {
      const windows = [m.before, m.after];
      mount(item.querySelector('.chart'), bars([t('before'), t('after')], windows.map((w) => w.value), {
        name: a.title, intervals: windows.map((w) => [w.interval?.low ?? w.value, w.interval?.high ?? w.value]), counts: windows.map((w) => Number(w.n || 0)) }));
    }
  });
  main.append(actionCard);
}
