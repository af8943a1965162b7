/**
 * Language detection for passages, whole documents and short questions (nl, fr, en).
 * franc-min's trigram model is reliable on long text but not on a ten-word question, where function
 * words are the better evidence; the two are weighed by the text's length. Long text with a clear
 * stopword majority is decided by the stopwords alone, which keeps indexing cheap.
 */
import { francAll } from 'franc-min';
import type { Lang } from '../types.js';
import { LANGS } from '../types.js';
import { questionWordsFor, stopwordsFor } from './stopwords.js';

const FRANC_CODES: Readonly<Record<string, Lang>> = { nld: 'nl', fra: 'fr', eng: 'en' };
const FRANC_ONLY = Object.keys(FRANC_CODES);
/** French elision (`l'armée`, `qu'il`): the prefix is French evidence, the rest is a word of its own. */
const ELISION = /^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’](\p{L}+)$/u;
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
/** Below this many words the stopword vote leads; above it franc does. */
const SHORT_TEXT_WORDS = 25;
/** Fewer words than this and not one stopword: nothing is known, the fallback is returned. */
const MIN_WORDS_WITHOUT_STOPWORDS = 4;
/**
 * In longer text a clear stopword majority settles the question without franc (which costs ~1 ms per
 * 2,000 characters): at least this many votes and this share of them for one language.
 */
const DECISIVE_VOTES = 6;
const DECISIVE_SHARE = 0.65;

type Scores = Record<Lang, number>;

function zeroScores(): Scores {
  return { nl: 0, fr: 0, en: 0 };
}

/** Each word of the given lists → the languages whose list has it. */
function languagesOf(listOf: (lang: Lang) => Iterable<string>): ReadonlyMap<string, readonly Lang[]> {
  const map = new Map<string, Lang[]>();
  for (const lang of LANGS) {
    for (const word of listOf(lang)) {
      const langs = map.get(word) ?? [];
      if (!langs.includes(lang)) map.set(word, [...langs, lang]);
    }
  }
  return map;
}

const STOPWORD_LANGS = languagesOf(stopwordsFor);
/** For questions only: a passage's language stays its stopwords' (saved indexes keep theirs). */
const QUESTION_LANGS = languagesOf((lang) => [...stopwordsFor(lang), ...questionWordsFor(lang)]);

/** Stopword evidence: each stopword gives one vote, shared among the languages whose list has it. */
export function stopwordVotes(text: string): { votes: Scores; words: number } {
  return votesOf(text, STOPWORD_LANGS);
}

/** Votes of the words of `text` that `lists` knows. */
function votesOf(text: string, lists: ReadonlyMap<string, readonly Lang[]>): { votes: Scores; words: number } {
  const votes = zeroScores();
  const tokens = text.toLowerCase().match(WORD) ?? [];
  const vote = (word: string) => {
    const langs = lists.get(word);
    if (langs) for (const l of langs) votes[l] += 1 / langs.length;
  };
  for (const token of tokens) {
    const elided = ELISION.exec(token);
    if (elided) {
      votes.fr += 1;
      vote(elided[2] as string);
    } else {
      vote(token);
    }
  }
  return { votes, words: tokens.length };
}

/** franc-min's scores restricted to nl/fr/en, best = 1 and others relative to it; all 0 when undecided. */
function francScores(text: string): Scores {
  const scores = zeroScores();
  for (const [code, score] of francAll(text, { only: FRANC_ONLY, minLength: 1 })) {
    const lang = FRANC_CODES[code];
    if (lang) scores[lang] = score;
  }
  return scores;
}

function best(scores: Scores): { lang: Lang; score: number; margin: number } {
  const sorted = LANGS.map((lang) => ({ lang, score: scores[lang] })).sort((a, b) => b.score - a.score);
  const [first, second] = sorted as [{ lang: Lang; score: number }, { lang: Lang; score: number }];
  return { ...first, margin: first.score - second.score };
}

/**
 * The language of `text`: a question of a few words, a passage or a whole document.
 * Returns `fallback` when the text gives no evidence: no letters, a word or three without a single
 * stopword, or an exact tie.
 */
export function detectLanguage(text: string, fallback: Lang = 'en'): Lang {
  return detect(text, fallback, STOPWORD_LANGS);
}

/** The language of a question: its question words are evidence too ("Hoeveel kost Barkhane?" holds no stopword). */
export function detectQuestionLanguage(question: string, fallback: Lang = 'en'): Lang {
  return detect(question, fallback, QUESTION_LANGS);
}

function detect(text: string, fallback: Lang, lists: ReadonlyMap<string, readonly Lang[]>): Lang {
  const { votes, words } = votesOf(text, lists);
  if (words === 0) return fallback;
  const totalVotes = votes.nl + votes.fr + votes.en;
  // "Barkhane?": no function word and too few letters for trigrams to mean anything.
  if (totalVotes === 0 && words < MIN_WORDS_WITHOUT_STOPWORDS) return fallback;
  const byVotes = best(votes);
  if (words >= SHORT_TEXT_WORDS && totalVotes >= DECISIVE_VOTES && byVotes.score / totalVotes >= DECISIVE_SHARE) {
    return byVotes.lang;
  }
  const franc = francScores(text);
  // Short text: stopwords weigh double; long text: franc does.
  const short = words < SHORT_TEXT_WORDS;
  const swWeight = short ? 2 : 0.5;
  const combined = zeroScores();
  for (const l of LANGS) {
    const share = totalVotes > 0 ? votes[l] / totalVotes : 0;
    combined[l] = franc[l] + swWeight * share;
  }
  const top = best(combined);
  return top.margin > 0 ? top.lang : fallback;
}
