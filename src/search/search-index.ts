import MiniSearch from 'minisearch';
import { LANGS, type Document, type DocumentMeta, type DocumentSource, type Lang, type Passage, type SearchHit, type SearchOptions } from '../types.js';
import { Analyser, type QueryTerm } from './analyser.js';
import { answerType, sentenceFits } from './answer-type.js';
import { expandAcrossLanguages } from './bilingual.js';
import { bundledLexicon } from './lexicon.js';
import { dateInRange, dateReference, parseBound } from './dates.js';
import { DocumentTable } from './document-table.js';
import { MiniSearchPostings, type PackedMiniSearch } from './postings.js';
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

/**
 * Times MiniSearch said a passage it was asked to remove did not hold a term (its `version_conflict`
 * warning): the postings no longer match the analysis, so an update falls back to a full build.
 */
interface Conflicts {
  count: number;
}

/** MS_OPTIONS with a logger that counts removal conflicts instead of printing them. */
function miniSearchOptions(conflicts: Conflicts) {
  return {
    ...MS_OPTIONS,
    logger: (level: 'debug' | 'info' | 'warn' | 'error', message: string, code?: string) => {
      if (code === 'version_conflict') conflicts.count++;
      else console[level](message);
    },
  };
}

/** A passage as MiniSearch holds it: its analysed terms, separated by spaces. */
interface IndexedPassage {
  readonly id: string;
  readonly text: string;
}

/**
 * An update of an index, analysed and checked but not applied yet (see
 * {@link SearchIndex.prepareUpdate}): all the work that can fail is done, and nothing serving has changed.
 */
export interface PreparedUpdate {
  /** Passages the update adds to the index (a changed document's count too). */
  readonly addedPassages: number;
  /** The updated corpus's documents (metadata, and each made whole on request), readable before apply(). */
  readonly documents: DocumentSource;
  /**
   * Applies the update to the shared MiniSearch in one synchronous step and returns the updated
   * index; the index it was prepared from is retired (its searches go to the new one). Once only.
   */
  apply(): SearchIndex;
  /**
   * True once apply() had to build the index in full instead: MiniSearch's postings did not match
   * the removed passages' analysis (an index file from elsewhere), so they could not be trusted.
   */
  readonly builtInFull: boolean;
}

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
   * A variant of a question word found in more than this share of passages (and more than
   * `expansionFloor`) is not searched when the word has a rarer one (see `searchedVariants`).
   */
  readonly commonVariantShare: number;
  /** The word list includes Griot's domain glossary (assets/lexicon/glossary-en-nl-fr.txt) on top of FreeDict's words. */
  readonly domainGlossary: boolean;
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
  domainGlossary: true,
  commonVariantShare: 0.02,
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
 * A search index over a corpus: passages in MiniSearch, documents and passages in a compact table
 * that makes passage objects on demand (see DocumentTable). An index object never changes what it
 * answers while it serves, so the engine can swap a new one in atomically. The one exception is
 * {@link prepareUpdate}: a reindex updates MiniSearch in place (rebuilding it beside the serving one
 * cost a minute and doubled the memory at 30,000 articles), and the index it updated is retired:
 * every read of it (searches, documents, passages, term statistics) goes to its successor, which shares
 * the updated MiniSearch with a new table and vocabulary. An answer that began before the update thus
 * reads one index, the new one, from its first search after the swap: never new hits with old texts.
 */
export class SearchIndex {
  /** `YYYY-MM` of every dated article, for questions that name a month. */
  private readonly articleMonths: ReadonlySet<string>;
  private readonly langs: readonly Lang[];
  /** The index that took over this one's MiniSearch (see prepareUpdate); every read goes there. */
  private successor: SearchIndex | null = null;
  /** Expansions of query stems made so far (see expansions()). */
  private readonly expansionMemo = new Map<string, readonly WeightedTerm[]>();

  private constructor(
    private readonly ms: MiniSearchPostings,
    private readonly vocabulary: Vocabulary,
    private readonly table: DocumentTable,
    private readonly analyser: Analyser,
    private readonly tuning: MatchTuning,
    private readonly conflicts: Conflicts,
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
    const conflicts: Conflicts = { count: 0 };
    const ms = new MiniSearch(miniSearchOptions(conflicts));
    // Document frequencies counted from the same analysed terms MiniSearch indexes: the vocabulary
    // comes from Griot's analysis, not from MiniSearch's internals.
    const df = new Map<string, number>();
    documents.forEach((d, i) => {
      ms.addAll(indexedPassages(d, analyser, df, 1));
      onProgress?.(i + 1, documents.length);
    });
    return new SearchIndex(MiniSearchPostings.of(ms), Vocabulary.fromCounts(df), DocumentTable.fromDocuments(documents), analyser, tuning, conflicts);
  }

  /** Restores an index saved with snapshot(); no text is analysed again. */
  static restore(snapshot: IndexSnapshot, analyser: Analyser, tuning: MatchTuning = DEFAULT_TUNING): SearchIndex {
    const conflicts: Conflicts = { count: 0 };
    const vocabulary = Vocabulary.restore(snapshot.vocabulary);
    const ms = MiniSearchPostings.unpack(snapshot.minisearch, miniSearchOptions(conflicts));
    // The passage ids MiniSearch now holds, so the table's lookup does not hold them twice.
    const ids = Object.values(snapshot.minisearch.rest.documentIds) as string[];
    const { documents: metas, passages, textStart, texts } = snapshot;
    return new SearchIndex(ms, vocabulary, DocumentTable.restore({ metas, passages, textStart, texts }, ids), analyser, tuning, conflicts);
  }

  /**
   * Prepares the update of this index to `documents` (the whole new corpus, in corpus order): a
   * document this index holds with the same file and hash is kept as it is (its metadata is enough;
   * `rebuildIndex` hands the table's own), the others must be whole (new or changed) and are analysed
   * and will be added, the ones they replace or that are gone are made whole from the table, analysed
   * again and will be removed, and the vocabulary's document frequencies are adjusted. The new table
   * copies the kept documents' bytes (see DocumentTable.withDocuments). The result equals
   * {@link build} over `documents` (up to the last bits of MiniSearch's average passage length, and
   * the order of exactly tied hits). Throws, changing nothing, when the update does not fit this
   * index; nothing changes until `apply()`.
   */
  prepareUpdate(documents: readonly (Document | DocumentMeta)[]): PreparedUpdate {
    if (this.successor) throw new Error('index update: this index was already updated');
    const ids = new Set(documents.map((d) => d.id));
    if (ids.size !== documents.length) throw new Error('index update: two documents share an id');
    const removed: Document[] = [];
    const added: Document[] = [];
    const entries: (number | Document)[] = [];
    const kept = new Set<number>();
    for (const d of documents) {
      const at = this.table.documentIndex(d.id);
      const old = at === undefined ? undefined : this.table.metas[at];
      if (at !== undefined && old && old.file === d.file && old.hash === d.hash) {
        kept.add(at);
        entries.push(at);
        continue;
      }
      if (!isWholeDocument(d)) throw new Error(`index update: document ${d.id} is new or changed but not given whole`);
      added.push(d);
      entries.push(d);
    }
    this.table.metas.forEach((m, i) => {
      if (!kept.has(i)) removed.push(this.table.document(m.id) as Document);
    });

    const delta = new Map<string, number>();
    const toRemove = removed.flatMap((d) => indexedPassages(d, this.analyser, delta, -1));
    const toAdd = added.flatMap((d) => indexedPassages(d, this.analyser, delta, 1));
    for (const p of toRemove) {
      if (!this.ms.has(p.id)) throw new Error(`index update: passage ${p.id} is not in the index`);
    }
    // Throws when a removed passage's terms are not counted here: the index was not made from these passages.
    const vocabulary = this.vocabulary.withDelta(delta);
    const table = this.table.withDocuments(entries);
    // The postings of every term the change touches, loaded now (fallible work before apply): MiniSearch
    // changes only those (see postings.ts).
    this.ms.searchable(new Set([...toRemove, ...toAdd].flatMap((p) => p.text.split(' ').filter((t) => t !== ''))));
    const next = new SearchIndex(this.ms, vocabulary, table, this.analyser, this.tuning, this.conflicts);
    let applied = false;
    let builtInFull = false;
    return {
      addedPassages: toAdd.length,
      // The table itself, not a closure: closures made here share one context with apply(), which
      // holds this index, and the timeline keeps its documents' source (measured: the retired
      // index's 62 MB table stayed alive at 30,000 articles).
      documents: table,
      get builtInFull() {
        return builtInFull;
      },
      apply: () => {
        if (applied || this.successor) throw new Error('index update: already applied, or the index changed since it was prepared');
        applied = true;
        const conflictsBefore = this.conflicts.count;
        let failed = false;
        try {
          const ms = this.ms.changed();
          for (const p of toRemove) ms.remove(p);
          ms.addAll(toAdd);
        } catch {
          failed = true;
        }
        // MiniSearch found postings that do not match the analysis (or threw half-way): it cannot be
        // trusted any more, so the new index is built in full, as a reindex did before updates.
        builtInFull = failed || this.conflicts.count !== conflictsBefore;
        const result = builtInFull ? SearchIndex.build(next.fullDocuments(), this.analyser, this.tuning) : next;
        this.successor = result;
        return result;
      },
    };
  }

  /** What persist.ts writes. */
  snapshot(): IndexSnapshot {
    if (this.successor) throw new Error('index snapshot: this index was updated; snapshot the updated one');
    const vocabulary = this.vocabulary.snapshot();
    const { metas, passages, textStart, texts } = this.table.parts();
    return { documents: metas, passages, textStart, texts, minisearch: this.ms.pack(), vocabulary };
  }

  /** Languages present in the corpus, sorted. */
  languages(): readonly Lang[] {
    if (this.successor) return this.successor.languages();
    return this.langs;
  }

  /** Document metadata, in corpus order. */
  documents(): readonly DocumentMeta[] {
    if (this.successor) return this.successor.documents();
    return this.table.metas;
  }

  /**
   * Full documents (text and passages), e.g. for timeline extraction and incremental reindexing:
   * made from the table at each call, so a caller that needs them holds them only while it does.
   */
  fullDocuments(): readonly Document[] {
    if (this.successor) return this.successor.fullDocuments();
    return this.table.metas.map((m) => this.table.document(m.id) as Document);
  }

  document(id: string): Document | undefined {
    if (this.successor) return this.successor.document(id);
    return this.table.document(id);
  }

  passage(id: string): Passage | undefined {
    if (this.successor) return this.successor.passage(id);
    const i = this.table.passageIndex(id);
    return i === undefined ? undefined : this.table.passage(i);
  }

  get passageCount(): number {
    if (this.successor) return this.successor.passageCount;
    return this.table.passageCount;
  }

  /** Index terms of a text in `lang`, as this index's analyser makes them (the index's own memo). */
  indexTerms(text: string, lang: Lang): string[] {
    return this.analyser.indexTerms(text, lang);
  }

  /** Query terms of a text as this index would match them (used by answerers to score sentences). */
  queryTerms(query: string): QueryTerm[] {
    // Stemmed in every language Griot knows, not only the corpus's: three memoised lookups a word,
    // and an English question meets English passages should the corpus grow some.
    const terms = this.analyser.queryTerms(query, LANGS);
    return this.tuning.bilingualLexicon ? expandAcrossLanguages(terms, query, this.analyser, bundledLexicon(this.tuning.domainGlossary)) : terms;
  }

  /**
   * Inverse document frequency of a query term over passages (BM25's form), from its most frequent
   * variant. A term the corpus never uses gets the highest weight: it is what the question is about.
   */
  termWeight(term: QueryTerm): number {
    if (this.successor) return this.successor.termWeight(term);
    return idf(this.table.passageCount, Math.max(0, ...term.variants.map((v) => this.documentFrequency(v))));
  }

  /** Passages that contain an index term exactly. */
  documentFrequency(term: string): number {
    if (this.successor) return this.successor.documentFrequency(term);
    return this.vocabulary.documentFrequency(term);
  }

  /** Ranked passages for a query, in any of the languages Griot knows. */
  search(query: string, options: SearchOptions = {}, stats?: RankStats): SearchHit[] {
    if (this.successor) return this.successor.search(query, options, stats);
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
            return i !== undefined && sentenceFits(type, text, this.table.passageLang(i)) ? { id: r.id, score: r.score * this.tuning.answerTypeBoost } : r;
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
    const withDf = terms.map((term) => {
      const dfs = term.variants.map((v) => this.documentFrequency(v));
      return { term, dfs, df: Math.max(0, ...dfs) };
    });
    const kept = withDf.filter(({ df }) => df <= this.inShare(t.maxDocumentShare));
    const words: number[] = [];
    const groups = (kept.length > 0 ? kept : withDf).flatMap(({ term, dfs, df }) => {
      // The word's IDF from its commonest variant (as termWeight): a word matched through a frequent
      // translation weighs what that translation does.
      const word = words.length;
      words.push(idf(n, df));
      // Years are numbers every article has; specific figures (55, 869) and names are what a question is about.
      const isYear = /^(1[89]|20)\d\d$/.test(term.token);
      const boost = term.isNumber && !isYear ? t.numberBoost : term.isName ? t.nameBoost : 1;
      const expand = !term.isNumber && df <= this.inShare(t.prefixMaxDocumentShare);
      // One group a variant (its stem in one language, or a translation, with its expansions), all of one word.
      return this.searchedVariants(term, dfs).map((v): RankGroup => {
        const weighted: WeightedTerm[] = [{ term: v, weight: boost }];
        if (expand && v.length >= t.expandMinLength) {
          for (const e of this.expansions(v)) weighted.push({ term: e.term, weight: boost * e.weight });
        }
        return { terms: weighted, word };
      });
    });
    return { groups, words };
  }

  /** Passages making `share` of the index, never fewer than the tuning's expansion floor: what "common" means at this size. */
  private inShare(share: number): number {
    return Math.max(this.table.passageCount * share, this.tuning.expansionFloor);
  }

  /**
   * The variants of a word that are searched (`dfs`: each variant's document frequency): all but
   * those found in more than `commonVariantShare` of the passages, unless it is the word's rarest. Among 30,000 news articles "soldiers" has a dozen
   * translations and forms; the common ones (*militaire*, *troupes*) would be walked in thousands of
   * postings for a little credit each, while the rarer ones find the same passages.
   */
  private searchedVariants(term: QueryTerm, dfs: readonly number[]): readonly string[] {
    if (term.variants.length <= 1) return term.variants;
    const t = this.tuning;
    const most = this.inShare(t.commonVariantShare);
    const rarest = Math.min(...dfs.filter((d) => d > 0));
    return term.variants.filter((_, i) => (dfs[i] as number) <= most || dfs[i] === rarest);
  }

  /**
   * The index terms a query stem expands to, weighted like MiniSearch's prefix and fuzzy matches
   * (closer spellings weigh more). Remembered per stem: this object's vocabulary never changes (an
   * update makes a new SearchIndex), and questions repeat their words, so a word's expansion (a few
   * binary searches and edit distances) is made once.
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

/** BM25's IDF of a term held by `df` of `n` passages (never below 0: log of at least 1). */
function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** True when `d` carries its text and passages (a parsed document), not only its metadata. */
export function isWholeDocument(d: Document | DocumentMeta): d is Document {
  return typeof (d as Document).text === 'string' && Array.isArray((d as Document).passages);
}

/**
 * A document's passages as MiniSearch indexes them, each passage's distinct terms counted into
 * `counts` with `sign` (+1 when added, -1 when removed): the vocabulary comes from the same analysis.
 */
function indexedPassages(doc: Document, analyser: Analyser, counts: Map<string, number>, sign: 1 | -1): IndexedPassage[] {
  return doc.passages.map((p) => {
    const terms = analyser.indexTerms(p.text, p.lang);
    for (const t of new Set(terms)) counts.set(t, (counts.get(t) ?? 0) + sign);
    return { id: p.id, text: terms.join(' ') };
  });
}
