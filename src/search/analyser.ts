import { ALL_PACKS } from '../language/index.js';
import type { Lang } from '../types.js';
import { MemoStemmer } from './stemmer.js';
import { isQueryStopword, isStopword } from './stopwords.js';
import { fold, isCapitalised, isNumber, tokenize, tokenizeCased } from './text.js';

/** Bump when analysis changes: a persisted index made by another version is rebuilt. */
export const ANALYSER_VERSION = 4;

/** One meaningful word of a query and the index terms it may match. */
export interface QueryTerm {
  /** The folded surface form. */
  readonly token: string;
  /** Distinct stems: the token stemmed in every language searched. */
  readonly variants: readonly string[];
  readonly isNumber: boolean;
  /** Capitalised inside the question (not its first word): a name, weighted higher. */
  readonly isName: boolean;
  /**
   * Languages whose text can show this word: the question's own and those the bilingual word list
   * translates it into (set by the cross-language expansion; absent: every language). A sentence of
   * another language can only match it by chance (a cognate), so its absence there says little.
   */
  readonly checkableIn?: readonly Lang[];
}

/**
 * The one analyser used at index and at query time: lower-case, stopwords out, Snowball stem by
 * language, accents folded. Queries are stemmed in every language of the index as well as their
 * own, so an English or French question meets Dutch passages on shared stems (militaires/militairen
 * → militair) and, through fuzzy and prefix matching in the index, on near-cognates. Capitalised
 * words are indexed unstemmed: Snowball mangles names (Mali → mal in French, Barkhane → barkhan)
 * differently per language, and a name is the same in every language.
 */
export class Analyser {
  /** Index term of each token as written, per language: news text repeats its words, so a repeat is one lookup. */
  private readonly memo = new Map<Lang, Map<string, string | null>>();

  constructor(
    private readonly stemmer = new MemoStemmer(),
    private readonly maxMemo = 500_000,
  ) {}

  /** Index terms of a passage in its language, in order (repeats kept: they count for BM25). */
  indexTerms(text: string, lang: Lang): string[] {
    let memo = this.memo.get(lang);
    if (!memo) {
      memo = new Map();
      this.memo.set(lang, memo);
    }
    const out: string[] = [];
    for (const cased of tokenizeCased(text)) {
      let term = memo.get(cased);
      if (term === undefined) {
        const token = cased.toLowerCase();
        term = isCapitalised(cased) && !isNumber(token) ? this.surface(token) : this.term(token, lang);
        if (memo.size >= this.maxMemo) memo.clear();
        memo.set(cased, term);
      }
      if (term !== null) out.push(term);
    }
    return out;
  }

  /** The folded, unstemmed form of a name, or null for a stopword ("De" starting a sentence). */
  private surface(token: string): string | null {
    const folded = fold(token);
    return isStopword(folded) ? null : folded;
  }

  /** The stemmed, folded index term for one lower-case token, or null for a stopword. */
  term(token: string, lang: Lang): string | null {
    const folded = fold(token);
    if (isStopword(folded)) return null;
    return isNumber(folded) ? folded : this.stemmer.stem(token, lang);
  }

  /** Query terms, each with its stems in `langs`; stopwords and question words dropped, duplicates merged. */
  queryTerms(text: string, langs: readonly Lang[]): QueryTerm[] {
    const names = nameTokens(text);
    const seen = new Set<string>();
    const out: QueryTerm[] = [];
    for (const token of tokenize(text)) {
      const folded = fold(token);
      if (seen.has(folded) || isQueryStopword(folded)) continue;
      seen.add(folded);
      const number = isNumber(folded);
      // The surface form meets capitalised words (indexed unstemmed); the stems meet the rest.
      const variants = number ? [folded] : [...new Set([folded, ...langs.map((l) => this.stemmer.stem(token, l))])];
      out.push({ token: folded, variants, isNumber: number, isName: names.has(folded) });
    }
    return out;
  }
}

/**
 * Titles and institutions that the languages capitalise by convention, not names (the packs' `titles`): "Prime
 * Minister Maïga", "la ministre des Armées", "les chefs d'État", "minister van Defensie". A document
 * that answers need not write them (Dutch says *Defensie* where French says *Armées*).
 */
const CONVENTIONAL_CAPITALS: ReadonlySet<string> = new Set(ALL_PACKS.flatMap((p) => p.titles));

/** Folded tokens written with a capital letter anywhere but at the start of a sentence. */
function nameTokens(text: string): Set<string> {
  const names = new Set<string>();
  const re = /[\p{L}\p{N}]+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const before = text.slice(0, m.index).trimEnd();
    const sentenceStart = before === '' || /[.!?¿¡:]$/.test(before);
    const folded = fold(m[0].toLowerCase());
    if (!sentenceStart && /^\p{Lu}/u.test(m[0]) && !CONVENTIONAL_CAPITALS.has(folded)) names.add(folded);
  }
  return names;
}
