// What every set-up page shares: its texts, the role checks, and the forms' error display
// (a problem+json field error is shown next to the control that sent the field).
import { ApiError } from '../../api.js';
import { t, addTexts } from '../../i18n.js';
import { el, escape } from '../../main.js';

export { t, el, escape };

addTexts({
  en: {
    setupSurveys: 'Surveys', setupDistributions: 'Distributions', setupAlerts: 'Alerts', setupWebhooks: 'Webhooks',
    setupPeople: 'Users and keys', setupTenant: 'Organisation', sections: 'Set-up sections',
    state: 'State', version: 'Version', updated: 'Updated', newSurvey: 'New survey', edit: 'Edit', view: 'View',
    activate: 'Activate', closeSurvey: 'Close', surveyTitle: 'Title', description: 'Description',
    defaultLanguage: 'Language of the texts', translation: 'Translation', questions: 'Questions',
    addQuestion: 'Add a question', kind: 'Kind', questionText: 'Question', required: 'Required', questionId: 'Identifier',
    scaleMin: 'Lowest score', scaleMax: 'Highest score', choices: 'Options', addChoice: 'Add an option', choiceLabel: 'Option',
    remove: 'Remove', moveUp: 'Move up', moveDown: 'Move down', preview: 'Preview', previewLanguage: 'Preview in',
    startAs: 'Start as', draft: 'Draft (not open yet)', activeNow: 'Active (open at once)', create: 'Create',
    saveVersion: 'Save (new version)', saveDraft: 'Save', saved: 'Saved.', journeyTie: 'Journey', touchpoint: 'Touchpoint',
    none: 'None', cancel: 'Cancel', back: 'Back to the list', previewNote: 'What respondents see (the hosted page renders the same questions).',
    notLikely: '0 = Not at all likely', veryLikely: '10 = Extremely likely', send: 'Send', charsLeft: 'characters left',
    chooseSurvey: 'Survey', name: 'Name', link: 'Link', newDistribution: 'New distribution', kiosk: 'Kiosk mode',
    pause: 'Pause', resume: 'Resume', expires: 'Expires', downloadPng: 'Download PNG', downloadSvg: 'Download SVG', print: 'Print',
    snippets: 'Embed', widgetSnippet: 'Website widget (paste before </body>)', kioskLink: 'Kiosk page (open it on the tablet)',
    campaigns: 'Campaigns', newCampaign: 'New campaign', recipients: 'Recipients (one per line: address; name; customer id)',
    subject: 'Subject', message: 'Message ({link} and {name} are replaced)', reminderHours: 'Reminder after (hours, empty: none)',
    invited: 'Invited', delivered: 'Delivered', responded: 'Responded', responseRate: 'Response rate', reminded: 'Reminded',
    invitations: 'Invitations', progress: 'Progress', address: 'Address', queued: 'Queued',
    alertRules: 'Alert rules', newRule: 'New rule', enabled: 'Enabled', disabled: 'Disabled', enable: 'Enable', disable: 'Disable',
    conditions: 'Conditions', actionsLabel: 'Actions', anySurvey: 'Any survey', categories: 'NPS categories', minScore: 'Score at least',
    maxScore: 'Score at most', channels: 'Channels', keywords: 'Keywords (comma separated)', themes: 'Themes (comma separated)',
    sentiments: 'Sentiments', openCase: 'Open a follow-up case', notifyWebhooks: 'Notify the webhooks', team: 'Team',
    slaFirstContact: 'First contact within (minutes)', slaResolution: 'Resolution within (minutes)', delete: 'Delete',
    confirmDelete: 'Delete it for good?',
    metricAlerts: 'Metric alerts', measure: 'Measure', condition: 'Condition', threshold: 'Threshold', direction: 'Direction',
    below: 'Below', above: 'Above', confident: 'Only when the whole 95% interval is past it', significantDrop: 'Significant drop',
    alpha: 'Significance level', minDrop: 'Smallest drop that matters', windowDays: 'Window (days)', minSample: 'Fewest answers',
    severity: 'Severity', titleTemplate: 'Alert title', interval: 'Evaluate every (minutes)', surveyRule: 'Apply the actions of the alert rule',
    lastOutcome: 'Last evaluation', evaluate: 'Evaluate now', stageFilter: 'Stage', question: 'Question',
    webhooks: 'Webhooks', newWebhook: 'New webhook', url: 'URL', eventTypes: 'Events', secret: 'Secret',
    secretOnce: 'Copy the secret now: it is shown only this once.', deliveries: 'Delivery log', redeliver: 'Redeliver',
    redelivered: 'Sent again.', attempts: 'Attempts', event: 'Event', noDeliveries: 'No delivery yet.', httpStatus: 'HTTP status',
    users: 'Users', changeRole: 'Role of', removeUser: 'Remove', confirmRemove: 'Remove this person from the organisation?',
    pending: 'Invitation pending', apiKeys: 'API keys', newKey: 'New API key', scopes: 'Scopes', keySecretOnce: 'Copy the key now: it is shown only this once.',
    copy: 'Copy', copied: 'Copied', inviteSent: 'Invitation created.', lastLogin: 'Last sign-in',
    emailLanguage: 'Language of the e-mail', emailSentTo: 'E-mail sent to', inviteLinkBackup: 'The link, should the person need it',
    copyThisLink: 'No e-mail was sent: copy this link to the person',
    timeZone: 'Time zone', timeZoneNote: 'Days, weeks and months of every indicator are cut at this zone\'s midnight; changing it rebuilds them.',
    rebuilt: 'Rebuilt', branding: 'Branding of the survey pages', brandName: 'Company name', logoUrl: 'Logo (https URL)',
    color: 'Accent colour (#rrggbb)', reviewUrl: 'Review link offered to promoters', corsOrigins: 'Allowed browser origins (CORS)',
    oneOriginPerLine: 'One origin per line', nothingYet: 'Nothing yet.', readOnlySection: 'Read only: your role cannot change this.',
    adminOnly: 'Only an administrator sees this section.', analystOnly: 'Only analysts and administrators see this section.',
    formErrors: 'Please correct the fields marked below.', pickSurvey: 'Choose a survey', openPage: 'Open the page',
    surveyRates: 'Invitations of this survey', opened: 'Opened', reminder: 'Reminder', editedVersion: 'Being edited',
  },
  fr: {
    setupSurveys: 'Enquêtes', setupDistributions: 'Diffusions', setupAlerts: 'Alertes', setupWebhooks: 'Webhooks',
    setupPeople: 'Utilisateurs et clés', setupTenant: 'Organisation', sections: 'Rubriques des paramètres',
    state: 'État', version: 'Version', updated: 'Modifiée', newSurvey: 'Nouvelle enquête', edit: 'Modifier', view: 'Voir',
    activate: 'Activer', closeSurvey: 'Clôturer', surveyTitle: 'Titre', description: 'Description',
    defaultLanguage: 'Langue des textes', translation: 'Traduction', questions: 'Questions',
    addQuestion: 'Ajouter une question', kind: 'Type', questionText: 'Question', required: 'Obligatoire', questionId: 'Identifiant',
    scaleMin: 'Note minimale', scaleMax: 'Note maximale', choices: 'Options', addChoice: 'Ajouter une option', choiceLabel: 'Option',
    remove: 'Supprimer', moveUp: 'Monter', moveDown: 'Descendre', preview: 'Aperçu', previewLanguage: 'Aperçu en',
    startAs: 'Démarrer en', draft: 'Brouillon (pas encore ouverte)', activeNow: 'Active (ouverte tout de suite)', create: 'Créer',
    saveVersion: 'Enregistrer (nouvelle version)', saveDraft: 'Enregistrer', saved: 'Enregistré.', journeyTie: 'Parcours', touchpoint: 'Point de contact',
    none: 'Aucun', cancel: 'Annuler', back: 'Retour à la liste', previewNote: 'Ce que voient les répondants (la page hébergée affiche les mêmes questions).',
    notLikely: '0 = Pas du tout probable', veryLikely: '10 = Très probable', send: 'Envoyer', charsLeft: 'caractères restants',
    chooseSurvey: 'Enquête', name: 'Nom', link: 'Lien', newDistribution: 'Nouvelle diffusion', kiosk: 'Mode borne',
    pause: 'Suspendre', resume: 'Reprendre', expires: 'Expire', downloadPng: 'Télécharger en PNG', downloadSvg: 'Télécharger en SVG', print: 'Imprimer',
    snippets: 'Intégration', widgetSnippet: 'Widget de site (à coller avant </body>)', kioskLink: 'Page borne (à ouvrir sur la tablette)',
    campaigns: 'Campagnes', newCampaign: 'Nouvelle campagne', recipients: 'Destinataires (un par ligne : adresse ; nom ; id client)',
    subject: 'Objet', message: 'Message ({link} et {name} sont remplacés)', reminderHours: 'Relance après (heures, vide : aucune)',
    invited: 'Invités', delivered: 'Remis', responded: 'Répondu', responseRate: 'Taux de réponse', reminded: 'Relancés',
    invitations: 'Invitations', progress: 'Avancement', address: 'Adresse', queued: 'En attente',
    alertRules: "Règles d'alerte", newRule: 'Nouvelle règle', enabled: 'Active', disabled: 'Inactive', enable: 'Activer', disable: 'Désactiver',
    conditions: 'Conditions', actionsLabel: 'Actions', anySurvey: 'Toute enquête', categories: 'Catégories NPS', minScore: 'Note au moins',
    maxScore: 'Note au plus', channels: 'Canaux', keywords: 'Mots-clés (séparés par des virgules)', themes: 'Thèmes (séparés par des virgules)',
    sentiments: 'Tonalités', openCase: 'Ouvrir un dossier de suivi', notifyWebhooks: 'Prévenir les webhooks', team: 'Équipe',
    slaFirstContact: 'Premier contact sous (minutes)', slaResolution: 'Résolution sous (minutes)', delete: 'Supprimer',
    confirmDelete: 'Supprimer définitivement ?',
    metricAlerts: 'Alertes sur indicateurs', measure: 'Mesure', condition: 'Condition', threshold: 'Seuil', direction: 'Sens',
    below: 'En dessous', above: 'Au-dessus', confident: "Seulement si tout l'intervalle à 95 % le dépasse", significantDrop: 'Baisse significative',
    alpha: 'Seuil de significativité', minDrop: 'Baisse minimale qui compte', windowDays: 'Fenêtre (jours)', minSample: 'Réponses minimum',
    severity: 'Gravité', titleTemplate: "Titre de l'alerte", interval: 'Évaluer toutes les (minutes)', surveyRule: "Appliquer les actions de la règle d'alerte",
    lastOutcome: 'Dernière évaluation', evaluate: 'Évaluer maintenant', stageFilter: 'Étape', question: 'Question',
    webhooks: 'Webhooks', newWebhook: 'Nouveau webhook', url: 'URL', eventTypes: 'Événements', secret: 'Secret',
    secretOnce: "Copiez le secret maintenant : il n'est affiché qu'une fois.", deliveries: 'Journal des envois', redeliver: 'Renvoyer',
    redelivered: 'Renvoyé.', attempts: 'Tentatives', event: 'Événement', noDeliveries: 'Aucun envoi pour le moment.', httpStatus: 'Statut HTTP',
    users: 'Utilisateurs', changeRole: 'Rôle de', removeUser: 'Retirer', confirmRemove: "Retirer cette personne de l'organisation ?",
    pending: 'Invitation en attente', apiKeys: 'Clés API', newKey: 'Nouvelle clé API', scopes: 'Portées', keySecretOnce: "Copiez la clé maintenant : elle n'est affichée qu'une fois.",
    copy: 'Copier', copied: 'Copié', inviteSent: 'Invitation créée.', lastLogin: 'Dernière connexion',
    emailLanguage: "Langue de l'e-mail", emailSentTo: 'E-mail envoyé à', inviteLinkBackup: 'Le lien, si la personne en a besoin',
    copyThisLink: "Aucun e-mail n'a été envoyé : copiez ce lien à la personne",
    timeZone: 'Fuseau horaire', timeZoneNote: 'Les jours, semaines et mois de chaque indicateur sont coupés à minuit dans ce fuseau ; le changer les recalcule.',
    rebuilt: 'Recalculés', branding: 'Habillage des pages d\'enquête', brandName: "Nom de l'entreprise", logoUrl: 'Logo (URL https)',
    color: "Couleur d'accent (#rrggbb)", reviewUrl: 'Lien d\'avis proposé aux promoteurs', corsOrigins: 'Origines navigateur autorisées (CORS)',
    oneOriginPerLine: 'Une origine par ligne', nothingYet: 'Rien pour le moment.', readOnlySection: 'Lecture seule : votre rôle ne permet pas de modifier.',
    adminOnly: 'Seul un administrateur voit cette rubrique.', analystOnly: 'Seuls les analystes et administrateurs voient cette rubrique.',
    formErrors: 'Corrigez les champs signalés ci-dessous.', pickSurvey: 'Choisissez une enquête', openPage: 'Ouvrir la page',
    surveyRates: 'Invitations de cette enquête', opened: 'Ouvertes', reminder: 'Relance', editedVersion: 'En cours de modification',
  },
}, {
  en: {
    SURVEY_STATE_DRAFT: 'Draft', SURVEY_STATE_ACTIVE: 'Active', SURVEY_STATE_CLOSED: 'Closed',
    QUESTION_KIND_NPS: 'NPS (0–10)', QUESTION_KIND_CSAT: 'CSAT (1–5)', QUESTION_KIND_CES: 'Effort (CES)', QUESTION_KIND_RATING: 'Rating',
    QUESTION_KIND_SINGLE_CHOICE: 'Single choice', QUESTION_KIND_MULTIPLE_CHOICE: 'Multiple choice', QUESTION_KIND_FREE_TEXT: 'Free text',
    DISTRIBUTION_STATUS_ACTIVE: 'Active', DISTRIBUTION_STATUS_PAUSED: 'Paused', DISTRIBUTION_STATUS_REVOKED: 'Revoked',
    WEBHOOK_DELIVERY_STATE_PENDING: 'Pending', WEBHOOK_DELIVERY_STATE_DELIVERED: 'Delivered', WEBHOOK_DELIVERY_STATE_FAILED: 'Failed',
    TEXT_SENTIMENT_NEGATIVE: 'Negative', TEXT_SENTIMENT_NEUTRAL: 'Neutral', TEXT_SENTIMENT_POSITIVE: 'Positive', TEXT_SENTIMENT_MIXED: 'Mixed',
    COMPARED_MEASURE_HEADLINE: 'Headline value', COMPARED_MEASURE_MEAN: 'Mean answer',
    METRIC_ALERT_SEVERITY_INFO: 'Info', METRIC_ALERT_SEVERITY_WARNING: 'Warning', METRIC_ALERT_SEVERITY_CRITICAL: 'Critical',
    SCORE_METRIC_NPS: 'NPS', SCORE_METRIC_CSAT: 'CSAT', SCORE_METRIC_CES: 'CES', SCOPE_READ: 'Read', SCOPE_WRITE: 'Write', SCOPE_INGEST: 'Ingest',
    CHANNEL_LINK: 'Link', CHANNEL_EMAIL: 'E-mail', CHANNEL_SMS: 'SMS', CHANNEL_KIOSK: 'Kiosk', CHANNEL_QR: 'QR code', CHANNEL_IN_APP: 'In app',
    CHANNEL_WEB_WIDGET: 'Website widget', CHANNEL_CHATBOT: 'Chatbot', CHANNEL_SOCIAL: 'Social media',
    INVITATION_STATUS_QUEUED: 'Queued', INVITATION_STATUS_SENDING: 'Sending', INVITATION_STATUS_DELIVERED: 'Delivered',
    INVITATION_STATUS_BOUNCED: 'Bounced', INVITATION_STATUS_FAILED: 'Failed', INVITATION_STATUS_SUPPRESSED: 'Suppressed (opted out)',
    INVITATION_STATUS_UNCERTAIN: 'Uncertain (interrupted)', REMINDER_STATUS_NONE: 'No reminder', REMINDER_STATUS_SCHEDULED: 'Reminder planned',
    REMINDER_STATUS_SENT: 'Reminder sent', REMINDER_STATUS_SKIPPED: 'Reminder skipped', REMINDER_STATUS_FAILED: 'Reminder failed',
  },
  fr: {
    SURVEY_STATE_DRAFT: 'Brouillon', SURVEY_STATE_ACTIVE: 'Active', SURVEY_STATE_CLOSED: 'Clôturée',
    QUESTION_KIND_NPS: 'NPS (0–10)', QUESTION_KIND_CSAT: 'Satisfaction (CSAT 1–5)', QUESTION_KIND_CES: 'Effort (CES)', QUESTION_KIND_RATING: 'Note',
    QUESTION_KIND_SINGLE_CHOICE: 'Choix unique', QUESTION_KIND_MULTIPLE_CHOICE: 'Choix multiple', QUESTION_KIND_FREE_TEXT: 'Texte libre',
    DISTRIBUTION_STATUS_ACTIVE: 'Active', DISTRIBUTION_STATUS_PAUSED: 'Suspendue', DISTRIBUTION_STATUS_REVOKED: 'Révoquée',
    WEBHOOK_DELIVERY_STATE_PENDING: 'En attente', WEBHOOK_DELIVERY_STATE_DELIVERED: 'Remis', WEBHOOK_DELIVERY_STATE_FAILED: 'Échec',
    TEXT_SENTIMENT_NEGATIVE: 'Négative', TEXT_SENTIMENT_NEUTRAL: 'Neutre', TEXT_SENTIMENT_POSITIVE: 'Positive', TEXT_SENTIMENT_MIXED: 'Mitigée',
    COMPARED_MEASURE_HEADLINE: 'Valeur principale', COMPARED_MEASURE_MEAN: 'Note moyenne',
    METRIC_ALERT_SEVERITY_INFO: 'Information', METRIC_ALERT_SEVERITY_WARNING: 'Avertissement', METRIC_ALERT_SEVERITY_CRITICAL: 'Critique',
    SCORE_METRIC_NPS: 'NPS', SCORE_METRIC_CSAT: 'CSAT', SCORE_METRIC_CES: 'CES', SCOPE_READ: 'Lecture', SCOPE_WRITE: 'Écriture', SCOPE_INGEST: 'Collecte',
    CHANNEL_LINK: 'Lien', CHANNEL_EMAIL: 'E-mail', CHANNEL_SMS: 'SMS', CHANNEL_KIOSK: 'Borne', CHANNEL_QR: 'QR code', CHANNEL_IN_APP: 'Dans l\'app',
    CHANNEL_WEB_WIDGET: 'Widget web', CHANNEL_CHATBOT: 'Chatbot', CHANNEL_SOCIAL: 'Réseaux sociaux',
    INVITATION_STATUS_QUEUED: 'En attente', INVITATION_STATUS_SENDING: "En cours d'envoi", INVITATION_STATUS_DELIVERED: 'Remise',
    INVITATION_STATUS_BOUNCED: 'Rejetée', INVITATION_STATUS_FAILED: 'Échec', INVITATION_STATUS_SUPPRESSED: 'Non envoyée (désinscrit)',
    INVITATION_STATUS_UNCERTAIN: 'Incertaine (interrompue)', REMINDER_STATUS_NONE: 'Pas de relance', REMINDER_STATUS_SCHEDULED: 'Relance prévue',
    REMINDER_STATUS_SENT: 'Relance envoyée', REMINDER_STATUS_SKIPPED: 'Relance annulée', REMINDER_STATUS_FAILED: 'Relance en échec',
  },
});

export const ANALYST = 'TENANT_ROLE_ANALYST';
export const ADMIN = 'TENANT_ROLE_ADMIN';
export const ROLES = ['TENANT_ROLE_VIEWER', 'TENANT_ROLE_AGENT', 'TENANT_ROLE_ANALYST', 'TENANT_ROLE_ADMIN'];
export const CHANNELS = ['CHANNEL_LINK', 'CHANNEL_EMAIL', 'CHANNEL_SMS', 'CHANNEL_KIOSK', 'CHANNEL_QR', 'CHANNEL_IN_APP',
  'CHANNEL_WEB_WIDGET', 'CHANNEL_CHATBOT', 'CHANNEL_SOCIAL'];

/** A tenant-scoped admin path of the signed-in user's tenant. */
export function tenantPath(session, rest) {
  return `/v1/admin/tenants/${encodeURIComponent(session.user.tenant_id)}${rest}`;
}

/** A card with a heading; `note` (optional) says why the section is read only. */
export function card(title, note) {
  return el(`<section class="card setup-card"><h2>${escape(title)}</h2>${note ? `<p class="meta">${escape(note)}</p>` : ''}</section>`);
}

export function options(values, selected, text = (v) => v) {
  return values.map((v) => `<option value="${escape(v)}" ${v === selected ? 'selected' : ''}>${escape(text(v))}</option>`).join('');
}

let ids = 0;
/** A unique element id, for labels and aria-describedby. */
export function uid(prefix = 'f') { ids += 1; return `${prefix}-${ids}`; }

/** Removes the errors a previous submit showed in `form`. */
export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((n) => n.remove());
  form.querySelectorAll('[aria-invalid]').forEach((n) => {
    n.removeAttribute('aria-invalid');
    const described = (n.getAttribute('aria-describedby') || '').split(' ').filter((id) => !id.startsWith('err-'));
    if (described.length) n.setAttribute('aria-describedby', described.join(' ')); else n.removeAttribute('aria-describedby');
  });
  const summary = form.querySelector('.form-error');
  if (summary) summary.textContent = '';
}

/** Strips the request's body field (`survey.`, `rule.`…) that the gateway may put in front of a path. */
function tail(path) { const i = path.indexOf('.'); return i < 0 ? path : path.slice(i + 1); }

/**
 * The control a problem+json error names: the `[data-field]` whose path is the error's
 * field (with or without the body's prefix), else the one with the longest path the field
 * starts with (`survey.questions[1].choices` for `survey.questions[1].choices[0].label`).
 */
function controlFor(form, field) {
  const controls = [...form.querySelectorAll('[data-field]')];
  const exact = controls.find((c) => c.dataset.field === field || tail(c.dataset.field) === field || c.dataset.field === tail(field));
  if (exact) return exact;
  let best = null;
  controls.forEach((c) => {
    const f = c.dataset.field;
    const starts = [f, tail(f)].some((p) => field.startsWith(p + '.') || field.startsWith(p + '['));
    if (starts && (!best || f.length > best.dataset.field.length)) best = c;
  });
  return best;
}

/**
 * Shows an API error in `form`: each field error of a problem+json answer next to its
 * control (aria-invalid, aria-describedby), the rest in the form's `.form-error` alert.
 */
export function showErrors(form, err) {
  clearErrors(form);
  let summary = form.querySelector('.form-error');
  if (!summary) {
    summary = el('<p class="form-error error" role="alert"></p>');
    form.append(summary);
  }
  const errors = err instanceof ApiError ? (err.problem.errors || []) : [];
  const unplaced = [];
  errors.forEach((e) => {
    const control = controlFor(form, e.field || '');
    if (!control) { unplaced.push(`${e.field}: ${e.message}`); return; }
    const id = uid('err');
    const note = el(`<span class="field-error error" id="${id}">${escape(e.message)}</span>`);
    const holder = control.closest('label') || control;
    holder.after(note);
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') || ''} ${id}`.trim());
  });
  if (!errors.length) summary.textContent = err.message;
  else summary.textContent = [t('formErrors'), ...unplaced].join(' ');
  const first = form.querySelector('[aria-invalid="true"]');
  if (first) first.focus();
}

/** Splits a comma-separated list into trimmed, non-empty values. */
export function list(text) { return String(text || '').split(',').map((s) => s.trim()).filter(Boolean); }

/** A button that copies `text()` to the clipboard and says so. */
export function copyButton(text) {
  const b = el(`<button type="button" class="secondary">${escape(t('copy'))}</button>`);
  b.addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(text()); b.textContent = t('copied'); } catch (e) { /* the field stays selectable */ }
  });
  return b;
}
