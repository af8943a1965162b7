/**
 * Pairs for measuring the near-duplicate detector, built from a news corpus. Pure (a seeded random
 * source is passed in).
 *
 * A positive is an article as another outlet republishes an agency story: its lead replaced by the
 * article's own summary or dropped (one or two sentences), a byline and a dateline added, an outlet's
 * boilerplate footer with a "read also" headline of another article, sometimes the last sentence cut,
 * and a few words changed, dropped or doubled. A negative is two different articles of the same day
 * that share the most words (the nearest story that day: often the same topic).
 */
import { splitSentences } from '../corpus/index.js';
import { dedupeWords } from '../sources/near-duplicate.js';
import type { Article } from './articles.js';
import { fixGluedSentences } from './glue.js';
import { seededRandom } from './synthetic.js';

export { seededRandom };

/** A random number in [0, 1). */
export type Random = () => number;


const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** An article of a corpus with its summary (the OrangeSum `heading`), when it has one. */
export interface PairArticle extends Article {
  readonly heading?: string;
}

const AUTHORS = ['Marie Dupont', 'Jean-Luc Martin', 'Sophie Bernard', 'Karim Benali', 'Claire Moreau', 'Thomas Petit', 'Aïssata Traoré', 'Nicolas Lefèvre'];
const AGENCIES = ['AFP', 'Reuters', 'AP', 'Belga', 'ANP'];
const CITIES = ['PARIS', 'BAMAKO', 'BRUXELLES', 'LYON', 'MARSEILLE', 'GENÈVE'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const FOOTERS = [
  'Cet article a été publié avec l’{agency}. Tous droits de reproduction et de représentation réservés. Abonnez-vous à notre newsletter pour recevoir chaque matin l’essentiel de l’actualité.',
  '© {agency} – Toute reproduction interdite sans autorisation. Vous avez aimé cet article ? Partagez-le sur les réseaux sociaux et réagissez dans les commentaires.',
  'Avec {agency}. Retrouvez toute l’actualité en continu sur notre site et notre application, disponible gratuitement sur iOS et Android.',
  'La rédaction vous conseille. Suivez-nous sur Facebook et Twitter. Les commentaires sont modérés a priori et doivent respecter notre charte.',
];

/** The article's sentences, glued sentences repaired. */
function sentencesOf(text: string): string[] {
  return splitSentences(fixGluedSentences(text)).map((s) => s.text);
}

/** A few words changed, dropped or doubled (each word with probability `rate`), as a copy editor would. */
function editWords(text: string, rate: number, random: Random): string {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const out: string[] = [];
  for (const word of words) {
    const r = random();
    if (r < rate / 3) continue; // dropped
    if (r < (2 * rate) / 3) out.push(pick(random, words)); // replaced by another word of the text
    else if (r < rate) out.push(word, word); // doubled
    else out.push(word);
  }
  return out.join(' ');
}

/** How an article was republished (for the report). */
export interface Republished {
  readonly text: string;
  readonly lead: 'summary' | 'dropped-1' | 'dropped-2';
  readonly cutLast: boolean;
}

/**
 * The article as another outlet republishes it (see the module comment). `otherTitle` is a headline
 * for the "read also" line. Null when the article is too short to lose its lead (under 4 sentences).
 */
export function republish(article: PairArticle, otherTitle: string, random: Random, editRate = 0.03): Republished | null {
  let sentences = sentencesOf(article.text);
  if (sentences.length < 4) return null;
  const choice = random();
  const lead: Republished['lead'] = choice < 0.4 && article.heading ? 'summary' : choice < 0.75 ? 'dropped-1' : 'dropped-2';
  if (lead === 'summary') sentences = [article.heading!, ...sentences.slice(1)];
  else sentences = sentences.slice(lead === 'dropped-1' ? 1 : 2);
  const cutLast = random() < 0.3;
  if (cutLast) sentences = sentences.slice(0, -1);
  const agency = pick(random, AGENCIES);
  const byline = `Par ${pick(random, AUTHORS)}, avec ${agency}. Publié le ${1 + Math.floor(random() * 28)} ${pick(random, MONTHS)} à ${8 + Math.floor(random() * 12)}h${10 + Math.floor(random() * 49)}.`;
  const dateline = random() < 0.5 ? `${pick(random, CITIES)} (${agency}) - ` : '';
  const body = editWords(sentences.join(' '), editRate, random);
  const footer = `${pick(random, FOOTERS).replaceAll('{agency}', agency)} Lire aussi : ${otherTitle}`;
  return { text: `${byline}\n\n${dateline}${body}\n\n${footer}`, lead, cutLast };
}

/** Content words of a text (four letters or more), for finding the nearest article of a day. */
function contentWords(text: string): Set<string> {
  return new Set(dedupeWords(text).filter((w) => w.length >= 4));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/**
 * For each article of `sample`, the other article of its day sharing the most content words (by
 * Jaccard), with that share. Articles without a date, or alone on their day, get none.
 */
export function nearestSameDay(
  sample: readonly PairArticle[],
  all: readonly PairArticle[],
): { a: PairArticle; b: PairArticle; wordJaccard: number }[] {
  const byDay = new Map<string, PairArticle[]>();
  for (const article of all) {
    if (!article.date) continue;
    const day = byDay.get(article.date);
    if (day) day.push(article);
    else byDay.set(article.date, [article]);
  }
  const words = new Map<string, Set<string>>();
  const wordsOf = (a: PairArticle) => {
    let w = words.get(a.id);
    if (!w) words.set(a.id, (w = contentWords(a.text)));
    return w;
  };
  const pairs: { a: PairArticle; b: PairArticle; wordJaccard: number }[] = [];
  for (const a of sample) {
    let best: PairArticle | null = null;
    let bestScore = -1;
    for (const b of byDay.get(a.date ?? '') ?? []) {
      if (b.id === a.id) continue;
      const score = jaccard(wordsOf(a), wordsOf(b));
      if (score > bestScore) {
        best = b;
        bestScore = score;
      }
    }
    if (best) pairs.push({ a, b: best, wordJaccard: bestScore });
  }
  return pairs;
}

/** Precision and recall of "similar ≥ threshold" over scored positives and negatives. */
export interface SweepRow {
  readonly threshold: number;
  readonly precision: number;
  readonly recall: number;
  readonly truePositives: number;
  readonly falsePositives: number;
}

/** Precision and recall at each threshold, from the positives' and negatives' similarities. */
export function sweep(positives: readonly number[], negatives: readonly number[], thresholds: readonly number[]): SweepRow[] {
  return thresholds.map((threshold) => {
    const truePositives = positives.filter((s) => s >= threshold).length;
    const falsePositives = negatives.filter((s) => s >= threshold).length;
    const flagged = truePositives + falsePositives;
    return {
      threshold,
      precision: flagged === 0 ? 1 : truePositives / flagged,
      recall: positives.length === 0 ? 0 : truePositives / positives.length,
      truePositives,
      falsePositives,
    };
  });
}
