import { get } from '../api.js';
import { t } from '../i18n.js';
import { el, escape } from '../main.js';

export async function show(main) {
  main.innerHTML = '';
  main.append(el(`<h1>${escape(t('customers'))}</h1>`));
  const page = await get('/v1/personas?pageSize=50');
  const personas = page.personas || [];
  const grid = el('<section class="grid"></section>');
  personas.forEach((p) => grid.append(el(`<article class="card"><h2>${escape(p.name)}</h2><p>${escape(p.description || '')}</p>
      ${(p.goals || []).length ? `<p class="meta">${(p.goals || []).map(escape).join(' · ')}</p>` : ''}
      ${(p.frustrations || []).length ? `<p class="bad">${(p.frustrations || []).map(escape).join(' · ')}</p>` : ''}</article>`)));
  if (!personas.length) grid.append(el(`<p class="meta">${escape(t('noData'))}</p>`));
  main.append(grid);
  main.append(el(`<p class="meta">${escape(t('notAvailable'))} (segments, value tiers, persona proposals)</p>`));
}
