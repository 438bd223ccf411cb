// Cases inbox: filter, then work one case: assign, move through the lifecycle, notes, root
// cause; SLA breaches highlighted, the playbook's next step shown, and what the comment that
// opened the case says (the text analysis with its highlights). Viewers read only.
import { get, post, patch } from '../api.js';
import { t, label, date, num, addTexts } from '../i18n.js';
import { el, escape } from '../main.js';

addTexts({
  en: {
    csComment: 'What the customer said', csUnavailable: 'The text analysis is not available right now; the comment is shown as written.',
    csNoComment: 'No comment with this response.', csSentiment: 'Sentiment', csThemes: 'Themes', csFirstContact: 'First contact due',
    csResolution: 'Resolution due', csResponse: 'Response', csOf: 'of', csPending: 'The text analysis of this comment is not ready yet.',
  },
  fr: {
    csComment: 'Ce que le client a dit', csUnavailable: "L'analyse du texte est indisponible pour le moment ; le commentaire est affiché tel quel.",
    csNoComment: 'Pas de commentaire avec cette réponse.', csSentiment: 'Tonalité', csThemes: 'Thèmes', csFirstContact: 'Premier contact avant',
    csResolution: 'Résolution avant', csResponse: 'Réponse', csOf: 'sur', csPending: "L'analyse de ce commentaire n'est pas encore prête.",
  },
}, {
  en: { TEXT_SENTIMENT_NEGATIVE: 'Negative', TEXT_SENTIMENT_NEUTRAL: 'Neutral', TEXT_SENTIMENT_POSITIVE: 'Positive', TEXT_SENTIMENT_MIXED: 'Mixed' },
  fr: { TEXT_SENTIMENT_NEGATIVE: 'Négative', TEXT_SENTIMENT_NEUTRAL: 'Neutre', TEXT_SENTIMENT_POSITIVE: 'Positive', TEXT_SENTIMENT_MIXED: 'Mitigée' },
});

const STATUSES = ['CASE_STATUS_OPEN', 'CASE_STATUS_IN_PROGRESS', 'CASE_STATUS_CONTACTED', 'CASE_STATUS_RESOLVED', 'CASE_STATUS_CLOSED'];
const CATEGORIES = ['NPS_CATEGORY_DETRACTOR', 'NPS_CATEGORY_PASSIVE', 'NPS_CATEGORY_PROMOTER'];
let filter = { status: '', category: '', breachedOnly: false, assignee: '' };

export async function show(main, args, session) {
  main.innerHTML = '';
  main.append(el(`<h1>${escape(t('cases'))}</h1>`));
  const toolbar = el(`<form class="toolbar" aria-label="${escape(t('apply'))}">
      <label>${escape(t('status'))}<select name="status"><option value="">${escape(t('any'))}</option>${STATUSES.map((s) => `<option value="${s}">${escape(label(s))}</option>`).join('')}</select></label>
      <label>${escape(t('category'))}<select name="category"><option value="">${escape(t('any'))}</option>${CATEGORIES.map((s) => `<option value="${s}">${escape(label(s))}</option>`).join('')}</select></label>
      <label>${escape(t('assignee'))}<input name="assignee" value="${escape(filter.assignee)}"></label>
      <label class="check"><input type="checkbox" name="breachedOnly" ${filter.breachedOnly ? 'checked' : ''}><span>${escape(t('breachedOnly'))}</span></label>
      <button type="submit">${escape(t('apply'))}</button></form>`);
  toolbar.status.value = filter.status;
  toolbar.category.value = filter.category;
  toolbar.addEventListener('submit', (e) => {
    e.preventDefault();
    filter = { status: toolbar.status.value, category: toolbar.category.value, assignee: toolbar.assignee.value.trim(), breachedOnly: toolbar.breachedOnly.checked };
    show(main, [], session);
  });
  main.append(toolbar);
  const layout = el(`<div class="split"><section aria-label="${escape(t('cases'))}" id="case-list"></section><section aria-label="${escape(t('title'))}" id="case-detail"></section></div>`);
  main.append(layout);
  const params = new URLSearchParams({ pageSize: '50' });
  if (filter.status) params.set('status', filter.status);
  if (filter.category) params.set('category', filter.category);
  if (filter.assignee) params.set('assignee', filter.assignee);
  if (filter.breachedOnly) params.set('breachedOnly', 'true');
  const page = await get('/v1/cases?' + params);
  const cases = page.cases || [];
  const list = layout.firstElementChild;
  const selected = args[0] || (cases[0] && cases[0].caseId);
  if (!cases.length) { list.append(el(`<p class="meta">${escape(t('noData'))}</p>`)); }
  else {
    const table = el(`<table class="cases"><caption class="sr-only">${escape(t('cases'))}</caption><thead><tr><th scope="col">${escape(t('title'))}</th><th scope="col">${escape(t('status'))}</th><th scope="col">${escape(t('assignee'))}</th><th scope="col">${escape(t('due'))}</th></tr></thead><tbody></tbody></table>`);
    cases.forEach((c) => {
      const row = el(`<tr class="${c.slaBreached ? 'breached' : ''}" data-case-id="${escape(c.caseId)}"><td><a href="#/cases/${escape(c.caseId)}" ${c.caseId === selected ? 'aria-current="true"' : ''}>${escape(c.title || c.caseId)}</a>
          <br><span class="tag ${c.category === 'NPS_CATEGORY_DETRACTOR' ? 'bad' : ''}">${escape(label(c.category))}</span>${c.slaBreached ? ` <span class="tag bad">⚠ ${escape(t('sla'))} : ${escape(t('breached'))}</span>` : ''}</td>
        <td>${escape(label(c.status))}</td><td>${escape(c.assignee || '–')}</td><td>${escape(date(c.resolutionDueTime))}</td></tr>`);
      table.tBodies[0].append(row);
    });
    list.append(table);
  }
  if (selected) await detail(layout.lastElementChild, selected, session, () => show(main, [selected], session));
}

/** The text with its highlight spans (UTF-16 offsets, as JavaScript's substring) marked. */
export function highlighted(text, spans) {
  const sorted = (spans || []).filter((s) => s.end > (s.start || 0)).sort((a, b) => (a.start || 0) - (b.start || 0));
  let html = '';
  let at = 0;
  sorted.forEach((s) => {
    const start = Math.max(at, s.start || 0);
    if (start >= s.end) return;
    html += escape(text.substring(at, start)) + '<mark>' + escape(text.substring(start, s.end)) + '</mark>';
    at = s.end;
  });
  return html + escape(text.substring(at));
}

function comments(c, response) {
  const analyses = c.commentAnalyses || [];
  const section = el(`<section class="comment" aria-label="${escape(t('csComment'))}"><h3>${escape(t('csComment'))}</h3></section>`);
  if (c.textAnalysisUnavailable) section.append(el(`<p class="meta unavailable">${escape(t('csUnavailable'))}</p>`));
  if (!analyses.length) {
    // not analysed (yet, or the analysis is down): the comment as written
    const texts = ((response && response.answers) || []).map((a) => a.text).filter(Boolean);
    texts.forEach((text) => section.append(el(`<div class="verbatim"><blockquote>${escape(text)}</blockquote></div>`)));
    if (!texts.length) section.append(el(`<p class="meta">${escape(t('csNoComment'))}</p>`));
    else if (!c.textAnalysisUnavailable) section.append(el(`<p class="meta">${escape(t('csPending'))}</p>`));
  }
  analyses.forEach((v) => {
    const a = v.analysis || {};
    const themes = (a.themes || []).map((th) => `<span class="tag ${th.sentiment === 'TEXT_SENTIMENT_NEGATIVE' ? 'bad' : th.sentiment === 'TEXT_SENTIMENT_POSITIVE' ? 'good' : ''}">${escape(th.label || th.themeId)} · ${escape(label(th.sentiment))}</span>`).join(' ');
    section.append(el(`<div class="verbatim"><blockquote>${highlighted(v.text || '', v.highlights)}</blockquote>
      ${a.sentiment ? `<p class="meta">${escape(t('csSentiment'))}: <b>${escape(label(a.sentiment))}</b> (${num(a.score, 2)})${themes ? ` · ${escape(t('csThemes'))}: ${themes}` : ''}</p>` : ''}</div>`));
  });
  return section;
}

async function detail(panel, caseId, session, refresh) {
  const c = await get('/v1/cases/' + encodeURIComponent(caseId));
  const response = !(c.commentAnalyses || []).length && c.responseId
    ? await get('/v1/responses/' + encodeURIComponent(c.responseId)).catch(() => null) : null;
  const canWork = session.can('TENANT_ROLE_AGENT');
  const steps = c.playbook || [];
  const nextStep = steps[0];
  const card = el(`<article class="card" data-case-id="${escape(c.caseId)}" data-status="${escape(c.status)}"><h2>${escape(c.title || c.caseId)}</h2>
      <p><span class="tag status">${escape(label(c.status))}</span> <span class="tag ${c.category === 'NPS_CATEGORY_DETRACTOR' ? 'bad' : ''}">${escape(label(c.category))}</span>
      ${c.slaBreached ? `<span class="tag bad">⚠ ${escape(t('sla'))} : ${escape(t('breached'))}</span>` : ''}</p>
      <p class="meta">${escape(t('created'))} ${escape(date(c.createTime))} · ${escape(t('csFirstContact'))} ${escape(date(c.firstContactDueTime))} · ${escape(t('csResolution'))} ${escape(date(c.resolutionDueTime))}</p>
      <p class="meta">${escape(t('assignee'))}: <b class="assignee">${escape(c.assignee || '–')}</b>${c.team ? ` · ${escape(c.team)}` : ''}</p>
      ${nextStep ? `<p class="next-step"><b>${escape(t('nextStep'))}:</b> ${escape(nextStep.text || nextStep.key)}</p>` : ''}
      ${steps.length ? `<details><summary>${escape(t('playbook'))} (${steps.length})</summary><ol>${steps.map((s) => `<li>${escape(s.text || s.key)}</li>`).join('')}</ol></details>` : ''}
      <p><b>${escape(t('rootCause'))}:</b> <span class="root-cause">${escape(c.rootCause || '–')}</span></p>
      <h3>${escape(t('notes'))}</h3><ul class="notes">${(c.notes || []).map((n) => `<li><span class="meta">${escape(n.author)} · ${escape(date(n.createTime))}</span><br>${escape(n.text)}</li>`).join('') || '<li class="meta">–</li>'}</ul>
      <div class="actions"></div></article>`);
  card.insertBefore(comments(c, response), card.querySelector('h3'));
  panel.innerHTML = '';
  panel.append(card);
  if (!canWork) { card.querySelector('.actions').append(el(`<p class="meta read-only">${escape(t('readOnly'))}</p>`)); return; }
  const me = session.user.email;
  const actions = el(`<div>
      <p><button type="button" name="assign" ${c.assignee === me ? 'disabled' : ''}>${escape(t('assignToMe'))}</button></p>
      <form name="transition" class="toolbar"><label>${escape(t('moveTo'))}<select name="status">${STATUSES.filter((s) => s !== c.status).map((s) => `<option value="${s}">${escape(label(s))}</option>`).join('')}</select></label><button type="submit">${escape(t('moveTo'))}</button></form>
      <form name="root" class="toolbar"><label>${escape(t('rootCause'))}<input name="rootCause" value="${escape(c.rootCause || '')}"></label><button type="submit">${escape(t('save'))}</button></form>
      <form name="note" class="toolbar"><label>${escape(t('addNote'))}<textarea name="text" rows="2" required></textarea></label><button type="submit">${escape(t('addNote'))}</button></form>
      <p class="error" role="alert"></p></div>`);
  card.querySelector('.actions').append(actions);
  const fail = (e) => { actions.querySelector('.error').textContent = e.message; };
  const id = encodeURIComponent(c.caseId);
  actions.querySelector('[name=assign]').addEventListener('click', () => patch('/v1/cases/' + id, { assignee: me }).then(refresh, fail));
  actions.querySelector('[name=transition]').addEventListener('submit', (e) => { e.preventDefault(); post(`/v1/cases/${id}:transition`, { status: e.target.status.value }).then(refresh, fail); });
  actions.querySelector('[name=root]').addEventListener('submit', (e) => { e.preventDefault(); patch('/v1/cases/' + id, { rootCause: e.target.rootCause.value }).then(refresh, fail); });
  actions.querySelector('[name=note]').addEventListener('submit', (e) => { e.preventDefault(); post(`/v1/cases/${id}/notes`, { author: me, text: e.target.text.value }).then(refresh, fail); });
}
