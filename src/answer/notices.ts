import type { Answer, Lang } from '../types.js';
import { remarksNotice } from './remarks.js';

/** Lines the terminal and Discord show under an answer to say how it was made, in the asker's language. */
const EXTRACTIVE_NO_LLM: Record<Lang, string> = {
  en: 'Extractive answer: no LLM is configured, so these are the corpus’s own sentences, quoted in their language; an LLM would translate and compose them (set OPENAI_API_KEY or OPENAI_BASE_URL).',
  nl: 'Extractief antwoord: er is geen LLM ingesteld, dus dit zijn zinnen uit het corpus zelf, in hun eigen taal; een LLM zou ze vertalen en tot een antwoord verwerken (stel OPENAI_API_KEY of OPENAI_BASE_URL in).',
  fr: 'Réponse extractive : aucun LLM n’est configuré, ce sont donc les phrases mêmes du corpus, citées dans leur langue ; un LLM les traduirait et rédigerait la réponse (définissez OPENAI_API_KEY ou OPENAI_BASE_URL).',
};

const EXTRACTIVE_FORCED: Record<Lang, string> = {
  en: 'Extractive answer (LLM switched off): these are the corpus’s own sentences, quoted in their language.',
  nl: 'Extractief antwoord (LLM uitgeschakeld): dit zijn zinnen uit het corpus zelf, in hun eigen taal.',
  fr: 'Réponse extractive (LLM désactivé) : ce sont les phrases mêmes du corpus, citées dans leur langue.',
};

/** Under a refusal: what was searched, never a remark about sentences that are not there. */
const REFUSED_NO_LLM: Record<Lang, string> = {
  en: 'No LLM is configured: Griot searched the corpus itself and found no sentence that answers this question.',
  nl: 'Er is geen LLM ingesteld: Griot heeft het corpus zelf doorzocht en geen zin gevonden die deze vraag beantwoordt.',
  fr: 'Aucun LLM n’est configuré : Griot a cherché dans le corpus lui-même et n’a trouvé aucune phrase qui réponde à cette question.',
};

const REFUSED_FORCED: Record<Lang, string> = {
  en: 'LLM switched off: Griot searched the corpus itself and found no sentence that answers this question.',
  nl: 'LLM uitgeschakeld: Griot heeft het corpus zelf doorzocht en geen zin gevonden die deze vraag beantwoordt.',
  fr: 'LLM désactivé : Griot a cherché dans le corpus lui-même et n’a trouvé aucune phrase qui réponde à cette question.',
};

const FALLBACK: Record<Lang, string> = {
  en: 'Extractive answer, because the LLM failed:',
  nl: 'Extractief antwoord, omdat het LLM faalde:',
  fr: 'Réponse extractive, car le LLM a échoué :',
};

/** How an answer was made, or null for an LLM answer that needs no remark. A refusal's notice never speaks of quoted sentences. */
export function answerNotice(answer: Answer, llmConfigured: boolean): string | null {
  if (answer.mode === 'llm') return remarksNotice(answer);
  if (answer.fallbackReason) return `${FALLBACK[answer.lang]} ${answer.fallbackReason}`;
  if (answer.refused) return llmConfigured ? REFUSED_FORCED[answer.lang] : REFUSED_NO_LLM[answer.lang];
  return llmConfigured ? EXTRACTIVE_FORCED[answer.lang] : EXTRACTIVE_NO_LLM[answer.lang];
}
