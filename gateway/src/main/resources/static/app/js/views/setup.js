// Set-up: surveys, distributions and campaigns, alerts, webhooks, people and keys, the
// organisation's settings. One section per module under ./setup/, chosen by the route
// (#/setup/<section>/…); each section hides what the user's role may not change (the API
// refuses it anyway).
import { t, el, escape, ANALYST, ADMIN } from './setup/common.js';

const SECTIONS = [
  { id: 'surveys', text: 'setupSurveys', module: './setup/surveys.js' },
  { id: 'distributions', text: 'setupDistributions', module: './setup/distributions.js' },
  { id: 'alerts', text: 'setupAlerts', module: './setup/alerts.js' },
  { id: 'webhooks', text: 'setupWebhooks', module: './setup/webhooks.js', role: ANALYST },
  { id: 'people', text: 'setupPeople', module: './setup/people.js', role: ADMIN },
  { id: 'tenant', text: 'setupTenant', module: './setup/tenant.js' },
];

export async function show(main, args, session) {
  const visible = SECTIONS.filter((s) => !s.role || session.can(s.role));
  const section = visible.find((s) => s.id === args[0]) || visible[0];
  main.innerHTML = '';
  main.append(el(`<h1>${escape(t('setup'))}</h1>`));
  main.append(el(`<div class="subnav" role="navigation" aria-label="${escape(t('sections'))}">${visible.map((s) =>
    `<a href="#/setup/${s.id}" ${s === section ? 'aria-current="page"' : ''}>${escape(t(s.text))}</a>`).join('')}</div>`));
  const body = el('<div class="setup-body"></div>');
  main.append(body);
  document.title = `${t(section.text)} · ${t('setup')} · CX Hub`;
  const module = await import(section.module);
  await module.show(body, args.slice(1), session);
}
