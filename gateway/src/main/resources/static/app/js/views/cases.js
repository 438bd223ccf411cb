import { get, post, patch } from '../api.js';
import { t, label, date } from '../i18n.js';
import { el, escape } from '../main.js';

const STATUSES = ['CASE_STATUS_OPEN', 'CASE_STATUS_IN_PROGRESS', 'CASE_STATUS_CONTACTED', 'CASE_STATUS_RESOLVED', 'CASE_STATUS_CLOSED'];
const CATEGORIES = ['NPS_CATEGORY_DETRACTOR', 'NPS_CATEGORY_PASSIVE', 'NPS_CATEGORY_PROMOTER'];
let filter = { status: '', category: '', breachedOnly: false, assignee: '' };

export async function show(main, args, session) {
  main.innerHTML = '';
  main.append(el(`<h1>${escape(t('cases'))}</h1>`));
  const toolbar = el(`<form class="toolbar" aria-label="Filter">
      <label>${escape(t('status'))}<select name="status"><option value="">${escape(t('any'))}</option>${STATUSES.map((s) => `<option value="${s}">${escape(label(s))}</option>`).join('')}</select></label>
      <label>${escape(t('category'))}<select name="category"><option value="">${escape(t('any'))}</option>${CATEGORIES.map((s) => `<option value="${s}">${escape(label(s))}</option>`).join('')}</select></label>
      <label>${escape(t('assignee'))}<input name="assignee" value="${escape(filter.assignee)}"></label>
      <label><span>${escape(t('breachedOnly'))}</span><input type="checkbox" name="breachedOnly" ${filter.breachedOnly ? 'checked' : ''}></label>
      <button type="submit">${escape(t('apply'))}</button></form>`);
  toolbar.status.value = filter.status;
  toolbar.category.value = filter.category;
  toolbar.addEventListener('submit', (e) => {
    e.preventDefault();
    filter = { status: toolbar.status.value, category: toolbar.category.value, assignee: toolbar.assignee.value.trim(), breachedOnly: toolbar.breachedOnly.checked };
    show(main, [], session);
  });
  main.append(toolbar);
  const layout = el('<div class="split"><section aria-label="Cases"></section><section aria-label="Case" id="case-detail"></section></div>');
  main.append(layout);
  const params = new URLSearchParams({ pageSize: '50' });
  if (filter.status) params.set('status', filter.status);
  if (filter.category) params.set('category', filter.category);
  if (filter.assignee) params.set('assignee', filter.assignee);
  if (filter.breachedOnly) params.set('breachedOnly', 'true');
  const page = await get('/v1/cases?' + params);
  const cases = page.cases || [];
  const list = layout.firstElementChild;
  if (!cases.length) { list.append(el(`<p class="meta">${escape(t('noData'))}</p>`)); }
  else {
    const table = el(`<table><caption class="sr-only">${escape(t('cases'))}</caption><thead><tr><th scope="col">${escape(t('title'))}</th><th scope="col">${escape(t('status'))}</th><th scope="col">${escape(t('assignee'))}</th><th scope="col">${escape(t('due'))}</th></tr></thead><tbody></tbody></table>`);
    cases.forEach((c) => {
      const row = el(`<tr class="${c.slaBreached ? 'breached' : ''}"><td><a href="#/cases/${escape(c.caseId)}">${escape(c.title || c.caseId)}</a>
          <br><span class="tag ${c.category === 'NPS_CATEGORY_DETRACTOR' ? 'bad' : ''}">${escape(label(c.category))}</span>${c.slaBreached ? ` <span class="tag bad">${escape(t('sla'))}: ${escape(t('breached'))}</span>` : ''}</td>
        <td>${escape(label(c.status))}</td><td>${escape(c.assignee || '–')}</td><td>${escape(date(c.resolutionDueTime))}</td></tr>`);
      table.tBodies[0].append(row);
    });
    list.append(table);
  }
  const selected = args[0] || (cases[0] && cases[0].caseId);
  if (selected) await detail(layout.lastElementChild, selected, session, () => show(main, [selected], session));
}

async function detail(panel, caseId, session, refresh) {
  const c = await get('/v1/cases/' + encodeURIComponent(caseId));
  const canWork = session.can('TENANT_ROLE_AGENT');
  const nextStep = (c.playbook || [])[0];
  const card = el(`<article class="card" data-case-id="${escape(c.caseId)}"><h2>${escape(c.title || c.caseId)}</h2>
      <p><span class="tag">${escape(label(c.status))}</span> <span class="tag ${c.category === 'NPS_CATEGORY_DETRACTOR' ? 'bad' : ''}">${escape(label(c.category))}</span>
      ${c.slaBreached ? `<span class="tag bad">${escape(t('sla'))}: ${escape(t('breached'))}</span>` : ''}</p>
      <p class="meta">${escape(t('created'))} ${escape(date(c.createTime))} · ${escape(t('due'))} ${escape(date(c.resolutionDueTime))} · ${escape(t('assignee'))}: ${escape(c.assignee || '–')}</p>
      ${c.playbook && c.playbook.length ? `<h3>${escape(t('playbook'))}</h3><ol>${c.playbook.map((s) => `<li>${escape(s.text || s.key)}</li>`).join('')}</ol>` : ''}
      ${nextStep ? `<p><b>${escape(t('nextStep'))}:</b> ${escape(nextStep.text || nextStep.key)}</p>` : ''}
      <p><b>${escape(t('rootCause'))}:</b> ${escape(c.rootCause || '–')}</p>
      <h3>${escape(t('notes'))}</h3><ul>${(c.notes || []).map((n) => `<li><span class="meta">${escape(n.author)} · ${escape(date(n.createTime))}</span><br>${escape(n.text)}</li>`).join('') || '<li class="meta">–</li>'}</ul>
      <div class="actions"></div></article>`);
  panel.innerHTML = '';
  panel.append(card);
  if (!canWork) { card.querySelector('.actions').append(el(`<p class="meta">${escape(t('readOnly'))}</p>`)); return; }
  const me = session.user.email;
  const actions = el(`<div>
      <p><button type="button" name="assign">${escape(t('assignToMe'))}</button></p>
      <form name="transition" class="toolbar"><label>${escape(t('moveTo'))}<select name="status">${STATUSES.filter((s) => s !== c.status).map((s) => `<option value="${s}">${escape(label(s))}</option>`).join('')}</select></label><button type="submit">${escape(t('moveTo'))}</button></form>
      <form name="root" class="toolbar"><label>${escape(t('rootCause'))}<input name="rootCause" value="${escape(c.rootCause || '')}"></label><button type="submit">${escape(t('save'))}</button></form>
      <form name="note" class="toolbar"><label>${escape(t('addNote'))}<textarea name="text" rows="2" required></textarea></label><button type="submit">${escape(t('addNote'))}</button></form>
      <p class="error" role="alert"></p></div>`);
  card.querySelector('.actions').append(actions);
  const fail = (e) => { actions.querySelector('.error').textContent = e.message; };
  actions.querySelector('[name=assign]').addEventListener('click', () => patch('/v1/cases/' + c.caseId, { assignee: me }).then(refresh, fail));
  actions.querySelector('[name=transition]').addEventListener('submit', (e) => { e.preventDefault(); post(`/v1/cases/${c.caseId}:transition`, { status: e.target.status.value }).then(refresh, fail); });
  actions.querySelector('[name=root]').addEventListener('submit', (e) => { e.preventDefault(); patch('/v1/cases/' + c.caseId, { rootCause: e.target.rootCause.value }).then(refresh, fail); });
  actions.querySelector('[name=note]').addEventListener('submit', (e) => { e.preventDefault(); post(`/v1/cases/${c.caseId}/notes`, { author: me, text: e.target.text.value }).then(refresh, fail); });
}
