/**
 * Markdown front matter on a corpus file: a `---` line, `key: value` lines, a `---` line, then
 * the article. Griot reads `title`, `date`, `url`, `site`, `author`, `lang` and `date_inferred`;
 * other keys are ignored. Values may be bare, or quoted as JSON ("…") or YAML single quotes ('…').
 * Pure: no I/O.
 */
import type { PublishedDate as StoredDate } from '../types.js';

/** What front matter can say about an article. */
export interface FrontMatter {
  readonly title?: string;
  readonly date?: StoredDate;
  readonly url?: string;
  readonly site?: string;
  readonly author?: string;
  readonly lang?: string;
}

const BLOCK = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const LINE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/;

/** A value without its quotes. */
function unquote(raw: string): string {
  const v = raw.trim();
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) {
    try {
      return String(JSON.parse(v));
    } catch {
      return v.slice(1, -1);
    }
  }
  if (v.startsWith("'") && v.endsWith("'") && v.length >= 2) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}

/** `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an ISO date-time (its day) as a stored date; null when it is none of these. */
export function parseDateValue(value: string, inferred = false): StoredDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return null;
  if (d !== undefined) {
    const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    if (Number(d) < 1 || Number(d) > days) return null;
    return { iso: `${y}-${mo}-${d}`, precision: 'day', inferred };
  }
  return mo !== undefined ? { iso: `${y}-${mo}`, precision: 'month', inferred } : { iso: `${y}`, precision: 'year', inferred };
}

/**
 * Splits `raw` into its front matter and the rest. Text without a front matter block (or with an
 * unterminated one) comes back whole with empty front matter.
 */
export function parseFrontMatter(raw: string): { readonly meta: FrontMatter; readonly body: string } {
  const m = BLOCK.exec(raw);
  if (!m) return { meta: {}, body: raw };
  const fields = new Map<string, string>();
  for (const line of (m[1] ?? '').split(/\r?\n/)) {
    const kv = LINE.exec(line);
    if (kv) fields.set(kv[1]!.toLowerCase(), unquote(kv[2]!));
  }
  const text = (k: string) => {
    const v = fields.get(k);
    return v !== undefined && v !== '' ? v : undefined;
  };
  const inferred = /^(true|yes|1)$/i.test(fields.get('date_inferred') ?? '');
  const date = text('date') !== undefined ? parseDateValue(text('date')!, inferred) : null;
  const meta: FrontMatter = {
    ...(text('title') !== undefined ? { title: text('title')! } : {}),
    ...(date ? { date } : {}),
    ...(text('url') !== undefined ? { url: text('url')! } : {}),
    ...(text('site') !== undefined ? { site: text('site')! } : {}),
    ...(text('author') !== undefined ? { author: text('author')! } : {}),
    ...(text('lang') !== undefined ? { lang: text('lang')!.toLowerCase() } : {}),
  };
  return { meta, body: raw.slice(m[0].length) };
}

/** A value as front matter writes it: JSON-quoted (valid YAML), so any text reads back the same. */
function quote(value: string): string {
  return JSON.stringify(value);
}

/** Front matter for `meta` (keys in a fixed order, absent ones left out), ending with its closing line. */
export function renderFrontMatter(meta: FrontMatter & { readonly id?: string; readonly source?: string }): string {
  const lines = ['---'];
  if (meta.id !== undefined) lines.push(`id: ${quote(meta.id)}`);
  if (meta.title !== undefined) lines.push(`title: ${quote(meta.title)}`);
  if (meta.date !== undefined) {
    lines.push(`date: ${meta.date.iso}`);
    if (meta.date.inferred) lines.push('date_inferred: true');
  }
  if (meta.url !== undefined) lines.push(`url: ${quote(meta.url)}`);
  if (meta.site !== undefined) lines.push(`site: ${quote(meta.site)}`);
  if (meta.author !== undefined) lines.push(`author: ${quote(meta.author)}`);
  if (meta.lang !== undefined) lines.push(`lang: ${meta.lang}`);
  if (meta.source !== undefined) lines.push(`source: ${quote(meta.source)}`);
  lines.push('---');
  return `${lines.join('\n')}\n`;
}
