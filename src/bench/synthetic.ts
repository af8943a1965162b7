/**
 * A deterministic synthetic news corpus: French- and Dutch-like articles from a seeded generator, for
 * when no real corpus is at hand. Each article has a few topic words of its own that recur through
 * it, so "find the article from its first sentence" is answerable as it is on real news. Pure.
 */
import type { Article } from './articles.js';

/** The seed used unless one is given: the same corpus on every machine. */
export const SYNTHETIC_SEED = 20_240_607;

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type SynthLang = 'fr' | 'nl';

const FUNCTION_WORDS: Record<SynthLang, readonly string[]> = {
  fr: ['le', 'la', 'les', 'de', 'des', 'du', 'un', 'une', 'et', 'en', 'dans', 'pour', 'sur', 'avec', 'par', 'qui', 'que', 'est', 'sont', 'il', 'elle', 'au', 'aux', 'ce', 'cette', 'ne', 'pas', 'plus', 'a', 'ont'],
  nl: ['de', 'het', 'een', 'en', 'van', 'in', 'op', 'met', 'voor', 'aan', 'door', 'dat', 'die', 'is', 'zijn', 'niet', 'ook', 'bij', 'naar', 'om', 'te', 'er', 'wordt', 'heeft', 'hij', 'zij', 'maar', 'nog', 'als', 'over'],
};
const ONSETS: Record<SynthLang, readonly string[]> = {
  fr: ['b', 'c', 'd', 'f', 'g', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'ch', 'tr', 'pr', 'gr', 'br'],
  nl: ['b', 'd', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'sch', 'st', 'kr', 'gr'],
};
const VOWELS: Record<SynthLang, readonly string[]> = {
  fr: ['a', 'e', 'i', 'o', 'u', 'é', 'ou', 'ai', 'eu', 'au'],
  nl: ['a', 'e', 'i', 'o', 'u', 'aa', 'ee', 'oo', 'ie', 'oe', 'ij', 'ui'],
};
const SUFFIXES: Record<SynthLang, readonly string[]> = {
  fr: ['', '', 'tion', 'ment', 'ique', 'eur', 'aire', 'ée', 'ais', 'ent', 'és'],
  nl: ['', '', 'heid', 'ing', 'lijk', 'en', 'er', 'te', 'isch', 'ers', 'baar'],
};
/** Vocabulary size per language: large enough for a realistic long tail. */
const VOCABULARY = 30_000;

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

function makeWord(rand: () => number, lang: SynthLang): string {
  const syllables = 1 + Math.floor(rand() * 3);
  let w = '';
  for (let i = 0; i < syllables; i++) w += pick(rand, ONSETS[lang]) + pick(rand, VOWELS[lang]);
  return w + pick(rand, SUFFIXES[lang]);
}

function vocabulary(rand: () => number, lang: SynthLang): string[] {
  const words = new Set<string>();
  while (words.size < VOCABULARY) words.add(makeWord(rand, lang));
  return [...words];
}

/** Zipf-like rank sampling: rank r is drawn with probability about proportional to 1/r. */
function zipfIndex(rand: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n + 1))) - 1);
}

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * An endless, deterministic stream of articles (ids `synth-0`, `synth-1`, …): 2 in 3 French-like,
 * the rest Dutch-like, 3 to 10 paragraphs of 2 to 5 sentences separated by blank lines.
 */
export function* syntheticArticles(seed: number = SYNTHETIC_SEED): Generator<Article> {
  const rand = seededRandom(seed);
  const vocab: Record<SynthLang, string[]> = { fr: vocabulary(rand, 'fr'), nl: vocabulary(rand, 'nl') };
  for (let n = 0; ; n++) {
    const lang: SynthLang = rand() < 2 / 3 ? 'fr' : 'nl';
    const words = vocab[lang];
    // Topic words from the rarer half of the vocabulary and a name or two: what the article is about.
    const topic = Array.from({ length: 6 }, () => words[words.length / 2 + Math.floor((rand() * words.length) / 2)] as string);
    const names = Array.from({ length: 2 }, () => capitalise(makeWord(rand, lang)));
    // The lede (first sentence) is denser in topic words and names, as a news article's is.
    const sentence = (lede = false) => {
      const length = 8 + Math.floor(rand() * 20);
      const topicShare = lede ? 0.35 : 0.15;
      const out: string[] = [];
      for (let i = 0; i < length; i++) {
        const r = rand();
        if (r < 0.4) out.push(pick(rand, FUNCTION_WORDS[lang]));
        else if (r < 0.4 + topicShare) out.push(pick(rand, topic));
        else if (r < 0.45 + topicShare) out.push(pick(rand, names));
        else out.push(words[zipfIndex(rand, words.length)] as string);
      }
      return `${capitalise(out.join(' '))}.`;
    };
    const paragraphs = Array.from({ length: 3 + Math.floor(rand() * 8) }, (_, p) =>
      Array.from({ length: 2 + Math.floor(rand() * 4) }, (_s, i) => sentence(p === 0 && i === 0)).join(' '),
    );
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    yield { id: `synth-${n}`, date: `${2016 + Math.floor(rand() * 6)}-${month}-${day}`, text: paragraphs.join('\n\n') };
  }
}
