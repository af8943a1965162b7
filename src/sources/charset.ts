/**
 * Turns a page's bytes into text with the encoding the page declares, as browsers do (WHATWG Encoding: the label
 * `iso-8859-1` means windows-1252). Order: byte-order mark, the HTTP header's charset, `<meta charset>` or
 * `<meta http-equiv="Content-Type">` in the first 4 KiB, else UTF-8 — and windows-1252 when the bytes are not valid UTF-8.
 */

/**
 * Windows-1252's bytes 0x80–0x9F (€, ‚, ƒ, „, …, †, ‡, ˆ, ‰, Š, ‹, Œ, Ž, ‘, ’, “, ”, •, –, —, ˜, ™, š, ›, œ, ž, Ÿ).
 * Node 20's TextDecoder decodes `windows-1252` as plain Latin-1 and turns these into control characters, so this
 * one encoding is decoded here.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function decodeAs(encoding: string, bytes: Uint8Array): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}

/** The encoding name TextDecoder knows for `label`, or null when it knows none. */
function known(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** The charset a document's `<meta>` declares within its first 4 KiB, if any. */
export function metaCharset(head: Buffer): string | null {
  const text = head.subarray(0, 4096).toString('latin1');
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(text);
  return direct ? direct[1]!.toLowerCase() : null;
}

/** Decodes an HTML (or text) body. `headerCharset`: the charset parameter of the response's Content-Type. */
export function decodeHtml(body: Buffer, headerCharset: string | null): { text: string; encoding: string } {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(body.subarray(3)), encoding: 'utf-8' };
  if (body[0] === 0xff && body[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(body.subarray(2)), encoding: 'utf-16le' };
  if (body[0] === 0xfe && body[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(body.subarray(2)), encoding: 'utf-16be' };
  // A page cannot usefully claim UTF-16 from inside itself (its <meta> would already be unreadable); browsers read it as UTF-8.
  const declared = known(headerCharset) ?? known(metaCharset(body));
  const encoding = declared && !declared.startsWith('utf-16') ? declared : 'utf-8';
  if (encoding === 'utf-8') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding };
    } catch {
      // Undeclared and not UTF-8: the likeliest web encoding for Western European news is windows-1252.
      if (!declared) return { text: decodeWindows1252(body), encoding: 'windows-1252' };
      return { text: new TextDecoder('utf-8').decode(body), encoding };
    }
  }
  return { text: decodeAs(encoding, body), encoding };
}
