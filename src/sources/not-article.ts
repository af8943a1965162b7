/**
 * Is this extracted text an article? Refuses error pages served with status 200, login/paywall/consent walls,
 * lists of links and pages with too little text, each with its reason. Pure; the patterns cover the languages
 * of Griot's sources (English, Dutch, French) and their neighbours (German, Spanish, Italian).
 */

/** Words as the benchmark counts them (letters and digits). */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}_]+/gu)?.length ?? 0;
}

const ERROR_PAGE = new RegExp(
  [
    '\\b404\\b', 'page not found', 'not found', "page (?:you (?:were )?(?:are )?looking for|doesn't exist|does not exist|could not be found|cannot be found)",
    'pagina niet gevonden', 'niet gevonden', 'deze pagina bestaat niet', 'pagina bestaat niet',
    'page introuvable', "page n'existe pas", 'page non trouvée', "cette page n'existe", 'erreur 404', 'introuvable',
    'seite nicht gefunden', 'seite existiert nicht', 'página no encontrada', 'pagina non trovata',
  ].join('|'),
  'i',
);

const WALL = new RegExp(
  [
    // consent
    'accept (?:all )?cookies', 'cookie (?:settings|preferences|consent)', 'we use cookies', 'manage (?:your )?(?:privacy|consent)',
    'cookies accepteren', 'akkoord met (?:de )?cookies', 'wij gebruiken cookies', 'toestemming',
    'accepter (?:les|tous les) cookies', 'nous utilisons des cookies', 'gérer (?:mes|vos) (?:choix|préférences)', 'consentement',
    'cookies akzeptieren', 'wir verwenden cookies', 'zustimmung',
    // login / paywall
    'sign in to (?:continue|read)', 'log in to (?:continue|read)', 'subscribe to (?:continue|read)', 'already a subscriber', 'create (?:a free )?account to',
    'log in om', 'meld je aan', 'word abonnee', 'lees verder met', 'al abonnee',
    'connectez-vous', 'abonnez-vous', 'déjà abonné', 'réservé aux abonnés', 'pour lire la suite',
    'anmelden', 'jetzt abonnieren', 'bereits abonnent',
  ].join('|'),
  'i',
);

export interface ArticleSignals {
  readonly text: string;
  readonly title: string;
  /** Share of the text inside links. */
  readonly linkDensity: number;
  /** JSON-LD or og:type says the page is an article. */
  readonly declaresArticle: boolean;
  readonly ogType: string | null;
}

/** Fewer words than this is not an article (a short news brief still has more). */
export const MIN_WORDS = 40;
/** A page that does not say it is an article needs more text to count as one. */
export const MIN_WORDS_UNDECLARED = 80;

/** Null when the text reads as an article; else why not (completes "refused: <url> …"). */
export function notArticleReason(s: ArticleSignals): { code: 'not-article' | 'no-text'; text: string } | null {
  const words = wordCount(s.text);
  const head = `${s.title}\n${s.text.slice(0, 400)}`;
  if (words < 300 && ERROR_PAGE.test(head)) {
    return { code: 'not-article', text: `looks like an error page ("${s.title.slice(0, 80) || s.text.slice(0, 80)}") served as a normal page; check the link` };
  }
  if (words < 250 && WALL.test(s.text)) {
    return { code: 'not-article', text: 'shows a login, subscription or cookie-consent wall instead of the article; save the page from your browser and add the file' };
  }
  if (!s.declaresArticle && s.linkDensity > 0.5) {
    return { code: 'not-article', text: 'is a list of links (a home or section page), not an article; link to the article itself' };
  }
  const min = s.declaresArticle ? MIN_WORDS : MIN_WORDS_UNDECLARED;
  if (words < min) {
    return { code: 'no-text', text: `has too little text to be an article (${words} words); link to the article itself, or save the page from your browser and add the file` };
  }
  return null;
}
