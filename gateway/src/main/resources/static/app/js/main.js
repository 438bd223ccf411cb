import { api, get, post, setCsrf, ApiError } from './api.js';
import { t, translate, setLanguage, language, label } from './i18n.js';

const ROLES = ['TENANT_ROLE_VIEWER', 'TENANT_ROLE_AGENT', 'TENANT_ROLE_ANALYST', 'TENANT_ROLE_ADMIN'];
const VIEWS = [
  { id: 'overview', module: './views/overview.js' },
  { id: 'explore', module: './views/explore.js' },
  { id: 'live', module: './views/live.js' },
  { id: 'cases', module: './views/cases.js' },
  { id: 'journeys', module: './views/journeys.js' },
  { id: 'customers', module: './views/customers.js' },
  { id: 'voc', module: './views/voc.js' },
  { id: 'setup', module: './views/setup.js' },
];

/** What the views know about the signed-in user. */
export const session = {
  user: null,
  /** Whether the user's role is at least `role` (the API enforces it; the UI hides what it would refuse). */
  can(role) { return this.user && ROLES.indexOf(this.user.role) >= ROLES.indexOf(role); },
};

let current = null;

function el(html) { const tpl = document.createElement('template'); tpl.innerHTML = html.trim(); return tpl.content.firstElementChild; }
export { el };
export function escape(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

async function start() {
  setLanguage(language());
  const select = document.getElementById('lang');
  select.value = language();
  select.addEventListener('change', () => { setLanguage(select.value); render(); });
  document.getElementById('logout').addEventListener('click', logout);
  document.querySelector('.menu-toggle').addEventListener('click', (e) => {
    const nav = document.getElementById('nav');
    const open = nav.classList.toggle('closed') === false;
    e.currentTarget.setAttribute('aria-expanded', String(open));
  });
  window.addEventListener('hashchange', render);
  window.addEventListener('cx:unauthenticated', () => { session.user = null; location.hash = '#/login'; });
  // fetch the view's code while the session is checked
  const first = VIEWS.find((v) => v.id === route().view);
  if (first) import(first.module).catch(() => {});
  try {
    const user = await get('/auth/session');
    signedIn(user);
  } catch (e) {
    session.user = null;
  }
  render();
}

function signedIn(user) {
  session.user = user;
  setCsrf(user.csrf_token);
}

async function logout() {
  try { await post('/auth/logout'); } catch (e) { /* the session is gone either way */ }
  session.user = null;
  location.hash = '#/login';
}

function route() {
  const parts = location.hash.replace(/^#\/?/, '').split('/');
  return { view: parts[0] || 'overview', args: parts.slice(1) };
}

async function render() {
  const { view, args } = route();
  document.documentElement.lang = language();
  const main = document.getElementById('main');
  if (view === 'invite') return renderInvite(main, args[0]);
  if (!session.user) return renderLogin(main);
  document.body.classList.remove('anonymous');
  document.querySelector('header.top').hidden = false;
  const nav = document.getElementById('nav');
  nav.hidden = false;
  nav.classList.add('closed');
  document.querySelector('.menu-toggle').setAttribute('aria-expanded', 'false');
  nav.innerHTML = VIEWS.map((v) => `<a href="#/${v.id}" ${v.id === view ? 'aria-current="page"' : ''}>${escape(t(v.id))}</a>`).join('');
  document.getElementById('who').textContent = `${session.user.display_name || session.user.email} · ${label(session.user.role)} · ${session.user.tenant_id}`;
  translate(document.querySelector('header.top'));
  const spec = VIEWS.find((v) => v.id === view) || VIEWS[0];
  if (current && current.leave) current.leave();
  main.innerHTML = `<p>${escape(t('loading'))}</p>`;
  const module = await import(spec.module);
  if (route().view !== view) return;
  current = module;
  document.title = `${t(spec.id)} · CX Hub`;
  try {
    await module.show(main, args, session);
  } catch (e) {
    main.innerHTML = '';
    main.append(el(`<div class="card error" role="alert">${escape(e.message)}</div>`));
  }
}

function renderLogin(main) {
  document.body.classList.add('anonymous');
  document.querySelector('header.top').hidden = true;
  document.getElementById('nav').hidden = true;
  document.title = `${t('signIn')} · CX Hub`;
  main.innerHTML = '';
  const box = el(`<section class="login card">
      <h1>CX Hub</h1>
      <form novalidate>
        <label>${escape(t('email'))}<input name="email" type="email" autocomplete="username" required></label>
        <label>${escape(t('password'))}<input name="password" type="password" autocomplete="current-password" required></label>
        <p class="error" role="alert" aria-live="assertive"></p>
        <button type="submit">${escape(t('signIn'))}</button>
      </form>
      <p class="sso" hidden><a href="/auth/oidc/login"></a></p>
      <p><label class="lang">${escape(t('language'))} <select><option value="en">English</option><option value="fr">Français</option></select></label></p>
    </section>`);
  main.append(box);
  const select = box.querySelector('select');
  select.value = language();
  select.addEventListener('change', () => { setLanguage(select.value); document.getElementById('lang').value = select.value; render(); });
  get('/auth/config').then((config) => {
    if (config.oidc && config.oidc.enabled) {
      const p = box.querySelector('.sso'); p.hidden = false; p.querySelector('a').textContent = config.oidc.label;
    }
  }).catch(() => {});
  box.querySelector('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    const error = box.querySelector('.error');
    error.textContent = '';
    try {
      const user = await api('POST', '/auth/login', { email: form.get('email'), password: form.get('password') });
      signedIn(user);
      location.hash = '#/overview';
      render();
    } catch (err) {
      error.textContent = err instanceof ApiError && err.status === 429 ? t('tooMany')
        : err instanceof ApiError && err.status === 401 ? t('wrongCredentials') : err.message;
    }
  });
  box.querySelector('input[name=email]').focus();
}

async function renderInvite(main, secret) {
  document.body.classList.add('anonymous');
  document.querySelector('header.top').hidden = true;
  document.getElementById('nav').hidden = true;
  main.innerHTML = '';
  let invitation;
  try {
    invitation = await get('/auth/invitations/' + encodeURIComponent(secret || ''));
  } catch (e) {
    main.append(el(`<section class="login card"><h1>CX Hub</h1><p class="error" role="alert">${escape(e.message)}</p><p><a href="#/login">${escape(t('signIn'))}</a></p></section>`));
    return;
  }
  const box = el(`<section class="login card"><h1>${escape(t('welcome'))}</h1>
      <p class="meta">${escape(invitation.email)} · ${escape(label(invitation.role))} · ${escape(invitation.tenant_id)}</p>
      <form novalidate>
        <label>${escape(t('displayName'))}<input name="display_name" autocomplete="name"></label>
        <label>${escape(t('password'))}<input name="password" type="password" autocomplete="new-password" minlength="10" required></label>
        <p class="error" role="alert"></p>
        <button type="submit">${escape(t('join'))}</button>
      </form></section>`);
  main.append(box);
  box.querySelector('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    try {
      const user = await api('POST', '/auth/invitations/' + encodeURIComponent(secret), { display_name: form.get('display_name'), password: form.get('password') });
      signedIn(user);
      location.hash = '#/overview';
    } catch (err) {
      box.querySelector('.error').textContent = err.message;
    }
  });
}

start();
