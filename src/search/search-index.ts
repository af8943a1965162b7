import MiniSearch from 'minisearch';
import { LANGS, type Document, type DocumentMeta, type Lang, type Passage, type SearchHit, type SearchOptions } from '../types.js';
import { Analyser, type QueryTerm } from './analyser.js';
import { answerType, sentenceFits } from './answer-type.js';
import { expandAcrossLanguages } from './bilingual.js';
import { bundledLexicon } from './lexicon.js';
import { dateInRange, dateReference, parseBound } from './dates.js';
import { DocumentTable } from './document-table.js';
import { packMiniSearch, unpackMiniSearch, type PackedMiniSearch } from './postings.js';
import { rank, type RankGroup, type RankStats, type WeightedTerm } from './rank.js';
import { Vocabulary, type VocabularySnapshot } from './vocabulary.js';

/**
 * MiniSearch options, owned here: documents are analysed by our Analyser before MiniSearch sees
 * them, so MiniSearch only splits on spaces and keeps terms as they are.
 */
const MS_OPTIONS = {
  fields: ['text'],
  idField: 'id',
  tokenize: (s: string) => s.split(' '),
  processTerm: (t: string) => t || null,
  searchOptions: { tokenize: (s: string) => [s], processTerm: (t: string) => t },
};

/** Diversify re-ranks the best `limit` × this of the ranking: nothing below can reach the top `limit`. */
const DIVERSIFY_WINDOW = 4;

/** Entries a per-word memo keeps before it starts again (a bot's questions share a few thousand words). */
const MAX_MEMO = 20_000;

/** How query terms are matched: measured on the dev set (see README, "cross-language method"). */
export interface MatchTuning {
  /**
   * Expansion (see Vocabulary) for stems of at least this length: cognates (helicopter → helikopter)
   * and prefix matches (Dutch compounds: defensie → defensiepersoneel).
   */
  readonly expandMinLength: number;
  /** Index terms a query stem expands to, at most. */
  readonly maxExpansions: number;
  /** Spelling edits allowed for a cognate, as a share of the stem's length, and at most. */
  readonly editShare: number;
  readonly maxEdits: number;
  /** Weights of prefix and cognate (same or near spelling key) matches relative to exact ones. */
  readonly weights: { readonly prefix: number; readonly fuzzy: number };
  /**
   * Postings the rarest query terms may spend finding candidate passages, as a share of the passages
   * (and at least `candidateFloor`); the other terms are scored only on those candidates (rank.ts).
   */
  readonly candidateShare: number;
  readonly candidateFloor: number;
  /** Postings those other terms may walk, as a share of the passages (and at least `candidateFloor`); commoner ones are left out. */
  readonly walkShare: number;
  /** Boost for names (capitalised in the question) and numbers. */
  readonly nameBoost: number;
  readonly numberBoost: number;
  /**
   * Each further passage of a document already ranked has its score multiplied by this: the top
   * results then cover more articles, which is what a reader (and an answerer) needs.
   */
  readonly sameDocumentDecay: number;
  /** Boost for passages holding what a "how many" or "when" question asks for (a figure, a date). */
  readonly answerTypeBoost: number;
  /** Words found in more than this share of passages (and more than `expansionFloor`) are left out of a query that has others. */
  readonly maxDocumentShare: number;
  /** Fuzzy and prefix matching of a known word only when it is in at most this share of passages… */
  readonly prefixMaxDocumentShare: number;
  /** …or in at most this many: on a small index expansion is cheap, so it is always allowed. */
  readonly expansionFloor: number;
  /** Query words also match their translations from the bilingual word list (src/search/bilingual.ts). */
  readonly bilingualLexicon: boolean;
  /**
   * A passage's score is multiplied by the IDF-weighted share of the question's words it matches
   * (see rank.ts), instead of by the number of stems and translations it matched.
   */
  readonly weightedCoordination: boolean;
}

export const DEFAULT_TUNING: MatchTuning = {
  expandMinLength: 5,
  maxExpansions: 20,
  editShare: 0.2,
  maxEdits: 2,
  weights: { prefix: 0.4, fuzzy: 0.45 },
  candidateShare: 0.01,
  candidateFloor: 1000,
  walkShare: 0.1,
  nameBoost: 1.6,
  numberBoost: 1.6,
  sameDocumentDecay: 0.7,
  answerTypeBoost: 1.2,
  maxDocumentShare: 0.2,
  prefixMaxDocumentShare: 0.01,
  expansionFloor: 100,
  bilingualLexicon: true,
  weightedCoordination: true,
};

/**
 * The saved form of an index (see persist.ts): JSON-friendly parts (document metadata, vocabulary,
 * MiniSearch's counts), MiniSearch's postings as JSON lines, and typed arrays (passage offsets) and
 * bytes (texts) saved as they are.
 */
export interface IndexSnapshot {
  readonly documents: readonly DocumentMeta[];
  /** See DocumentTable: five numbers a passage, the texts' byte offsets, the texts. */
  readonly passages: Uint32Array;
  readonly textStart: Uint32Array;
  readonly texts: Buffer;
  /** MiniSearch, its postings as JSON lines (see postings.ts). */
  readonly minisearch: PackedMiniSearch;
  /** Index terms and their document frequencies, counted while indexing (see Vocabulary). */
  readonly vocabulary: VocabularySnapshot;
}

/**
 * An immutable search index over a corpus: passages in MiniSearch, documents and passages in a
 * compact table that makes passage objects on demand (see DocumentTable).
 * Immutable so the engine can swap a new one in atomically while queries run on the old one.
 */
export class SearchIndex {
  /** `YYYY-MM` of every dated article, for questions that name a month. */
  private readonly articleMonths: ReadonlySet<string>;
  private readonly langs: readonly Lang[];
  /** Expansions of query stems made so far (see expansions()). */
  private readonly expansionMemo = new Map<string, readonly WeightedTerm[]>();

  private constructor(
    private readonly ms: MiniSearch,
    private readonly vocabulary: Vocabulary,
    private readonly table: DocumentTable,
    private readonly analyser: Analyser,
    private readonly tuning: MatchTuning,
  ) {
    this.articleMonths = new Set(table.metas.flatMap((m) => (m.date ? [m.date.iso.slice(0, 7)] : [])));
    const langs = new Set<Lang>();
    for (let i = 0; i < table.passageCount; i++) langs.add(table.passageLang(i));
    this.langs = [...langs].sort();
  }

  /** Analyses and indexes every passage of the documents. */
  static build(
    documents: readonly Document[],
    analyser: Analyser,
    tuning: MatchTuning = DEFAULT_TUNING,
    onProgress?: (done: number, total: number) => void,
  ): SearchIndex {
    const ms = new MiniSearch(MS_OPTIONS);
    // Document frequencies counted from the same analysed terms MiniSearch indexes: the vocabulary
    // comes from Griot's analysis, not from MiniSearch's internals.
    const df = new Map<string, number>();
    documents.forEach((d, i) => {
      ms.addAll(
        d.passages.map((p) => {
          const terms = analyser.indexTerms(p.text, p.lang);
          for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
          return { id: p.id, text: terms.join(' ') };
        }),
      );
      onProgress?.(i + 1, documents.length);
    });
    return new SearchIndex(ms, Vocabulary.fromCounts(df), DocumentTable.fromDocuments(documents), analyser, tuning);
  }

  /** Restores an index saved with snapshot(); no text is analysed again. */
  static restore(snapshot: IndexSnapshot, analyser: Analyser, tuning: MatchTuning = DEFAULT_TUNING): SearchIndex {
    const vocabulary = Vocabulary.restore(snapshot.vocabulary);
    const ms = unpackMiniSearch(snapshot.minisearch, MS_OPTIONS);
    // The passage ids MiniSearch now holds, so the table's lookup does not hold them twice.
    const ids = Object.values(snapshot.minisearch.rest.documentIds) as string[];
    const { documents: metas, passages, textStart, texts } = snapshot;
    return new SearchIndex(ms, vocabulary, DocumentTable.restore({ metas, passages, textStart, texts }, ids), analyser, tuning);
  }

  /** What persist.ts writes. */
  snapshot(): IndexSnapshot {
    const vocabulary = this.vocabulary.snapshot();
    const { metas, passages, textStart, texts } = this.table.parts();
    return { documents: metas, passages, textStart, texts, minisearch: packMiniSearch(this.ms), vocabulary };
  }

  /** Languages present in the corpus, sorted. */
  languages(): readonly Lang[] {
    return this.langs;
  }

  /** Document metadata, in corpus order. */
  documents(): readonly DocumentMeta[] {
    return this.table.metas;
  }

  /**
   * Full documents (text and passages), e.g. for timeline extraction and incremental reindexing:
   * made from the table at each call, so a caller that needs them holds them only while it does.
   */
  fullDocuments(): readonly Document[] {
    return this.table.metas.map((m) => this.table.document(m.id) as Document);
  }

  document(id: string): Document | undefined {
    return this.table.document(id);
  }

  passage(id: string): Passage | undefined {
    const i = this.table.passageIndex(id);
    return i === undefined ? undefined : this.table.passage(i);
  }

  get passageCount(): number {
    return this.table.passageCount;
  }

  /** Query terms of a text as this index would match them (used by answerers to score sentences). */
  queryTerms(query: string): QueryTerm[] {
    // Stemmed in every language Griot knows, not only the corpus's: three memoised lookups a word,
    // and an English question meets English passages should the corpus grow some.
    const terms = this.analyser.queryTerms(query, LANGS);
    return this.tuning.bilingualLexicon ? expandAcrossLanguages(terms, query, this.analyser, bundledLexicon()) : terms;
  }

  /**
   * Inverse document frequency of a query term over passages (BM25's form), from its most frequent
   * variant. A term the corpus never uses gets the highest weight: it is what the question is about.
   */
  termWeight(term: QueryTerm): number {
    const n = this.table.passageCount;
    const df = Math.max(0, ...term.variants.map((v) => this.documentFrequency(v)));
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Passages that contain an index term exactly. */
  documentFrequency(term: string): number {
    return this.vocabulary.documentFrequency(term);
  }

  /** Ranked passages for a query, in any of the languages Griot knows. */
  search(query: string, options: SearchOptions = {}, stats?: RankStats): SearchHit[] {
    const limit = options.limit ?? 10;
    const dateRef = dateReference(query);
    let terms = this.queryTerms(query);
    if (dateRef && [...dateRef.months].some((m) => this.articleMonths.has(m))) {
      // "the October 2021 article" names a date of the corpus: matched against article dates
      // (the boost below), not against words of the text, unless nothing else is left to match.
      const rest = terms.filter((t) => !dateRef.monthTokens.has(t.token) && !dateRef.yearTokens.has(t.token));
      if (rest.length > 0) terms = rest;
    }
    if (terms.length === 0 || limit <= 0) return [];
    const from = options.from !== undefined ? parseBound(options.from, 'from') : undefined;
    const to = options.to !== undefined ? parseBound(options.to, 'to') : undefined;
    const boost = dateRef?.boost;
    const metaOf = (passageId: string) => {
      const i = this.table.passageIndex(passageId);
      return i === undefined ? undefined : this.table.metaOfPassage(i);
    };
    const n = this.table.passageCount;
    // Re-ranking reads passage text, so it looks only at the head of the ranking: the tail cannot
    // climb into the top `limit` anyway.
    const q = this.toQuery(terms);
    const head = rank(
      this.ms,
      q.groups,
      {
        words: this.tuning.weightedCoordination ? q.words : undefined,
        limit: limit * 8,
        candidatePostings: Math.max(n * this.tuning.candidateShare, this.tuning.candidateFloor),
        walkPostings: Math.max(n * this.tuning.walkShare, this.tuning.candidateFloor),
        documentFrequency: (term) => this.vocabulary.documentFrequency(term),
        filter: from || to ? (id) => dateInRange(metaOf(id)?.date ?? null, from, to) : undefined,
        boost: boost ? (id) => boost(metaOf(id)?.date ?? null) : undefined,
        boostCeiling: dateRef?.maxBoost,
      },
      stats,
    );
    const type = answerType(query);
    // The answer-type boost reads passage text: only for passages it could lift into the part of
    // the ranking diversify looks at (a boost never lowers a score, so the tail below stays below).
    const span = limit * DIVERSIFY_WINDOW;
    const reach = head[span - 1]?.score ?? -Infinity;
    const typed =
      type === 'number' || type === 'date'
        ? head.map((r, at) => {
            if (at >= span && r.score * this.tuning.answerTypeBoost <= reach) return r;
            const i = this.table.passageIndex(r.id);
            const text = i === undefined ? '' : this.table.passageText(i);
            return sentenceFits(type, text) ? { id: r.id, score: r.score * this.tuning.answerTypeBoost } : r;
          })
        : head;
    return this.diversify(typed.sort((a, b) => b.score - a.score), limit);
  }

  /** Re-ranks with a per-document decay and keeps the best `limit`. */
  private diversify(results: readonly { id: unknown; score: number }[], limit: number): SearchHit[] {
    const seen = new Map<string, number>();
    const kept: { i: number; doc: DocumentMeta; score: number }[] = [];
    // Only the head of the list can move into the top `limit`: a decayed score never grows.
    for (const r of results.slice(0, limit * DIVERSIFY_WINDOW)) {
      const i = this.table.passageIndex(r.id as string);
      if (i === undefined) continue;
      const doc = this.table.metaOfPassage(i);
      const k = seen.get(doc.id) ?? 0;
      seen.set(doc.id, k + 1);
      kept.push({ i, doc, score: r.score * this.tuning.sameDocumentDecay ** k });
    }
    // Passage objects (and their texts) are made for the hits returned only.
    return kept
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ i, doc, score }) => ({ passage: this.table.passage(i), doc, score }));
  }

  /**
   * The query: for each question word, the index terms it matches and their weights. Expansion is
   * spent where it helps: cognates and prefix matches (helicopter → helikopter, defensie →
   * defensiepersoneel) for words the index does not know or holds in few passages, never for words
   * found everywhere; words found in most passages are left out when others remain.
   */
  private toQuery(terms: readonly QueryTerm[]): { groups: RankGroup[]; words: number[] } {
    const t = this.tuning;
    const n = Math.max(1, this.table.passageCount);
    const withDf = terms.map((term) => ({ term, df: Math.max(0, ...term.variants.map((v) => this.documentFrequency(v))) }));
    const kept = withDf.filter(({ df }) => df <= Math.max(n * t.maxDocumentShare, t.expansionFloor));
    const words: number[] = [];
    const groups = (kept.length > 0 ? kept : withDf).flatMap(({ term, df }) => {
      // The word's IDF from its commonest variant (as termWeight): a word matched through a frequent
      // translation weighs what that translation does.
      const word = words.length;
      words.push(Math.log(1 + (n - df + 0.5) / (df + 0.5)));
      // Years are numbers every article has; specific figures (55, 869) and names are what a question is about.
      const isYear = /^(1[89]|20)\d\d$/.test(term.token);
      const boost = term.isNumber && !isYear ? t.numberBoost : term.isName ? t.nameBoost : 1;
      const expand = !term.isNumber && df <= Math.max(n * t.prefixMaxDocumentShare, t.expansionFloor);
      // One group a variant (its stem in one language, or a translation, with its expansions), all of one word.
      return term.variants.map((v): RankGroup => {
        const weighted: WeightedTerm[] = [{ term: v, weight: boost }];
        if (expand && v.length >= t.expandMinLength) {
          for (const e of this.expansions(v)) weighted.push({ term: e.term, weight: boost * e.weight });
        }
        return { terms: weighted, word };
      });
    });
    return { groups, words };
  }

  /**
   * The index terms a query stem expands to, weighted like MiniSearch's prefix and fuzzy matches
   * (closer spellings weigh more). Remembered per stem: the index never changes, and questions
   * repeat their words, so a word's expansion (a few binary searches and edit distances) is made once.
   */
  private expansions(stem: string): readonly WeightedTerm[] {
    const hit = this.expansionMemo.get(stem);
    if (hit) return hit;
    const t = this.tuning;
    const edits = Math.min(t.maxEdits, Math.round(stem.length * t.editShare));
    const out = this.vocabulary.expand(stem, t.maxExpansions, edits).map((e) => ({
      term: e.term,
      weight:
        e.kind === 'prefix'
          ? (t.weights.prefix * e.term.length) / (e.term.length + 0.3 * e.distance)
          : (t.weights.fuzzy * e.term.length) / (e.term.length + e.distance),
    }));
    if (this.expansionMemo.size >= MAX_MEMO) this.expansionMemo.clear();
    this.expansionMemo.set(stem, out);
    return out;
  }
}
