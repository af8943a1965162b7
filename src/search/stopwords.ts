import { questionWordsFor, stopwordsFor } from '../corpus/stopwords.js';
import { ALL_PACKS } from '../language/index.js';
import { LANGS } from '../types.js';
import { fold } from './text.js';

/**
 * Snowball stopword lists (via the `stopword` package), folded. One union serves every language:
 * a question in one language must drop the same function words that the other languages' passages
 * dropped at index time, and the lists are short enough that the union removes no content word.
 */
/**
 * Question words: they say what kind of answer is wanted (see answer-type.ts), not what it is about,
 * so queries drop them. Not removed from indexed text.
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(LANGS.flatMap((l) => [...questionWordsFor(l)].map(fold)));

/** Function words the stopword lists leave out (the packs' `functionWords`): dropped from queries. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(ALL_PACKS.flatMap((p) => p.functionWords));

/**
 * Words about where an answer comes from rather than what it is ("according to the October
 * article", "volgens het artikel"; the packs' `sourceWords`): not looked for, in the index or in
 * sentences (FreeDict translates "article" into "bijdrage", which matches a contribution of troops).
 */
export const SOURCE_WORDS: ReadonlySet<string> = new Set(ALL_PACKS.flatMap((p) => p.sourceWords));

export const STOPWORDS: ReadonlySet<string> = new Set(LANGS.flatMap((l) => [...stopwordsFor(l)].map((w) => fold(w.toLowerCase()))));

/** True when a folded token carries no meaning for retrieval. */
export function isStopword(folded: string): boolean {
  return folded.length < 2 || STOPWORDS.has(folded);
}

/** True when a folded word of a question is not searched: a stopword, question word, function word or source word. */
export function isQueryStopword(folded: string): boolean {
  return isStopword(folded) || QUESTION_WORDS.has(folded) || FUNCTION_WORDS.has(folded) || SOURCE_WORDS.has(folded);
}
