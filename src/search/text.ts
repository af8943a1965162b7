/** Tokenising and folding shared by index and query analysis. Pure. */

// "1.000" and "5.100" are Dutch/French thousands, not two numbers.
const THOUSANDS = /(\d{1,3})(?:[.\u202f\u00a0 ](\d{3}))+(?!\d)/g;
const TOKEN = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

/** Lower-case word and number tokens, in order. Apostrophes and hyphens split ("l'EIGS" → l, eigs). */
export function tokenize(text: string): string[] {
  return tokenizeCased(text).map((t) => t.toLowerCase());
}

/** Word and number tokens as written (case kept), in order. */
export function tokenizeCased(text: string): string[] {
  const joined = text.replace(THOUSANDS, (m) => m.replace(/[.\u202f\u00a0 ]/g, ''));
  return (joined.match(TOKEN) ?? []) as string[];
}

/** True for a token written with a capital first letter (a name, or a sentence's first word). */
export function isCapitalised(token: string): boolean {
  return /^\p{Lu}/u.test(token);
}

/** Removes diacritics: é→e, ë→e, ç→c. Idempotent. */
export function fold(term: string): string {
  return term.normalize('NFD').replace(MARKS, '');
}

/** True for a token made only of digits. */
export function isNumber(token: string): boolean {
  return /^\p{N}+$/u.test(token);
}

/** Text as the question and sentence patterns read it: lower case, no accents, straight apostrophes. */
export function foldText(text: string): string {
  return fold(text.toLowerCase()).replace(/’/g, "'");
}
