/**
 * The grounding check: does a sentence of a model's answer state numbers, dates and names that its
 * cited passages contain? Compared across languages: numbers as values ("1.000", "1 000" and
 * "1,000" are all 1000; number words such as "vier", "quatre" count in passages), dates as
 * year/month/day whatever the language or format, names folded for case and accents with a tolerance
 * for the same name in another language (France / Frankrijk share their first letters). Pure.
 */
import { stopwordsFor } from '../corpus/stopwords.js';
import { numberWordValue, SCALE_WORDS } from '../search/number-words.js';
import { fold } from '../search/text.js';
import { CAPITALISED_ONLY_MONTHS, MONTHS, WEEKDAYS } from '../timeline/lexicon.js';
import { LANGS, type Lang, type SearchHit } from '../types.js';

/** A date as a sentence states it: any of its parts may be missing ("in August", "in 2022"). */
export interface DateFact {
  readonly text: string;
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
}

/** A number as written, with every value it may mean ("1.000": 1000, or 1 in English). */
export interface NumberFact {
  readonly text: string;
  readonly values: readonly number[];
}

/** What a sentence claims that a passage can confirm. */
export interface Facts {
  readonly numbers: readonly NumberFact[];
  readonly dates: readonly DateFact[];
  /** Runs of capitalised words, each as folded lower-case tokens ("Jean-Yves Le Drian" → jean, yves, drian). */
  readonly names: readonly (readonly string[])[];
}

/** What a passage can confirm. */
export interface Evidence {
  /** Values of the numbers in the text, number words included, and of the dates' years and days. */
  readonly numbers: ReadonlySet<number>;
  /** Dates stated in the text. */
  readonly dates: readonly DateFact[];
  /** The publication date, which also confirms a date ("according to an article of February 2022"). */
  readonly published: DateFact | undefined;
  /** Folded lower-case words of the text and title. */
  readonly words: readonly string[];
}

/** The verdict on one sentence. */
export interface Grounding {
  /** True when every number and date is found, and at least one name when it names any. */
  readonly grounded: boolean;
  /** The facts not found (for logs and the eval). */
  readonly missing: readonly string[];
  /** True when the sentence has nothing to check (no number, date or name). */
  readonly empty: boolean;
}

const MONTH_NAMES = [...MONTHS.keys(), 'jan', 'feb', 'febr', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'okt', 'nov', 'dec', 'déc', 'janv', 'févr', 'avr', 'juil']
  .sort((a, b) => b.length - a.length)
  .join('|');
const MONTH_NUMBER = (name: string): number | undefined => {
  const n = name.toLowerCase().replace(/\.$/, '');
  return MONTHS.get(n) ?? [...MONTHS.entries()].find(([k]) => k.startsWith(n) && n.length >= 3)?.[1];
};
const ORD = String.raw`(?:er|re|e|ème|st|nd|rd|th|ste|de)?`;
const M = String.raw`(${MONTH_NAMES})\.?`;
const DATE_PATTERNS: ReadonlyArray<{ re: RegExp; parts: (m: RegExpExecArray) => Omit<DateFact, 'text'> | undefined }> = [
  { re: /(?<!\d)(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)/g, parts: (m) => ymd(m[1], m[2], m[3]) },
  {
    re: /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/g,
    // Day first, as in Dutch and French; "02/17/2022" can only be month first.
    parts: (m) => (Number(m[2]) > 12 ? ymd(m[3], m[1], m[2]) : ymd(m[3], m[2], m[1])),
  },
  { re: new RegExp(String.raw`(?<!\d)(\d{1,2})${ORD}\s+(?:of\s+|de\s+)?${M}(?:,?\s+(\d{4}))?(?!\d)`, 'giu'), parts: (m) => named(m[3], m[2], m[1]) },
  { re: new RegExp(String.raw`(?<![\p{L}])${M}\s+(\d{1,2})${ORD}(?:,?\s+(\d{4}))?(?![\d])`, 'giu'), parts: (m) => named(m[3], m[1], m[2]) },
  { re: new RegExp(String.raw`(?<![\p{L}])${M}(?:\s+(?:of\s+)?(\d{4}))?(?![\p{L}\d])`, 'giu'), parts: (m) => named(m[2], m[1], undefined, m[0]) },
];

function ymd(y?: string, m?: string, d?: string): Omit<DateFact, 'text'> | undefined {
  const month = m ? Number(m) : undefined;
  const day = d ? Number(d) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  return { ...(y ? { year: Number(y) } : {}), ...(month ? { month } : {}), ...(day ? { day } : {}) };
}

function named(y: string | undefined, monthName: string | undefined, d: string | undefined, whole?: string): Omit<DateFact, 'text'> | undefined {
  if (!monthName) return undefined;
  // "may" and "march" are English words too: a month only when capitalised.
  if (CAPITALISED_ONLY_MONTHS.has(monthName.toLowerCase()) && !/^\p{Lu}/u.test(whole ?? monthName) && !/^\p{Lu}/u.test(monthName)) return undefined;
  const month = MONTH_NUMBER(monthName);
  if (!month) return undefined;
  return ymd(y, String(month), d);
}

/** The dates in a text, with the spans they cover. */
function datesOf(text: string): { dates: DateFact[]; spans: Array<[number, number]> } {
  const dates: DateFact[] = [];
  const spans: Array<[number, number]> = [];
  for (const { re, parts } of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const from = m.index;
      const to = from + m[0].length;
      if (spans.some(([a, b]) => from < b && to > a)) continue;
      const p = parts(m);
      if (!p || (p.year === undefined && p.month === undefined)) continue;
      dates.push({ text: m[0], ...p });
      spans.push([from, to]);
    }
  }
  return { dates, spans };
}

const GROUPED = /(?<![\p{L}\p{N}.,])(\d{1,3})((?:[.,\u00a0\u202f ]\d{3})+)(?![\p{N}]|[.,]\d)/gu;
const PLAIN = /(?<![\p{L}\p{N}])(\d+(?:[.,]\d+)?)(?![\p{N}])/gu;

/** The numbers in a text (outside the given spans), each with its possible values. */
function numbersOf(text: string, skip: ReadonlyArray<[number, number]> = []): NumberFact[] {
  const facts: NumberFact[] = [];
  const taken: Array<[number, number]> = [...skip];
  const free = (from: number, to: number) => !taken.some(([a, b]) => from < b && to > a);
  for (const m of text.matchAll(GROUPED)) {
    const from = m.index;
    const to = from + m[0].length;
    if (!free(from, to)) continue;
    const digits = m[0].replace(/[.,\u00a0\u202f ]/g, '');
    const values = [Number(digits)];
    // "1.000" is a thousand in Dutch and French, but 1.0 in English; "2,500" the reverse.
    const separators = m[2]!.match(/[.,\u00a0\u202f ]/g) ?? [];
    if (separators.length === 1 && /[.,]/.test(separators[0]!)) values.push(Number(`${m[1]}.${m[2]!.slice(1)}`));
    facts.push({ text: m[0], values });
    taken.push([from, to]);
  }
  for (const m of text.matchAll(PLAIN)) {
    const from = m.index;
    const to = from + m[0].length;
    if (!free(from, to)) continue;
    facts.push({ text: m[0], values: [Number(m[1]!.replace(',', '.'))] });
  }
  return facts;
}

/**
 * The values a number word of a passage stands for, so that "4 to 6 months" finds "vier tot zes
 * maanden": "vier" 4; "vijfduizend" 5000; "veertigtal" about 40; "cinq" before "mille" 5 and 5000.
 * "One"/"een"/"un" are left out: articles.
 */
function numberWordValues(word: string, next: string | undefined, lang: Lang): number[] {
  const values: number[] = [];
  const n = numberWordValue(word, lang)?.value;
  if (n !== undefined) values.push(n);
  const unit = n ?? (/^\d+$/.test(word) ? Number(word) : undefined);
  const times = next !== undefined ? SCALE_WORDS.get(next) : undefined;
  if (unit !== undefined && times !== undefined) values.push(unit * times);
  return values;
}

const NOT_NAMES: ReadonlySet<string> = new Set([
  ...LANGS.flatMap((l) => [...stopwordsFor(l)].map((w) => fold(w.toLowerCase()))),
  ...[...MONTHS.keys(), ...WEEKDAYS.keys()].map((w) => fold(w)),
]);
const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;
const MARKERS = /\s*\[\d{1,3}(?:\s*,\s*\d{1,3})*\]/g;

/** The numbers, dates and names a sentence states ([n] markers ignored; its first word is not taken for a name). */
export function factsOf(sentence: string): Facts {
  const text = sentence.replace(MARKERS, '');
  const { dates, spans } = datesOf(text);
  const numbers = numbersOf(text, spans);
  const names: string[][] = [];
  let run: string[] = [];
  let runEnd = -1;
  const firstWord = /\p{L}/u.exec(text)?.index ?? -1;
  for (const m of text.matchAll(CAPITALISED)) {
    const tokens = fold(m[0].toLowerCase())
      .split(/['’-]/)
      .filter((t) => t.length >= 2 && !NOT_NAMES.has(t));
    const adjacent = runEnd >= 0 && /^\s+$/u.test(text.slice(runEnd, m.index));
    if (!adjacent && run.length > 0) (names.push(run), (run = []));
    runEnd = m.index + m[0].length;
    if (m.index === firstWord || tokens.length === 0) {
      if (!adjacent) runEnd = -1;
      continue;
    }
    run.push(...tokens);
  }
  if (run.length > 0) names.push(run);
  return { numbers, dates, names };
}

/** What a passage (its text, title and publication date) can confirm. */
export function evidenceOf(hit: SearchHit): Evidence {
  const text = `${hit.doc.title}\n${hit.passage.text}`;
  const { dates, spans } = datesOf(text);
  const numbers = new Set(numbersOf(text, spans).flatMap((n) => n.values));
  const words = [...new Set((fold(text.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? []) as string[])];
  const sequence = (fold(text.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? []) as string[];
  sequence.forEach((w, i) => {
    for (const n of numberWordValues(w, sequence[i + 1], hit.passage.lang)) numbers.add(n);
  });
  const parts = hit.doc.date ? ymd(...(hit.doc.date.iso.split('-') as [string, string, string?])) : undefined;
  const published = parts ? { text: hit.doc.date!.iso, ...parts } : undefined;
  for (const d of dates) {
    if (d.year !== undefined) numbers.add(d.year);
    if (d.day !== undefined) numbers.add(d.day);
  }
  return { numbers, dates, published, words };
}

/**
 * Checks a sentence's facts against evidence: every number and date must be found in one of the
 * passages; and when none of them is found in a passage's text, at least one of its names (names
 * are weaker evidence than figures, and may be written differently in another language: a sentence
 * whose figures the passage states is about that passage). `extraWords`: words that may appear as
 * names without being in a passage (the question's own, which the model repeats).
 */
export function checkGrounding(facts: Facts, evidence: readonly Evidence[], extraWords: readonly string[] = []): Grounding {
  const missing: string[] = [];
  let corroborated = false;
  for (const n of facts.numbers) {
    if (evidence.some((e) => n.values.some((v) => e.numbers.has(v)))) corroborated = true;
    else missing.push(n.text);
  }
  for (const d of facts.dates) {
    const inText = evidence.some((e) => e.dates.some((p) => sameDate(d, p)) || (d.month === undefined && d.year !== undefined && e.numbers.has(d.year)));
    if (inText) corroborated = true;
    else if (!evidence.some((e) => e.published && sameDate(d, e.published))) missing.push(d.text);
  }
  if (facts.names.length > 0 && !corroborated) {
    const found = facts.names.some((name) => name.some((t) => extraWords.includes(t) || evidence.some((e) => e.words.some((w) => sameName(t, w)))));
    if (!found) missing.push(...facts.names.map((n) => n.join(' ')));
  }
  const empty = facts.numbers.length === 0 && facts.dates.length === 0 && facts.names.length === 0;
  return { grounded: missing.length === 0, missing, empty };
}

/** True when a passage's date has every part the sentence's date states. */
function sameDate(claim: DateFact, passage: DateFact): boolean {
  return (
    (claim.year === undefined || claim.year === passage.year) &&
    (claim.month === undefined || claim.month === passage.month) &&
    (claim.day === undefined || claim.day === passage.day)
  );
}

/**
 * Names of countries, their peoples and international bodies whose English, Dutch and French forms
 * share no prefix (Germany/Duitsland/Allemagne): one group per thing, folded; words of four letters
 * or more also match as prefixes (nederland → nederlandse).
 */
const EXONYMS: readonly (readonly string[])[] = [
  ['netherlands', 'dutch', 'holland', 'nederland', 'neerlandais', 'hollande'],
  ['germany', 'german', 'duitsland', 'duits', 'allemagne', 'allemand'],
  ['russia', 'rusland', 'russisch', 'russie', 'russe'],
  ['spain', 'spanish', 'spanje', 'spaans', 'espagne', 'espagnol'],
  ['switzerland', 'swiss', 'zwitserland', 'zwitsers', 'suisse'],
  ['greece', 'greek', 'griekenland', 'grieks', 'grece', 'grec'],
  ['turkey', 'turkish', 'turkije', 'turks', 'turquie', 'turc'],
  ['poland', 'polish', 'polen', 'pools', 'pologne', 'polonais'],
  ['morocco', 'moroccan', 'marokko', 'marokkaans', 'maroc', 'marocain'],
  ['sweden', 'swedish', 'zweden', 'zweeds', 'suede', 'suedois'],
  ['norway', 'norwegian', 'noorwegen', 'noors', 'norvege', 'norvegien'],
  ['denmark', 'danish', 'denemarken', 'deens', 'danemark', 'danois'],
  ['england', 'english', 'engeland', 'engels', 'angleterre', 'anglais'],
  ['britain', 'british', 'uk', 'vk', 'brittannie', 'brits', 'britannique', 'royaume'],
  ['united', 'verenigde', 'etats', 'unis'],
  ['ivory', 'ivoorkust', 'ivoire', 'ivoirien'],
  ['brussels', 'brussel', 'bruxelles'],
  ['hague', 'haag', 'haye'],
  ['un', 'vn', 'onu', 'nations', 'naties', 'unies'],
  ['nato', 'navo', 'otan'],
  ['eu', 'ue', 'european', 'europese', 'europeenne', 'europa', 'europe'],
];

function exonymGroup(word: string): number {
  return EXONYMS.findIndex((g) => g.some((m) => word === m || (m.length >= 4 && word.startsWith(m))));
}

/** Folded words that name the same thing: equal, an exonym of each other, or sharing a prefix of ≥ 4 letters and half the shorter word (Frankrijk/France, Malinese/Mali). */
function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  const group = exonymGroup(a);
  if (group !== -1 && group === exonymGroup(b)) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  let common = 0;
  while (common < shorter && a[common] === b[common]) common++;
  return common >= 4 && common * 2 >= shorter;
}

/** Folded lower-case words of a text (for `extraWords`). */
export function wordsOf(text: string): string[] {
  return (fold(text.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? []) as string[];
}
