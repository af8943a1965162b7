/**
 * Domain types shared by every layer. Pure data: no behaviour, no I/O.
 * Imports point one way (interfaces → engine → corpus), and everything may import this file.
 */

/** Languages Griot analyses. Questions come in any of them; the corpus is Dutch and French (more may come). */
export type Lang = 'nl' | 'fr' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'fr', 'en'];

/** How exactly a date is known. */
export type DatePrecision = 'year' | 'month' | 'day';

/** An article's publication date, from its header (`date YYYY-MM` / `date YYYY-MM-DD`) or inferred. */
export interface ArticleDate {
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  readonly iso: string;
  readonly precision: 'month' | 'day';
  /** True when not stated by the header but inferred (e.g. from the text). */
  readonly inferred: boolean;
}

/** A publication date as a source gives it (a year alone is possible), e.g. in the document store. */
export interface PublishedDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as `precision` says. */
  readonly iso: string;
  readonly precision: DatePrecision;
  /** True when not stated by the source but inferred. */
  readonly inferred: boolean;
}

/** A bounded, paragraph-based slice of a document's cleaned text. */
export interface Passage {
  /** `docId#n`, n counting from 0. */
  readonly id: string;
  readonly docId: string;
  readonly index: number;
  readonly text: string;
  /** Character offsets into the document's cleaned text: `doc.text.slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
  readonly lang: Lang;
}

/** What is known about a document without its text. */
export interface DocumentMeta {
  /** File name without extension, e.g. `001_bb4ad67e1b753670`. */
  readonly id: string;
  /** Path relative to CORPUS_DIR for a folder file; otherwise where it came from (its URL, feed entry, upload name). */
  readonly file: string;
  /** The article's address, when it has one: citations link to it. */
  readonly url?: string;
  /** The outlet or site name, when known. */
  readonly site?: string;
  readonly author?: string;
  /** Where the document came from (absent: a corpus folder file). */
  readonly source?: 'folder' | 'upload' | 'url' | 'feed';
  /** Null: undated (shown as "undated"). */
  readonly date: ArticleDate | null;
  /** The article's own title; without one, its first sentence, shortened. */
  readonly title: string;
  readonly lang: Lang;
  /** sha256 of what the index was made from (the stored text and metadata): drives incremental reindexing. */
  readonly hash: string;
  readonly passageCount: number;
}

/** A cleaned, split document. */
/** Each document's content hash by id: what tells a changed document from an unchanged one. */
export function documentHashes(docs: readonly DocumentMeta[]): Map<string, string> {
  return new Map(docs.map((d) => [d.id, d.hash]));
}

export interface Document extends DocumentMeta {
  /** The cleaned text that passage offsets point into. */
  readonly text: string;
  readonly passages: readonly Passage[];
}

/**
 * Documents as an index holds them (SearchIndex is one): every document's metadata, and a whole
 * document made on request, so only the ones a caller needs (new or changed) are made whole.
 */
export interface DocumentSource {
  documents(): readonly DocumentMeta[];
  document(id: string): Document | undefined;
}

/** A file that was not indexed, and why (shown to whoever loads the corpus). */
export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

export interface LoadedCorpus {
  readonly documents: readonly Document[];
  readonly skipped: readonly SkippedFile[];
}

/** One retrieved passage with its document's metadata. */
export interface SearchHit {
  readonly passage: Passage;
  readonly doc: DocumentMeta;
  readonly score: number;
}

export interface SearchOptions {
  /** Maximum hits (default 10). */
  readonly limit?: number;
  /** Inclusive lower bound on the document date: YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly from?: string;
  /** Inclusive upper bound on the document date: YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly to?: string;
}

/** A numbered source of an answer. Numbers are 1..m in order of first use in the answer text. */
export interface Citation {
  readonly n: number;
  readonly docId: string;
  readonly passageId: string;
  readonly date: ArticleDate | null;
  readonly title: string;
  /** The article's address and outlet, when known: the citation links to it. */
  readonly url?: string;
  readonly site?: string;
  /** The cited passage's text. */
  readonly text: string;
  /** The cited sentence(s), when the answer quotes a part of the passage. */
  readonly quote?: string;
}

export type AnswerMode = 'extractive' | 'llm';

/** What the LLM side did, for --json and logs. */
export interface LlmInfo {
  readonly model: string;
  /** Queries retrieval ran (the original first). */
  readonly queries: readonly string[];
  /** Wall time spent waiting for the model. */
  readonly ms: number;
  readonly promptTokens?: number;
  readonly completionTokens?: number;
  /** How the model's own answer fared before Griot repaired it (for logs and `npm run eval -- --llm`). */
  readonly review?: LlmReview;
}

/** What the review of the model's answer found (src/answer/review.ts). */
export interface LlmReview {
  /** `[n]` citations the model wrote (any mark it used, normalised). */
  readonly citations: number;
  /** Of those, the ones whose passage holds the citing sentence's numbers, dates or names. */
  readonly validCitations: number;
  /** Sentences dropped because their sources do not hold their numbers, dates or names. */
  readonly droppedClaims: number;
  /** The model stopped at its token limit (finish_reason "length"). */
  readonly truncated: boolean;
  /** Characters of reasoning removed (<think> blocks, reasoning fields). */
  readonly reasoningChars: number;
  /** The model answered in another language and was asked again. */
  readonly languageRetry: boolean;
  /** Sources and earlier turns left out, or a source shortened, to stay within LLM_CONTEXT_TOKENS. */
  readonly contextCut?: { readonly sources: number; readonly turns: number; readonly shortened: boolean };
}

/** Something Griot changed in the model's answer and tells the user about. */
export type AnswerRemark = { readonly kind: 'claims-removed'; readonly count: number } | { readonly kind: 'shortened' };

export interface Answer {
  /** Short random id: feedback and logs refer to it. */
  readonly id: string;
  readonly question: string;
  /** The language the answer is written in (the question's). */
  readonly lang: Lang;
  readonly mode: AnswerMode;
  /** True when the corpus does not answer: `text` is then the refusal sentence and `citations` is empty. */
  readonly refused: boolean;
  /** The answer with `[n]` markers; every n is in `citations`. */
  readonly text: string;
  readonly citations: readonly Citation[];
  /** Set when an LLM was configured but the answer is extractive (timeout, rejected key, uncited answer…). */
  readonly fallbackReason?: string;
  /** Extractive answers: the confidence (0..1) that decided between answer and refusal (src/answer/confidence.ts). */
  readonly confidence?: number;
  /** Extractive answers: the named signals behind the confidence (src/answer/evidence.ts), for eval and calibration. */
  readonly evidence?: Readonly<Record<string, number>>;
  /** What Griot changed in an LLM answer (a claim removed, the answer shortened); shown under it. */
  readonly remarks?: readonly AnswerRemark[];
  readonly llm?: LlmInfo;
  readonly timings: { readonly retrievalMs: number; readonly answerMs: number; readonly totalMs: number };
}

/** An earlier exchange in a conversation (thread follow-ups). */
export interface Turn {
  readonly question: string;
  readonly answer: string;
}

export interface AskOptions {
  readonly history?: readonly Turn[];
  /** Force the extractive answerer even when an LLM is configured. */
  readonly noLlm?: boolean;
  /** Extractive refusal threshold instead of the calibrated one (eval's threshold sweep asks with 0). */
  readonly refusalThreshold?: number;
  /** Called with the whole answer text so far while an LLM streams it. */
  readonly onText?: (partial: string) => void;
  readonly signal?: AbortSignal;
}

/** A dated event extracted from the corpus. */
export interface TimelineEvent {
  readonly id: string;
  /** Start: YYYY, YYYY-MM or YYYY-MM-DD according to precision. */
  readonly date: string;
  /** Inclusive end of a range, same forms. */
  readonly end?: string;
  readonly precision: DatePrecision;
  /** True when the date was resolved relative to the article's date ("vorige week") rather than stated. */
  readonly inferred: boolean;
  /** The sentence (or clause) as the article words it. */
  readonly text: string;
  /** One-line LLM summary in the requested language, when an LLM is configured. */
  readonly summary?: string;
  readonly lang: Lang;
  readonly citations: readonly EventCitation[];
}

export interface EventCitation {
  readonly docId: string;
  readonly passageId: string;
  readonly date: ArticleDate | null;
  readonly title: string;
  /** The article's address, when it has one. */
  readonly url?: string;
}

export interface TimelineQuery {
  readonly topic?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
  readonly lang?: Lang;
}

/** What a reindex did. */
export interface ReindexReport {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  readonly unchanged: number;
  readonly skipped: readonly SkippedFile[];
  readonly documents: number;
  readonly passages: number;
  readonly events: number;
  readonly durationMs: number;
  /**
   * Set when the new index serves here but could not be saved to DATA_DIR (why, in words): other
   * processes (a running bot) do not see it, and the next start rebuilds it.
   */
  readonly notSaved?: string;
}
