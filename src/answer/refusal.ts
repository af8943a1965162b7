import type { Lang } from '../types.js';

const REFUSALS: Record<Lang, string> = {
  en: 'The corpus does not say.',
  nl: 'Het corpus zegt hier niets over.',
  fr: 'Le corpus ne le dit pas.',
};

/** The exact sentence Griot answers with when the corpus does not answer a question. */
export function refusalSentence(lang: Lang): string {
  return REFUSALS[lang];
}
