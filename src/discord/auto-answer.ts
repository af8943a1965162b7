/** What auto-answer decides, as pure functions: when Griot is sure enough to answer a forum post, what it asks, which tag marks it solved. */
import { FITTED } from '../answer/fitted-model.js';
import { refusalSentence } from '../answer/refusal.js';
import { shorten } from '../format.js';
import type { Answer, Lang } from '../types.js';

/**
 * The confidence a forum needs when /autoanswer on gives none: the fitted bar of the bold short answer
 * (src/answer/fitted-weights.json), above the answerer's own refusal threshold — unasked, Griot speaks
 * only when it is as sure as when it states an answer in bold.
 */
export const DEFAULT_FORUM_CONFIDENCE = Math.round(FITTED.leadThreshold * 100) / 100;

/** The longest question asked for a post (its title and first message). */
const QUESTION_MAX = 1000;

/**
 * True when an answer may be posted unasked: not a refusal, and either an LLM answer whose
 * citations survived the checks, or an extractive one whose confidence reaches `minConfidence`.
 */
export function isConfident(answer: Pick<Answer, 'refused' | 'mode' | 'citations' | 'confidence'>, minConfidence: number): boolean {
  if (answer.refused) return false;
  if (answer.mode === 'llm') return answer.citations.length > 0;
  return answer.confidence !== undefined && answer.confidence >= minConfidence;
}

/** The question a forum post asks: its title, then its first message unless that only repeats it. */
export function postQuestion(title: string, content: string): string {
  const t = title.trim();
  const c = content.trim();
  const text = !c || c.toLowerCase() === t.toLowerCase() ? t : !t || c.toLowerCase().startsWith(t.toLowerCase()) ? c : `${t}\n${c}`;
  return shorten(text.replace(/[ \t]+/g, ' '), QUESTION_MAX);
}

/** Tag names that mean a post is answered, in the languages Griot speaks (compared without case, accents or emoji). */
const SOLVED_NAMES = new Set(['solved', 'answered', 'resolved', 'opgelost', 'beantwoord', 'resolu', 'repondu']);

const tagKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}]/gu, '')
    .toLowerCase();

/** The forum's tag that marks a post solved ("Solved", "✅ Answered", "Opgelost"…), if it has one. */
export function solvedTag<T extends { readonly name: string }>(tags: readonly T[]): T | undefined {
  return tags.find((t) => SOLVED_NAMES.has(tagKey(t.name)));
}

const UNSURE: Readonly<Record<Lang, string>> = {
  en: 'I could not find a sure answer to this in the corpus. A moderator may be able to help.',
  nl: 'Ik vond hier geen zeker antwoord op in het corpus. Een moderator kan misschien helpen.',
  fr: 'Je n’ai pas trouvé de réponse sûre dans le corpus. Un modérateur pourra peut-être aider.',
};

/** The reply of a forum set to say so when Griot is unsure, in the post's language: the corpus does not say, or not surely. */
export function unsureReply(lang: Lang, refused: boolean): string {
  return refused ? `${refusalSentence(lang)} ${UNSURE[lang].split('. ').slice(1).join('. ')}` : UNSURE[lang];
}
