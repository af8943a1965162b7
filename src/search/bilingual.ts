import { detectQuestionLanguage } from '../corpus/language.js';
import { LANGS, type Lang } from '../types.js';
import type { Analyser, QueryTerm } from './analyser.js';
import type { Lexicon } from './lexicon.js';
import { MemoStemmer } from './stemmer.js';
import { englishLemmas } from './english-lemmas.js';

/** Stems of headwords, stopwords included ("die" is a Dutch function word and an English verb). */
const headStemmer = new MemoStemmer(50_000);

/**
 * Cross-language query expansion: each word of the question also matches its translations in the
 * other corpus languages, taken from the bilingual word list (died → sterven/overlijden, mourir).
 * Names and numbers are not translated: they read the same everywhere. The translations become
 * further variants of the same query term, so a term counts once however many languages match it.
 */
export function expandAcrossLanguages(
  terms: readonly QueryTerm[],
  question: string,
  analyser: Analyser,
  lexicon: Lexicon,
): QueryTerm[] {
  if (lexicon.size === 0) return [...terms];
  const from: Lang = detectQuestionLanguage(question, 'en');
  let memo = memos.get(lexicon);
  if (!memo) memos.set(lexicon, (memo = new Map()));
  return terms.map((term) => {
    if (term.isNumber) return term;
    // A word's translations depend on the word, the question's language and whether it is a name.
    const key = `${from}${term.isName ? 'N' : 'w'}${term.token}`;
    let found = memo.get(key);
    if (!found) {
      found = translations(term, from, analyser, lexicon);
      if (memo.size >= MAX_MEMO) memo.clear();
      memo.set(key, found);
    }
    const variants = [...new Set([...term.variants, ...found.extra])];
    return { ...term, variants, checkableIn: found.checkableIn };
  });
}

/** A word's translations (index terms) and the languages in which it can be recognised. */
interface Translations {
  readonly extra: readonly string[];
  readonly checkableIn: readonly Lang[];
}

/** Translations of each word remembered per lexicon: questions repeat their words. */
const memos = new WeakMap<Lexicon, Map<string, Translations>>();
const MAX_MEMO = 20_000;

/** The index terms of a word's translations into the other languages, and where the word can be checked. */
function translations(term: QueryTerm, from: Lang, analyser: Analyser, lexicon: Lexicon): Translations {
  const extra = new Set<string>();
  const checkableIn: Lang[] = [from];
  for (const to of LANGS) {
    // Within the question's own language the glossary gives synonyms (premier ~ minister-president).
    const found = lookup(term, from, to, analyser, lexicon);
    // The list leaves out words spelt alike in both languages (population, terrorist): a word of `to` too.
    if (to !== from && (found.length > 0 || isWordOf(term.token, to, lexicon))) checkableIn.push(to);
    for (const w of found) {
      // The surface form meets names (indexed unstemmed: "Nederland"), the stem the rest.
      extra.add(w);
      const stem = analyser.term(w, to);
      if (stem) extra.add(stem);
    }
  }
  return { extra: [...extra], checkableIn };
}

/** Whether the word list knows `word` as a word of `lang` (it translates it into another language). */
function isWordOf(word: string, lang: Lang, lexicon: Lexicon): boolean {
  return LANGS.some((other) => other !== lang && lexicon.translate(word, lang, other).length > 0);
}

/**
 * Translations of a term: of the word as written, else of the headwords whose stem is the word's
 * ("died" → "die", "mercenaires" → "mercenaire"). Names are looked up as written only: a stem of a
 * name is another word (French stems "Mali" to "mal", which translates to "bad").
 */
function lookup(term: QueryTerm, from: Lang, to: Lang, analyser: Analyser, lexicon: Lexicon): readonly string[] {
  // An English inflected form is looked up by its dictionary forms first: FreeDict's own entries for
  // forms are few and often wrong ("brought" → "bang", from "fraught"), its verbs and nouns are not. A
  // form the list keeps an entry for is a word in its own right too ("ground" is not only "grind":
  // "ground troops" → "grond", "sol"; "meeting" → "vergadering"), so its own translations follow.
  if (from === 'en' && !term.isName) {
    const viaLemma = [...new Set(englishLemmas(term.token).flatMap((l) => lexicon.translate(l, from, to)))];
    if (viaLemma.length > 0) return [...new Set([...viaLemma, ...lexicon.translate(term.token, from, to)])];
  }
  const direct = lexicon.translate(term.token, from, to);
  // A plural acronym ("MPs", "NGOs") is looked up as its singular; other names only as written.
  if (direct.length === 0 && term.isName && /^[a-z]{2,4}s$/.test(term.token)) return lexicon.translate(term.token.slice(0, -1), from, to);
  if (direct.length > 0 || term.isName) return direct;
  const stem = headStemmer.stem(term.token, from);
  if (stem.length < 3) return [];
  const out: string[] = [];
  for (const head of lexicon.wordsStartingWith(stem, from, to)) {
    if (head.length <= stem.length + 4 && headStemmer.stem(head, from) === stem) out.push(...lexicon.translate(head, from, to));
  }
  return [...new Set(out)];
}
