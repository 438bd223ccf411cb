import { t } from '../i18n.js';
import { el, escape } from '../main.js';

export async function show(main) {
  main.innerHTML = '';
  main.append(el(`<h1>${escape(t('voc'))}</h1>`));
  main.append(el(`<p class="card meta">${escape(t('notAvailable'))}</p>`));
}
