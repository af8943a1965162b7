/**
 * Builds assets/lexicon/freedict-en-nl-fr.tsv, Griot's small bilingual word list, from FreeDict's
 * dictionaries as Debian ships them (dictd format):
 *
 *   apt-get install dict-freedict-eng-nld dict-freedict-nld-eng dict-freedict-eng-fra \
 *     dict-freedict-fra-eng dict-freedict-nld-fra dict-freedict-fra-nld
 *   npx tsx scripts/build-lexicon.ts [/usr/share/dictd] > assets/lexicon/freedict-en-nl-fr.tsv
 *
 * (or `apt-get download` the same packages and `dpkg-deb -x` them, then pass their usr/share/dictd).
 *
 * `--via-german` (needs dict-freedict-{eng-deu,deu-eng,deu-nld,nld-deu} too) fills the gaps, words
 * the en-nl dictionaries leave untranslated, through German (en "commander" ↔ de "Kommandant" ↔ nl
 * "aanvoerder"). Measured, and NOT used for the committed file: 1.7× the size, no answer gained, one
 * more trap answered (docs/answers.md).
 *
 * FreeDict's small dictionaries are noisy (Ergane imports map "withdraw" to "sterven", "die" to
 * "dobbelsteen", glue phrases into one word: "takein"), so a pair is kept only when a second source
 * confirms it: the dictionary of the opposite direction, or a path through the third language
 * (en "kill" → fr "tuer" → nl "doden"). Confirmed translations are ranked by how many sources confirm
 * them before each word keeps at most MAX_TRANSLATIONS (within a sense FreeDict's order is alphabetical).
 * A word that the forward dictionary has no entry for at all, and that some other source knows as a word,
 * takes the opposite dictionary's one-way translations ("cargo": no eng-nld entry; nld-eng "vracht: 1.
 * cargo"); a word the forward dictionary translates keeps only confirmed pairs. Function words and
 * multi-word entries are dropped. Output: `pair<TAB>word<TAB>translation,translation…`, sorted, where
 * pair is en-nl, en-fr or nl-fr and the word is in the pair's first language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { deu, eng, fra, nld } from 'stopword';

/** The corpus languages, and German, a pivot only (`--via-german`). */
export type L = 'en' | 'nl' | 'fr' | 'de';
const CODE: Record<L, string> = { en: 'eng', nl: 'nld', fr: 'fra', de: 'deu' };
const STOP: Record<L, ReadonlySet<string>> = { en: new Set(eng), nl: new Set(nld), fr: new Set(fra), de: new Set(deu) };
const MAX_TRANSLATIONS = 4;
const WORD = /^\p{L}[\p{L}'-]{1,28}$/u;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64 = (s: string) => [...s].reduce((n, c) => n * 64 + B64.indexOf(c), 0);

/** Lower case, Dutch "ĳ" ligature spelt out. */
const norm = (w: string) => w.normalize('NFC').replace(/ĳ/g, 'ij').replace(/Ĳ/g, 'IJ').toLowerCase().trim();

/** A usable single word of language `l`, or null. */
function word(raw: string, l: L): string | null {
  const w = norm(raw.replace(/\([^)]*\)|<[^>]*>|\[[^\]]*\]/g, ''));
  return WORD.test(w) && !STOP[l].has(w) ? w : null;
}

/** A headword's translations, in the dictionary's order, each with the number of its sense (0: the first). */
export type Entry = Map<string, number>;

/** One direction: headword → translations, from a dictd .index and .dict.dz. */
function readDict(dir: string, from: L, to: L): Map<string, Entry> {
  const base = join(dir, `freedict-${CODE[from]}-${CODE[to]}`);
  const dict = gunzipSync(readFileSync(`${base}.dict.dz`)).toString('utf8');
  const bytes = Buffer.from(dict, 'utf8');
  const out = new Map<string, Entry>();
  for (const line of readFileSync(`${base}.index`, 'utf8').split('\n')) {
    const [head, off, len] = line.split('\t');
    if (!head || !off || !len || head.startsWith('00database')) continue;
    const w = word(head, from);
    if (!w) continue;
    const entry = bytes.subarray(b64(off), b64(off) + b64(len)).toString('utf8').split('\n').slice(1);
    const set: Entry = out.get(w) ?? new Map();
    let n = 0;
    for (const sense of entry) {
      // The large en-de/de-en lists (Ding) add notes, cross-references and example sentences per sense.
      if (/^\s*(Note|Synonyms?|Antonyms?|see):|^\s*"/.test(sense)) continue;
      for (const t of sense.replace(/^\s*\d+\.\s*/, '').split(/[,;]/)) {
        const tw = word(t, to);
        if (tw && !set.has(tw)) set.set(tw, n);
      }
      n++;
    }
    if (set.size) out.set(w, set);
  }
  return out;
}

export type Dicts = Map<L, Map<L, Map<string, Entry>>>;

/** How many sources confirm a→b: each direction of the pair's dictionaries, and the third language. */
function confirmations(
  twoWay: Map<string, Set<string>>,
  via13: Map<string, Set<string>>,
  via32: Map<string, Set<string>>,
  a: string,
  b: string,
): number {
  const both = twoWay.get(a)?.has(b) ?? false;
  const pivot = [...(via13.get(a) ?? [])].some((x) => via32.get(x)?.has(b) ?? false);
  return (both ? 2 : 0) + (pivot ? 1 : 0);
}

/**
 * Translations ordered by how many sources confirm them, the dictionary's order kept among equals, so
 * that the cap keeps the best confirmed ("troop": "troep", "zwerm", two-way and through French "troupe",
 * before "bende", "horde", two-way only).
 */
export function rankByConfirmation(words: readonly string[], confirmedBy: (w: string) => number): string[] {
  return words
    .map((w, i) => ({ w, i, c: confirmedBy(w) }))
    .sort((x, y) => y.c - x.c || x.i - y.i)
    .map((x) => x.w);
}

/**
 * The one-way translations of a word from the opposite dictionary (`back`: translation → words), for a
 * word the forward dictionary has no entry for: those that give the word in an earlier sense first, the
 * shorter among equals (the dictionary's order of headwords is alphabetical and says nothing; shorter
 * words are the commoner: "vracht: 1. cargo" before "scheepslading: cargo").
 */
export function oneWay(a: string, candidates: Iterable<string>, back: Map<string, Entry>): string[] {
  return [...candidates]
    .filter((b) => back.get(b)?.has(a) ?? false)
    .map((b, i) => ({ b, i, p: back.get(b)!.get(a)! }))
    .sort((x, y) => x.p - y.p || x.b.length - y.b.length || x.i - y.i)
    .map((x) => x.b);
}

/** Pairs a→b of l1→l2 seen in either direction's dictionary (`both`: in both directions). */
function pairs(d: Dicts, l1: L, l2: L, both: boolean): Map<string, Set<string>> {
  const fwd = d.get(l1)!.get(l2)!;
  const back = d.get(l2)!.get(l1)!;
  const out = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    if (both && !((fwd.get(a)?.has(b) ?? false) && (back.get(b)?.has(a) ?? false))) return;
    (out.get(a) ?? out.set(a, new Set()).get(a)!).add(b);
  };
  for (const [a, bs] of fwd) for (const b of bs.keys()) add(a, b);
  for (const [b, as] of back) for (const a of as.keys()) add(a, b);
  return out;
}

/**
 * Translations of l1 words into l2 through German, for the words in `gaps` only: the en-de step must
 * be two-way (the large Ding list is loose: "die" → "Würfel"), a de-nl/de-fr step may be one-way (small,
 * curated lists), and the word reached must be a headword of its own language (de-fr sometimes leaves
 * German in the translation: "Transaktion").
 */
function viaGerman(d: Dicts, l1: L, l2: L, known: (l: L, w: string) => boolean): Map<string, string[]> {
  const step = (a: L, b: L) => pairs(d, a, b, a === 'en' || b === 'en');
  const first = step(l1, 'de');
  const second = step('de', l2);
  const out = new Map<string, string[]>();
  for (const [a, xs] of first) {
    const reached = new Set<string>();
    for (const x of xs) for (const b of second.get(x) ?? []) if (b !== a && known(l2, b)) reached.add(b);
    if (reached.size) out.set(a, [...reached].slice(0, MAX_TRANSLATIONS));
  }
  return out;
}

/**
 * FreeDict's de-fr and fr-de are CC-BY-SA-3.0, which cannot be merged into this GPL word list; the
 * German pivot uses the GPL lists only (en-de/de-en: Ding, GPL-3+; de-nl/nl-de: GPL), so it reaches
 * Dutch only.
 */
const usable = (a: L, b: L) => !((a === 'de' && b === 'fr') || (a === 'fr' && b === 'de'));

function main(): void {
  const args = process.argv.slice(2);
  const withGerman = args.includes('--via-german');
  const dir = args.find((a) => !a.startsWith('--')) ?? '/usr/share/dictd';
  const all: L[] = withGerman ? ['en', 'nl', 'fr', 'de'] : ['en', 'nl', 'fr'];
  const d: Dicts = new Map();
  for (const a of all) {
    d.set(a, new Map());
    for (const b of all) if (a !== b && usable(a, b)) d.get(a)!.set(b, readDict(dir, a, b));
  }
  const { lines, stats } = buildLexicon(d, withGerman);
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stderr.write(`${stats.join('\n')}\n`);
}

/**
 * The word list's lines from the six dictionaries (and German's, `withGerman`): `d.get(from).get(to)`
 * maps each headword of `from` to its translations, in the dictionary's order.
 */
export function buildLexicon(d: Dicts, withGerman = false): { lines: string[]; stats: string[] } {
  const langs: L[] = ['en', 'nl', 'fr'];
  const headwords = new Map(langs.map((l) => [l, new Set([...d.get(l)!.values()].flatMap((m) => [...m.keys()]))]));
  const known = (l: L, w: string) => headwords.get(l)?.has(w) ?? false;
  const lines: string[] = [];
  const stats: string[] = [];
  for (const [l1, l2] of [['en', 'nl'], ['en', 'fr'], ['nl', 'fr']] as const) {
    const l3 = langs.find((l) => l !== l1 && l !== l2)!;
    // Confirmed: in both directions, or through the third language where each step is (the noise of
    // one dictionary, e.g. withdraw → décéder → sterven, never confirms itself).
    const twoWay = pairs(d, l1, l2, true);
    const via13 = pairs(d, l1, l3, true);
    const via32 = pairs(d, l3, l2, true);
    const all = pairs(d, l1, l2, false);
    let seen = 0;
    let kept = 0;
    let gapFilled = 0;
    let capped = 0;
    const fwd = d.get(l1)!.get(l2)!;
    const back = d.get(l2)!.get(l1)!;
    // A word attested by a source other than the dictionary `back` (glued phrases such as "takein"
    // occur in one dictionary only).
    const fromThird = new Set([...d.get(l3)!.get(l1)!.values()].flatMap((ts) => [...ts.keys()]));
    const attested = (w: string) => known(l1, w) || fromThird.has(w);
    for (const [a, bs] of [...all].sort(([x], [y]) => (x < y ? -1 : 1))) {
      const confirmed: string[] = [];
      for (const b of bs) {
        seen++;
        const both = twoWay.get(a)?.has(b) ?? false;
        const pivot = [...(via13.get(a) ?? [])].some((x) => via32.get(x)?.has(b) ?? false);
        if (both || pivot) confirmed.push(b);
      }
      let chosen = rankByConfirmation(confirmed, (b) => confirmations(twoWay, via13, via32, a, b));
      // Gap filling: a word the pair's dictionaries translate one way only, from its own headword's side
      // never ("cargo" has no eng-nld entry; nld-eng gives "vracht: 1. cargo"), keeps the opposite
      // dictionary's translations, senses in order.
      if (chosen.length === 0 && !fwd.has(a) && attested(a)) {
        chosen = oneWay(a, bs, back);
        if (chosen.length) gapFilled++;
      }
      // A word spelt the same in both languages needs no entry: the analyser already matches it.
      const different = chosen.filter((b) => b !== a);
      if (different.length > MAX_TRANSLATIONS) capped++;
      const keep = different.slice(0, MAX_TRANSLATIONS);
      kept += keep.length;
      if (keep.length) lines.push(`${l1}-${l2}\t${a}\t${keep.join(',')}`);
    }
    if (withGerman && usable(l1, 'de') && usable('de', l2)) {
      const translated = new Set(lines.filter((l) => l.startsWith(`${l1}-${l2}\t`)).map((l) => l.split('\t')[1]));
      for (const [a, bs] of viaGerman(d, l1, l2, known)) {
        if (translated.has(a)) continue;
        kept += bs.length;
        lines.push(`${l1}-${l2}\t${a}\t${bs.join(',')}`);
      }
    }
    stats.push(`${l1}-${l2}: ${kept} of ${seen} pairs kept, ${gapFilled} words translated one way only, ${capped} words capped`);
  }
  return { lines, stats };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
