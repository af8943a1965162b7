import type { Citation, DocumentMeta, SearchHit } from '../types.js';

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
  // One article is one source: a second passage of it cited adds its text to the article's number.
  const byDoc = new Map<string, number>();
  const out = text.replace(MARKER, (_whole, space: string, inner: string) => {
    const numbers: number[] = [];
    for (const part of inner.split(/[,;]/)) {
      const original = Number(part.trim());
      const hit = sources[original - 1];
      if (!hit || original < 1) continue;
      let n = renumbered.get(original);
      if (n === undefined) {
        const same = byDoc.get(hit.doc.id);
        if (same !== undefined) {
          n = same;
          const c = citations[same - 1] as Citation;
          citations[same - 1] = { ...c, text: `${c.text}\n…\n${hit.passage.text}` };
        } else {
          n = citations.length + 1;
          byDoc.set(hit.doc.id, n);
          citations.push(citationOf(n, hit));
        }
        renumbered.set(original, n);
      }
      if (!numbers.includes(n)) numbers.push(n);
    }
    return numbers.length === 0 ? '' : `${space}[${numbers.join(', ')}]`;
  });
  // A dropped marker takes the space before it along: "Mali [9]." becomes "Mali.".
  return { text: out.trim(), citations };
}

/** A citation of a retrieved passage, with its article's address and outlet when known. */
export function citationOf(n: number, hit: SearchHit): Citation {
  return { n, docId: hit.doc.id, passageId: hit.passage.id, date: hit.doc.date, title: hit.doc.title, ...sourceLink(hit.doc), text: hit.passage.text };
}

/** The address and outlet a citation links to, when the document has them. */
export function sourceLink(doc: DocumentMeta): { url?: string; site?: string } {
  return { ...(doc.url ? { url: doc.url } : {}), ...(doc.site ? { site: doc.site } : {}) };
}
