/**
 * Splits text into pieces of at most `max` characters for Discord: at a paragraph break when one
 * is near the end of the window, else at a sentence end, else at a space; never inside a `[n]`
 * citation marker, so every piece shows whole citations.
 */
export function splitMessage(text: string, max: number): string[] {
  if (max < 20) throw new RangeError(`max must be at least 20, got ${max}`);
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

const CITATION = /\[\d+\]/g;

/** Where to end the first piece of `text` (which is longer than `max`). */
function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  // A break this far into the window keeps pieces reasonably full.
  const floor = Math.floor(max * 0.4);
  const paragraph = window.lastIndexOf('\n\n', max);
  if (paragraph >= floor) return paragraph;
  const sentence = lastMatchEnd(window.slice(0, max), /[.!?…]["»”')\]]*(?:\s*\[\d+\])*(?=\s)/g);
  if (sentence >= floor) return sentence;
  const line = window.lastIndexOf('\n', max);
  if (line >= floor) return line;
  const space = window.lastIndexOf(' ', max);
  return outsideCitation(text, space > 0 ? space : max);
}

function lastMatchEnd(text: string, pattern: RegExp): number {
  let end = -1;
  for (const m of text.matchAll(pattern)) end = m.index + m[0].length;
  return end;
}

/** Moves a cut that would land inside a `[n]` marker to just before it. */
function outsideCitation(text: string, cut: number): number {
  for (const m of text.matchAll(CITATION)) {
    if (m.index < cut && cut < m.index + m[0].length) return m.index > 0 ? m.index : m.index + m[0].length;
    if (m.index >= cut) break;
  }
  return cut;
}
