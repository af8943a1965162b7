import type { Answer, Lang } from '../types.js';
import { remarksNotice } from './remarks.js';

/** Lines the terminal and Discord show under an answer to say how it was made, in the asker's language. */
const EXTRACTIVE_NO_LLM: Record<Lang, string> = {
  en: 'Extractive answer: no LLM is configured, so these are the corpus’s own sentences (set OPENAI_API_KEY or OPENAI_BASE_URL for composed answers).',
  nl: 'Extractief antwoord: er is geen LLM ingesteld, dus dit zijn zinnen uit het corpus zelf (stel OPENAI_API_KEY of OPENAI_BASE_URL in voor opgestelde antwoorden).',
  fr: 'Réponse extractive : aucun LLM n’est configuré, ce sont donc les phrases mêmes du corpus (définissez OPENAI_API_KEY ou OPENAI_BASE_URL pour des réponses rédigées).',
};

const EXTRACTIVE_FORCED: Record<Lang, string> = {
  en: 'Extractive answer (LLM switched off): these are the corpus’s own sentences.',
  nl: 'Extractief antwoord (LLM uitgeschakeld): dit zijn zinnen uit het corpus zelf.',
  fr: 'Réponse extractive (LLM désactivé) : ce sont les phrases mêmes du corpus.',
};

const FALLBACK: Record<Lang, string> = {
  en: 'Extractive answer, because the LLM failed:',
  nl: 'Extractief antwoord, omdat het LLM faalde:',
  fr: 'Réponse extractive, car le LLM a échoué :',
};

/** How an answer was made, or null for an LLM answer that needs no remark. */
export function answerNotice(answer: Answer, llmConfigured: boolean): string | null {
  if (answer.mode === 'llm') return remarksNotice(answer);
  if (answer.fallbackReason) return `${FALLBACK[answer.lang]} ${answer.fallbackReason}`;
  return llmConfigured ? EXTRACTIVE_FORCED[answer.lang] : EXTRACTIVE_NO_LLM[answer.lang];
}
