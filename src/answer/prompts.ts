import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatMessage } from '../llm/types.js';
import type { Lang, SearchHit, Turn } from '../types.js';
import { refusalSentence } from './refusal.js';

/** The prompt templates, as read from prompts/ (see prompts/README.md). */
export interface Prompts {
  readonly system: string;
  readonly answer: string;
  readonly rewriteSystem: string;
  readonly rewrite: string;
  readonly summarise: string;
  /** Appended to the question when the model answered in the wrong language and is asked again. */
  readonly languageRetry: string;
}

/** For each template: its file, the placeholders the code fills, and those it must contain. */
export const TEMPLATES: Readonly<Record<keyof Prompts, { file: string; fills: readonly string[]; requires: readonly string[] }>> = {
  system: { file: 'system.md', fills: ['language', 'refusal', 'today'], requires: ['language', 'refusal'] },
  answer: { file: 'answer.md', fills: ['sources', 'question', 'language', 'today'], requires: ['sources', 'question'] },
  rewriteSystem: { file: 'rewrite-system.md', fills: ['languages', 'json_shape', 'today'], requires: ['languages', 'json_shape'] },
  rewrite: { file: 'rewrite.md', fills: ['history', 'question'], requires: ['history', 'question'] },
  summarise: { file: 'summarise.md', fills: ['language', 'events'], requires: ['language', 'events'] },
  languageRetry: { file: 'language-retry.md', fills: ['language', 'wrong_language'], requires: ['language'] },
};

const PLACEHOLDER = /\{\{\s*([A-Za-z_]\w*)\s*\}\}/g;

/** Thrown at start-up when a template is missing or its placeholders do not match the code. */
export class PromptTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromptTemplateError';
  }
}

/**
 * Reads and checks every template in `dir` (synchronously: once, at start-up). Throws
 * PromptTemplateError naming the file when one is missing, uses a placeholder the code does not
 * fill, or lacks a required one.
 */
export function loadPrompts(dir: string): Prompts {
  const read = (key: keyof Prompts): string => {
    const { file, fills, requires } = TEMPLATES[key];
    const path = join(dir, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new PromptTemplateError(`Prompt template ${path} could not be read (${(err as Error).message}); restore it from git or fix the prompts directory.`);
    }
    const used = new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''));
    const unknown = [...used].filter((p) => !fills.includes(p));
    if (unknown.length > 0) {
      throw new PromptTemplateError(
        `Prompt template ${path} uses ${unknown.map((p) => `{{${p}}}`).join(', ')}, which the code does not fill; use only ${fills.map((p) => `{{${p}}}`).join(', ')}.`,
      );
    }
    const missing = requires.filter((p) => !used.has(p));
    if (missing.length > 0) {
      throw new PromptTemplateError(`Prompt template ${path} lacks the required ${missing.map((p) => `{{${p}}}`).join(', ')}; add it back.`);
    }
    return text.trim();
  };
  return {
    system: read('system'),
    answer: read('answer'),
    rewriteSystem: read('rewriteSystem'),
    rewrite: read('rewrite'),
    summarise: read('summarise'),
    languageRetry: read('languageRetry'),
  };
}

/** Fills `{{name}}` placeholders in one pass: values are never expanded again. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/** English names of the languages, as the prompts name them to the model. */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { en: 'English', nl: 'Dutch', fr: 'French' };

/** Bounds on the conversation context sent along with a question. */
export const HISTORY_TURNS = 3;
const HISTORY_QUESTION_CHARS = 300;
const HISTORY_ANSWER_CHARS = 600;
const QUESTION_CHARS = 1000;

export interface AnswerPromptInput {
  readonly question: string;
  /** The sources, numbered [1].. in this order. */
  readonly sources: readonly SearchHit[];
  readonly lang: Lang;
  readonly now: Date;
  readonly history?: readonly Turn[];
  /** Set when asking again because the answer came in another language (the firmer instruction follows the question). */
  readonly wrongLanguage?: Lang;
}

/**
 * The messages that ask the model for a cited answer, in reading order: the system rules, the
 * earlier turns, then the numbered sources and the fenced question. Pure.
 */
export function buildAnswerMessages(prompts: Prompts, input: AnswerPromptInput): ChatMessage[] {
  const language = LANGUAGE_NAMES[input.lang];
  const today = isoDay(input.now);
  const system = fill(prompts.system, { language, refusal: refusalSentence(input.lang), today });
  const sources = input.sources.map((hit, i) => sourceBlock(i + 1, hit)).join('\n\n');
  const asked = fill(prompts.answer, { sources, question: asData(clip(input.question, QUESTION_CHARS)), language, today });
  const user = input.wrongLanguage
    ? `${asked}\n\n${fill(prompts.languageRetry, { language, wrong_language: LANGUAGE_NAMES[input.wrongLanguage] })}`
    : asked;
  const turns = recentTurns(input.history).flatMap((t): ChatMessage[] => [
    { role: 'user', content: t.question },
    // Old [n] markers point at another answer's sources: drop them so they cannot be confused with these.
    { role: 'assistant', content: stripCitations(t.answer) },
  ]);
  return [{ role: 'system', content: system }, ...turns, { role: 'user', content: user }];
}

export interface RewritePromptInput {
  readonly question: string;
  /** Corpus languages: one query is asked for in each. */
  readonly languages: readonly Lang[];
  readonly now: Date;
  readonly history?: readonly Turn[];
}

/** The messages that ask the model to rewrite a question into per-language search queries. Pure. */
export function buildRewriteMessages(prompts: Prompts, input: RewritePromptInput): ChatMessage[] {
  const languages = input.languages.map((l) => `${l} (${LANGUAGE_NAMES[l]})`).join(', ');
  const shape = `{"language": "<code of the question's language>", "queries": {${input.languages
    .map((l) => `"${l}": "<query in ${LANGUAGE_NAMES[l]}>"`)
    .join(', ')}}}`;
  const system = fill(prompts.rewriteSystem, { languages, json_shape: shape, today: isoDay(input.now) });
  const turns = recentTurns(input.history);
  const history =
    turns.length === 0 ? '(none)' : turns.map((t) => `User: ${asData(t.question)}\nGriot: ${asData(stripCitations(t.answer))}`).join('\n\n');
  const user = fill(prompts.rewrite, { history, question: asData(clip(input.question, QUESTION_CHARS)) });
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

/** The messages that ask for one-line summaries of timeline events, as JSON keyed by event id. Pure. */
export function buildSummariseMessages(
  prompts: Prompts,
  input: { readonly events: readonly { readonly id: string; readonly text: string }[]; readonly lang: Lang },
): ChatMessage[] {
  const events = input.events.map((e) => `<event id="${e.id}">\n${asData(e.text.trim())}\n</event>`).join('\n\n');
  return [{ role: 'user', content: fill(prompts.summarise, { language: LANGUAGE_NAMES[input.lang], events }) }];
}

/** One numbered source: `<source id="n" date="…" title="…">text</source>`, its text unable to close the block. */
export function sourceBlock(n: number, hit: SearchHit): string {
  const date = hit.doc.date ? `${hit.doc.date.iso}${hit.doc.date.inferred ? ' (inferred)' : ''}` : 'undated';
  const title = asData(hit.doc.title).replace(/["\r\n]+/g, ' ').trim();
  return `<source id="${n}" date="${date}" title="${title}">\n${asData(hit.passage.text.trim())}\n</source>`;
}

/**
 * Neutralises the delimiters the prompts use (`<source`, `</question` …) inside untrusted text, so
 * that text cannot end its block early and pose as instructions.
 */
export function asData(text: string): string {
  return text.replace(/<(\/?\s*)(sources?|question|conversation|event)\b/gi, '‹$1$2');
}

/** The last few turns, each shortened. */
function recentTurns(history: readonly Turn[] | undefined): Turn[] {
  return (history ?? []).slice(-HISTORY_TURNS).map((t) => ({
    question: clip(t.question, HISTORY_QUESTION_CHARS),
    answer: clip(t.answer, HISTORY_ANSWER_CHARS),
  }));
}

function stripCitations(text: string): string {
  return text.replace(/\s*\[\d{1,3}(?:\s*[,;]\s*\d{1,3})*\]/g, '').trim();
}

function clip(text: string, max: number): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
