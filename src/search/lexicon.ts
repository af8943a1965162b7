import { readFileSync } from 'node:fs';
import type { Lang } from '../types.js';
import { fold } from './text.js';

/** The bilingual word list built by scripts/build-lexicon.ts from FreeDict (see assets/lexicon/LICENSE.md). */
export const DEFAULT_LEXICON_PATH = new URL('../../assets/lexicon/freedict-en-nl-fr.tsv', import.meta.url);

/** Griot's own domain glossary (conflict, politics, news verbs), read on top of FreeDict's list. */
export const DEFAULT_GLOSSARY_PATH = new URL('../../assets/lexicon/glossary-en-nl-fr.txt', import.meta.url);

/** Words of another language that translate a word, in both directions of en-nl, en-fr and nl-fr. */
export interface Lexicon {
  /** Translations of a folded lower-case word of language `from` into `to` (empty when unknown). */
  translate(word: string, from: Lang, to: Lang): readonly string[];
  /** Words of `from` that start with `prefix`, in sorted order (for dictionary forms of an inflected word). */
  wordsStartingWith(prefix: string, from: Lang, to: Lang): readonly string[];
  /** Number of (word, translation) pairs, both directions counted once. */
  readonly size: number;
}


/**
 * Parses the lexicon's TSV (`pair<TAB>word<TAB>translation,…`, pair like `en-nl`); lines that do not
 * fit are skipped, so a hand-edited file degrades instead of stopping start-up. Pure.
 */
export function parseLexicon(tsv: string): Lexicon {
  const maps = new Map<string, Map<string, string[]>>();
  const sorted = new Map<string, string[]>();
  const dir = (from: Lang, to: Lang) => maps.get(from + to) ?? maps.set(from + to, new Map()).get(from + to)!;
  let size = 0;
  const add = (from: Lang, to: Lang, a: string, b: string) => {
    const map = dir(from, to);
    const list = map.get(a);
    if (!list) map.set(a, [b]);
    else if (!list.includes(b)) list.push(b);
  };
  for (const line of tsv.split('\n')) {
    const [pair, word, list] = line.split('\t');
    const m = /^(en|nl|fr)-(en|nl|fr)$/.exec(pair ?? '');
    if (!m || !word || !list) continue;
    const from = m[1] as Lang;
    const to = m[2] as Lang;
    const a = foldFast(word.toLowerCase());
    for (const t of list.split(',')) {
      const b = foldFast(t.trim().toLowerCase());
      if (!b) continue;
      add(from, to, a, b);
      add(to, from, b, a);
      size++;
    }
  }
  return {
    size,
    translate: (word, from, to) => maps.get(from + to)?.get(word) ?? [],
    wordsStartingWith: (prefix, from, to) => {
      const d = from + to;
      let words = sorted.get(d);
      if (!words) sorted.set(d, (words = [...(maps.get(d)?.keys() ?? [])].sort()));
      const out: string[] = [];
      for (let i = lowerBound(words, prefix); i < words.length && words[i]!.startsWith(prefix); i++) out.push(words[i]!);
      return out;
    },
  };
}

/** Folding is the slow part of loading; most words are plain ASCII and need none. */
const foldFast = (w: string) => (/^[\x00-\x7f]*$/.test(w) ? w : fold(w));

function lowerBound(words: readonly string[], x: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The glossary's concept lines (`en: kill, die | nl: sneuvelen, gesneuveld | fr: tuer, tués`) as
 * lexicon lines: every word of a line translates every word of the line's other languages, and the
 * Dutch and French words of a line are synonyms within their language (`nl-nl`, `fr-fr`: a Dutch
 * question's *premier* meets the corpus's *minister-president*, *coup* meets *staatsgreep*).
 * Comments (#) and lines that do not fit are skipped. Pure.
 */
export function glossaryToTsv(text: string): string {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const words = new Map<Lang, string[]>();
    for (const field of line.split('|')) {
      const m = /^\s*(en|nl|fr)\s*:(.*)$/.exec(field);
      if (!m) continue;
      const list = m[2]!.split(',').map((w) => w.trim().toLowerCase()).filter((w) => /^[\p{L}][\p{L}'’-]*$/u.test(w));
      words.set(m[1] as Lang, [...new Set(list)]);
    }
    for (const [from, to] of GLOSSARY_PAIRS) {
      const a = words.get(from) ?? [];
      const b = words.get(to) ?? [];
      for (const w of a) {
        const others = from === to ? b.filter((x) => x !== w) : b;
        if (others.length > 0) out.push(`${from}-${to}\t${w}\t${others.join(',')}`);
      }
    }
  }
  return out.join('\n');
}

const GLOSSARY_PAIRS: readonly (readonly [Lang, Lang])[] = [['en', 'nl'], ['en', 'fr'], ['nl', 'fr'], ['nl', 'nl'], ['fr', 'fr']];

const cached = new Map<boolean, Lexicon>();

/**
 * The bundled lexicon: FreeDict's word list and (unless `withGlossary` is false, for measuring it)
 * the domain glossary, read once on first use (about 1 MB; immutable data, like the stopword lists).
 * A missing file gives a one-line warning on stderr and is left out: answers then rely on the other
 * cross-language signals.
 */
export function bundledLexicon(withGlossary = true): Lexicon {
  const hit = cached.get(withGlossary);
  if (hit) return hit;
  const read = (path: URL, what: string): string => {
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      process.stderr.write(`griot: ${what} not readable (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
      return '';
    }
  };
  const words = read(DEFAULT_LEXICON_PATH, 'bilingual word list; run scripts/build-lexicon.ts');
  const glossary = withGlossary ? glossaryToTsv(glossaryText()) : '';
  const lexicon = parseLexicon(`${words}\n${glossary}`);
  cached.set(withGlossary, lexicon);
  return lexicon;
}

/** The glossary's section of countries, peoples and international organisations. */
const PEOPLES_SECTION = '# --- Countries and peoples';

/**
 * The words (folded, every language) of the glossary's countries and peoples: *Franse*, *russes*,
 * *Zweden*, *américains*… What tells "13 Franse soldaten" from Swedish soldiers. Empty when the
 * glossary cannot be read.
 */
export function bundledPeoples(): ReadonlySet<string> {
  if (peoples) return peoples;
  const text = glossaryText();
  const start = text.indexOf(PEOPLES_SECTION);
  const end = start < 0 ? -1 : text.indexOf('\n# ---', start + PEOPLES_SECTION.length);
  const section = start < 0 ? '' : text.slice(start, end < 0 ? undefined : end);
  peoples = new Set(
    [...section.matchAll(/(?:en|nl|fr)\s*:([^|\n]*)/g)].flatMap((m) => m[1]!.split(',').map((w) => fold(w.trim().toLowerCase())).filter((w) => w !== '')),
  );
  return peoples;
}
let peoples: ReadonlySet<string> | undefined;

/** The glossary's text, read once (the lexicon and the peoples both come from it); '' when unreadable, reported once. */
function glossaryText(): string {
  if (glossary === undefined) {
    try {
      glossary = readFileSync(DEFAULT_GLOSSARY_PATH, 'utf8');
    } catch (err) {
      process.stderr.write(`griot: domain glossary not readable (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
      glossary = '';
    }
  }
  return glossary;
}
let glossary: string | undefined;
