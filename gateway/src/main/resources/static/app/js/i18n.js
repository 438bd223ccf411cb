// Every text of the dashboard in English and French. Numbers and dates go through Intl.
const texts = {
  en: {
    language: 'Language', logout: 'Sign out', menu: 'Menu', signIn: 'Sign in', email: 'E-mail address', password: 'Password',
    overview: 'Overview', explore: 'Explore', live: 'Live feed', cases: 'Cases', journeys: 'Journeys', customers: 'Customers',
    voc: 'Voice of the customer', setup: 'Set-up', loading: 'Loading…', noData: 'No data for this selection.',
    period: 'Period', last30: 'Last 30 days', last90: 'Last 90 days', last365: 'Last 12 months', granularity: 'Trend by',
    week: 'Week', month: 'Month', lowSample: 'Low sample: read with care', interval: '95% interval', n: 'n',
    trend: 'Trend', byChannel: 'By channel', volume: 'Responses', comparison: 'Compared with the previous period',
    significant: 'Significant change', notSignificant: 'Not significant', difference: 'Difference', pValue: 'p-value',
    supportKpis: 'Support', fcr: 'First contact resolution', aht: 'Average handling time', frt: 'First response time',
    waiting: 'Waiting for responses…', connected: 'Connected: new responses appear here as they arrive.', disconnected: 'Disconnected; retrying…',
    status: 'Status', category: 'Category', assignee: 'Assignee', breachedOnly: 'SLA breached only', any: 'Any',
    title: 'Title', created: 'Created', due: 'Due', sla: 'SLA', breached: 'Breached', assignToMe: 'Assign to me',
    rootCause: 'Root cause', save: 'Save', notes: 'Notes', addNote: 'Add note', playbook: 'Playbook', nextStep: 'Next step',
    moveTo: 'Move to', close: 'Close', journey: 'Journey', stages: 'Stages', emotion: 'Emotion curve', expected: 'Expected',
    measured: 'Measured', friction: 'Friction ranking', impact: 'Impact', evidence: 'Evidence', customersAffected: 'Customers affected',
    blueprint: 'Service blueprint', actions: 'Improvement actions', measuredImpact: 'Measured impact', before: 'Before', after: 'After',
    users: 'Users', apiKeys: 'API keys', invite: 'Invite', role: 'Role', inviteLink: 'Invitation link (copy it to the person)',
    corsOrigins: 'Allowed browser origins (CORS)', oneOriginPerLine: 'One origin per line', timeZone: 'Time zone',
    welcome: 'Choose your password', displayName: 'Your name', join: 'Join', readOnly: 'Read only: your role cannot change this.',
    notAvailable: 'This view needs an API that is not available on this installation yet.', survey: 'Survey', channel: 'Channel',
    stage: 'Stage', segment: 'Segment', persona: 'Persona', slice: 'Slice by', metric: 'Metric', verbatims: 'Verbatims', apply: 'Apply',
    revoke: 'Revoke', keyName: 'Name', created2: 'Created', revoked: 'Revoked', webhooks: 'Webhooks', deliveries: 'Delivery log',
    redeliver: 'Redeliver', alertRules: 'Alert rules', metricAlerts: 'Metric alerts', surveys: 'Surveys', distributions: 'Distributions',
    qr: 'QR code', wrongCredentials: 'The e-mail address or the password is wrong.', tooMany: 'Too many attempts; try again later.',
  },
  fr: {
    language: 'Langue', logout: 'Se déconnecter', menu: 'Menu', signIn: 'Se connecter', email: 'Adresse e-mail', password: 'Mot de passe',
    overview: "Vue d'ensemble", explore: 'Explorer', live: 'Flux en direct', cases: 'Dossiers', journeys: 'Parcours', customers: 'Clients',
    voc: 'Voix du client', setup: 'Paramètres', loading: 'Chargement…', noData: 'Aucune donnée pour cette sélection.',
    period: 'Période', last30: '30 derniers jours', last90: '90 derniers jours', last365: '12 derniers mois', granularity: 'Tendance par',
    week: 'Semaine', month: 'Mois', lowSample: 'Échantillon faible : à lire avec prudence', interval: 'Intervalle à 95 %', n: 'n',
    trend: 'Tendance', byChannel: 'Par canal', volume: 'Réponses', comparison: 'Par rapport à la période précédente',
    significant: 'Évolution significative', notSignificant: 'Non significatif', difference: 'Écart', pValue: 'valeur p',
    supportKpis: 'Support', fcr: 'Résolution au premier contact', aht: 'Durée moyenne de traitement', frt: 'Délai de première réponse',
    waiting: 'En attente de réponses…', connected: 'Connecté : les nouvelles réponses apparaissent ici dès leur arrivée.', disconnected: 'Déconnecté ; nouvelle tentative…',
    status: 'Statut', category: 'Catégorie', assignee: 'Responsable', breachedOnly: 'SLA dépassé uniquement', any: 'Tous',
    title: 'Titre', created: 'Créé', due: 'Échéance', sla: 'SLA', breached: 'Dépassé', assignToMe: "Me l'attribuer",
    rootCause: 'Cause racine', save: 'Enregistrer', notes: 'Notes', addNote: 'Ajouter une note', playbook: 'Procédure', nextStep: 'Étape suivante',
    moveTo: 'Passer à', close: 'Fermer', journey: 'Parcours', stages: 'Étapes', emotion: 'Courbe émotionnelle', expected: 'Attendu',
    measured: 'Mesuré', friction: 'Classement des irritants', impact: 'Impact', evidence: 'Preuves', customersAffected: 'Clients touchés',
    blueprint: 'Blueprint de service', actions: "Actions d'amélioration", measuredImpact: 'Impact mesuré', before: 'Avant', after: 'Après',
    users: 'Utilisateurs', apiKeys: 'Clés API', invite: 'Inviter', role: 'Rôle', inviteLink: "Lien d'invitation (à transmettre à la personne)",
    corsOrigins: 'Origines navigateur autorisées (CORS)', oneOriginPerLine: 'Une origine par ligne', timeZone: 'Fuseau horaire',
    welcome: 'Choisissez votre mot de passe', displayName: 'Votre nom', join: 'Rejoindre', readOnly: 'Lecture seule : votre rôle ne permet pas de modifier.',
    notAvailable: "Cette vue nécessite une API qui n'est pas encore disponible sur cette installation.", survey: 'Enquête', channel: 'Canal',
    stage: 'Étape', segment: 'Segment', persona: 'Persona', slice: 'Découper par', metric: 'Indicateur', verbatims: 'Verbatims', apply: 'Appliquer',
    revoke: 'Révoquer', keyName: 'Nom', created2: 'Créée', revoked: 'Révoquée', webhooks: 'Webhooks', deliveries: 'Journal des envois',
    redeliver: 'Renvoyer', alertRules: "Règles d'alerte", metricAlerts: 'Alertes sur indicateurs', surveys: 'Enquêtes', distributions: 'Diffusions',
    qr: 'QR code', wrongCredentials: "L'adresse e-mail ou le mot de passe est incorrect.", tooMany: 'Trop de tentatives ; réessayez plus tard.',
  },
};

const enums = {
  en: { CASE_STATUS_OPEN: 'Open', CASE_STATUS_IN_PROGRESS: 'In progress', CASE_STATUS_CONTACTED: 'Contacted', CASE_STATUS_RESOLVED: 'Resolved',
    CASE_STATUS_CLOSED: 'Closed', NPS_CATEGORY_DETRACTOR: 'Detractor', NPS_CATEGORY_PASSIVE: 'Passive', NPS_CATEGORY_PROMOTER: 'Promoter',
    TENANT_ROLE_VIEWER: 'Viewer', TENANT_ROLE_AGENT: 'Agent', TENANT_ROLE_ANALYST: 'Analyst', TENANT_ROLE_ADMIN: 'Admin' },
  fr: { CASE_STATUS_OPEN: 'Ouvert', CASE_STATUS_IN_PROGRESS: 'En cours', CASE_STATUS_CONTACTED: 'Contacté', CASE_STATUS_RESOLVED: 'Résolu',
    CASE_STATUS_CLOSED: 'Clos', NPS_CATEGORY_DETRACTOR: 'Détracteur', NPS_CATEGORY_PASSIVE: 'Passif', NPS_CATEGORY_PROMOTER: 'Promoteur',
    TENANT_ROLE_VIEWER: 'Lecteur', TENANT_ROLE_AGENT: 'Agent', TENANT_ROLE_ANALYST: 'Analyste', TENANT_ROLE_ADMIN: 'Administrateur' },
};

let lang = localStorage.getItem('cx.lang') || (navigator.language || 'en').slice(0, 2);
if (!texts[lang]) lang = 'en';

/**
 * Adds a view's own texts ({en: {...}, fr: {...}}, and optionally enum labels), so that each
 * view keeps its strings next to its code instead of every view editing this file.
 */
export function addTexts(more, moreEnums = {}) {
  Object.keys(texts).forEach((l) => {
    Object.assign(texts[l], more[l] || {});
    Object.assign(enums[l], moreEnums[l] || {});
  });
}

export function language() { return lang; }
export function setLanguage(value) { lang = texts[value] ? value : 'en'; localStorage.setItem('cx.lang', lang); document.documentElement.lang = lang; }
export function t(key) { return texts[lang][key] ?? texts.en[key] ?? key; }
/** A contract enum value (CHANNEL_EMAIL, CASE_STATUS_OPEN…) as people read it. */
export function label(value) {
  if (!value) return '';
  const known = enums[lang][value] ?? enums.en[value];
  if (known) return known;
  const words = String(value).replace(/^(CHANNEL|CASE_STATUS|NPS_CATEGORY|TENANT_ROLE|SCORE_METRIC)_/, '').toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
export function num(value, digits = 1) {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}
export function date(value) {
  if (!value) return '–';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}
export function seconds(value) {
  if (value === undefined || value === null) return '–';
  if (value < 120) return num(value, 0) + ' s';
  if (value < 7200) return num(value / 60, 1) + ' min';
  return num(value / 3600, 1) + ' h';
}
/** Translates the static texts of a fragment (data-i18n, data-i18n-label). */
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });
}
