// Helpers shared by the insight views (customers, voice of the customer, journeys, explore):
// numbers with their n and interval, highlighted comments, enum labels of the text and
// customer contracts. Highlights are safe: the comment is escaped piece by piece and only
// the <mark> elements added here are markup.
import { t, num, language, addTexts } from '../i18n.js';
import { escape } from '../main.js';

addTexts({
  en: {
    sentiment: 'Sentiment', theme: 'Theme', keyword: 'Keyword', more: 'More', lowSampleShort: 'low sample',
    mentioners: 'Mentioners', others: 'Others', noScore: 'No answers yet',
  },
  fr: {
    sentiment: 'Tonalité', theme: 'Thème', keyword: 'Mot-clé', more: 'Plus', lowSampleShort: 'échantillon faible',
    mentioners: 'Qui en parlent', others: 'Les autres', noScore: 'Pas encore de réponses',
  },
}, {
  en: {
    TEXT_SENTIMENT_NEGATIVE: 'Negative', TEXT_SENTIMENT_NEUTRAL: 'Neutral', TEXT_SENTIMENT_POSITIVE: 'Positive', TEXT_SENTIMENT_MIXED: 'Mixed',
    TEXT_LANGUAGE_FR: 'French', TEXT_LANGUAGE_EN: 'English', TEXT_LANGUAGE_OTHER: 'Other',
    VALUE_TIER_NO_ORDERS: 'No orders', VALUE_TIER_CHAMPIONS: 'Champions', VALUE_TIER_LOYAL: 'Loyal', VALUE_TIER_PROMISING: 'Promising',
    VALUE_TIER_AT_RISK: 'At risk', VALUE_TIER_HIBERNATING: 'Hibernating', VALUE_TIER_LOST: 'Lost', VALUE_TIER_UNASSIGNED: 'Not valued yet',
  },
  fr: {
    TEXT_SENTIMENT_NEGATIVE: 'Négative', TEXT_SENTIMENT_NEUTRAL: 'Neutre', TEXT_SENTIMENT_POSITIVE: 'Positive', TEXT_SENTIMENT_MIXED: 'Mitigée',
    TEXT_LANGUAGE_FR: 'Français', TEXT_LANGUAGE_EN: 'Anglais', TEXT_LANGUAGE_OTHER: 'Autre',
    VALUE_TIER_NO_ORDERS: 'Sans commande', VALUE_TIER_CHAMPIONS: 'Champions', VALUE_TIER_LOYAL: 'Fidèles', VALUE_TIER_PROMISING: 'Prometteurs',
    VALUE_TIER_AT_RISK: 'À risque', VALUE_TIER_HIBERNATING: 'En sommeil', VALUE_TIER_LOST: 'Perdus', VALUE_TIER_UNASSIGNED: 'Pas encore valorisé',
  },
});

export const SENTIMENTS = ['TEXT_SENTIMENT_NEGATIVE', 'TEXT_SENTIMENT_NEUTRAL', 'TEXT_SENTIMENT_POSITIVE', 'TEXT_SENTIMENT_MIXED'];
export const SENTIMENT_COLORS = { negative: '#a4161a', neutral: '#8a949e', positive: '#1b6e3a', mixed: '#7a4b00' };

/**
 * The text with its spans (UTF-16 offsets, as the API gives them) wrapped in <mark>:
 * overlapping spans are merged, spans out of the text are ignored, everything is escaped.
 */
export function highlight(text, spans) {
  const value = String(text ?? '');
  const ranges = (spans || [])
    .map((s) => [Number(s.start || 0), Number(s.end || 0)])
    .filter(([a, b]) => b > a && a >= 0 && b <= value.length)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged = [];
  ranges.forEach(([a, b]) => {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  });
  let out = '';
  let at = 0;
  merged.forEach(([a, b]) => {
    out += escape(value.substring(at, a)) + '<mark>' + escape(value.substring(a, b)) + '</mark>';
    at = b;
  });
  return out + escape(value.substring(at));
}

/** "[low ; high]" of an interval, or '' without one. */
export function interval(i, digits = 1) {
  if (!i || (i.low === undefined && i.high === undefined)) return '';
  return `[${num(i.low ?? 0, digits)} ; ${num(i.high ?? 0, digits)}]`;
}

/** A score (ScoreValue or ScoreIndicator) as value, interval and n, with the low-sample mark. */
export function score(s, { unit = '' } = {}) {
  if (!s || !Number(s.n)) return `<span class="meta">${escape(t('noScore'))}</span>`;
  return `<b>${num(s.value ?? 0)}${unit}</b> <span class="meta">${interval(s.interval)} · n = ${num(Number(s.n), 0)}</span>`
    + (s.lowSample ? ` <span class="warn" title="${escape(t('lowSample'))}">⚠<span class="sr-only">${escape(t('lowSampleShort'))}</span></span>` : '');
}

/** A signed number: +3.2, −1.5. */
export function signed(value, digits = 1) {
  if (value === undefined || value === null) return '–';
  return (value > 0 ? '+' : '') + num(value, digits);
}

/** The label of a taxonomy theme in the page's language. */
export function themeLabel(theme) {
  if (!theme) return '';
  return (language() === 'fr' ? theme.labelFr || theme.labelEn : theme.labelEn || theme.labelFr) || theme.themeId || theme.id || '';
}

export function percent(share, digits = 0) {
  if (share === undefined || share === null) return '–';
  return num(share * 100, digits) + ' %';
}

/** YYYY-MM-DD of today, in the browser's zone. */
export function today() { return new Date().toISOString().slice(0, 10); }
