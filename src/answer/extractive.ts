import { splitSentences } from '../corpus/sentences.js';
import { alternation, ALL_PACKS } from '../language/index.js';
import { Analyser, type QueryTerm } from '../search/analyser.js';
import {
  answerType,
  countedPhrase,
  isIdentityQuestion,
  isNamingQuestion,
  isWhyQuestion,
  NAMING_WORDS,
  relativeClauseWords,
  sentenceFits,
  spanKind,
  typeNouns,
  type AnswerType,
  type SpanKind,
} from '../search/answer-type.js';
import { dateReference } from '../search/dates.js';
import { bundledLexicon, bundledPeoples } from '../search/lexicon.js';
import { editDistance } from '../search/vocabulary.js';
import { fold, foldText, tokenizeCased } from '../search/text.js';
import { LANGS, type Citation, type Lang, type SearchHit } from '../types.js';
import { confidence } from './confidence.js';
import { anchorDistance, asksForIntent, FEATURES, holdsRole, statedAsIntent, type Evidence, type Feature } from './evidence.js';
import { FITTED, probability, type FittedModels } from './fitted-model.js';
import { quoteLabel, shortAnswerLine } from './language-labels.js';
import { numberWordValue } from '../search/number-words.js';
import { sourceLink } from './citations.js';
import { refusalSentence } from './refusal.js';
import { shortAnswer, WINDOW, type SentenceToken, type ShortAnswer } from './short-answer.js';
import type { AnswerBody } from './types.js';

/**
 * Cross-language signals of the keyless answerer, each switchable so `npm run eval -- --ablate`
 * can measure what it earns (the bilingual word list is switched in the index: MatchTuning).
 */
export interface AnswerSignals {
  /** A term matches a longer word it starts (defensie → defensiepersoneel) or one edit away (helicopter → helikopter). */
  readonly cognates: boolean;
  /** A question asking for a figure, name or date needs a span whose neighbourhood matches the question (a why question, a reason). */
  readonly shortAnswer: boolean;
  /** The answering document must name the question's names (Niger, Wagner, Paris). */
  readonly anchors: boolean;
  /** A word the list cannot translate into a sentence's language does not count against the sentence's confidence. */
  readonly gaps: boolean;
}

export const ALL_SIGNALS: AnswerSignals = { cognates: true, shortAnswer: true, anchors: true, gaps: true };

/** Knobs of the extractive answerer; the defaults are calibrated on the dev set (docs/answers.md). */
export interface ExtractiveOptions {
  /** Weight of a query term (e.g. its IDF in the index); default 1. */
  readonly termWeight?: (term: QueryTerm) => number;
  /** Refusal below this confidence (default: the fitted model's threshold, src/answer/fitted-weights.json). */
  readonly threshold?: number;
  /** The fitted models (default: the committed ones); `npm run calibrate` passes others while it fits. */
  readonly models?: FittedModels;
  /** At most this many sentences in an answer. */
  readonly maxSentences?: number;
  /** Passages considered, from the top of the ranking. */
  readonly topPassages?: number;
  /** Query terms, when the caller already analysed the question (the index does it, with translations). */
  readonly terms?: readonly QueryTerm[];
  /** Whether some passage of the index contains the term (any variant); unknown terms weigh less and lower the confidence. */
  readonly isKnown?: (term: QueryTerm) => boolean;
  readonly signals?: AnswerSignals;
  /** Languages of the corpus. */
  readonly languages?: readonly Lang[];
  /** The whole text of a document (its passages), where the question's names are looked for. */
  readonly documentText?: (docId: string) => string | undefined;
}

/** A sentence of a retrieved passage with how well it answers the question. */
export interface ScoredSentence {
  readonly hit: SearchHit;
  readonly text: string;
  /** Share of the question's weighted terms the sentence (read with its neighbours) contains, 0..1. */
  readonly coverage: number;
  /** Coverage plus rank and answer-type evidence: the order candidates are examined in. */
  readonly score: number;
  /** Share of the question's common words (not names, not figures) in the sentence and its neighbours; null when it has none. */
  readonly focus: number | null;
  /** The sentences before and after it in the passage (those of 20 characters or more). */
  readonly neighbours: readonly string[];
  /** Coverage and focus leaving out the words the word list cannot translate into the sentence's language. */
  readonly checked: { readonly coverage: number; readonly focus: number | null };
}

/** The best sentence with its short answer and confidence: what the answer (or refusal) is made from. */
export interface Judged {
  readonly sentence: ScoredSentence;
  readonly short: ShortAnswer | null;
  /** The sentence the short answer was taken from when it is a neighbour of `sentence`. */
  readonly shortFrom?: string;
  /** The hand-set confidence the candidates are ordered by. */
  readonly confidence: number;
  /** The named signals about this sentence (src/answer/evidence.ts); the fitted model reads them. */
  readonly evidence: Evidence;
  /** The short answer is a figure stated as a plan or intent ("het is de bedoeling dat … tweeduizend"). */
  readonly intent: boolean;
}

// One analyser for sentence scoring; its stemmer memo makes repeated words free.
const analyser = new Analyser();

/** A short answer found in a neighbouring sentence counts for this much of its match. */
const NEIGHBOUR_DISCOUNT = 0.8;

/** Words either side of a figure within which what a "how many" question counts must stand. */
const COUNTED_WINDOW = 4;

/**
 * The confidence of a sentence that holds no candidate for the figure or date a question asks for,
 * or none of what a how-many question counts, is scaled by this.
 */
const NO_SPAN_FACTOR = 0.5;

/** The weight of a question word that only stands in a relative clause, as a share of its IDF. */
const RELATIVE_WEIGHT = 0.3;

/** How much a passage's retrieval score (relative to the top hit's) weighs in choosing the best sentence. */
const RETRIEVAL_WEIGHT = 0.2;

/** Sentences judged for confidence, from the top of the sentence ranking. */
const JUDGED = 8;

/**
 * Extractive answer: for a question asking for a figure, name or date, a short answer first
 * ("Answer: **55** [1]"), then the sentences that support it, each in its own language and labelled
 * when that is not the asker's, with citations [n] numbered in order of use. When the confidence is
 * below the threshold: the refusal sentence in the question's language. Pure apart from memos.
 */
export function extractiveAnswer(question: string, hits: readonly SearchHit[], lang: Lang, options: ExtractiveOptions = {}): AnswerBody {
  const models = options.models ?? FITTED;
  const judged = judge(question, hits, options);
  const first = judged[0];
  const evidence: Evidence | undefined = first && { ...first.evidence, crossLingual: first.sentence.hit.passage.lang === lang ? 0 : 1 };
  const p = evidence ? probability(models.answer, evidence) : 0;
  if (!first || !evidence || p < (options.threshold ?? models.answer.threshold)) return refusal(lang, p, evidence);
  const best = first;

  const chosen: { hit: SearchHit; text: string }[] = [best.sentence];
  if (best.shortFrom) chosen.push({ hit: best.sentence.hit, text: best.shortFrom });
  // The bold line has its own bar: the span is the thing asked for (a role's holder, the count in the
  // time and modality asked) and the lead model is sure enough of it.
  const other = differentFigure(best, judged);
  const hasLead =
    best.short !== null &&
    best.short.match >= 0.5 &&
    other === null &&
    evidence.modalityMismatch === 0 &&
    !(evidence.roleAsked === 1 && evidence.roleHeld === 0) &&
    // A threshold passed in lowers both bars (0: what it would say were it never refused, for eval's sweep).
    p >= (options.threshold ?? models.leadThreshold);
  // Articles that give different figures for what is counted: both are quoted, each cited.
  if (other) chosen.push(other.sentence);
  // A short answer stands on its own sentence: a second quote would bring a second figure or name.
  const maxSentences = hasLead || other ? chosen.length : Math.max(options.maxSentences ?? 2, chosen.length);
  for (const j of judged.slice(1)) {
    if (chosen.length >= maxSentences) break;
    // A second sentence only when it is nearly as good and says something else.
    const s = j.sentence;
    if (j.confidence >= best.confidence * 0.9 && !chosen.some((c) => c.text === s.text)) chosen.push(s);
  }
  // Reading order within a passage keeps quoted context coherent.
  chosen.sort((a, b) => (a.hit === b.hit ? a.hit.passage.text.indexOf(a.text) - b.hit.passage.text.indexOf(b.text) : 0));

  // One article is cited once: its quotes share a number, whichever of its passages they come from.
  const citations: Citation[] = [];
  const numberOf = new Map<string, number>();
  const citeHit = (hit: SearchHit, quote: string): number => {
    const n = numberOf.get(hit.doc.id);
    if (n !== undefined) {
      const c = citations[n - 1]!;
      const text = c.passageId === hit.passage.id || c.text.includes(hit.passage.text) ? c.text : `${c.text} … ${hit.passage.text}`;
      const quoted = c.quote?.includes(quote) ? c.quote : `${c.quote} … ${quote}`;
      citations[n - 1] = { ...c, text, quote: quoted };
      return n;
    }
    const m = citations.length + 1;
    numberOf.set(hit.doc.id, m);
    citations.push({ n: m, docId: hit.doc.id, passageId: hit.passage.id, date: hit.doc.date, title: hit.doc.title, ...sourceLink(hit.doc), text: hit.passage.text, quote });
    return m;
  };
  const lead =
    hasLead && best.short
      ? shortAnswerLine(best.short.text, citeHit(best.sentence.hit, best.shortFrom ?? best.sentence.text), lang, figureOf(best.short.text, best.sentence.hit.passage.lang, lang))
      : null;
  const quotes = chosen.map((s) => `${quoteLabel(s.hit.passage.lang, lang)}${cite(s.text, citeHit(s.hit, s.text))}`);
  return { lang, refused: false, text: [lead, quotes.join(' ')].filter((x) => x !== null).join('\n'), citations, confidence: p, evidence };
}

/** Candidates judged alongside the best for agreement and differing figures. */
const COMPARED = 5;

/**
 * For a how-many question: a candidate that gives another figure for what is counted, close behind
 * the best (half its confidence or more) — the planned 2,000 against the present 600 — or null.
 */
function differentFigure(best: Judged, judged: readonly Judged[]): Judged | null {
  if (best.evidence.kindNumber !== 1 || best.short === null) return null;
  const value = figureValue(best.short.text, best.sentence.hit.passage.lang);
  return (
    judged
      .slice(1, COMPARED + 1)
      .find(
        (j) =>
          j.short !== null &&
          j.short.match >= 0.5 &&
          j.evidence.noSpan === 0 &&
          j.confidence >= 0.5 * best.confidence &&
          // About the same thing: as much of the question around it, its figure as near what is counted.
          j.evidence.coverage >= 0.9 * best.evidence.coverage &&
          j.short.match >= 0.9 * best.short!.match &&
          j.sentence.text !== best.sentence.text &&
          figureValue(j.short.text, j.sentence.hit.passage.lang) !== value &&
          (j.intent !== best.intent || j.sentence.hit.doc.id !== best.sentence.hit.doc.id),
      ) ?? null
  );
}

/** A figure's value ("tweeduizend" → 2000, "2.400" → 2400), or the folded text when it reads as none. */
function figureValue(span: string, lang: Lang): string {
  const n = numberWordValue(span, lang);
  return n ? String(n.value) : fold(span.toLowerCase()).replace(/[.\s\u202f]/g, '');
}

/** Candidate sentences with their short answers and confidences, best first (by confidence and, a little, retrieval score). Exported for eval. */
export function judge(question: string, hits: readonly SearchHit[], options: ExtractiveOptions = {}): Judged[] {
  const signals = options.signals ?? ALL_SIGNALS;
  const terms = answerTerms(question, options.terms ?? analyser.queryTerms(question, ['nl', 'fr', 'en']));
  const weightOf = termWeigher(options, terms, question);
  const ranked = scoreSentences(question, hits, options, terms, weightOf);
  if (ranked.length === 0) return [];
  // Share of the question (by weight) that the corpus has no word for: off-topic questions are mostly that.
  // A word the list cannot translate into any language of the corpus is unknown whatever the topic: not counted.
  const unknown = options.isKnown
    ? share(terms, weightOf, (t) => isUnknown(t, options) && (options.languages === undefined || options.languages.some((l) => checkable(t, l))))
    : 0;
  // "Who is Choguel Maïga?", "Wie is Florence Parly?": a question of names only asks about the one it names.
  const asked = spanKind(question);
  const kind = (asked === 'person' || asked === 'name') && terms.every((t) => t.isName || t.isNumber) ? null : asked;
  // What the span must stand beside: the counted noun of "how many", the noun of "which" ("Which Russian group" → group).
  const countedTokens = kind === 'number' ? countedPhrase(question) : kind === 'name' || kind === 'place' ? countedPhrase(question, 'which') : [];
  const counted = terms.filter((t) => countedTokens.includes(t.token));
  // The common words of what a how-many question counts (burgers, soldiers): names only place it.
  const countedWords = kind === 'number' ? counted.filter((t) => !t.isName && !t.isNumber) : [];
  // Each sentence's stems once a question: judgeOne reads a sentence twice (both readings) and its neighbours again.
  const sentenceStems = new Map<string, ReadonlySet<string>>();
  const stemsOfText = (text: string, lang: Lang) => {
    let stems = sentenceStems.get(text);
    if (!stems) sentenceStems.set(text, (stems = new Set(analyser.indexTerms(text, lang))));
    return stems;
  };
  const readsAround = (s: ScoredSentence, t: QueryTerm) => [s.text, ...s.neighbours].some((x) => matches(t, stemsOfText(x, s.hit.passage.lang), signals));
  // The question's names (Niger, Wagner, Paris, or their translations): a document that answers it
  // names them somewhere. Size-independent, unlike the corpus statistics above.
  const anchors = signals.anchors ? terms.filter((t) => t.isName && !t.isNumber) : [];
  const documentStems = new Map<string, Set<string>>();
  const stemsOf = (hit: SearchHit): Set<string> => {
    const key = options.documentText ? hit.doc.id : hit.passage.id;
    let stems = documentStems.get(key);
    if (!stems) {
      stems = new Set(analyser.indexTerms(`${hit.doc.title} ${options.documentText?.(hit.doc.id) ?? hit.passage.text}`, hit.passage.lang));
      documentStems.set(key, stems);
    }
    return stems;
  };
  const whyQuestion = isWhyQuestion(question);
  const askedIsKnown = terms.some((t) => !t.isName && !t.isNumber && !isUnknown(t, options));
  // A person asked about by what was done to someone the question titles ("Who received the French
  // defence minister?"), not by who that someone is ("Who is the French defence minister?").
  const titled = kind === 'person' && !isIdentityQuestion(question);
  const owned = kind === 'person' || kind === 'name' ? possessive(question, terms) : null;
  const weightShare = (t: QueryTerm, of: readonly QueryTerm[]) => weightOf(t) / Math.max(1e-9, of.reduce((n, x) => n + weightOf(x), 0));
  const topScore = hits[0]?.score || 1;
  const retrievalGap = hits[1] ? Math.max(0, (hits[0]!.score - hits[1].score) / topScore) : 0;
  // A word of the sentence that is a word of the question (by stem, translation or name derivation).
  const isAsked = (lang: Lang) => (word: string) => {
    const stem = analyser.indexTerms(word, lang)[0];
    return stem !== undefined && terms.some((t) => matchesStem(t, stem, signals) || (t.isName && derivesFrom(t, stem)));
  };
  const topPassages = Math.max(1, (options.topPassages ?? 8) - 1);
  // The question's own modality: "How many soldiers will Takuba have?" asks for the plan.
  const asksIntent = kind === 'number' && asksForIntent(question);
  // For a role asked by its owner ("Wie is de president van Mali?"): does the sentence say the person holds it?
  const roleAsked = kind === 'person' && owned !== null && !titled ? 1 : 0;
  const isWord = (t: QueryTerm, lang: Lang) => (word: string) => {
    const stem = analyser.indexTerms(word, lang)[0];
    return stem !== undefined && (matchesStem(t, stem, signals) || (t.isName && derivesFrom(t, stem)));
  };
  const kindOf: Record<string, Feature> = { number: 'kindNumber', date: 'kindDate', person: 'kindPerson', place: 'kindPlace', name: 'kindName' };

  /** One sentence judged; `gaps` as in `share` (1: every word counts, 0: words the list cannot translate do not). */
  const judgeOne = (sentence: ScoredSentence, gaps: number): Judged => {
    // The span may sit in a neighbour ("…helikopters, wapens en munitie in Bamako. Het wapentuig behoort
    // toe aan de Wagner Groep…"): taken from there, discounted, and quoted with it.
    let short = kind && signals.shortAnswer ? spanOf(sentence.text, sentence.hit, terms, counted, kind, weightOf, signals, gaps, titled) : null;
    let shortFrom: string | undefined;
    if (kind && signals.shortAnswer && (short?.match ?? 0) < 0.5) {
      for (const n of sentence.neighbours) {
        const s = spanOf(n, sentence.hit, terms, counted, kind, weightOf, signals, gaps, titled);
        if (s && s.rank * NEIGHBOUR_DISCOUNT > (short?.rank ?? 0)) {
          short = { text: s.text, match: s.match * NEIGHBOUR_DISCOUNT, rank: s.rank * NEIGHBOUR_DISCOUNT };
          shortFrom = n;
        }
      }
    }
    const reason = whyQuestion && signals.shortAnswer ? reasonIn(sentence) : null;
    if (reason?.from) shortFrom = reason.from;
    // A question that wants a figure or date and finds none has no answer here; a "which" question may be answered by a description.
    const span = kind && signals.shortAnswer && kind !== 'name' ? (short?.match ?? 0) : (reason?.match ?? null);
    let missingAnchors = anchors.length === 0 ? 0 : 1 - share(anchors, weightOf, (t) => matches(t, stemsOf(sentence.hit), signals));
    const read = gaps === 1 ? sentence : sentence.checked;
    let coverage = read.coverage;
    // "le président du Niger": a sentence whose president is another's ("De Franse president Macron
    // zegt dat Niger…") names Niger, but not as the owner asked about: the name counts as missing.
    if (owned && hasOtherOwner([sentence.text, ...sentence.neighbours], sentence.hit.passage.lang, owned, signals)) {
      coverage *= 1 - weightShare(owned.owner, terms);
      missingAnchors = Math.max(missingAnchors, weightShare(owned.owner, anchors));
    }
    // A sentence without any figure or date (nor a neighbour with one) cannot answer "how many" or
    // "when", however well it covers the question: it ranks below one that holds a candidate.
    // Nor can one whose neighbourhood names nothing of what a how-many question counts ("Hoeveel
    // Malinese burgers…" over "vijftig doden onder Franse militairen": no civilians anywhere).
    const noSpan =
      signals.shortAnswer && ((short === null && (kind === 'number' || kind === 'date')) || (countedWords.length > 0 && !countedWords.some((t) => readsAround(sentence, t))))
        ? NO_SPAN_FACTOR
        : 1;
    const c = confidence({ coverage, span, unknown, focus: read.focus, missingAnchors, askedIsKnown });
    const lang = sentence.hit.passage.lang;
    const from = shortFrom ?? sentence.text;
    const intent = kind === 'number' && short !== null && statedAsIntent(from, short.text, lang);
    const evidence: Record<Feature, number> = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<Feature, number>;
    Object.assign(evidence, {
      heuristic: c * noSpan,
      coverage,
      focus: read.focus ?? 1,
      span: span ?? 0,
      shortMatch: short?.match ?? 0,
      unknown,
      missingAnchors,
      noSpan: noSpan < 1 ? 1 : 0,
      otherOwner: coverage < read.coverage ? 1 : 0,
      retrieval: sentence.hit.score / topScore,
      passageRank: Math.min(1, hits.indexOf(sentence.hit) / topPassages),
      neighbourSpan: shortFrom ? 1 : 0,
      retrievalGap,
      anchorDistance: short ? anchorDistance(from, short.text, isAsked(lang)) : 1,
      modalityMismatch: kind === 'number' && short !== null && intent !== asksIntent ? 1 : 0,
      roleAsked,
      roleHeld: roleAsked && owned && short ? Number(holdsRole(from, short.text, isWord(owned.head, lang), isWord(owned.owner, lang))) : 0,
      kindWhy: whyQuestion ? 1 : 0,
      questionSize: Math.min(1, terms.length / 8),
    });
    if (kind) evidence[kindOf[kind]!] = 1;
    return { sentence, short, ...(shortFrom ? { shortFrom } : {}), confidence: c * noSpan, evidence, intent };
  };

  // The judged sentences are ordered by confidence and, a little, by their passage's retrieval score:
  // the search weighed the whole question over the passage, which a sentence's words alone do not
  // ("since the start of the operations" favours the passage about all the deaths over one about 13).
  const order = (j: Judged) => j.confidence + RETRIEVAL_WEIGHT * (j.sentence.hit.score / topScore);
  const out = ranked
    .slice(0, JUDGED)
    .map((sentence) => judgeOne(sentence, 1))
    .sort((a, b) => order(b) - order(a) || b.sentence.score - a.sentence.score);
  // The sentences are ranked on all the question's words; the best one's confidence then leaves out
  // the words the word list could not have shown in its language (see `share`). Ranking on the
  // latter too lets sentences of a large foreign-language haystack through on the few words left.
  const best = out[0];
  if (best && signals.gaps) {
    const checked = judgeOne(best.sentence, 0);
    if (checked.confidence > best.confidence) out[0] = checked;
  }
  const lead = out[0];
  if (!lead) return out;
  // What the best is judged by beside the others: its lead, whether they agree, whether they differ on the figure.
  const others = out.slice(1, COMPARED + 1);
  const shortOf = (j: Judged) => (j.short ? figureValue(j.short.text, j.sentence.hit.passage.lang) : null);
  const mine = shortOf(lead);
  const rate = (f: (j: Judged) => boolean) => (others.length === 0 ? 0 : others.filter(f).length / others.length);
  out[0] = {
    ...lead,
    evidence: {
      ...lead.evidence,
      // No competitor is no evidence of a lead.
      margin: others[0] ? order(lead) - order(others[0]) : 0,
      agreement: mine === null ? 0 : rate((j) => shortOf(j) === mine),
      sameArticle: rate((j) => j.sentence.hit.doc.id === lead.sentence.hit.doc.id),
      otherArticlesAgree: mine === null ? 0 : rate((j) => j.sentence.hit.doc.id !== lead.sentence.hit.doc.id && shortOf(j) === mine),
      figuresDiffer: differentFigure(lead, out) ? 1 : 0,
    },
  };
  return out;
}

/** A noun of the question and the name that owns it, or null. */
interface Possessive {
  readonly head: QueryTerm;
  readonly owner: QueryTerm;
}

/** "the president of Niger", "le président du Niger", "de koning van België": the question's noun and its owner. */
function possessive(question: string, terms: readonly QueryTerm[]): Possessive | null {
  const q = foldText(question);
  // The owner is read ahead, not consumed: in "wie is de president van Mali" the match "is de president" must not swallow the noun.
  for (const m of q.matchAll(new RegExp(`([a-z-]+) (?=(?:${OF_WORDS})\\s*(?:the |het |de |la |le |l')?([a-z-]+))`, 'g'))) {
    const head = terms.find((t) => t.token === m[1] && !t.isName && !t.isNumber);
    const owner = terms.find((t) => t.token === m[2] && t.isName);
    if (head && owner) return { head, owner };
  }
  return null;
}

/** Words either side of the question's noun within which its owner must stand ("president van Niger", "Nigerese president"). */
const OWNER_WINDOW = 3;

/**
 * Whether a sentence read with its neighbours gives the question's noun another owner ("De Franse
 * president", "the president of France") and nowhere the question's own within OWNER_WINDOW words.
 * Neither showing is no evidence against it: "In Mali werd Maïga … benoemd tot minister-president".
 */
function hasOtherOwner(texts: readonly string[], lang: Lang, p: Possessive, signals: AnswerSignals): boolean {
  const holds = (t: QueryTerm, stem: string | null) => stem !== null && matchesStem(t, stem, signals);
  let other = false;
  for (const text of texts) {
    const words = tokenizeCased(text);
    const stems = words.map((w) => analyser.indexTerms(w, lang)[0] ?? null);
    // A capitalised word that is not the sentence's first and not the owner: another name.
    const otherName = (k: number) => k > 0 && /^\p{Lu}/u.test(words[k] ?? '') && stems[k] !== null && !holds(p.owner, stems[k] ?? null);
    for (let i = 0; i < stems.length; i++) {
      if (!holds(p.head, stems[i] ?? null)) continue;
      if (stems.slice(Math.max(0, i - OWNER_WINDOW), i + OWNER_WINDOW + 1).some((stem) => holds(p.owner, stem))) return false;
      if (otherName(i - 1) || (OF.test(words[i + 1] ?? '') && otherName(i + 2))) other = true;
    }
  }
  return other;
}

/** The words that link a noun to its owner ("president van Frankrijk", "président de la France", "the president of Niger"), from the packs. */
const OF_WORDS = alternation(ALL_PACKS, (p) => p.ofWords);
const OF = new RegExp(`^(?:${OF_WORDS.replace("d'", 'd')})$`, 'i');

/** Words that give a reason, or what something followed ("na de dood van 13 soldaten"), from the packs. */
const REASON = new RegExp(`\\b(?:${alternation(ALL_PACKS, (p) => p.causeMarkers)})(?![a-z])`);

/**
 * For a "why" question: 1 when the sentence gives a reason (a causal word), 0.8 when a neighbour
 * does (then quoted too), else 0. A why question is not answered by a sentence that only states the fact.
 */
function reasonIn(sentence: ScoredSentence): { readonly match: number; readonly from?: string } {
  const gives = (text: string) => REASON.test(foldText(text));
  if (gives(sentence.text)) return { match: 1 };
  const from = sentence.neighbours.find(gives);
  return from ? { match: NEIGHBOUR_DISCOUNT, from } : { match: 0 };
}

/** Every sentence of the top passages, best first, read with `judge`'s terms and weights. */
function scoreSentences(
  question: string,
  hits: readonly SearchHit[],
  options: ExtractiveOptions,
  terms: readonly QueryTerm[],
  weightOf: (t: QueryTerm) => number,
): ScoredSentence[] {
  const signals = options.signals ?? ALL_SIGNALS;
  if (terms.length === 0 || hits.length === 0) return [];
  const type = answerType(question);
  const top = hits.slice(0, options.topPassages ?? 8);
  const topScore = top[0]?.score || 1;

  const out: ScoredSentence[] = [];
  top.forEach((hit, rank) => {
    const sentences = splitSentences(hit.passage.text).map((s) => s.text.trim());
    const stems = sentences.map((s) => new Set(analyser.indexTerms(s, hit.passage.lang)));
    const lang = hit.passage.lang;
    const common = terms.filter((t) => !t.isName && !t.isNumber);
    // Which terms each sentence holds, looked up once; read with and without the words the list cannot translate.
    const found = stems.map((set) => new Set(terms.filter((t) => matches(t, set, signals) || datedBy(t, hit))));
    sentences.forEach((text, i) => {
      if (text.length < 20) return;
      // A sentence is read with its neighbours: "Niger ... thuisbasis. De landen overwegen de missie ..."
      // answers a question whose terms are spread over both.
      const inOwn = (t: QueryTerm) => found[i]!.has(t);
      const inNear = (t: QueryTerm) => inOwn(t) || (found[i - 1]?.has(t) ?? false) || (found[i + 1]?.has(t) ?? false);
      const reading = (gaps: number) => {
        const g = { lang, gaps };
        return {
          coverage: (share(terms, weightOf, inOwn, g) + share(terms, weightOf, inNear, g)) / 2,
          focus: common.length > 0 ? share(common, weightOf, inNear, g) : null,
        };
      };
      const { coverage, focus } = reading(1);
      const neighbours = [sentences[i - 1], sentences[i + 1]].filter((n): n is string => n !== undefined && n.length >= 20);
      out.push({ hit, text, coverage, focus, checked: reading(0), neighbours, score: sentenceScore(coverage, hit.score / topScore, rank, type, text, lang) });
    });
  });
  return out.sort((a, b) => b.score - a.score);
}

/**
 * A year of the question that is the year of the passage's article: "in early 2022" is said by the
 * article's date, which its sentences rarely repeat ("Ongeveer 2400 van hen zitten in Mali").
 */
function datedBy(t: QueryTerm, hit: SearchHit): boolean {
  return t.isNumber && /^(?:19|20)\d\d$/.test(t.token) && hit.doc.date?.iso.startsWith(t.token) === true;
}

/** Verbs of a where-question that say a place is asked for, from the packs. */
const PLACE_VERBS = ALL_PACKS.flatMap((p) => p.placeVerbs);

/**
 * Words about the question rather than its subject (the analyser already leaves out "according to
 * the article"), from the packs: the auxiliary "do", "happen", "take place". Not looked for in the sentences.
 */
const META: ReadonlySet<string> = new Set(ALL_PACKS.flatMap((p) => p.auxiliaryWords));

/**
 * The question's terms a sentence is judged on: without meta words, and without the month and year
 * of a "month year" date, which the search matched against article dates (a June 2021 article rarely
 * writes "June 2021"). That date may be the event's, not the article's ("en octobre 2021" in a 2022
 * article's "In oktober vorig jaar"), so unlike a year named alone (`datedBy`) it is not read from
 * the article's date.
 */
export function answerTerms(question: string, terms: readonly QueryTerm[]): QueryTerm[] {
  const ref = dateReference(question);
  const named = new Set(typeNouns(question));
  // "What was the operation called?", "Comment s'appelait…": the naming words say a name is asked
  // for, like a type noun (FreeDict reads *appeler* as "call, shout", roepen, which "in het leven
  // geroepen" would match). Only in such a question: "Qui appelle au cessez-le-feu ?" asks who calls.
  if (isNamingQuestion(question)) for (const w of NAMING_WORDS) named.add(w);
  // "Waar ligt Kidal?", "Où se trouve Kidal ?": the verb says a place is asked for ("als het aan Macron ligt" is no place).
  if (answerType(question) === 'place') for (const w of PLACE_VERBS) named.add(w);
  const kept = terms.filter((t) => !META.has(t.token) && !named.has(t.token) && !(ref && (ref.monthTokens.has(t.token) || ref.yearTokens.has(t.token))));
  return kept.length > 0 ? kept : [...terms];
}

/**
 * Term weights: the index's (IDF). A word no passage contains gets
 * the mean weight of the others instead of the highest: in another language than the corpus's it is
 * most often a word the word list could not translate, not the heart of the question. A word of a
 * relative clause weighs RELATIVE_WEIGHT of that: it describes a noun of the question ("the coup that
 * led Macron to end Barkhane"), and the answering sentence rarely repeats the description.
 */
function termWeigher(options: ExtractiveOptions, terms: readonly QueryTerm[], question: string): (t: QueryTerm) => number {
  const describing = relativeClauseWords(question);
  const raw = (t: QueryTerm) => (options.termWeight?.(t) ?? 1) * (describing.has(t.token) ? RELATIVE_WEIGHT : 1);
  const known = terms.filter((t) => !isUnknown(t, options));
  const mean = known.length ? known.reduce((s, t) => s + raw(t), 0) / known.length : 1;
  // Looked up once a term: sentences are scored many times over, and a weight costs index lookups.
  const weights = new Map(terms.map((t) => [t, isUnknown(t, options) ? Math.min(raw(t), mean) : raw(t)]));
  return (t) => weights.get(t) ?? raw(t);
}

const isUnknown = (t: QueryTerm, options: ExtractiveOptions) => options.isKnown !== undefined && !options.isKnown(t);

/**
 * Weighted share of `terms` that are `found`. With `gaps`, in text of language `lang` a term missing
 * there that the word list cannot translate into `lang` weighs `gaps` of its weight: its absence is
 * what a gap in the list looks like, not evidence against the sentence; found (a cognate), it counts whole.
 */
function share(
  terms: readonly QueryTerm[],
  weightOf: (t: QueryTerm) => number,
  found: (t: QueryTerm) => boolean,
  gaps?: { readonly lang: Lang; readonly gaps: number },
): number {
  let total = 0;
  let hit = 0;
  for (const t of terms) {
    const w = weightOf(t);
    if (found(t)) {
      hit += w;
      total += w;
    } else total += gaps && !checkable(t, gaps.lang) ? w * gaps.gaps : w;
  }
  return total === 0 ? 0 : hit / total;
}

function sentenceScore(coverage: number, relScore: number, rank: number, type: AnswerType, text: string, lang: Lang): number {
  const fits = type !== 'other' && sentenceFits(type, text, lang) ? 0.25 : 0;
  return coverage + 0.2 * relScore + fits - 0.02 * rank;
}

/** The short answer of a sentence: its tokens matched against the question's terms around each candidate. */
function spanOf(
  text: string,
  hit: SearchHit,
  terms: readonly QueryTerm[],
  counted: readonly QueryTerm[],
  kind: SpanKind,
  weightOf: (t: QueryTerm) => number,
  signals: AnswerSignals,
  gaps: number,
  titled: boolean,
): ShortAnswer | null {
  const tokens: SentenceToken[] = tokenizeCased(text).map((t) => ({ text: t, term: analyser.indexTerms(t, hit.passage.lang)[0] ?? null }));
  // The span is matched on the question's common words, the counted noun and the verb ("soldiers",
  // "died"): its names place the sentence, not the figure within it.
  const common = terms.filter((t) => !t.isName && !t.isNumber);
  const focus = common.length > 0 ? common : terms;
  // Each question term counts by how near the span its nearest match is (1 beside it, fading to 0
  // past the window): "al 55 Franse soldaten gesneuveld" puts "gesneuveld" nearer 55 than "vijfduizend".
  // Numerals precede what they count ("55 soldaten", "une trentaine de terroristes") and a name follows
  // the noun it names ("de stad Pau", "le groupe Wagner"): a match on the expected side counts as one word nearer.
  const expectedAfter = kind === 'number';
  const matchAt = (from: number, to: number, except: readonly [number, number]) => {
    const near = (t: QueryTerm, window = WINDOW) => {
      let best = 0;
      for (let i = from; i <= to; i++) {
        if (i >= except[0] && i <= except[1]) continue;
        const term = tokens[i]?.term;
        if (!term || !matchesStem(t, term, signals)) continue;
        const after = i > except[1];
        const d = (after ? i - except[1] : except[0] - i) + (after === expectedAfter ? 0 : 1);
        best = Math.max(best, Math.max(0, 1 - (d - 1) / (window + 1)));
      }
      return best;
    };
    const match = nearShare(focus, weightOf, near, hit.passage.lang, gaps);
    // "How many Czech soldiers": every word of what is counted, names included, belongs beside the
    // figure, within COUNTED_WINDOW words ("zeshonderd soldaten, onder wie Estlandse en Tsjechische"
    // does not count Czech soldiers).
    // The noun of a "which" question only chooses between candidates ("Which Russian group": the name
    // beside "Groep"); that the question's verb stands further off says nothing against the answer.
    const countedNear = counted.length === 0 ? 1 : nearShare(counted, weightOf, kind === 'number' ? (t) => near(t, COUNTED_WINDOW) : near, hit.passage.lang, gaps);
    const withCounted = match * (0.5 + 0.5 * countedNear);
    return { match: kind === 'number' ? withCounted : match, rank: withCounted };
  };
  // A candidate that is a question word in another language (Russian → Russische) answers nothing.
  // So is the place a name of the question derives from ("Mali" for "the Malian government", "Russia" for "Russian").
  const inQuestion = (tok: SentenceToken) => tok.term !== null && terms.some((t) => matchesStem(t, tok.term as string, signals) || (t.isName && derivesFrom(t, tok.term as string)));
  // A person is named by a name, not by a capitalised title or common word ("l'ancien Premier ministre"):
  // words the word list translates are trimmed from a person's span like the question's own words.
  const lang = hit.passage.lang;
  const notName = kind === 'person' ? (tok: SentenceToken) => inQuestion(tok) || isCommonWord(tok.text, lang) : inQuestion;
  // "Who received the French defence minister?": the name the question's own title stands before
  // ("minister van Defensie Florence Parly") is the one received, not who received her. A title is a
  // word of the question itself, not any common word ("president" for "Qui a reçu Florence Parly ?").
  const titledByQuestion = (first: number) => titled && first > 0 && inQuestion(tokens[first - 1]!);
  // "How many Swedish soldiers…": a figure beside another people ("13 Franse soldaten") and not
  // beside the question's counts someone else.
  // Countries and peoples of the glossary (Franse, russes, Zweden): what a figure's people is read by.
  const peoples = bundledPeoples();
  const people = kind === 'number' ? counted.filter((t) => peoples.has(t.token)) : [];
  const otherPeople = (first: number, last: number) => {
    if (people.length === 0) return false;
    const around = [...tokens.slice(Math.max(0, first - COUNTED_WINDOW), first), ...tokens.slice(last + 1, last + COUNTED_WINDOW + 1)];
    const isOurs = (tok: SentenceToken) => tok.term !== null && people.some((t) => matchesStem(t, tok.term as string, signals));
    const isPeople = (tok: SentenceToken) => peoples.has(fold(tok.text.toLowerCase())) && !(tok.term !== null && terms.some((t) => matchesStem(t, tok.term as string, signals)));
    return !around.some(isOurs) && around.some(isPeople);
  };
  return shortAnswer(text, tokens, kind, lang, matchAt, notName, (first, last) => titledByQuestion(first) || otherPeople(first, last));
}

/** A name of the question made from `stem` by a short ending: Malian, Malinese ← Mali; Russian ← Russia; Nigerien ← Niger. */
function derivesFrom(term: QueryTerm, stem: string): boolean {
  return stem.length >= 4 && term.variants.some((v) => v.length > stem.length && v.length - stem.length <= 4 && v.startsWith(stem));
}

/** Names read the same in every language; other words only where the word list translates them. */
const checkable = (t: QueryTerm, lang: Lang) => t.isName || t.isNumber || t.checkableIn === undefined || t.checkableIn.includes(lang);

/** A word of `lang` the bundled word list translates: a common word, not a name. */
function isCommonWord(word: string, lang: Lang): boolean {
  const w = fold(word.toLowerCase());
  const lexicon = bundledLexicon();
  return LANGS.some((to) => to !== lang && lexicon.translate(w, lang, to).length > 0);
}

/** Like share, with a degree of presence 0..1 per term (nearness to a span). */
function nearShare(terms: readonly QueryTerm[], weightOf: (t: QueryTerm) => number, near: (t: QueryTerm) => number, lang: Lang, gaps: number): number {
  let total = 0;
  let hit = 0;
  for (const t of terms) {
    const w = weightOf(t);
    const n = near(t);
    const wt = n > 0 || checkable(t, lang) ? w : w * gaps;
    hit += wt * n;
    total += wt;
  }
  return total === 0 ? 0 : hit / total;
}

/** A query term matches a sentence by a shared stem or translation, and (cognates) a compound that starts with it, or one edit. */
function matches(term: QueryTerm, stems: ReadonlySet<string>, signals: AnswerSignals): boolean {
  for (const v of term.variants) {
    if (stems.has(v)) return true;
  }
  if (term.isNumber || !signals.cognates) return false;
  for (const stem of stems) if (term.variants.some((v) => isCognate(v, stem))) return true;
  return false;
}

/** `matches` for one word of a sentence (the span's neighbourhood is read a word at a time). */
function matchesStem(term: QueryTerm, stem: string, signals: AnswerSignals): boolean {
  if (term.variants.includes(stem)) return true;
  return !term.isNumber && signals.cognates && term.variants.some((v) => isCognate(v, stem));
}

/** A stem of the sentence that a variant of the question reaches by a cognate rule. */
function isCognate(v: string, stem: string): boolean {
  if (v.length >= 5 && stem.length > v.length && stem.startsWith(v)) return true;
  // A translation that is a derived word of the sentence's: bereidvaardig ~ bereid.
  if (stem.length >= 6 && v.length > stem.length && v.startsWith(stem)) return true;
  // The head of a Dutch compound: organisatie → terreurorganisatie.
  if (v.length >= 6 && stem.length > v.length + 2 && stem.endsWith(v)) return true;
  if (v.length >= 6 && Math.abs(stem.length - v.length) <= 1 && withinOneEdit(stem, v)) return true;
  // Longer cognates may differ more: februari ~ fevrier, organisation ~ organisatie.
  return v.length >= 7 && stem.length >= 7 && Math.abs(stem.length - v.length) <= 2 && stem.slice(0, 3) === v.slice(0, 3) && editDistance(stem, v, 2) <= 2;
}

/** True when a and b differ by at most one insertion, deletion or substitution. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}


/**
 * The figure of a number word of another language than the asker's: "zeshonderd" → "600",
 * "veertigtal" → "≈ 40". The word stays as the corpus writes it; the figure is what the asker reads.
 */
function figureOf(span: string, spanLang: Lang, askerLang: Lang): string | undefined {
  const n = spanLang === askerLang ? null : numberWordValue(span, spanLang);
  return n ? `${n.approximate ? '≈ ' : ''}${n.value}` : undefined;
}

/** Puts the citation before the sentence's final full stop: "… gesneuveld [1]." */
function cite(sentence: string, n: number): string {
  const m = /^(.*?)([.!?…]+)$/su.exec(sentence);
  return m ? `${m[1]} [${n}]${m[2]}` : `${sentence} [${n}]`;
}

function refusal(lang: Lang, confidence: number, evidence?: Evidence): AnswerBody {
  return { lang, refused: true, text: refusalSentence(lang), citations: [], confidence, ...(evidence ? { evidence } : {}) };
}
