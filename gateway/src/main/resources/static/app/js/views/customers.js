// Customers: persona and segment cards (size, trend, scores with n and interval, value),
// value tiers, who contacts when (contact patterns), persona proposals from discovery with
// their silhouette and an "adopt" action, past discoveries to open again, segments as rules;
// analysts edit a persona's texts and delete a persona from its card.
import { get, post, put, patch, del, daysAgo } from '../api.js';
import { t, num, label, date, addTexts, language } from '../i18n.js';
import { el, escape } from '../main.js';
import { mount, disposeAll } from '../charts.js';
import { score, percent, signed } from './insight.js';

addTexts({
  en: {
    personas: 'Personas', segments: 'Segments', size: 'Customers', shareOfCustomers: 'of customers', revenue: 'Revenue', averageClv: 'Average CLV',
    valueTiers: 'Value tiers', tier: 'Tier', contactPatterns: 'Who contacts when', weekday: 'Day', hour: 'Hour', contacts: 'Contacts',
    contactsPerCustomer: 'Contacts per customer', effort: 'Effort (CES, easy share)', allSegments: 'All segments', preferredChannels: 'Preferred channels',
    scoresUnavailable: 'Scores are not available right now (metrics did not answer in time).', proposals: 'Persona proposals',
    discover: 'Discover personas from the data', discovering: 'Clustering the customers…', silhouette: 'Silhouette', clustered: 'customers clustered',
    wellSeparated: 'well separated', weaklySeparated: 'weakly separated', adopt: 'Adopt', adopted: 'Adopted', nameOptional: 'Name (optional)',
    traits: 'Traits', ease: 'Ease', satisfaction: 'Satisfaction', noDiscovery: 'No discovery yet.', viewerNoDiscovery: 'Analysts can discover personas from the data here.',
    segmentRules: 'Segments as rules', rule: 'Rule', newSegment: 'New segment', segmentId: 'Id (letters, digits, - and _)', displayName2: 'Name',
    attribute: 'Attribute', operator: 'Operator', value: 'Value', create: 'Create', noRuleSegments: 'No rule segment yet.', stated: 'stated label',
    goals: 'Goals', needs: 'Needs', frustrations: 'Frustrations', motivations: 'Motivations', sizeTrend: 'Size over time', computedAt: 'Computed',
    assigned: 'customers now assigned an adopted persona', scored: 'with orders',
    noSupportEvents: 'No resolved case of these customers yet',
    editPersona: 'Edit', deletePersona: 'Delete', confirmDeletePersona: 'Delete this persona for good? Its customers lose it (discovered personas assign them again).',
    personaName: 'Name', personaDescription: 'Description', onePerLine: 'one per line', savePersona: 'Save',
    changedMeanwhile: 'Someone changed this persona meanwhile: the page shows it again, re-apply your change.',
    pastDiscoveries: 'Past discoveries', discoveryDate: 'Date', discoveryStatus: 'Status', openDiscovery: 'Open',
    notAdopted: 'none adopted', adoptedOf: 'adopted', moreDiscoveries: 'More', noPastDiscovery: 'No discovery made yet.',
  },
  fr: {
    personas: 'Personas', segments: 'Segments', size: 'Clients', shareOfCustomers: 'des clients', revenue: "Chiffre d'affaires", averageClv: 'CLV moyenne',
    valueTiers: 'Niveaux de valeur', tier: 'Niveau', contactPatterns: 'Qui contacte quand', weekday: 'Jour', hour: 'Heure', contacts: 'Contacts',
    contactsPerCustomer: 'Contacts par client', effort: 'Effort (CES, part « facile »)', allSegments: 'Tous les segments', preferredChannels: 'Canaux préférés',
    scoresUnavailable: "Les scores ne sont pas disponibles pour l'instant (les indicateurs n'ont pas répondu à temps).", proposals: 'Propositions de personas',
    discover: 'Découvrir des personas dans les données', discovering: 'Regroupement des clients…', silhouette: 'Silhouette', clustered: 'clients regroupés',
    wellSeparated: 'bien séparés', weaklySeparated: 'peu séparés', adopt: 'Adopter', adopted: 'Adopté', nameOptional: 'Nom (facultatif)',
    traits: 'Traits', ease: 'Facilité', satisfaction: 'Satisfaction', noDiscovery: 'Pas encore de découverte.', viewerNoDiscovery: 'Les analystes peuvent découvrir ici des personas dans les données.',
    segmentRules: 'Segments par règles', rule: 'Règle', newSegment: 'Nouveau segment', segmentId: 'Identifiant (lettres, chiffres, - et _)', displayName2: 'Nom',
    attribute: 'Attribut', operator: 'Opérateur', value: 'Valeur', create: 'Créer', noRuleSegments: 'Pas encore de segment par règle.', stated: 'libellé déclaré',
    goals: 'Objectifs', needs: 'Besoins', frustrations: 'Frustrations', motivations: 'Motivations', sizeTrend: 'Taille dans le temps', computedAt: 'Calculé',
    assigned: 'clients désormais rattachés à un persona adopté', scored: 'avec commandes',
    noSupportEvents: 'Pas encore de demande résolue de ces clients',
    editPersona: 'Modifier', deletePersona: 'Supprimer', confirmDeletePersona: 'Supprimer définitivement ce persona ? Ses clients le perdent (les personas découverts les rattachent à nouveau).',
    personaName: 'Nom', personaDescription: 'Description', onePerLine: 'un par ligne', savePersona: 'Enregistrer',
    changedMeanwhile: "Quelqu'un a modifié ce persona entre-temps : la page l'affiche à nouveau, refaites votre modification.",
    pastDiscoveries: 'Découvertes précédentes', discoveryDate: 'Date', discoveryStatus: 'Statut', openDiscovery: 'Ouvrir',
    notAdopted: 'aucun adopté', adoptedOf: 'adoptés', moreDiscoveries: 'Plus', noPastDiscovery: "Aucune découverte pour l'instant.",
  },
});

const OPERATORS = { SEGMENT_OPERATOR_EQ: '=', SEGMENT_OPERATOR_NE: '≠', SEGMENT_OPERATOR_LT: '<', SEGMENT_OPERATOR_LE: '≤', SEGMENT_OPERATOR_GT: '>', SEGMENT_OPERATOR_GE: '≥' };
const NUMBER_ATTRIBUTES = ['orders', 'spent', 'average_basket', 'recency_days', 'clv', 'r_score', 'f_score', 'm_score', 'contacts', 'web_sessions', 'age'];
const TEXT_ATTRIBUTES = ['value_tier', 'country', 'city', 'preferred_channel', 'persona_id', 'segment', 'gender', 'occupation'];
const DISCOVERY_KEY = 'cx.discovery';

export function leave() { disposeAll(); }

/** A tier label from the card's lower-case name (`at_risk`) or the enum value. */
function tierLabel(tier) {
  const value = String(tier || '');
  return label(value.startsWith('VALUE_TIER_') ? value : 'VALUE_TIER_' + value.toUpperCase());
}

function money(value) {
  if (value === undefined || value === null) return '–';
  return new Intl.NumberFormat(language(), { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value);
}

export async function show(main, args, session) {
  disposeAll();
  main.innerHTML = '';
  main.append(el(`<h1>${escape(t('customers'))}</h1>`));
  const period = { start: daysAgo(89), end: daysAgo(0) };
  const [personas, segments, patterns, value, supportByPersona, supportBySegment] = await Promise.all([
    get('/v1/personas?pageSize=100').catch(() => ({ personas: [] })),
    get('/v1/segments').catch(() => ({ segments: [] })),
    get(`/v1/contact-patterns?period.startDate=${period.start}&period.endDate=${period.end}`).catch((e) => ({ error: e.message })),
    get('/v1/customer-value').catch(() => null),
    supportBy('KPI_DIMENSION_PERSONA', period),
    supportBy('KPI_DIMENSION_SEGMENT', period),
  ]);

  // personas
  const personaSection = el(`<section aria-labelledby="cu-personas"><h2 id="cu-personas">${escape(t('personas'))}</h2><div class="grid cards"></div></section>`);
  main.append(personaSection);
  const personaList = personas.personas || [];
  if (!personaList.length) personaSection.append(el(`<p class="meta">${escape(t('noData'))}</p>`));
  const personaCards = await Promise.all(personaList.map((p) => get(`/v1/personas/${encodeURIComponent(p.personaId)}/card`).catch(() => null)));
  const rerender = () => show(main, args, session);
  personaList.forEach((p, i) => {
    const article = card(personaCards[i], p.name, p.description, supportOf(supportByPersona, p.personaId));
    article.dataset.persona = p.personaId;
    if (session.can('TENANT_ROLE_ANALYST')) article.append(personaEditor(p, rerender));
    personaSection.querySelector('.cards').append(article);
  });

  // segments: the rule segments and the stated labels the contact patterns know
  const ruleSegments = segments.segments || [];
  const labels = [...new Set((patterns.segments || []).map((s) => s.segment).filter((s) => s && s !== 'unsegmented'))];
  const ids = [...new Set([...ruleSegments.map((s) => s.segmentId), ...labels])];
  const segmentSection = el(`<section aria-labelledby="cu-segments"><h2 id="cu-segments">${escape(t('segments'))}</h2><div class="grid cards"></div></section>`);
  main.append(segmentSection);
  if (!ids.length) segmentSection.append(el(`<p class="meta">${escape(t('noData'))}</p>`));
  const segmentCards = await Promise.all(ids.map((id) => get(`/v1/segments/${encodeURIComponent(id)}/card`).catch(() => null)));
  ids.forEach((id, i) => {
    const rule = ruleSegments.find((s) => s.segmentId === id);
    const c = card(segmentCards[i], rule ? rule.displayName || id : id, rule ? rule.description : t('stated'), supportOf(supportBySegment, id));
    segmentSection.querySelector('.cards').append(c);
    if (rule) sizeTrend(c, id);
  });

  main.append(tiers(value));
  main.append(contactPatterns(patterns));
  main.append(proposals(session));
  main.append(ruleList(ruleSegments, session, main, args));
}

const NARRATIVE = ['goals', 'needs', 'frustrations', 'motivations'];

/**
 * An analyst's tools on a persona card: a form for its texts (PATCH with the etag read, so a
 * concurrent change is not overwritten) and a delete button with a confirmation. Viewers and
 * agents do not get them; the API refuses them too.
 */
function personaEditor(p, rerender) {
  const id = encodeURIComponent(p.personaId);
  const tools = el(`<details class="persona-edit"><summary>${escape(t('editPersona'))}</summary>
      <form class="stack" name="persona">
        <label>${escape(t('personaName'))}<input name="name" required maxlength="120" value="${escape(p.name)}"></label>
        <label>${escape(t('personaDescription'))}<textarea name="description" maxlength="4000" rows="3">${escape(p.description || '')}</textarea></label>
        ${NARRATIVE.map((k) => `<label>${escape(t(k))} <span class="meta">(${escape(t('onePerLine'))})</span><textarea name="${k}" rows="3">${escape((p[k] || []).join('\n'))}</textarea></label>`).join('')}
        <p><button type="submit">${escape(t('savePersona'))}</button> <button type="button" name="delete" class="danger">${escape(t('deletePersona'))}</button></p>
        <p class="result" role="status" aria-live="polite"></p>
      </form></details>`);
  const form = tools.querySelector('form');
  const result = form.querySelector('.result');
  const fail = (err) => {
    result.className = 'result error';
    result.textContent = err.status === 409 && err.problem && /etag/.test(err.problem.detail || '') ? t('changedMeanwhile') : err.message;
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const lines = (name) => form.elements[name].value.split('\n').map((s) => s.trim()).filter(Boolean);
    const body = { name: form.elements.name.value.trim(), description: form.elements.description.value.trim(), etag: p.etag || '' };
    NARRATIVE.forEach((k) => { body[k] = lines(k); });
    try {
      await patch(`/v1/personas/${id}?updateMask=name,description,${NARRATIVE.join(',')}`, body);
      rerender();
    } catch (err) {
      fail(err);
      if (err.status === 409) setTimeout(rerender, 4000);
    }
  });
  form.querySelector('[name=delete]').addEventListener('click', async () => {
    if (!window.confirm(t('confirmDeletePersona'))) return;
    try {
      await del(`/v1/personas/${id}?etag=${encodeURIComponent(p.etag || '')}`);
      rerender();
    } catch (err) { fail(err); }
  });
  return tools;
}

/**
 * Support KPIs (FCR, AHT) per persona or segment over the period, from one KPI query grouped by
 * that dimension (events are sliced by their customer's persona and segment when recorded);
 * null when the query failed.
 */
function supportBy(dimension, period) {
  return post('/v1/kpis:query', { filter: { period: { startDate: period.start, endDate: period.end } },
    groupBy: [dimension], families: ['KPI_FAMILY_SUPPORT'] })
    .then((r) => new Map((r.cells || []).map((c) => [(c.key || [])[0]?.value || '', c.support || {}])))
    .catch(() => null);
}

/** The support KPIs of one persona or segment: {} without events, null when unknown. */
function supportOf(byId, id) {
  return byId ? (byId.get(id) || {}) : null;
}

/** A mean handling time in minutes, with n and the low-sample mark. */
function handling(d) {
  if (!d || !Number(d.n)) return `<span class="meta">${escape(t('noSupportEvents'))}</span>`;
  return `<b>${num(Number(d.meanSeconds || 0) / 60, 1)} min</b> <span class="meta">n = ${num(Number(d.n), 0)}</span>`
    + (d.lowSample ? ` <span class="warn" title="${escape(t('lowSample'))}">⚠<span class="sr-only">${escape(t('lowSampleShort'))}</span></span>` : '');
}

/** A persona's or segment's card; `support` holds its FCR and AHT (null: not available). */
function card(c, name, description, support = null) {
  const article = el(`<article class="card customer-card"><h3>${escape(name)}</h3></article>`);
  if (description) article.append(el(`<p class="meta">${escape(description)}</p>`));
  if (!c) { article.append(el(`<p class="meta">${escape(t('noData'))}</p>`)); return article; }
  article.dataset.subject = c.subjectId || '';
  article.append(el(`<p class="size"><b data-size>${num(Number(c.size || 0), 0)}</b> ${escape(t('size'))} · ${percent(c.share, 0)} ${escape(t('shareOfCustomers'))}</p>`));
  article.append(el(`<dl class="scores">
      <dt>NPS</dt><dd data-score="nps">${c.scoresAvailable === false ? '–' : score(c.nps)}</dd>
      <dt>CSAT</dt><dd data-score="csat">${c.scoresAvailable === false ? '–' : score(c.csat, { unit: ' %' })}</dd>
      <dt>CES</dt><dd data-score="ces">${c.scoresAvailable === false ? '–' : score(c.ces, { unit: ' %' })}</dd>
      <dt>${escape(t('fcr'))}</dt><dd data-kpi="fcr">${!support ? '–' : Number(support.fcr?.n) ? score(support.fcr, { unit: ' %' })
        : `<span class="meta">${escape(t('noSupportEvents'))}</span>`}</dd>
      <dt>${escape(t('aht'))}</dt><dd data-kpi="aht">${support ? handling(support.aht) : '–'}</dd>
      <dt>${escape(t('revenue'))}</dt><dd>${money(c.revenue)}</dd>
      <dt>${escape(t('averageClv'))}</dt><dd>${money(c.averageClv)}</dd></dl>`));
  if (c.scoresAvailable === false) article.append(el(`<p class="warn">${escape(t('scoresUnavailable'))}</p>`));
  if (c.period) article.append(el(`<p class="meta">${escape(t('period'))}: ${escape(c.period.startDate || '')} → ${escape(c.period.endDate || '')}</p>`));
  const tierList = (c.tiers || []).filter((x) => Number(x.customers));
  if (tierList.length) article.append(el(`<p class="tiers">${tierList.map((x) => `<span class="tag">${escape(tierLabel(x.tier))} ${num(Number(x.customers), 0)}</span>`).join(' ')}</p>`));
  const channels = c.preferredChannels || [];
  if (channels.length) article.append(el(`<p class="meta">${escape(t('preferredChannels'))}: ${channels.slice(0, 3).map((x) => `${escape(label('CHANNEL_' + x.channel))} ${percent(x.share, 0)}`).join(' · ')}</p>`));
  const n = c.narrative || {};
  const lines = ['goals', 'needs', 'frustrations', 'motivations'].filter((k) => (n[k] || []).length);
  if (lines.length) article.append(el(`<details><summary>${lines.map((k) => escape(t(k))).join(', ')}</summary><dl>${lines.map((k) => `<dt>${escape(t(k))}</dt><dd>${n[k].map(escape).join(' · ')}</dd>`).join('')}</dl></details>`));
  const byDay = c.contactsByWeekday || [];
  if (byDay.some((x) => Number(x.contacts))) {
    const chart = el(`<div class="chart small" role="img" aria-label="${escape(t('contacts'))} / ${escape(t('weekday'))}"></div>`);
    article.append(chart);
    const days = weekdays();
    mount(chart, {
      aria: { enabled: true }, grid: { left: 36, right: 8, top: 10, bottom: 24 }, tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: days }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('contacts'), type: 'bar', itemStyle: { color: '#0b5cad' }, data: days.map((_, i) => Number((byDay.find((x) => x.slot === i + 1) || {}).contacts || 0)) }],
    });
  }
  return article;
}

function weekdays() {
  const format = new Intl.DateTimeFormat(language(), { weekday: 'short' });
  return [1, 2, 3, 4, 5, 6, 7].map((d) => format.format(new Date(Date.UTC(2024, 0, d)))); // 2024-01-01 was a Monday
}

async function sizeTrend(article, id) {
  try {
    const sizes = (await get(`/v1/segments/${encodeURIComponent(id)}/sizes`)).sizes || [];
    if (sizes.length < 2) return;
    const first = Number(sizes[0].customers); const last = Number(sizes[sizes.length - 1].customers);
    const chart = el(`<div><p class="meta">${escape(t('sizeTrend'))}: ${signed(last - first, 0)}</p><div class="chart small" role="img" aria-label="${escape(t('sizeTrend'))}"></div></div>`);
    article.append(chart);
    mount(chart.querySelector('.chart'), {
      aria: { enabled: true }, grid: { left: 36, right: 8, top: 10, bottom: 24 }, tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: sizes.map((s) => s.date) }, yAxis: { type: 'value', scale: true },
      series: [{ name: t('size'), type: 'line', data: sizes.map((s) => Number(s.customers)), itemStyle: { color: '#0b5cad' } }],
    });
  } catch (e) { /* no history yet */ }
}

function tiers(report) {
  const section = el(`<section class="card" aria-labelledby="cu-tiers"><h2 id="cu-tiers">${escape(t('valueTiers'))}</h2></section>`);
  const rows = (report && report.tiers) || [];
  if (!rows.length) { section.append(el(`<p class="meta">${escape(t('noData'))}</p>`)); return section; }
  section.append(el(`<p class="meta">${num(Number(report.customers || 0), 0)} ${escape(t('size'))} · ${num(Number(report.scored || 0), 0)} ${escape(t('scored'))} · ${escape(t('computedAt'))} ${escape(date(report.computeTime))}</p>`));
  const layout = el(`<div class="grid"><div class="chart" role="img" aria-label="${escape(t('valueTiers'))}"></div><div class="scroll"></div></div>`);
  section.append(layout);
  const table = el(`<table><caption class="sr-only">${escape(t('valueTiers'))}</caption><thead><tr><th scope="col">${escape(t('tier'))}</th><th scope="col">${escape(t('size'))}</th><th scope="col">%</th>
      <th scope="col">${escape(t('revenue'))}</th><th scope="col">${escape(t('averageClv'))}</th></tr></thead><tbody>
      ${rows.map((r) => `<tr data-tier="${escape(r.tier)}"><th scope="row">${escape(tierLabel(r.tier))}</th><td>${num(Number(r.customers || 0), 0)}</td><td>${percent(r.share, 0)}</td><td>${money(r.revenue)}</td><td>${money(r.averageClv)}</td></tr>`).join('')}</tbody></table>`);
  layout.lastElementChild.append(table);
  // mounted once in the page, so that ECharts measures its width
  requestAnimationFrame(() => mount(layout.firstElementChild, {
    aria: { enabled: true }, grid: { left: 60, right: 60, top: 30, bottom: 60 }, tooltip: { trigger: 'axis' },
    legend: { data: [t('size'), t('revenue')] },
    xAxis: { type: 'category', data: rows.map((r) => tierLabel(r.tier)), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: [{ type: 'value', name: t('size'), minInterval: 1 }, { type: 'value', name: t('revenue') }],
    series: [
      { name: t('size'), type: 'bar', itemStyle: { color: '#0b5cad' }, data: rows.map((r) => Number(r.customers || 0)) },
      { name: t('revenue'), type: 'line', yAxisIndex: 1, itemStyle: { color: '#7a4b00' }, data: rows.map((r) => Math.round(Number(r.revenue || 0))) },
    ],
  }));
  return section;
}

function contactPatterns(patterns) {
  const section = el(`<section class="card" aria-labelledby="cu-contacts"><h2 id="cu-contacts">${escape(t('contactPatterns'))}</h2></section>`);
  if (patterns.error) { section.append(el(`<p class="error">${escape(patterns.error)}</p>`)); return section; }
  const cells = patterns.cells || [];
  const segs = patterns.segments || [];
  if (!cells.length && !segs.length) { section.append(el(`<p class="meta">${escape(t('noData'))}</p>`)); return section; }
  const names = [...new Set(cells.map((c) => c.segment))];
  const channels = [...new Set(cells.map((c) => c.channel))];
  const picker = el(`<div class="toolbar"><label>${escape(t('segment'))}<select name="segment"><option value="">${escape(t('allSegments'))}</option>${names.map((n) => `<option>${escape(n)}</option>`).join('')}</select></label>
      <label>${escape(t('channel'))}<select name="channel"><option value="">${escape(t('any'))}</option>${channels.map((n) => `<option value="${escape(n)}">${escape(label('CHANNEL_' + n))}</option>`).join('')}</select></label></div>`);
  section.append(picker);
  const chartEl = el(`<div class="chart heat" role="img" aria-label="${escape(t('contactPatterns'))}"></div>`);
  section.append(chartEl);
  const days = weekdays();
  let chart = null;
  const draw = () => {
    const segment = picker.querySelector('[name=segment]').value;
    const channel = picker.querySelector('[name=channel]').value;
    const grid = new Map();
    cells.filter((c) => (!segment || c.segment === segment) && (!channel || c.channel === channel)).forEach((c) => {
      const key = `${c.hour}:${c.weekday}`;
      grid.set(key, (grid.get(key) || 0) + Number(c.contacts || 0));
    });
    const data = [...grid.entries()].map(([k, v]) => { const [h, d] = k.split(':').map(Number); return [h, d - 1, v]; });
    const max = Math.max(1, ...data.map((d) => d[2]));
    const option = {
      aria: { enabled: true }, grid: { left: 48, right: 16, top: 10, bottom: 70 },
      tooltip: { formatter: (p) => `${days[p.value[1]]} ${p.value[0]} h: <b>${num(p.value[2], 0)}</b> ${escape(t('contacts'))}` },
      xAxis: { type: 'category', name: t('hour'), data: [...Array(24).keys()].map(String), splitArea: { show: true } },
      yAxis: { type: 'category', data: days, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f0f5fb', '#0b5cad', '#10263d'] } },
      series: [{ name: t('contacts'), type: 'heatmap', data }],
    };
    if (chart) chart.setOption(option, true); else chart = mount(chartEl, option);
  };
  picker.addEventListener('change', draw);
  requestAnimationFrame(draw);
  if (segs.length) {
    const table = el(`<table><caption class="sr-only">${escape(t('contactsPerCustomer'))}</caption><thead><tr><th scope="col">${escape(t('segment'))}</th><th scope="col">${escape(t('size'))}</th>
        <th scope="col">${escape(t('contacts'))}</th><th scope="col">${escape(t('contactsPerCustomer'))}</th><th scope="col">${escape(t('effort'))}</th></tr></thead><tbody>
        ${segs.map((s) => `<tr><th scope="row">${escape(s.segment)}</th><td>${num(Number(s.customers || 0), 0)}</td><td>${num(Number(s.contacts || 0), 0)}</td>
          <td>${num(s.contactsPerCustomer, 2)}</td><td>${patterns.scoresAvailable === false ? '–' : score(s.ces, { unit: ' %' })}</td></tr>`).join('')}</tbody></table>`);
    const scroll = el('<div class="scroll"></div>');
    scroll.append(table);
    section.append(scroll);
  }
  if (patterns.scoresAvailable === false) section.append(el(`<p class="warn">${escape(t('scoresUnavailable'))}</p>`));
  return section;
}

function proposals(session) {
  const section = el(`<section class="card" id="proposals" aria-labelledby="cu-proposals"><h2 id="cu-proposals">${escape(t('proposals'))}</h2><div class="body"></div></section>`);
  const body = section.querySelector('.body');
  const canWrite = session.can('TENANT_ROLE_ANALYST');
  const key = `${DISCOVERY_KEY}.${session.user.tenant_id}`;
  if (canWrite) {
    const button = el(`<p><button type="button" name="discover">${escape(t('discover'))}</button></p>`);
    section.insertBefore(button, body);
    button.querySelector('button').addEventListener('click', async (e) => {
      e.target.disabled = true;
      body.innerHTML = `<p>${escape(t('discovering'))}</p>`;
      try {
        const discovery = await post('/v1/persona-discoveries', { maxK: 6 });
        localStorage.setItem(key, discovery.discoveryId);
        renderDiscovery(body, discovery, canWrite);
        pastDiscoveries(past, body, canWrite, key);
      } catch (err) {
        body.innerHTML = `<p class="error">${escape(err.message)}</p>`;
      } finally { e.target.disabled = false; }
    });
  }
  const past = el(`<div class="past-discoveries"><h3 id="cu-past">${escape(t('pastDiscoveries'))}</h3><div class="list"></div></div>`);
  section.append(past);
  pastDiscoveries(past, body, canWrite, key);
  const last = localStorage.getItem(key);
  if (last) {
    get(`/v1/persona-discoveries/${encodeURIComponent(last)}`).then((d) => renderDiscovery(body, d, canWrite))
      .catch(() => { body.innerHTML = `<p class="meta">${escape(t('noDiscovery'))}</p>`; });
  } else {
    // no discovery opened in this browser yet: show the tenant's newest, if any
    const none = () => { body.innerHTML = `<p class="meta">${escape(canWrite ? t('noDiscovery') : t('viewerNoDiscovery'))}</p>`; };
    get('/v1/persona-discoveries?pageSize=1')
      .then((r) => { const newest = (r.discoveries || [])[0]; if (newest) renderDiscovery(body, newest, canWrite); else none(); })
      .catch(none);
  }
  return section;
}

/** The tenant's discoveries, newest first, ten at a time: date, k, customers, how many proposals were adopted. */
async function pastDiscoveries(past, body, canWrite, key, token = '') {
  const list = past.querySelector('.list');
  if (!token) list.innerHTML = '';
  let page;
  try {
    page = await get(`/v1/persona-discoveries?pageSize=10${token ? '&pageToken=' + encodeURIComponent(token) : ''}`);
  } catch (err) {
    list.append(el(`<p class="error">${escape(err.message)}</p>`));
    return;
  }
  const found = page.discoveries || [];
  if (!token && !found.length) { list.append(el(`<p class="meta">${escape(t('noPastDiscovery'))}</p>`)); return; }
  let table = list.querySelector('table');
  if (!table) {
    table = el(`<table aria-labelledby="cu-past"><thead><tr><th scope="col">${escape(t('discoveryDate'))}</th><th scope="col">k</th>
        <th scope="col">${escape(t('size'))}</th><th scope="col">${escape(t('discoveryStatus'))}</th><th scope="col"><span class="sr-only">${escape(t('openDiscovery'))}</span></th></tr></thead><tbody></tbody></table>`);
    const scroll = el('<div class="scroll"></div>');
    scroll.append(table);
    list.append(scroll);
  }
  found.forEach((d) => {
    const adopted = (d.proposals || []).filter((p) => p.adoptedPersonaId).length;
    const status = adopted ? `${num(adopted, 0)} / ${num(d.k, 0)} ${t('adoptedOf')}` : t('notAdopted');
    const row = el(`<table><tbody><tr data-discovery="${escape(d.discoveryId)}"><th scope="row">${escape(date(d.createTime))}</th><td>${num(d.k, 0)}</td>
        <td>${num(d.customers, 0)}</td><td>${escape(status)}</td>
        <td><button type="button" name="open" aria-label="${escape(t('openDiscovery'))} ${escape(date(d.createTime))}">${escape(t('openDiscovery'))}</button></td></tr></tbody></table>`).querySelector('tr');
    row.querySelector('button').addEventListener('click', () => {
      localStorage.setItem(key, d.discoveryId);
      renderDiscovery(body, d, canWrite);
      body.scrollIntoView({ block: 'nearest' });
    });
    table.tBodies[0].append(row);
  });
  list.querySelector('[name=more]')?.closest('p').remove();
  if (page.nextPageToken) {
    const more = el(`<p><button type="button" name="more">${escape(t('moreDiscoveries'))}</button></p>`);
    more.querySelector('button').addEventListener('click', () => pastDiscoveries(past, body, canWrite, key, page.nextPageToken));
    list.append(more);
  }
}

function renderDiscovery(body, d, canWrite) {
  const quality = d.silhouette > 0.5 ? t('wellSeparated') : t('weaklySeparated');
  body.innerHTML = '';
  body.append(el(`<p>${escape(t('silhouette'))}: <b data-silhouette>${num(d.silhouette, 2)}</b> <span class="meta">(${escape(quality)}; k = ${num(d.k, 0)} · ${num(d.customers, 0)} ${escape(t('clustered'))} · ${escape(date(d.createTime))})</span></p>`));
  const grid = el('<div class="grid cards"></div>');
  body.append(grid);
  (d.proposals || []).forEach((p) => {
    const item = el(`<article class="card proposal"><h3>${escape(p.suggestedName)}</h3>
        <p><b>${num(p.size, 0)}</b> ${escape(t('size'))} · ${percent(p.share, 0)}</p>
        <p class="meta">${(p.traits || []).map(escape).join(' · ')}</p>
        <dl><dt>NPS</dt><dd>${p.nps === undefined ? '–' : signed(p.nps)} <span class="meta">n = ${num(p.npsResponses || 0, 0)}</span></dd>
        <dt>${escape(t('ease'))}</dt><dd>${p.ease === undefined ? '–' : percent(p.ease, 0)}</dd>
        <dt>${escape(t('satisfaction'))}</dt><dd>${p.satisfaction === undefined ? '–' : percent(p.satisfaction, 0)}</dd>
        <dt>${escape(t('averageClv'))}</dt><dd>${money(p.averageClv)}</dd><dt>${escape(t('revenue'))}</dt><dd>${money(p.revenue)}</dd></dl></article>`);
    if (p.adoptedPersonaId) {
      item.dataset.adopted = p.adoptedPersonaId;
      item.append(el(`<p class="tag">${escape(t('adopted'))}</p>`));
    } else if (canWrite) {
      const form = el(`<form class="inline"><label>${escape(t('nameOptional'))}<input name="name" value="${escape(p.suggestedName)}" maxlength="120"></label><button type="submit">${escape(t('adopt'))}</button><p class="result" aria-live="polite"></p></form>`);
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const result = form.querySelector('.result');
        try {
          const r = await post(`/v1/persona-discoveries/${encodeURIComponent(d.discoveryId)}/proposals/${encodeURIComponent(p.proposalId)}:adopt`, { name: form.name.value.trim() });
          result.textContent = `${t('adopted')}: ${r.persona.name} · ${num(Number(r.assignedCustomers || 0), 0)} ${t('assigned')}`;
          form.querySelector('button').disabled = true;
        } catch (err) { result.textContent = err.message; result.className = 'result error'; }
      });
      item.append(form);
    }
    grid.append(item);
  });
}

/** A rule in words: `spent ≥ 500 and country in (FR, BE)`. */
function ruleText(rule) {
  if (!rule) return '';
  if (rule.all) return '(' + (rule.all.rules || []).map(ruleText).join(language() === 'fr' ? ' et ' : ' and ') + ')';
  if (rule.any) return '(' + (rule.any.rules || []).map(ruleText).join(language() === 'fr' ? ' ou ' : ' or ') + ')';
  if (rule.not) return (language() === 'fr' ? 'non ' : 'not ') + ruleText(rule.not);
  if (rule.compare) { const v = rule.compare.value || {}; return `${rule.compare.attribute} ${OPERATORS[rule.compare.operator] || rule.compare.operator} ${v.number ?? v.text ?? v.flag}`; }
  if (rule.in) return `${rule.in.attribute} ∈ {${(rule.in.values || []).join(', ')}}`;
  if (rule.range) return `${rule.range.min ?? '−∞'} ≤ ${rule.range.attribute} < ${rule.range.max ?? '∞'}`;
  return '';
}

function ruleList(list, session, main, args) {
  const section = el(`<section class="card" id="segment-rules" aria-labelledby="cu-rules"><h2 id="cu-rules">${escape(t('segmentRules'))}</h2></section>`);
  if (!list.length) section.append(el(`<p class="meta">${escape(t('noRuleSegments'))}</p>`));
  else {
    const table = el(`<table><thead><tr><th scope="col">${escape(t('segment'))}</th><th scope="col">${escape(t('rule'))}</th><th scope="col">${escape(t('size'))}</th></tr></thead><tbody>
        ${list.map((s) => `<tr><th scope="row">${escape(s.displayName || s.segmentId)} <span class="meta">${escape(s.segmentId)}</span></th><td><code>${escape(ruleText(s.rule))}</code></td><td>${num(Number(s.size || 0), 0)}</td></tr>`).join('')}</tbody></table>`);
    const scroll = el('<div class="scroll"></div>');
    scroll.append(table);
    section.append(scroll);
  }
  if (!session.can('TENANT_ROLE_ANALYST')) return section;
  const form = el(`<form class="toolbar new-segment" aria-label="${escape(t('newSegment'))}"><h3 class="full">${escape(t('newSegment'))}</h3>
      <label>${escape(t('segmentId'))}<input name="segmentId" required pattern="[A-Za-z0-9_-]{1,64}" size="14"></label>
      <label>${escape(t('displayName2'))}<input name="displayName" maxlength="120" size="16"></label>
      <label>${escape(t('attribute'))}<select name="attribute">${[...NUMBER_ATTRIBUTES, ...TEXT_ATTRIBUTES].map((a) => `<option>${a}</option>`).join('')}</select></label>
      <label>${escape(t('operator'))}<select name="operator">${Object.entries(OPERATORS).map(([k, v]) => `<option value="${k}">${v}</option>`).join('')}</select></label>
      <label>${escape(t('value'))}<input name="value" required size="10"></label>
      <button type="submit">${escape(t('create'))}</button><p class="result full" aria-live="polite"></p></form>`);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const attribute = form.attribute.value;
    const raw = form.value.value.trim();
    const value = NUMBER_ATTRIBUTES.includes(attribute) ? { number: Number(raw) } : { text: raw };
    const result = form.querySelector('.result');
    try {
      await put(`/v1/segments/${encodeURIComponent(form.segmentId.value.trim())}`, {
        displayName: form.displayName.value.trim(), rule: { compare: { attribute, operator: form.operator.value, value } } });
      show(main, args, session);
    } catch (err) {
      result.textContent = err.message; result.className = 'result full error';
    }
  });
  section.append(form);
  return section;
}
