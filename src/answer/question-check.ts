/**
 * What a question must be before anything answers it: words (not "a" or "?"), and at most
 * MAX_QUESTION_CHARS characters (a 100,000-character paste is refused, not analysed for seconds and
 * stored whole in the answer log). Shared by the terminal and Discord; the messages are English, as
 * there is no question to read a language from.
 */

/** The longest question taken, in characters (also Discord's limit on /ask's option). */
export const MAX_QUESTION_CHARS = 500;

/** A question fit to answer, or why not. */
export type QuestionCheck = { readonly ok: true; readonly question: string } | { readonly ok: false; readonly problem: 'empty' | 'no-words' | 'too-long'; readonly message: string };

/** At least one word of two letters: "a", "?" or "42" ask nothing. */
const WORD = /\p{L}{2,}/u;

/** Checks a question (trimmed first). `example` is how to ask where it is asked ("npm run ask -- \"…\""). */
export function checkQuestion(text: string, example: string): QuestionCheck {
  const question = text.trim();
  if (question === '') return { ok: false, problem: 'empty', message: `Ask a question, e.g. ${example}` };
  if (question.length > MAX_QUESTION_CHARS) {
    return {
      ok: false,
      problem: 'too-long',
      message: `The question is ${question.length.toLocaleString('en')} characters long; Griot takes questions of at most ${MAX_QUESTION_CHARS} characters. Ask it in fewer words.`,
    };
  }
  if (!WORD.test(question)) return { ok: false, problem: 'no-words', message: `Ask a question in words, e.g. ${example}` };
  return { ok: true, question };
}
