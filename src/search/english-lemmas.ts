import { createRequire } from 'node:module';

interface WinkLemmatizer {
  verb(word: string): string;
  noun(word: string): string;
  adjective(word: string): string;
}

let lemmatizer: WinkLemmatizer | undefined;

/**
 * wink-lemmatizer (WordNet's exception lists and suffix rules; CommonJS without types), loaded on the
 * first English question: it costs about 140 ms, which a process that is never asked in English skips.
 */
function load(): WinkLemmatizer {
  lemmatizer ??= createRequire(import.meta.url)('wink-lemmatizer') as WinkLemmatizer;
  return lemmatizer;
}

/**
 * The dictionary forms of an English word other than itself ("brought" → bring, "troops" → troop,
 * "leaving" → leave), verb first; [] when the word is already one. Expects a lower-case word.
 */
export function englishLemmas(word: string): string[] {
  const l = load();
  const out = new Set([l.verb(word), l.noun(word), l.adjective(word)]);
  out.delete(word);
  return [...out].filter((w) => w.length > 1);
}
