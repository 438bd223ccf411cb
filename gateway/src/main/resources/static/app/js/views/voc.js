// Voice of the customer: themes (volume, share, sentiment mix, NPS impact with the interval
// of the difference), the week's emerging keywords with their lift, the verbatims behind
// them with the matched words highlighted (cursor-paginated), and "analyse a text".
import { get, post, daysAgo } from '../api.js';
import { t, num, label, date, addTexts } from '../i18n.js';
import { el, escape } from '../main.js';
import { mount, disposeAll } from '../charts.js';
import { highlight, interval, signed, themeLabel, percent, SENTIMENTS, SENTIMENT_COLORS } from './insight.js';

addTexts({
  en: {
    themes: 'Themes', comments: 'Comments', share: 'Share', sentimentMix: 'Sentiment mix', npsImpact: 'NPS impact',
    npsImpactHelp: 'NPS of the respondents who mention the theme minus that of the others, with the 95% interval of the difference.',
    emerging: 'Emerging keywords this week', lift: 'Lift', previous: 'Previous week', count: 'Mentions',
    noEmerging: 'No keyword rose significantly this week; the most frequent ones:', analyse: 'Analyse a text',
    analyseHelp: 'A preview with your taxonomy: nothing is stored.', analyseButton: 'Analyse', text: 'Text', languageOf: 'Language',
    score: 'Score', keywords: 'Keywords', showVerbatims: 'Show verbatims', filters: 'Filters', clear: 'Clear',
    negative: 'Negative', neutral: 'Neutral', positive: 'Positive', mixed: 'Mixed', evidence2: 'Evidence',
  },
  fr: {
    themes: 'Thèmes', comments: 'Commentaires', share: 'Part', sentimentMix: 'Répartition des tonalités', npsImpact: 'Impact NPS',
    npsImpactHelp: "NPS des répondants qui évoquent le thème moins celui des autres, avec l'intervalle à 95 % de l'écart.",
    emerging: 'Mots-clés émergents de la semaine', lift: 'Hausse', previous: 'Semaine précédente', count: 'Mentions',
    noEmerging: "Aucun mot-clé n'a progressé significativement cette semaine ; les plus fréquents :", analyse: 'Analyser un texte',
    analyseHelp: 'Un aperçu avec votre taxonomie : rien n’est enregistré.', analyseButton: 'Analyser', text: 'Texte', languageOf: 'Langue',
    score: 'Score', keywords: 'Mots-clés', showVerbatims: 'Voir les verbatims', filters: 'Filtres', clear: 'Effacer',
    negative: 'Négatif', neutral: 'Neutre', positive: 'Positif', mixed: 'Mitigé', evidence2: 'Indices',
  },
});

let state = { days: 90, theme: '', sentiment: '', keyword: '' };
let themes = [];

export function leave() { disposeAll(); }

export async function show(main) {
  disposeAll();
  main.innerHTML = '';
  main.append(el(`<h1>${escape(t('voc'))}</h1>`));
  const toolbar = el(`<div class="toolbar"><label>${escape(t('period'))}<select name="days">
      <option value="30">${escape(t('last30'))}</option><option value="90">${escape(t('last90'))}</option><option value="365">${escape(t('last365'))}</option></select></label></div>`);
  toolbar.querySelector('select').value = String(state.days);
  toolbar.addEventListener('change', (e) => { state.days = Number(e.target.value); show(main); });
  main.append(toolbar);

  const themeCard = el(`<section class="card voc-themes" aria-labelledby="voc-themes-h"><h2 id="voc-themes-h">${escape(t('themes'))}</h2><p>${escape(t('loading'))}</p></section>`);
  const lower = el('<div class="grid voc-lower"></div>');
  const keywordCard = el(`<section class="card" id="voc-keywords" aria-labelledby="voc-kw-h"><h2 id="voc-kw-h">${escape(t('emerging'))}</h2><p>${escape(t('loading'))}</p></section>`);
  const analyseCard = analyser();
  lower.append(keywordCard, analyseCard);
  const verbatimCard = el(`<section class="card" id="voc-verbatims" aria-labelledby="voc-vb-h"><h2 id="voc-vb-h">${escape(t('verbatims'))}</h2></section>`);
  main.append(themeCard, lower, verbatimCard);

  const filter = `filter.from=${daysAgo(state.days)}&filter.to=${daysAgo(0)}`;
  const [themeList, emerging] = await Promise.all([
    get('/v1/text/themes?' + filter).catch((e) => ({ error: e.message })),
    get(`/v1/text/keywords?filter.from=${daysAgo(6)}&filter.to=${daysAgo(0)}&emergingOnly=true&limit=15`).catch((e) => ({ error: e.message })),
  ]);
  themes = themeList.themes || [];
  renderThemes(themeCard, themeList, main);
  await renderKeywords(keywordCard, emerging, main);
  await renderVerbatims(verbatimCard, main);
}

function renderThemes(card, list, main) {
  card.querySelector('p').remove();
  if (list.error) { card.append(el(`<p class="error">${escape(list.error)}</p>`)); return; }
  card.querySelector('h2').append(el(`<span class="meta"> · ${escape(t('comments'))}: ${num(Number(list.comments || 0), 0)}</span>`));
  if (!themes.length) { card.append(el(`<p class="meta">${escape(t('noData'))}</p>`)); return; }
  const names = themes.map(themeLabel);
  const charts = el(`<div class="grid">
      <div><h3>${escape(t('sentimentMix'))}</h3><div class="chart" role="img" aria-label="${escape(t('sentimentMix'))}"></div></div>
      <div><h3>${escape(t('npsImpact'))}</h3><div class="chart" role="img" aria-label="${escape(t('npsImpact'))}"></div><p class="meta">${escape(t('npsImpactHelp'))}</p></div></div>`);
  card.append(charts);
  const [mixEl, impactEl] = charts.querySelectorAll('.chart');
  const kinds = ['negative', 'neutral', 'mixed', 'positive'];
  mount(mixEl, {
    aria: { enabled: true }, grid: { left: 120, right: 16, top: 30, bottom: 24 }, tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: kinds.map((k) => t(k)) },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: names, inverse: true },
    series: kinds.map((k) => ({ name: t(k), type: 'bar', stack: 'mix', itemStyle: { color: SENTIMENT_COLORS[k] }, data: themes.map((th) => Number(th[k] || 0)) })),
  });
  const known = themes.filter((th) => th.npsImpact && th.npsImpact.known);
  mount(impactEl, {
    aria: { enabled: true }, grid: { left: 120, right: 24, top: 20, bottom: 24 },
    tooltip: { trigger: 'item', formatter: (p) => { const th = known[p.dataIndex]; const i = th.npsImpact;
      return `${escape(themeLabel(th))}<br>${escape(t('npsImpact'))}: <b>${signed(i.difference)}</b><br>${escape(t('interval'))}: ${interval(i)}<br>${escape(t('mentioners'))}: ${num(i.mentioners)} (n = ${num(Number(i.mentionersCount || 0), 0)})<br>${escape(t('others'))}: ${num(i.others)} (n = ${num(Number(i.othersCount || 0), 0)})`; } },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: known.map(themeLabel), inverse: true },
    series: [
      { name: t('npsImpact'), type: 'bar', data: known.map((th) => ({ value: th.npsImpact.difference, itemStyle: { color: th.npsImpact.difference < 0 ? SENTIMENT_COLORS.negative : SENTIMENT_COLORS.positive } })) },
      { name: t('interval'), type: 'boxplot', silent: true, itemStyle: { color: '#1b1f24', borderColor: '#1b1f24' }, boxWidth: [2, 2],
        data: known.map((th) => [th.npsImpact.low, th.npsImpact.low, th.npsImpact.difference, th.npsImpact.high, th.npsImpact.high]) },
    ],
  });
  const table = el(`<table class="voc-theme-table"><caption class="sr-only">${escape(t('themes'))}</caption><thead><tr>
      <th scope="col">${escape(t('theme'))}</th><th scope="col">${escape(t('volume'))}</th><th scope="col">${escape(t('share'))}</th>
      <th scope="col">${escape(t('sentimentMix'))}</th><th scope="col">${escape(t('npsImpact'))}</th><th scope="col"><span class="sr-only">${escape(t('verbatims'))}</span></th></tr></thead><tbody></tbody></table>`);
  themes.forEach((th) => {
    const i = th.npsImpact || {};
    const total = kinds.reduce((s, k) => s + Number(th[k] || 0), 0) || 1;
    const bar = kinds.map((k) => `<span class="mix-${k}" style="width:${(100 * Number(th[k] || 0) / total).toFixed(1)}%" title="${escape(t(k))}: ${num(Number(th[k] || 0), 0)}"></span>`).join('');
    const row = el(`<tr data-theme="${escape(th.themeId)}"><th scope="row">${escape(themeLabel(th))}</th><td>${num(Number(th.volume || 0), 0)}</td><td>${percent(th.share, 1)}</td>
      <td><span class="mixbar" aria-hidden="true">${bar}</span><span class="meta">${kinds.map((k) => `${escape(t(k))} ${num(Number(th[k] || 0), 0)}`).join(' · ')}</span></td>
      <td>${i.known ? `<b class="${i.low > 0 ? 'good' : i.high < 0 ? 'bad' : ''}">${signed(i.difference)}</b> <span class="meta">${interval(i)} · n = ${num(Number(i.mentionersCount || 0), 0)} / ${num(Number(i.othersCount || 0), 0)}</span>` : '<span class="meta">–</span>'}</td>
      <td><button type="button" class="secondary">${escape(t('showVerbatims'))}</button></td></tr>`);
    row.querySelector('button').addEventListener('click', () => { state = { ...state, theme: th.themeId, keyword: '', sentiment: '' }; refreshVerbatims(main); });
    table.tBodies[0].append(row);
  });
  const scroll = el('<div class="scroll"></div>');
  scroll.append(table);
  card.append(scroll);
}

async function renderKeywords(card, emerging, main) {
  card.querySelector('p').remove();
  if (emerging.error) { card.append(el(`<p class="error">${escape(emerging.error)}</p>`)); return; }
  let keywords = emerging.keywords || [];
  if (!keywords.length) {
    card.append(el(`<p class="meta">${escape(t('noEmerging'))}</p>`));
    const top = await get(`/v1/text/keywords?filter.from=${daysAgo(6)}&filter.to=${daysAgo(0)}&limit=10`).catch(() => ({}));
    keywords = top.keywords || [];
  }
  if (!keywords.length) { card.append(el(`<p class="meta">${escape(t('noData'))}</p>`)); return; }
  const table = el(`<table><caption class="sr-only">${escape(t('emerging'))}</caption><thead><tr><th scope="col">${escape(t('keyword'))}</th><th scope="col">${escape(t('count'))}</th>
      <th scope="col">${escape(t('previous'))}</th><th scope="col">${escape(t('lift'))}</th><th scope="col">${escape(t('pValue'))}</th></tr></thead><tbody></tbody></table>`);
  keywords.forEach((k) => {
    const row = el(`<tr><th scope="row"><button type="button" class="link">${escape(k.display || k.key)}</button>${k.emerging ? ' <span class="tag bad">↑</span>' : ''}</th>
      <td>${num(Number(k.count || 0), 0)}</td><td>${num(Number(k.previousCount || 0), 0)}</td><td>× ${num(k.lift, 2)}</td><td>${num(k.pValue, 3)}</td></tr>`);
    row.querySelector('button').addEventListener('click', () => { state = { ...state, keyword: k.key, theme: '', sentiment: '' }; refreshVerbatims(main); });
    table.tBodies[0].append(row);
  });
  card.append(table);
}

function refreshVerbatims(main) {
  const card = main.querySelector('#voc-verbatims');
  renderVerbatims(card, main).then(() => card.scrollIntoView({ block: 'start' }));
}

async function renderVerbatims(card, main) {
  card.querySelectorAll(':scope > :not(h2)').forEach((n) => n.remove());
  const form = el(`<form class="toolbar" aria-label="${escape(t('filters'))}">
      <label>${escape(t('theme'))}<select name="theme"><option value="">${escape(t('any'))}</option>${themes.map((th) => `<option value="${escape(th.themeId)}">${escape(themeLabel(th))}</option>`).join('')}</select></label>
      <label>${escape(t('sentiment'))}<select name="sentiment"><option value="">${escape(t('any'))}</option>${SENTIMENTS.map((s) => `<option value="${s}">${escape(label(s))}</option>`).join('')}</select></label>
      <label>${escape(t('keyword'))}<input name="keyword" size="14"></label>
      <button type="submit">${escape(t('apply'))}</button> <button type="button" class="secondary" name="clear">${escape(t('clear'))}</button></form>`);
  form.theme.value = state.theme; form.sentiment.value = state.sentiment; form.keyword.value = state.keyword;
  form.addEventListener('submit', (e) => { e.preventDefault(); state = { ...state, theme: form.theme.value, sentiment: form.sentiment.value, keyword: form.keyword.value.trim() }; renderVerbatims(card, main); });
  form.querySelector('[name=clear]').addEventListener('click', () => { state = { ...state, theme: '', sentiment: '', keyword: '' }; renderVerbatims(card, main); });
  card.append(form);
  const list = el('<ul class="feed verbatims" aria-live="polite"></ul>');
  card.append(list);
  const more = el(`<button type="button" class="secondary" hidden>${escape(t('more'))}</button>`);
  card.append(more);
  const params = new URLSearchParams({ pageSize: '20', from: daysAgo(state.days), to: daysAgo(0) });
  if (state.theme) params.set('themeId', state.theme);
  if (state.sentiment) params.set('sentiment', state.sentiment);
  if (state.keyword) params.set('keyword', state.keyword);
  const load = async (token) => {
    if (token) params.set('pageToken', token);
    more.hidden = true;
    try {
      const page = await get('/v1/text/verbatims?' + params);
      (page.verbatims || []).forEach((v) => list.append(verbatimItem(v)));
      if (!list.children.length) list.append(el(`<li class="meta">${escape(t('noData'))}</li>`));
      if (page.nextPageToken) { more.hidden = false; more.onclick = () => load(page.nextPageToken); }
    } catch (e) {
      list.append(el(`<li class="error">${escape(e.message)}</li>`));
    }
  };
  await load('');
}

/** One comment as a list item: its text with the highlights, its sentiment and themes. */
export function verbatimItem(v) {
  const a = v.analysis || {};
  const sentiment = a.sentiment ? `<span class="tag sentiment-${escape(String(a.sentiment).replace('TEXT_SENTIMENT_', '').toLowerCase())}">${escape(label(a.sentiment))}</span>` : '';
  const tags = (a.themes || []).map((m) => `<span class="tag">${escape(m.label || m.themeId)}</span>`).join(' ');
  return el(`<li><span class="meta">${escape(date(v.submitTime))}</span> ${sentiment} ${tags}<blockquote>${highlight(v.text, v.highlights)}</blockquote></li>`);
}

function analyser() {
  const card = el(`<section class="card" id="voc-analyse" aria-labelledby="voc-an-h"><h2 id="voc-an-h">${escape(t('analyse'))}</h2>
      <form><label>${escape(t('text'))}<textarea name="text" rows="4" maxlength="5000"></textarea></label>
      <p class="meta">${escape(t('analyseHelp'))}</p><button type="submit">${escape(t('analyseButton'))}</button></form>
      <div class="result" aria-live="polite"></div></section>`);
  const form = card.querySelector('form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = form.text.value;
    const result = card.querySelector('.result');
    result.innerHTML = `<p>${escape(t('loading'))}</p>`;
    try {
      const a = await post('/v1/text:analyze', { text });
      const spans = [...(a.sentimentSpans || []), ...(a.themes || []).flatMap((m) => m.evidence || [])];
      result.innerHTML = `<blockquote>${highlight(text, spans)}</blockquote>
        <dl><dt>${escape(t('languageOf'))}</dt><dd>${escape(label(a.language))}</dd>
        <dt>${escape(t('sentiment'))}</dt><dd>${escape(label(a.sentiment))} <span class="meta">(${escape(t('score'))} ${signed(a.score, 2)})</span></dd>
        <dt>${escape(t('themes'))}</dt><dd>${(a.themes || []).map((m) => `<span class="tag">${escape(m.label || m.themeId)} · ${escape(label(m.sentiment))}</span>`).join(' ') || '–'}</dd>
        <dt>${escape(t('keywords'))}</dt><dd>${(a.keywords || []).map((k) => escape(k.display || k.key)).join(', ') || '–'}</dd></dl>`;
    } catch (err) {
      result.innerHTML = `<p class="error">${escape(err.message)}</p>`;
    }
  });
  return card;
}
