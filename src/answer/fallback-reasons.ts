import { formatSeconds, type LlmError, type TimeoutFacts } from '../llm/errors.js';
import type { Lang } from '../types.js';
import { UNUSABLE } from './review.js';

/** Why an LLM answer fell back to the extractive one: what the notice under the answer explains. */
export type FallbackWhy =
  | { readonly kind: 'llm-error'; readonly error: LlmError }
  | { readonly kind: 'unusable'; readonly reason: (typeof UNUSABLE)[keyof typeof UNUSABLE] }
  | { readonly kind: 'context-too-small'; readonly reason: string; readonly contextTokens: number }
  | { readonly kind: 'wrong-language'; readonly got: Lang; readonly expected: Lang };

const EXTRACTIVE: Record<Lang, string> = {
  en: 'This answer is extractive.',
  nl: 'Dit antwoord is extractief.',
  fr: 'Cette réponse est extractive.',
};

const LANGUAGE: Record<Lang, Record<Lang, string>> = {
  en: { en: 'English', nl: 'Dutch', fr: 'French' },
  nl: { en: 'het Engels', nl: 'het Nederlands', fr: 'het Frans' },
  fr: { en: 'anglais', nl: 'néerlandais', fr: 'français' },
};

/** The English review reasons, in Dutch and French. */
const UNUSABLE_SAID: Record<keyof typeof UNUSABLE, Record<'nl' | 'fr', string>> = {
  cutOff: {
    nl: 'het antwoord van het LLM werd door zijn tokenlimiet afgebroken vóór één volledige zin met bronverwijzing',
    fr: 'la réponse du LLM a été coupée par sa limite de jetons avant une seule phrase complète citant une source',
  },
  empty: { nl: 'het LLM gaf een leeg antwoord', fr: 'le LLM a rendu une réponse vide' },
  uncited: { nl: 'het antwoord van het LLM verwees naar geen van zijn bronnen', fr: 'la réponse du LLM ne citait aucune de ses sources' },
  unsupported: {
    nl: 'het antwoord van het LLM noemde feiten die niet in zijn bronnen staan',
    fr: 'la réponse du LLM avançait des faits absents de ses sources',
  },
  mostlyUnsupported: {
    nl: 'het grootste deel van het antwoord van het LLM noemde feiten die niet in zijn bronnen staan',
    fr: 'la plus grande partie de la réponse du LLM avançait des faits absents de ses sources',
  },
};

/**
 * The fallback notice's reason, in the asker's language: "The LLM sent no reply within 30 s
 * (LLM_TIMEOUT_MS). This answer is extractive." English keeps the error's own wording.
 */
export function fallbackReason(why: FallbackWhy, lang: Lang): string {
  return `${capitalise(reasonIn(why, lang))}. ${EXTRACTIVE[lang]}`;
}

function reasonIn(why: FallbackWhy, lang: Lang): string {
  switch (why.kind) {
    case 'llm-error':
      return lang === 'en' ? why.error.reason : llmErrorIn(why.error, lang);
    case 'unusable': {
      if (lang === 'en') return why.reason;
      const key = (Object.keys(UNUSABLE) as (keyof typeof UNUSABLE)[]).find((k) => UNUSABLE[k] === why.reason);
      return key ? UNUSABLE_SAID[key][lang] : why.reason;
    }
    case 'context-too-small':
      if (lang === 'en') return why.reason;
      return lang === 'nl'
        ? `LLM_CONTEXT_TOKENS=${why.contextTokens} is te klein voor de vraag, de regels en één bron met ruimte voor een antwoord`
        : `LLM_CONTEXT_TOKENS=${why.contextTokens} est trop petit pour la question, les consignes et une source avec la place d’une réponse`;
    case 'wrong-language': {
      const [got, expected] = [LANGUAGE[lang][why.got], LANGUAGE[lang][why.expected]];
      if (lang === 'nl') return `het LLM antwoordde in ${got}, niet in ${expected}, ook niet toen het opnieuw gevraagd werd`;
      if (lang === 'fr') return `le LLM a répondu en ${got}, pas en ${expected}, même quand on le lui a redemandé`;
      return `the LLM answered in ${got}, not ${expected}, even when asked again`;
    }
  }
}

/** An LlmError's reason in Dutch or French, from its kind and facts (the English reason is the error's own). */
function llmErrorIn(err: LlmError, lang: 'nl' | 'fr'): string {
  const http = err.status !== undefined ? ` (HTTP ${err.status})` : '';
  const nl = lang === 'nl';
  switch (err.kind) {
    case 'timeout':
      return timeoutIn(err.timeout, lang);
    case 'auth':
      return nl ? `het LLM-eindpunt weigerde de API-sleutel${http}` : `le serveur du LLM a refusé la clé d’API${http}`;
    case 'model':
      return nl ? 'het LLM-eindpunt kent het ingestelde model (OPENAI_MODEL) niet' : 'le serveur du LLM ne connaît pas le modèle configuré (OPENAI_MODEL)';
    case 'rate-limit':
      return nl ? `het LLM-eindpunt beperkt het aantal verzoeken${http}` : `le serveur du LLM limite le nombre de requêtes${http}`;
    case 'server':
      return nl ? `het LLM-eindpunt faalde${http}` : `le serveur du LLM a échoué${http}`;
    case 'network':
      return nl ? 'het LLM-eindpunt was niet bereikbaar of de verbinding brak af' : 'le serveur du LLM était injoignable ou la connexion a été coupée';
    case 'malformed':
      return nl ? 'het LLM-eindpunt stuurde een onleesbaar antwoord' : 'le serveur du LLM a envoyé une réponse illisible';
    case 'bad-request':
      return nl ? `het LLM-eindpunt weigerde het verzoek${http}` : `le serveur du LLM a refusé la requête${http}`;
    case 'aborted':
      return nl ? 'het verzoek werd geannuleerd' : 'la requête a été annulée';
    case 'unknown':
      return nl ? 'de aanroep van het LLM mislukte onverwacht' : 'l’appel au LLM a échoué de façon inattendue';
  }
}

function timeoutIn(facts: TimeoutFacts | undefined, lang: 'nl' | 'fr'): string {
  const nl = lang === 'nl';
  if (!facts) return nl ? 'het LLM antwoordde niet op tijd (LLM_TIMEOUT_MS)' : 'le LLM n’a pas répondu à temps (LLM_TIMEOUT_MS)';
  const s = formatSeconds(facts.allowedMs).replace('.', ',');
  const tries = facts.attempts > 1 ? (nl ? `; ${facts.attempts} pogingen` : ` ; ${facts.attempts} tentatives`) : '';
  const allowed = `${s} (LLM_TIMEOUT_MS${tries})`;
  switch (facts.phase) {
    case 'queued':
      return nl
        ? `het LLM was ${allowed} lang bezig met andere vragen (LLM_MAX_CONCURRENCY)`
        : `le LLM a été occupé par d’autres questions pendant ${allowed} (LLM_MAX_CONCURRENCY)`;
    case 'no-reply':
      return nl ? `het LLM gaf geen antwoord binnen ${allowed}` : `le LLM n’a rien répondu en ${allowed}`;
    case 'unfinished':
      return nl ? `het LLM begon te antwoorden maar was niet klaar binnen ${allowed}` : `le LLM a commencé à répondre sans finir en ${allowed}`;
    case 'writing':
      return nl ? `het LLM was na ${allowed} nog aan het schrijven` : `le LLM écrivait encore au bout de ${allowed}`;
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
