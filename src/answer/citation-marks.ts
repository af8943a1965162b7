/**
 * Citation marks as models write them, turned into the `[n]` / `[n, m]` markers that
 * checkCitations maps and renumbers. Models asked for "[1]" also write `【1】` or `【1†source】`
 * (OpenAI-style file citations), `[^1]` footnotes, `[Source 1]`, `(1)` before a full stop, a marker
 * after the full stop, ranges `[1-3]`, and a "Sources:" list of their own at the end. Pure.
 */

/** One to three digits: a bracketed year such as [2022] is never a citation. */
const NUM = String.raw`\d{1,3}`;
const LIST = String.raw`${NUM}(?:\s*(?:[,;]|and|en|et|&)\s*${NUM})*`;
/** Words models put before the number: "Source 1", "bron 2", "réf. 3", "doc 4", "passage 5". */
const LABEL = String.raw`(?:sources?|bron(?:nen)?|r[ée]f(?:[ée]rences?)?\.?|references?|doc(?:ument)?s?|passages?)\s*:?\s*#?`;

/** `【1】`, `【1†source】`, `【1:2†source】`, `【1, 2】`. */
const LENTICULAR = new RegExp(String.raw`【\s*(${LIST})(?:[:†][^】]*)?】`, 'g');
/** `[^1]` footnote references. */
const FOOTNOTE = new RegExp(String.raw`\[\^(${NUM})\]`, 'g');
/** `[Source 1]`, `[source 1, 2]`, `[Sources: 1; 3]`, `[bron 2]`, `[1†source]`. */
const LABELLED = new RegExp(String.raw`\[\s*(?:${LABEL})?(${LIST})\s*(?:†[^\]]*)?\]`, 'gi');
/** `[1-3]`, `[1–3]`. */
const RANGE = new RegExp(String.raw`\[\s*(${NUM})\s*[-–]\s*(${NUM})\s*\]`, 'g');
/** `(1)`, `(1, 2)`, `(Source 1)` right before a sentence end or the end of a line. */
const PAREN_BEFORE_END = new RegExp(String.raw`\s*\(\s*(?:${LABEL})?(${LIST})\s*\)(?=\s*(?:[.!?…]|$|\n))`, 'gim');
/** `(1)` right after a sentence end: "… 2022. (1)". */
const PAREN_AFTER_END = new RegExp(String.raw`([.!?…])\s*\(\s*(?:${LABEL})?(${LIST})\s*\)`, 'gi');
/** Canonical markers right after the full stop ("… 2022. [1]") move before it, where the sentence splitter keeps them. */
const AFTER_END = /([.!?…])((?:\s*\[\d{1,3}(?:, \d{1,3})*\])+)(?=\s|$)/g;
/** A heading that starts the model's own list of sources. */
const SOURCES_HEADING = /^\s*(?:\*\*|__|#{1,4}\s*)?(?:sources?|bronnen|références|references|citations?|bron)\s*(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*$/i;
/** A line of such a list: "[1] Title", "1. Title", "- [2]: …", "[^1]: …". */
const LIST_LINE = /^\s*(?:[-*•]\s*)?(?:\[\^?\d{1,3}\]|【\d{1,3}[^】]*】|\d{1,3}[.)]|\(\d{1,3}\))/;

/** Rewrites every citation mark a model may write into `[n]` / `[n, m]`, and drops its own sources list. */
export function normaliseCitationMarks(text: string): string {
  const canonical = (list: string) => `[${numbersOf(list).join(', ')}]`;
  let out = dropSourcesList(text);
  out = out.replace(LENTICULAR, (_m, list: string) => ` ${canonical(list)}`);
  out = out.replace(FOOTNOTE, (_m, n: string) => ` [${Number(n)}]`);
  out = out.replace(RANGE, (m, a: string, b: string) => {
    const from = Number(a);
    const to = Number(b);
    if (to < from || to - from > 20) return m;
    return `[${Array.from({ length: to - from + 1 }, (_, i) => from + i).join(', ')}]`;
  });
  out = out.replace(LABELLED, (_m, list: string) => canonical(list));
  out = out.replace(PAREN_AFTER_END, (_m, end: string, list: string) => ` ${canonical(list)}${end}`);
  out = out.replace(PAREN_BEFORE_END, (_m, list: string) => ` ${canonical(list)}`);
  out = out.replace(AFTER_END, (_m, end: string, markers: string) => ` ${markers.trim()}${end}`);
  // A mark written right after a word ("Mali【1】") gained a space; one written after a space got two.
  return out.replace(/[ \t]{2,}\[/g, ' [').replace(/(\d\])[ \t]+([.!?,;])(?=\s|$)/g, '$1$2').trim();
}

/**
 * The text before a list of sources that may be starting at its end (a "Sources:" heading or a line
 * opening with a marker, "[1] …"), for previews of a text still being written.
 */
export function beforeSourcesList(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line, i) => i > 0 && (SOURCES_HEADING.test(line) || /^\s*(?:[-*•]\s*)?(?:\[\^?\d{1,3}\]|【\d)/.test(line)));
  return start === -1 ? text : lines.slice(0, start).join('\n');
}

function numbersOf(list: string): number[] {
  return [...new Set((list.match(/\d{1,3}/g) ?? []).map(Number))];
}

/**
 * Removes a trailing list of sources the model wrote itself ("Sources:\n[1] …") and footnote
 * definitions ("[^1]: …"): Griot lists the sources from the citations.
 */
function dropSourcesList(text: string): string {
  const lines = text.split('\n');
  let end = lines.length;
  while (end > 0 && (lines[end - 1]!.trim() === '' || /^\s*\[\^\d{1,3}\]:/.test(lines[end - 1]!))) end--;
  // Walk up over list lines to a heading; without a heading, a list is left (it may be the answer).
  let i = end;
  while (i > 0 && (LIST_LINE.test(lines[i - 1]!) || lines[i - 1]!.trim() === '')) i--;
  if (i > 0 && i < end + 1 && SOURCES_HEADING.test(lines[i - 1]!)) end = i - 1;
  else if (i > 0 && /^\s*(?:\*\*)?(?:sources?|bronnen|références|references)(?:\*\*)?\s*:\s*(?:\[?\d{1,3}\]?[\s,;]*)+$/i.test(lines[end - 1] ?? '')) end--;
  return lines.slice(0, end).join('\n');
}
