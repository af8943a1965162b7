/**
 * Reasoning that models write into the answer text: Qwen3, DeepSeek-R1 and their distillations put
 * their chain of thought in `<think>…</think>` before the answer (some templates also use
 * `<thinking>` or `<reasoning>`). Endpoints with a reasoning parser (vLLM, DeepSeek, OpenRouter,
 * Ollama) send it in a separate `reasoning_content` / `reasoning` field instead, which the chat client
 * drops; this module removes what arrives inside the content itself. Pure.
 */

const OPEN = /<(think|thinking|reasoning)>/i;
const CLOSE = /<\/(think|thinking|reasoning)>/i;
/** The longest tag, to know how much of a buffer's end could still become one. */
const LONGEST_TAG = '</reasoning>'.length;

/** Incremental reasoning removal over a growing stream of text. */
export interface ReasoningFilter {
  /** Adds the next delta of the model's content. */
  push(delta: string): void;
  /**
   * The text a user may see so far: reasoning blocks removed, an open block hidden until it closes,
   * and a possible tag start at the end ("<thi") held back until the next delta tells.
   */
  visible(): string;
  /** The visible text once the stream has ended (an unterminated block stays hidden). */
  end(): string;
  /** The reasoning removed so far (for debug logs). */
  reasoning(): string;
}

/** Creates a filter for one streamed reply. */
export function createReasoningFilter(): ReasoningFilter {
  let raw = '';
  return {
    push(delta) {
      raw += delta;
    },
    visible: () => split(raw, false).answer,
    end: () => split(raw, true).answer,
    reasoning: () => split(raw, true).reasoning,
  };
}

/** Removes reasoning from a complete reply: `{ answer, reasoning }`. */
export function stripReasoning(text: string): { answer: string; reasoning: string } {
  return split(text, true);
}

/**
 * Splits a reply into answer and reasoning. A closing tag with no opening one before it (DeepSeek-R1
 * behind templates that put `<think>` into the prompt) makes everything before it reasoning.
 * Rescanning the whole text each time keeps it simple; replies are a few thousand characters.
 */
function split(text: string, final: boolean): { answer: string; reasoning: string } {
  let answer = '';
  let reasoning = '';
  let rest = text;
  for (;;) {
    const open = OPEN.exec(rest);
    const close = CLOSE.exec(rest);
    if (close && (!open || close.index < open.index)) {
      // An orphan closing tag: what came before was reasoning after all.
      reasoning += answer + rest.slice(0, close.index);
      answer = '';
      rest = rest.slice(close.index + close[0].length);
      continue;
    }
    if (!open) {
      answer += final ? rest : withoutTagStart(rest);
      break;
    }
    answer += rest.slice(0, open.index);
    const inner = rest.slice(open.index + open[0].length);
    const end = CLOSE.exec(inner);
    if (!end) {
      // Unterminated: hidden, whether the stream goes on or was cut.
      reasoning += inner;
      break;
    }
    reasoning += inner.slice(0, end.index);
    rest = inner.slice(end.index + end[0].length);
  }
  return { answer: answer.replace(/^\s+/, ''), reasoning: reasoning.trim() };
}

/** The text without a trailing "<", "<th", "</thin"… that the next delta may complete into a tag. */
function withoutTagStart(text: string): string {
  const lt = text.lastIndexOf('<');
  if (lt === -1 || text.length - lt > LONGEST_TAG) return text;
  const tail = text.slice(lt).toLowerCase();
  const tags = ['<think>', '<thinking>', '<reasoning>', '</think>', '</thinking>', '</reasoning>'];
  return tags.some((t) => t.startsWith(tail)) ? text.slice(0, lt) : text;
}
