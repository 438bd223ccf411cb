// Live feed: the responses accepted from now on (GET /v1/responses:watch, Server-Sent
// Events), newest first, with a clear connected / disconnected state. EventSource
// reconnects by itself; the state says when it is trying.
import { get } from '../api.js';
import { t, num, label, date, addTexts } from '../i18n.js';
import { el, escape } from '../main.js';

addTexts({
  en: { lvConnecting: 'Connecting…', lvConnectedShort: 'Connected', lvDisconnectedShort: 'Disconnected', lvReceived: 'received since you opened this page', lvResponses: 'Responses' },
  fr: { lvConnecting: 'Connexion…', lvConnectedShort: 'Connecté', lvDisconnectedShort: 'Déconnecté', lvReceived: 'reçue(s) depuis l’ouverture de cette page', lvResponses: 'Réponses' },
}, {
  en: { CHANNEL_LINK: 'Link', CHANNEL_EMAIL: 'E-mail', CHANNEL_SMS: 'SMS', CHANNEL_MESSAGING: 'Messaging', CHANNEL_IN_APP: 'In app', CHANNEL_WEB_WIDGET: 'Web widget', CHANNEL_CHATBOT: 'Chatbot', CHANNEL_KIOSK: 'Kiosk', CHANNEL_QR: 'QR', CHANNEL_SUPPORT: 'Support', CHANNEL_SOCIAL: 'Social' },
  fr: { CHANNEL_LINK: 'Lien', CHANNEL_EMAIL: 'E-mail', CHANNEL_SMS: 'SMS', CHANNEL_MESSAGING: 'Messagerie', CHANNEL_IN_APP: 'Dans l’app', CHANNEL_WEB_WIDGET: 'Widget web', CHANNEL_CHATBOT: 'Chatbot', CHANNEL_KIOSK: 'Borne', CHANNEL_QR: 'QR', CHANNEL_SUPPORT: 'Support', CHANNEL_SOCIAL: 'Réseaux sociaux' },
});

let source = null;
export function leave() { if (source) { source.close(); source = null; } }

/** One response as people read it: scores and comments. */
export function describe(response, questions = {}) {
  const answers = response.answers || [];
  const scores = answers.filter((a) => a.score !== undefined && a.score !== null)
    .map((a) => `${escape(questions[a.questionId] || a.questionId || '')} <b>${num(a.score, 0)}</b>`);
  const texts = answers.map((a) => a.text).filter(Boolean);
  return { scores, texts };
}

export async function show(main) {
  leave();
  main.innerHTML = '';
  main.append(el(`<h1>${escape(t('live'))}</h1>`));
  const state = el(`<p class="live-state" role="status" data-state="connecting"><span class="dot" aria-hidden="true"></span> <b class="state-label">${escape(t('lvConnecting'))}</b> <span class="meta state-text"></span></p>`);
  const count = el(`<p class="meta"><span class="count">0</span> ${escape(t('lvReceived'))}</p>`);
  const list = el(`<ul class="feed" aria-label="${escape(t('lvResponses'))}"></ul>`);
  const waiting = el(`<p class="meta waiting">${escape(t('waiting'))}</p>`);
  main.append(state, count, waiting, list);
  const setState = (value) => {
    state.dataset.state = value;
    state.querySelector('.state-label').textContent = t(value === 'connected' ? 'lvConnectedShort' : value === 'disconnected' ? 'lvDisconnectedShort' : 'lvConnecting');
    state.querySelector('.state-text').textContent = value === 'connected' ? t('connected') : value === 'disconnected' ? t('disconnected') : '';
  };
  const titles = {};
  get('/v1/surveys?pageSize=100').then((page) => (page.surveys || []).forEach((s) => { titles[s.surveyId] = s.title; })).catch(() => {});
  source = new EventSource('/v1/responses:watch', { withCredentials: true });
  const opened = source;
  source.onopen = () => { if (source === opened) setState('connected'); };
  source.onerror = () => { if (source === opened) setState('disconnected'); };
  source.onmessage = (event) => {
    let response;
    try { response = JSON.parse(event.data); } catch (e) { return; }
    setState('connected');
    waiting.hidden = true;
    const { scores, texts } = describe(response);
    const item = el(`<li data-response-id="${escape(response.responseId)}">
        <span class="tag">${escape(label(response.channel))}</span> <span class="meta">${escape(date(response.submitTime))} · ${escape(titles[response.surveyId] || response.surveyId)}</span>
        <div class="scores">${scores.join(' · ')}</div>${texts.map((x) => `<blockquote>${escape(x)}</blockquote>`).join('')}</li>`);
    list.prepend(item);
    count.querySelector('.count').textContent = String(list.children.length);
    while (list.children.length > 200) list.lastElementChild.remove();
  };
}
