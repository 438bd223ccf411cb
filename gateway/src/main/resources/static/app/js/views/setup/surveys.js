// Surveys: the list with their state, and the builder (every question kind of the contract,
// required, scales, French/English texts, the journey stage/touchpoint tie) with a live
// preview of the respondent's page. A new survey is created as a draft or active; editing
// an active survey publishes a new version (SurveyDefinitionService.UpdateSurvey).
import { get, post, patch } from '../../api.js';
import { label, date, language } from '../../i18n.js';
import { t, el, escape, card, options, uid, showErrors, clearErrors, ANALYST } from './common.js';

const KINDS = ['QUESTION_KIND_NPS', 'QUESTION_KIND_CSAT', 'QUESTION_KIND_CES', 'QUESTION_KIND_RATING',
  'QUESTION_KIND_SINGLE_CHOICE', 'QUESTION_KIND_MULTIPLE_CHOICE', 'QUESTION_KIND_FREE_TEXT'];
const CHOICE_KINDS = ['QUESTION_KIND_SINGLE_CHOICE', 'QUESTION_KIND_MULTIPLE_CHOICE'];
const LANGUAGES = ['en', 'fr'];
const LANGUAGE_NAMES = { en: 'English', fr: 'Français' };
const FREE_TEXT_MAX = 5000;

/** The hosted page's own words (gateway PageText), in the languages it has. */
const PAGE_WORDS = {
  en: { note: 'Questions marked * are required.', required: 'required', submit: 'Send my answers', many: 'Choose one or more.',
    limit: 'At most 5000 characters.', consent: 'I agree to be contacted about my answers.', powered: 'Survey powered by CX Hub',
    nps: ['Not at all likely', 'Extremely likely'], csat: ['Very dissatisfied', 'Very satisfied'], ces: ['Very difficult', 'Very easy'],
    rating: ['Lowest', 'Highest'] },
  fr: { note: 'Les questions marquées d’un * sont obligatoires.', required: 'obligatoire', submit: 'Envoyer mes réponses',
    many: 'Choisissez une ou plusieurs réponses.', limit: '5000 caractères au plus.', consent: 'J’accepte d’être recontacté(e) au sujet de mes réponses.',
    powered: 'Enquête propulsée par CX Hub', nps: ['Pas du tout probable', 'Très probable'], csat: ['Très insatisfait', 'Très satisfait'],
    ces: ['Très difficile', 'Très facile'], rating: ['Le plus bas', 'Le plus haut'] },
};

export async function show(body, args, session) {
  if (args[0] === 'new' && session.can(ANALYST)) return builder(body, null, session);
  if (args[0]) {
    const survey = await get(`/v1/surveys/${encodeURIComponent(args[0])}`);
    return session.can(ANALYST) && survey.state !== 'SURVEY_STATE_CLOSED' ? builder(body, survey, session) : readOnly(body, survey);
  }
  return surveyList(body, session);
}

/** Every survey of the tenant (the list pages through ListSurveys). */
export async function allSurveys() {
  const surveys = [];
  let token = '';
  do {
    const page = await get(`/v1/surveys?pageSize=100${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`);
    surveys.push(...(page.surveys || []));
    token = page.nextPageToken || '';
  } while (token && surveys.length < 1000);
  return surveys;
}

async function surveyList(body, session) {
  const surveys = await allSurveys();
  const write = session.can(ANALYST);
  const section = card(t('setupSurveys'), write ? '' : t('readOnlySection'));
  if (write) section.append(el(`<p><a class="button" href="#/setup/surveys/new">${escape(t('newSurvey'))}</a></p>`));
  const table = el(`<table class="setup-table"><thead><tr><th scope="col">${escape(t('surveyTitle'))}</th><th scope="col">${escape(t('state'))}</th>
      <th scope="col">${escape(t('version'))}</th><th scope="col">${escape(t('updated'))}</th>${write ? '<th scope="col"><span class="sr-only">' + escape(t('actionsLabel')) + '</span></th>' : ''}</tr></thead><tbody></tbody></table>`);
  const rows = table.querySelector('tbody');
  surveys.forEach((s) => rows.append(surveyRow(s, write)));
  if (!surveys.length) rows.append(el(`<tr><td colspan="5" class="meta">${escape(t('nothingYet'))}</td></tr>`));
  section.append(el('<div class="table-scroll"></div>'));
  section.lastElementChild.append(table);
  section.append(el('<p class="form-error error" role="alert"></p>'));
  body.append(section);
}

function surveyRow(s, write) {
  const row = el(`<tr data-survey="${escape(s.surveyId)}"><td><a href="#/setup/surveys/${encodeURIComponent(s.surveyId)}">${escape(s.title)}</a>
        · <a class="small" href="#/setup/distributions/${encodeURIComponent(s.surveyId)}">${escape(t('setupDistributions'))}</a></td>
      <td><span class="tag state-${escape((s.state || '').toLowerCase())}">${escape(label(s.state))}</span></td><td>${escape(s.version)}</td>
      <td>${escape(date(s.updateTime || s.createTime))}</td>${write ? '<td class="row-actions"></td>' : ''}</tr>`);
  if (!write) return row;
  const cell = row.querySelector('.row-actions');
  const action = (text, verb) => {
    const b = el(`<button type="button" class="secondary">${escape(t(text))}</button>`);
    b.addEventListener('click', async () => {
      try {
        const updated = await post(`/v1/surveys/${encodeURIComponent(s.surveyId)}:${verb}`, {});
        row.replaceWith(surveyRow(updated, write));
      } catch (err) { row.closest('section').querySelector('.form-error').textContent = err.message; }
    });
    cell.append(b);
  };
  if (s.state !== 'SURVEY_STATE_CLOSED') cell.append(el(`<a class="button secondary" href="#/setup/surveys/${encodeURIComponent(s.surveyId)}">${escape(t('edit'))}</a>`));
  if (s.state === 'SURVEY_STATE_DRAFT') action('activate', 'activate');
  if (s.state === 'SURVEY_STATE_ACTIVE') action('closeSurvey', 'close');
  return row;
}

function readOnly(body, survey) {
  const section = card(survey.title, `${label(survey.state)} · ${t('version')} ${survey.version}`);
  const preview = el('<div class="survey-preview"></div>');
  section.append(preview);
  renderPreview(preview, survey, survey.defaultLanguage || 'en');
  section.append(el(`<p><a href="#/setup/surveys">${escape(t('back'))}</a></p>`));
  body.append(section);
}

/** The survey being edited, as the contract's JSON, with the fields the builder edits. */
function blank() {
  return {
    title: '', description: '', defaultLanguage: language() === 'fr' ? 'fr' : 'en', titleTranslations: {}, state: 'SURVEY_STATE_DRAFT',
    journeyId: '', stageId: '', touchpointId: '',
    questions: [{ kind: 'QUESTION_KIND_NPS', text: '', required: true, textTranslations: {} }],
  };
}

function otherLanguage(survey) { return (survey.defaultLanguage || 'en') === 'fr' ? 'en' : 'fr'; }

async function builder(body, existing, session) {
  const survey = existing ? structuredClone(existing) : blank();
  survey.titleTranslations = survey.titleTranslations || {};
  survey.questions = (survey.questions || []).map((q) => ({ ...q, textTranslations: q.textTranslations || {}, choices: (q.choices || []).map((c) => ({ ...c, labelTranslations: c.labelTranslations || {} })) }));
  const journeys = await get('/v1/journeys?pageSize=100').then((r) => r.journeys || []).catch(() => []);
  const titleId = uid('title');
  const layout = el(`<div class="builder">
      <form class="card builder-form" novalidate aria-labelledby="${titleId}">
        <h2 id="${titleId}">${escape(existing ? `${t('edit')} · ${existing.title}` : t('newSurvey'))}</h2>
        ${existing ? `<p class="meta">${escape(label(existing.state))} · ${escape(t('version'))} ${escape(existing.version)}</p>` : ''}
        <div class="head"></div>
        <h3>${escape(t('questions'))}</h3>
        <ol class="questions"></ol>
        <p><button type="button" class="secondary add-question">${escape(t('addQuestion'))}</button></p>
        ${existing ? '' : `<label>${escape(t('startAs'))}<select name="state" data-field="survey.state">
          <option value="SURVEY_STATE_DRAFT">${escape(t('draft'))}</option><option value="SURVEY_STATE_ACTIVE">${escape(t('activeNow'))}</option></select></label>`}
        <p class="form-error error" role="alert"></p>
        <p class="result" aria-live="polite"></p>
        <div class="buttons"><button type="submit">${escape(existing ? (existing.state === 'SURVEY_STATE_ACTIVE' ? t('saveVersion') : t('saveDraft')) : t('create'))}</button>
          ${existing && existing.state === 'SURVEY_STATE_DRAFT' ? `<button type="button" class="secondary activate">${escape(t('activate'))}</button>` : ''}
          <a href="#/setup/surveys">${escape(t('back'))}</a></div>
      </form>
      <aside class="card builder-preview" aria-label="${escape(t('preview'))}">
        <h2>${escape(t('preview'))}</h2>
        <p class="meta">${escape(t('previewNote'))}</p>
        <label>${escape(t('previewLanguage'))}<select class="preview-language">${LANGUAGES.map((l) => `<option value="${l}" lang="${l}">${LANGUAGE_NAMES[l]}</option>`).join('')}</select></label>
        ${existing && existing.version > 1 ? `<label>${escape(t('version'))}<select class="preview-version"><option value="">${escape(t('editedVersion'))}</option>
          ${Array.from({ length: existing.version - 1 }, (_, i) => existing.version - 1 - i).map((v) => `<option value="${v}">${escape(t('version'))} ${v}</option>`).join('')}</select></label>` : ''}
        <div class="survey-preview"></div>
      </aside></div>`);
  body.append(layout);
  const form = layout.querySelector('form');
  const preview = layout.querySelector('.survey-preview');
  const previewLanguage = layout.querySelector('.preview-language');
  previewLanguage.value = survey.defaultLanguage || 'en';
  const versionSelect = layout.querySelector('.preview-version');
  const versions = {};
  /** The edited survey, or an earlier published version (GetSurveyVersion) when one is chosen. */
  const refresh = async () => {
    const version = versionSelect ? versionSelect.value : '';
    if (!version) return renderPreview(preview, survey, previewLanguage.value);
    versions[version] = versions[version] || await get(`/v1/surveys/${encodeURIComponent(existing.surveyId)}/versions/${version}`);
    return renderPreview(preview, versions[version], previewLanguage.value);
  };
  previewLanguage.addEventListener('change', refresh);
  if (versionSelect) versionSelect.addEventListener('change', () => refresh().catch((err) => { preview.textContent = err.message; }));

  const head = layout.querySelector('.head');
  const renderHead = () => {
    const other = otherLanguage(survey);
    head.innerHTML = '';
    head.append(el(`<div class="fields">
        <label>${escape(t('defaultLanguage'))}<select name="defaultLanguage" data-field="survey.defaultLanguage">${options(LANGUAGES, survey.defaultLanguage || 'en', (l) => LANGUAGE_NAMES[l])}</select></label>
        <label>${escape(t('surveyTitle'))} (${escape(survey.defaultLanguage || 'en')})<input name="title" maxlength="200" required data-field="survey.title" value="${escape(survey.title)}"></label>
        <label>${escape(t('surveyTitle'))} (${escape(other)})<input name="titleTranslation" maxlength="200" lang="${other}" data-field="survey.titleTranslations" value="${escape(survey.titleTranslations[other] || '')}"></label>
        <label class="wide">${escape(t('description'))}<textarea name="description" rows="2" maxlength="2000" data-field="survey.description">${escape(survey.description || '')}</textarea></label>
        <label>${escape(t('journeyTie'))}<select name="journeyId" data-field="survey.journeyId"><option value="">${escape(t('none'))}</option>${journeys.map((j) => `<option value="${escape(j.journeyId)}" ${j.journeyId === survey.journeyId ? 'selected' : ''}>${escape(j.name)}</option>`).join('')}</select></label>
        <label>${escape(t('stage'))}<select name="stageId" data-field="survey.stageId"></select></label>
        <label>${escape(t('touchpoint'))}<select name="touchpointId" data-field="survey.touchpointId"></select></label>
      </div>`));
    fillStages();
  };
  const fillStages = () => {
    const journey = journeys.find((j) => j.journeyId === survey.journeyId);
    const stages = journey ? journey.stages || [] : [];
    const stageSelect = head.querySelector('[name=stageId]');
    stageSelect.innerHTML = `<option value="">${escape(t('none'))}</option>` + stages.map((s) => `<option value="${escape(s.stageId)}" ${s.stageId === survey.stageId ? 'selected' : ''}>${escape(s.name)}</option>`).join('');
    const touchpoints = stages.filter((s) => !survey.stageId || s.stageId === survey.stageId).flatMap((s) => s.touchpoints || []);
    head.querySelector('[name=touchpointId]').innerHTML = `<option value="">${escape(t('none'))}</option>` + touchpoints.map((tp) => `<option value="${escape(tp.touchpointId)}" ${tp.touchpointId === survey.touchpointId ? 'selected' : ''}>${escape(tp.name)}</option>`).join('');
  };
  head.addEventListener('input', (e) => {
    const name = e.target.name;
    if (name === 'title' || name === 'description') survey[name] = e.target.value;
    if (name === 'titleTranslation') survey.titleTranslations = { [otherLanguage(survey)]: e.target.value };
    refresh();
  });
  head.addEventListener('change', (e) => {
    const name = e.target.name;
    if (name === 'defaultLanguage') {
      survey.defaultLanguage = e.target.value;
      previewLanguage.value = survey.defaultLanguage;
      swapTranslations(survey);
      renderHead();
      renderQuestions();
      head.querySelector('[name=defaultLanguage]').focus();
    }
    if (name === 'journeyId') { survey.journeyId = e.target.value; survey.stageId = ''; survey.touchpointId = ''; fillStages(); }
    if (name === 'stageId') { survey.stageId = e.target.value; survey.touchpointId = ''; fillStages(); }
    if (name === 'touchpointId') survey.touchpointId = e.target.value;
    refresh();
  });

  const list = layout.querySelector('.questions');
  const renderQuestions = () => {
    list.innerHTML = '';
    survey.questions.forEach((q, i) => list.append(questionEditor(survey, q, i, {
      changed: refresh,
      restructure: () => { renderQuestions(); },
    })));
    refresh();
  };
  layout.querySelector('.add-question').addEventListener('click', () => {
    survey.questions.push({ kind: 'QUESTION_KIND_FREE_TEXT', text: '', required: false, textTranslations: {}, choices: [] });
    renderQuestions();
    list.lastElementChild.querySelector('select').focus();
  });
  renderHead();
  renderQuestions();

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const out = form.querySelector('.result');
    out.textContent = '';
    const payload = toContract(survey);
    try {
      let saved;
      if (existing) {
        saved = await patch(`/v1/surveys/${encodeURIComponent(existing.surveyId)}`, payload);
      } else {
        payload.state = form.querySelector('[name=state]').value;
        saved = await post('/v1/surveys', payload);
      }
      out.textContent = `${t('saved')} ${label(saved.state)} · ${t('version')} ${saved.version}`;
      const target = `#/setup/surveys/${encodeURIComponent(saved.surveyId)}`;
      // show the saved survey (its new version, its earlier ones in the preview)
      if (location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'));
      else location.hash = target;
    } catch (err) { showErrors(form, err); }
  });
  const activate = form.querySelector('.activate');
  if (activate) {
    activate.addEventListener('click', async () => {
      try {
        await post(`/v1/surveys/${encodeURIComponent(existing.surveyId)}:activate`, {});
        location.hash = '#/setup/surveys';
      } catch (err) { showErrors(form, err); }
    });
  }
}

/** When the default language changes, the texts in the new default become the main texts. */
function swapTranslations(survey) {
  const now = survey.defaultLanguage;
  const before = now === 'fr' ? 'en' : 'fr';
  const swap = (obj, key, translations) => {
    const main = obj[key] || '';
    const translated = (obj[translations] || {})[now];
    if (translated === undefined) return;
    obj[key] = translated;
    obj[translations] = { [before]: main };
  };
  swap(survey, 'title', 'titleTranslations');
  survey.questions.forEach((q) => { swap(q, 'text', 'textTranslations'); (q.choices || []).forEach((c) => swap(c, 'label', 'labelTranslations')); });
}

function questionEditor(survey, q, i, on) {
  const other = otherLanguage(survey);
  const path = `survey.questions[${i}]`;
  const choice = CHOICE_KINDS.includes(q.kind);
  const item = el(`<li class="question-editor">
      <fieldset><legend>${escape(t('question'))} ${i + 1}</legend>
        <div class="fields">
          <label>${escape(t('kind'))}<select name="kind" data-field="${path}.kind">${options(KINDS, q.kind, label)}</select></label>
          <label class="wide">${escape(t('questionText'))} (${escape(survey.defaultLanguage || 'en')})<input name="text" maxlength="1000" data-field="${path}.text" value="${escape(q.text)}"></label>
          <label class="wide">${escape(t('questionText'))} (${escape(other)})<input name="textTranslation" lang="${other}" maxlength="1000" data-field="${path}.textTranslations" value="${escape((q.textTranslations || {})[other] || '')}"></label>
          <label class="check"><input type="checkbox" name="required" ${q.required ? 'checked' : ''} data-field="${path}.required"> ${escape(t('required'))}</label>
          ${q.kind === 'QUESTION_KIND_RATING' ? `<label>${escape(t('scaleMin'))}<input type="number" name="scaleMin" min="0" max="10" value="${escape(q.scaleMin ?? 1)}" data-field="${path}.scaleMin"></label>
            <label>${escape(t('scaleMax'))}<input type="number" name="scaleMax" min="2" max="10" value="${escape(q.scaleMax || 5)}" data-field="${path}.scaleMax"></label>` : ''}
          ${q.kind === 'QUESTION_KIND_CES' ? `<label>${escape(t('scaleMax'))}<select name="scaleMax" data-field="${path}.scaleMax">${options(['7', '5'], String(q.scaleMax || 7))}</select></label>` : ''}
          <label>${escape(t('questionId'))}<input name="questionId" maxlength="64" pattern="[a-z0-9_-]*" value="${escape(q.questionId || '')}" data-field="${path}.questionId"></label>
        </div>
        ${choice ? `<div class="choices" data-field="${path}.choices"><p class="meta">${escape(t('choices'))}</p><ol></ol>
          <button type="button" class="secondary add-choice">${escape(t('addChoice'))}</button></div>` : ''}
        <div class="question-actions">
          <button type="button" class="secondary up" ${i === 0 ? 'disabled' : ''}>${escape(t('moveUp'))}</button>
          <button type="button" class="secondary down" ${i === survey.questions.length - 1 ? 'disabled' : ''}>${escape(t('moveDown'))}</button>
          <button type="button" class="secondary remove" ${survey.questions.length === 1 ? 'disabled' : ''}>${escape(t('remove'))}</button>
        </div>
      </fieldset></li>`);
  const fields = item.querySelector('.fields');
  fields.addEventListener('input', (e) => {
    const name = e.target.name;
    if (name === 'text' || name === 'questionId') q[name] = e.target.value;
    if (name === 'textTranslation') q.textTranslations = { [other]: e.target.value };
    if (name === 'required') q.required = e.target.checked;
    if (name === 'scaleMin' || name === 'scaleMax') q[name] = Number(e.target.value);
    on.changed();
  });
  fields.querySelector('[name=kind]').addEventListener('change', (e) => {
    q.kind = e.target.value;
    if (CHOICE_KINDS.includes(q.kind) && !(q.choices || []).length) {
      q.choices = [{ choiceId: '', label: '', labelTranslations: {} }, { choiceId: '', label: '', labelTranslations: {} }];
    }
    if (q.kind === 'QUESTION_KIND_RATING') { q.scaleMin = q.scaleMin ?? 1; q.scaleMax = q.scaleMax || 5; }
    on.restructure();
    document.querySelectorAll('.question-editor')[i]?.querySelector('[name=kind]')?.focus();
  });
  if (choice) {
    const choices = item.querySelector('.choices ol');
    q.choices.forEach((c, j) => {
      const cpath = `${path}.choices[${j}]`;
      const row = el(`<li class="choice fields">
          <label>${escape(t('choiceLabel'))} ${j + 1} (${escape(survey.defaultLanguage || 'en')})<input name="label" maxlength="200" value="${escape(c.label)}" data-field="${cpath}.label"></label>
          <label>${escape(t('choiceLabel'))} ${j + 1} (${escape(other)})<input name="labelTranslation" lang="${other}" maxlength="200" value="${escape((c.labelTranslations || {})[other] || '')}" data-field="${cpath}.labelTranslations"></label>
          <label>${escape(t('questionId'))}<input name="choiceId" maxlength="64" value="${escape(c.choiceId || '')}" data-field="${cpath}.choiceId"></label>
          <button type="button" class="secondary remove-choice" aria-label="${escape(t('remove'))} ${escape(t('choiceLabel'))} ${j + 1}">${escape(t('remove'))}</button></li>`);
      row.addEventListener('input', (e) => {
        if (e.target.name === 'label' || e.target.name === 'choiceId') c[e.target.name] = e.target.value;
        if (e.target.name === 'labelTranslation') c.labelTranslations = { [other]: e.target.value };
        on.changed();
      });
      row.querySelector('.remove-choice').addEventListener('click', () => { q.choices.splice(j, 1); on.restructure(); });
      choices.append(row);
    });
    item.querySelector('.add-choice').addEventListener('click', () => {
      q.choices.push({ choiceId: '', label: '', labelTranslations: {} });
      on.restructure();
    });
  }
  const move = (delta) => {
    const list = survey.questions;
    [list[i], list[i + delta]] = [list[i + delta], list[i]];
    on.restructure();
  };
  item.querySelector('.up').addEventListener('click', () => move(-1));
  item.querySelector('.down').addEventListener('click', () => move(1));
  item.querySelector('.remove').addEventListener('click', () => { survey.questions.splice(i, 1); on.restructure(); });
  return item;
}

/** The survey as CreateSurvey / UpdateSurvey take it: output-only scales left out, empty translations dropped. */
export function toContract(survey) {
  const translations = (map) => Object.fromEntries(Object.entries(map || {}).filter(([, v]) => v && v.trim()));
  return {
    title: survey.title,
    description: survey.description || '',
    defaultLanguage: survey.defaultLanguage || 'en',
    titleTranslations: translations(survey.titleTranslations),
    journeyId: survey.journeyId || '',
    stageId: survey.stageId || '',
    touchpointId: survey.touchpointId || '',
    questions: survey.questions.map((q) => {
      const out = { questionId: q.questionId || '', kind: q.kind, text: q.text, required: !!q.required, textTranslations: translations(q.textTranslations) };
      if (q.kind === 'QUESTION_KIND_RATING') { out.scaleMin = Number(q.scaleMin ?? 1); out.scaleMax = Number(q.scaleMax || 5); }
      if (q.kind === 'QUESTION_KIND_CES') out.scaleMax = Number(q.scaleMax || 7);
      if (CHOICE_KINDS.includes(q.kind)) {
        const used = new Set((q.choices || []).map((c) => c.choiceId).filter(Boolean));
        let n = 0;
        out.choices = (q.choices || []).map((c) => {
          let id = c.choiceId;
          while (!id) { n += 1; if (!used.has(`c${n}`)) { id = `c${n}`; used.add(id); } }
          return { choiceId: id, label: c.label, labelTranslations: translations(c.labelTranslations) };
        });
      }
      return out;
    }),
  };
}

function scaleOf(q) {
  switch (q.kind) {
    case 'QUESTION_KIND_NPS': return [0, 10];
    case 'QUESTION_KIND_CSAT': return [1, 5];
    case 'QUESTION_KIND_CES': return [1, Number(q.scaleMax) === 5 ? 5 : 7];
    case 'QUESTION_KIND_RATING': return [Number(q.scaleMin ?? 1), Number(q.scaleMax || 5)];
    default: return null;
  }
}

function inLanguage(text, translations, lang, defaultLanguage) {
  if (lang === (defaultLanguage || 'en')) return text || '';
  return (translations || {})[lang] || text || '';
}

let branding = null;
/** The tenant's branding of its survey pages (name, colour), read once per page load. */
function brandingOnce() {
  if (!branding) branding = get('/v1/branding').catch(() => ({}));
  return branding;
}

/**
 * The respondent's page as the gateway renders it at /s/{token} (SurveyPageRenderer): the
 * same markup and the page's own stylesheet (/respond/survey.css), the tenant's name and
 * accent colour, the question texts in `lang` with the page's fallback to the survey's
 * default language; without the form's action and script, so nothing can be sent.
 */
export function previewHtml(survey, lang, brand = {}) {
  const words = PAGE_WORDS[lang] || PAGE_WORDS.en;
  const def = survey.defaultLanguage || 'en';
  const title = inLanguage(survey.title, survey.titleTranslations, lang, def) || '…';
  const languages = [def, ...Object.keys(survey.titleTranslations || {}).filter((l) => l !== def && (survey.titleTranslations[l] || '').trim())];
  const switcher = languages.length < 2 ? '' : `<nav class="languages" aria-label="Language"><ul>${languages.map((l) => `<li>${l === lang
    ? `<span aria-current="page" lang="${escape(l)}">${escape(LANGUAGE_NAMES[l] || l)}</span>`
    : `<a href="#" lang="${escape(l)}">${escape(LANGUAGE_NAMES[l] || l)}</a>`}</li>`).join('')}</ul></nav>`;
  const questions = (survey.questions || []).map((q, i) => {
    const id = `p${i}`;
    const text = escape(inLanguage(q.text, q.textTranslations, lang, def) || '…');
    const required = q.required ? ` <span class="req" aria-hidden="true">*</span><span class="sr"> (${escape(words.required)})</span>` : '';
    const scale = scaleOf(q);
    if (scale) {
      const ends = { QUESTION_KIND_NPS: words.nps, QUESTION_KIND_CSAT: words.csat, QUESTION_KIND_CES: words.ces }[q.kind] || words.rating;
      const picks = [];
      for (let v = scale[0]; v <= scale[1]; v += 1) picks.push(`<label class="pick"><input type="radio" name="${id}" value="${v}"><span>${v}</span></label>`);
      return `<fieldset class="q scale-q" id="q-${id}" aria-describedby="q-${id}-ends"><legend>${text}${required}</legend>
        <div class="scale">${picks.join('')}</div><p class="ends" id="q-${id}-ends"><span>${scale[0]} = ${escape(ends[0])}</span><span>${scale[1]} = ${escape(ends[1])}</span></p></fieldset>`;
    }
    if (CHOICE_KINDS.includes(q.kind)) {
      const single = q.kind === 'QUESTION_KIND_SINGLE_CHOICE';
      return `<fieldset class="q choice-q" id="q-${id}"${single ? '' : ` aria-describedby="q-${id}-hint"`}><legend>${text}${required}</legend>
        ${single ? '' : `<p class="hint" id="q-${id}-hint">${escape(words.many)}</p>`}<div class="choices">${(q.choices || []).map((c, j) =>
          `<div class="choice"><input type="${single ? 'radio' : 'checkbox'}" id="f-${id}-${j}" name="${id}"><label for="f-${id}-${j}">${escape(inLanguage(c.label, c.labelTranslations, lang, def) || '…')}</label></div>`).join('')}</div></fieldset>`;
    }
    return `<div class="q text-q" id="q-${id}"><label class="legend" for="f-${id}">${text}${required}</label>
      <textarea id="f-${id}" rows="4" maxlength="${FREE_TEXT_MAX}" aria-describedby="f-${id}-count"></textarea><p class="counter" id="f-${id}-count">${escape(words.limit)}</p></div>`;
  }).join('\n');
  const consent = (survey.questions || []).some((q) => q.kind === 'QUESTION_KIND_NPS')
    ? `<div class="consent"><input type="checkbox" id="consent"><label for="consent">${escape(words.consent)}</label></div>` : '';
  const accent = /^#[0-9a-fA-F]{6}$/.test(brand.color || '') ? `<style>:root{--accent:${brand.color}}</style>` : '';
  const header = brand.name ? `<header class="brand"><span class="brand-name">${escape(brand.name)}</span></header>` : '';
  return `<!doctype html><html lang="${escape(lang)}"><head><meta charset="utf-8"><title>${escape(title)}</title>
    <link rel="stylesheet" href="/respond/survey.css">${accent}</head><body class="page">${header}<main id="main">
    <h1 id="title">${escape(title)}</h1>${switcher}<p class="note">${escape(words.note)}</p>
    <form id="survey" novalidate>${questions}${consent}<button type="button" class="button" id="send">${escape(words.submit)}</button></form>
    </main><footer><p>${escape(words.powered)}</p></footer></body></html>`;
}

/** Shows the respondent's page of `survey` in `lang` in an iframe of `target`, redrawn at each call. */
export async function renderPreview(target, survey, lang) {
  const brand = await brandingOnce();
  let frame = target.querySelector('iframe.preview-frame');
  if (!frame) {
    frame = el(`<iframe class="preview-frame" title="${escape(t('preview'))}"></iframe>`);
    frame.addEventListener('load', () => {
      const doc = frame.contentDocument;
      if (doc && doc.documentElement) frame.style.height = `${doc.documentElement.scrollHeight + 4}px`;
      doc?.querySelectorAll('a[href="#"]').forEach((a) => a.addEventListener('click', (e) => e.preventDefault()));
    });
    target.append(frame);
  }
  frame.srcdoc = previewHtml(survey, lang, brand);
}
