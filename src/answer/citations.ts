import type { Citation, SearchHit } from '../types.js';

/** An answer text whose [n] markers all map to `citations`, numbered 1..m in order of first use. */
export interface CheckedCitations {
  readonly text: string;
  readonly citations: Citation[];
}

/** `[1]`, `[1, 3]`, `[1;3]`: one to three digits, so a bracketed year such as [2022] is left alone. */
const MARKER = /(\s*)\[(\s*\d{1,3}(?:\s*[,;]\s*\d{1,3})*\s*)\]/g;

/**
 * Checks the [n] markers of a model's answer against the sources it was given ([1] = sources[0]):
 * numbers that map to no source are dropped (a marker left empty disappears), the cited sources are
 * renumbered 1..m in order of first use, and repeated numbers within a marker are merged.
 * `[n][m]` stays two markers. Pure.
 */
export function checkCitations(text: string, sources: readonly SearchHit[]): CheckedCitations {
  const citations: Citation[] = [];
  const renumbered = new Map<number, number>();
  const out = text.replace(MARKER, (_whole, space: string, inner: string) => {
    const numbers: number[] = [];
    for (const part of inner.split(/[,;]/)) {
      const original = Number(part.trim());
      const hit = sources[original - 1];
      if (!hit || original < 1) continue;
      let n = renumbered.get(original);
      if (n === undefined) {
        n = citations.length + 1;
        renumbered.set(original, n);
        citations.push(citationOf(n, hit));
      }
      if (!numbers.includes(n)) numbers.push(n);
    }
    return numbers.length === 0 ? '' : `${space}[${numbers.join(', ')}]`;
  });
  // A dropped marker takes the space before it along: "Mali [9]." becomes "Mali.".
  return { text: out.trim(), citations };
}

/** A citation of a retrieved passage. */
export function citationOf(n: number, hit: SearchHit): Citation {
  return { n, docId: hit.doc.id, passageId: hit.passage.id, date: hit.doc.date, title: hit.doc.title, text: hit.passage.text };
}
