import { t, num, label, date } from '../i18n.js';
import { el, escape } from '../main.js';

let source = null;
export function leave() { if (source) { source.close(); source = null; } }

/** One response as people read it: channel, scores, comments. */
export function describe(response) {
  const answers = response.answers || [];
  const scores = answers.filter((a) => a.score !== undefined).map((a) => `${escape(a.questionId || '')} <b>${num(a.score, 0)}</b>`);
  const texts = answers.map((a) => a.text).filter(Boolean);
  return { scores, texts };
}

export async function show(main) {
  leave();
  main.innerHTML = '';
  main.append(el(`<h1>${escape(t('live'))}</h1>`));
  const status = el(`<p class="meta" role="status">${escape(t('waiting'))}</p>`);
  const list = el('<ul class="feed" aria-live="polite" aria-label="Responses"></ul>');
  main.append(status, list);
  source = new EventSource('/v1/responses:watch', { withCredentials: true });
  source.onopen = () => { status.textContent = t('connected'); };
  source.onerror = () => { status.textContent = t('disconnected'); };
  source.onmessage = (event) => {
    let response;
    try { response = JSON.parse(event.data); } catch (e) { return; }
    const { scores, texts } = describe(response);
    const item = el(`<li data-response-id="${escape(response.responseId)}">
        <span class="tag">${escape(label(response.channel))}</span> <span class="meta">${escape(date(response.submitTime))} · ${escape(response.surveyId)}</span>
        <div>${scores.join(' · ')}</div>${texts.map((x) => `<blockquote>${escape(x)}</blockquote>`).join('')}</li>`);
    list.prepend(item);
    while (list.children.length > 200) list.lastElementChild.remove();
  };
}
