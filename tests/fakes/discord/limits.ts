/**
 * The message limits Discord enforces, as the fake checks them. Each problem is a sentence that
 * names the field, so a failing test says what the bot sent wrong.
 */

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedsTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  threadName: 100,
} as const;

interface EmbedLike {
  title?: string;
  description?: string;
  fields?: Array<{ name?: string; value?: string }>;
  footer?: { text?: string };
  author?: { name?: string };
}

interface ComponentLike {
  type?: number;
  custom_id?: string;
  label?: string;
  components?: ComponentLike[];
}

/** A message body as create/edit routes receive it (webhook, channel and interaction callback data). */
export interface MessageBody {
  content?: string | null;
  embeds?: EmbedLike[] | null;
  components?: ComponentLike[] | null;
  flags?: number;
  allowed_mentions?: { parse?: string[]; roles?: string[]; users?: string[]; replied_user?: boolean };
}

const len = (s: string | undefined | null) => (s == null ? 0 : [...s].length);

/** Problems Discord would reject the body for; empty when it is acceptable. */
export function messageProblems(body: MessageBody): string[] {
  const problems: string[] = [];
  if (len(body.content) > LIMITS.content) problems.push(`content is ${len(body.content)} characters (max ${LIMITS.content})`);
  const embeds = body.embeds ?? [];
  if (embeds.length > LIMITS.embeds) problems.push(`${embeds.length} embeds (max ${LIMITS.embeds})`);
  let total = 0;
  embeds.forEach((e, i) => {
    const check = (what: string, value: string | undefined, max: number) => {
      total += len(value);
      if (len(value) > max) problems.push(`embeds[${i}].${what} is ${len(value)} characters (max ${max})`);
    };
    check('title', e.title, LIMITS.embedTitle);
    check('description', e.description, LIMITS.embedDescription);
    check('footer.text', e.footer?.text, LIMITS.footerText);
    check('author.name', e.author?.name, LIMITS.authorName);
    const fields = e.fields ?? [];
    if (fields.length > LIMITS.embedFields) problems.push(`embeds[${i}] has ${fields.length} fields (max ${LIMITS.embedFields})`);
    fields.forEach((f, j) => {
      check(`fields[${j}].name`, f.name, LIMITS.fieldName);
      check(`fields[${j}].value`, f.value, LIMITS.fieldValue);
    });
  });
  if (total > LIMITS.embedsTotal) problems.push(`embeds total ${total} characters (max ${LIMITS.embedsTotal})`);
  const rows = body.components ?? [];
  if (rows.length > LIMITS.actionRows) problems.push(`${rows.length} action rows (max ${LIMITS.actionRows})`);
  rows.forEach((row, i) => {
    const items = row.components ?? [];
    if (items.length > LIMITS.buttonsPerRow) problems.push(`components[${i}] has ${items.length} buttons (max ${LIMITS.buttonsPerRow})`);
    items.forEach((c, j) => {
      if (len(c.custom_id) > LIMITS.customId) problems.push(`components[${i}][${j}].custom_id too long`);
      if (len(c.label) > LIMITS.buttonLabel) problems.push(`components[${i}][${j}].label too long`);
    });
  });
  return problems;
}

/** True when a new message would have nothing to show (Discord answers 50006). */
export function isEmptyMessage(body: MessageBody): boolean {
  return !body.content && (body.embeds ?? []).length === 0 && (body.components ?? []).length === 0;
}
