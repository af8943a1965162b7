/**
 * Is this extracted text an article? Refuses error pages served with status 200, login/paywall/consent walls,
 * lists of links and pages with too little text, each with its reason. Pure; the patterns cover the languages
 * of Griot's sources (English, Dutch, French) and their neighbours (German, Spanish, Italian).
 */

/** Words as the benchmark counts them (letters and digits). */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}_]+/gu)?.length ?? 0;
}

/** Phrases of error pages (about the page, not about a thing that was not found). */
const ERROR_PAGE = new RegExp(
  [
    'page not found', "page (?:you (?:were |are )?(?:looking|searching) for|(?:does not|doesn't) exist|could not be found|cannot be found|no longer exists)",
    'pagina niet gevonden', 'pagina (?:bestaat niet|kon niet worden gevonden|is niet gevonden)', 'deze pagina bestaat niet',
    'page introuvable', "page (?:n'existe pas|demandée est introuvable|non trouvée)", "cette page n'existe",
    'seite nicht gefunden', 'seite (?:existiert nicht|wurde nicht gefunden)', 'página no encontrada', 'pagina non trovata',
    'error 404', 'erreur 404', 'fout 404', 'fehler 404', '404 not found',
  ].join('|'),
  'i',
);
/** A title that is only an error code. */
const ERROR_TITLE = /(?:^|[\s|:–—-])404(?:$|[\s|:–—-])/;

/** Phrases of login, paywall and cookie-consent walls. One is enough on a near-empty page; a short page needs two. */
const WALL = [
  'accept (?:all )?cookies', 'cookie (?:settings|preferences|consent)', 'we use cookies', 'manage (?:your )?(?:privacy|consent)',
  'cookies accepteren', 'akkoord met (?:de |alle )?cookies', 'wij gebruiken cookies', 'we gebruiken cookies', 'geef (?:je |uw )?toestemming',
  'accepter (?:les |tous les )?cookies', 'nous utilisons des cookies', 'gérer (?:mes|vos) (?:choix|préférences)', 'votre consentement',
  'cookies akzeptieren', 'wir verwenden cookies', 'ihre zustimmung',
  'sign in to (?:continue|read)', 'log in to (?:continue|read)', 'subscribe to (?:continue|read)', 'already a subscriber', 'create (?:a free )?account to (?:continue|read)',
  'log in om (?:verder )?te lezen', 'word abonnee', 'lees verder met', 'al abonnee',
  'connectez-vous pour', 'déjà abonné', 'réservé aux abonnés', 'pour lire la suite',
  'jetzt abonnieren', 'bereits abonnent', 'melden sie sich an',
].map((p) => new RegExp(p, 'i'));

function wallMarkers(text: string): number {
  return WALL.filter((re) => re.test(text)).length;
}

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
  if (words < 300 && (ERROR_PAGE.test(head) || ERROR_TITLE.test(s.title))) {
    return { code: 'not-article', text: `looks like an error page ("${s.title.slice(0, 80) || s.text.slice(0, 80)}") served as a normal page; check the link` };
  }
  const walls = wallMarkers(s.text);
  if ((words < 120 && walls >= 1) || (words < 250 && walls >= 2)) {
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
