import type { Lang } from '../types.js';

/** Names of the corpus languages in each asker's language: a quote in another language is labelled with it. */
const NAMES: Record<Lang, Record<Lang, string>> = {
  en: { en: 'English', nl: 'Dutch', fr: 'French' },
  nl: { en: 'Engels', nl: 'Nederlands', fr: 'Frans' },
  fr: { en: 'anglais', nl: 'néerlandais', fr: 'français' },
};

/** "(Dutch) " before a quote in a language other than the asker's; '' when they are the same. */
export function quoteLabel(quoteLang: Lang, askerLang: Lang): string {
  return quoteLang === askerLang ? '' : `(${NAMES[askerLang][quoteLang]}) `;
}

const SHORT_ANSWER: Record<Lang, string> = { en: 'Answer:', nl: 'Antwoord:', fr: 'Réponse :' };

/** The lead line of a keyless answer, in the asker's language: "Answer: **55** [1]". */
export function shortAnswerLine(span: string, n: number, askerLang: Lang, figure?: string): string {
  return `${SHORT_ANSWER[askerLang]} **${span}**${figure ? ` (${figure})` : ''} [${n}]`;
}
