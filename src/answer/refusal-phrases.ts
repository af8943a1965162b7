/**
 * Refusals in a model's own words ("The provided sources do not contain…", "De bronnen vermelden
 * niet…", "Les sources ne précisent pas…"), in English, Dutch and French: the ways of saying that the
 * sources do not answer, rather than the exact refusal sentence the prompt asks for. Pure.
 */
import { fold } from '../search/text.js';

const SOURCES_EN = String.raw`(?:sources?|passages?|articles?|corpus|documents?|context|texts?|excerpts?)`;
const SOURCES_NL = String.raw`(?:bronnen|bron|passages?|artikel(?:en|s)?|corpus|documenten|teksten|context|fragmenten)`;
const SOURCES_FR = String.raw`(?:sources?|passages?|articles?|corpus|documents?|textes?|extraits?|contexte)`;

const PATTERNS: readonly RegExp[] = [
  // English
  new RegExp(String.raw`\b${SOURCES_EN}\b[^.]{0,40}\b(?:do(?:es)?\s*(?:not|n't)|never|fail to)\s+(?:\w+\s+)?(?:say|mention|contain|state|include|provide|give|specify|answer|indicate|discuss|address|cover|report|tell)\b`),
  new RegExp(String.raw`\b(?:no|not any)\s+(?:information|mention|details?|data|indication|evidence)\b[^.]{0,60}\b(?:in|from)\s+(?:the\s+)?(?:provided\s+|given\s+)?${SOURCES_EN}\b`),
  /\bthere (?:is|are) no (?:information|mention|details?|data|indication)\b/,
  /\b(?:i|we) (?:cannot|can ?not|can't|could not|couldn't|am unable to|was unable to|do not|don't) (?:find|answer|determine|tell|say|know)\b/,
  new RegExp(String.raw`\bnot (?:mentioned|stated|specified|covered|found|given|addressed|provided) in (?:the |these |any of the )?(?:provided |given )?${SOURCES_EN}\b`),
  // Dutch
  new RegExp(String.raw`\b${SOURCES_NL}\b[^.]{0,40}\b(?:vermeld(?:t|en)|bevat(?:ten)?|zegg?(?:t|en)|noem(?:t|en)|geven?|geeft|spreken|spreekt)\b[^.]{0,40}\b(?:niet|geen|niets)\b`),
  new RegExp(String.raw`\b(?:niet|nergens) (?:vermeld|genoemd|te vinden|beschreven|gegeven)\b[^.]{0,30}\b(?:in )?(?:de |het )?${SOURCES_NL}\b`),
  /\ber (?:is|staat|wordt|zijn) (?:geen|niets)\b[^.]{0,40}\b(?:informatie|vermeld|bekend|te vinden|gegevens)\b/,
  /\b(?:ik )?kan (?:dit |dat |het |hier |deze vraag )?(?:niet|geen)\b[^.]{0,30}\b(?:vinden|beantwoorden|zeggen|opmaken)\b/,
  /\bgeen (?:informatie|gegevens|vermelding)\b[^.]{0,40}\b(?:over|in|van)\b/,
  // French
  new RegExp(String.raw`\b${SOURCES_FR}\b[^.]{0,40}\bne\b[^.]{0,40}\b(?:pas|aucune?|rien|nullement)\b`),
  new RegExp(String.raw`\b${SOURCES_FR}\b[^.]{0,20}\bn'(?:indiquent|mentionnent|precisent|disent|contiennent|evoquent|donnent|abordent)\b`),
  /\baucune? (?:information|mention|indication|donnee|precision|detail)\b/,
  /\bje ne (?:peux|sais|trouve|suis)\b[^.]{0,40}\bpas\b/,
  /\b(?:il n'y a|n'y a-t-il) (?:pas|aucune?)\b[^.]{0,30}\b(?:information|mention|indication)/,
  new RegExp(String.raw`\bn'(?:est|sont) pas (?:mentionnee?s?|precisee?s?|indiquee?s?|evoquee?s?|donnee?s?)\b[^.]{0,20}\b(?:dans )?(?:les |le |ces )?${SOURCES_FR}\b`),
];

/** True when a sentence says, in its own words, that the sources do not answer. */
export function isRefusalPhrase(sentence: string): boolean {
  const t = fold(sentence.toLowerCase()).replace(/[’`]/g, "'").replace(/\s+/g, ' ');
  return PATTERNS.some((p) => p.test(t));
}
