import type { Lang } from '../types.js';
import { isFigure } from './figures.js';
import { fold } from './text.js';

/** What kind of answer a question wants, from its question words (en/nl/fr). */
export type AnswerType = 'number' | 'date' | 'person' | 'place' | 'other';

const PATTERNS: readonly (readonly [AnswerType, RegExp])[] = [
  ['number', /\b(how (many|much|big|large)|hoeveel|hoe groot|combien|quel nombre|quelle (taille|ampleur)|what number)\b/],
  ['date', /\b(when|wanneer|quand|what date|which date|welke datum|quelle date|in welk jaar|in what year|en quelle annee|what year|welk jaar|sinds wanneer|depuis quand)\b/],
  ['person', /\b(who|whom|wie|qui)\b/],
  ['place', /\b(where|waar|ou|in welke stad|in which city|dans quelle ville|which country|welk land|quel pays|quels pays)\b/],
];

/** Classifies a question by its question words; 'other' when none is recognised. */
export function answerType(question: string): AnswerType {
  const q = fold(question.toLowerCase());
  for (const [type, re] of PATTERNS) if (re.test(q)) return type;
  return 'other';
}

const MONTH =
  /\b(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|may|june|july|august|october|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/;

/** True when a sentence of a `lang` text holds what the answer type asks for (a number, a date, a name). */
export function sentenceFits(type: AnswerType, sentence: string, lang: Lang): boolean {
  switch (type) {
    case 'number':
      // Folding a passage is the costly part: a digit answers "how many" without it.
      if (/\d/.test(sentence)) return true;
      return sentence.split(/[^\p{L}-]+/u).some((w) => w.length > 2 && isFigure(w, lang));
    case 'date': {
      const folded = fold(sentence.toLowerCase());
      return MONTH.test(folded) || /\b(1[89]|20)\d\d\b/.test(folded);
    }
    case 'person':
    case 'place':
      // A capitalised word that does not start the sentence.
      return /\S\s+\p{Lu}\p{Ll}/u.test(sentence);
    case 'other':
      return false;
  }
}
