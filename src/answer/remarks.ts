import type { Answer, AnswerRemark, Lang } from '../types.js';

/** Lines shown under an LLM answer that Griot changed, in the asker's language. */
const TEXT: Record<AnswerRemark['kind'], (lang: Lang, r: AnswerRemark) => string> = {
  'claims-removed': (lang, r) => {
    const n = r.kind === 'claims-removed' ? r.count : 1;
    return {
      en: n === 1 ? 'One claim was removed: its sources do not contain its numbers, dates or names.' : `${n} claims were removed: their sources do not contain their numbers, dates or names.`,
      nl: n === 1 ? 'Eén bewering is weggelaten: de bronnen bevatten haar getallen, data of namen niet.' : `${n} beweringen zijn weggelaten: de bronnen bevatten hun getallen, data of namen niet.`,
      fr: n === 1 ? 'Une affirmation a été retirée : ses sources ne contiennent pas ses chiffres, dates ou noms.' : `${n} affirmations ont été retirées : leurs sources ne contiennent pas leurs chiffres, dates ou noms.`,
    }[lang];
  },
  shortened: (lang) =>
    ({
      en: 'The answer was shortened: the model reached its length limit.',
      nl: 'Het antwoord is ingekort: het model bereikte zijn lengtelimiet.',
      fr: 'La réponse a été raccourcie : le modèle a atteint sa limite de longueur.',
    })[lang],
};

/** The remarks of an answer as one line, or null when Griot changed nothing. */
export function remarksNotice(answer: Pick<Answer, 'lang' | 'remarks'>): string | null {
  const lines = (answer.remarks ?? []).map((r) => TEXT[r.kind](answer.lang, r));
  return lines.length > 0 ? lines.join(' ') : null;
}
