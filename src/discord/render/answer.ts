import type { APIEmbed } from 'discord.js';
import { answerNotice } from '../../answer/notices.js';
import type { Answer, Citation } from '../../types.js';
import { DISCORD_LIMITS } from './limits.js';
import { splitMessage } from './split.js';
import { formatArticleDate, shorten } from '../../format.js';
import { code, maskedLink, plain, plainWithin } from './markdown.js';

/** An answer laid out as Discord messages: text pieces in order; the sources embeds go with the last. */
export interface RenderedAnswer {
  /** Each at most 2000 characters, split between paragraphs or sentences, never inside `[n]`. */
  readonly pieces: readonly string[];
  /** The cited sources (empty for a refusal); they fit one message with the last piece. */
  readonly embeds: readonly APIEmbed[];
}

const SOURCES_COLOR = 0x5865f2;
/** The longest excerpt of a cited passage shown under an answer (the Sources button shows it whole). */
const EXCERPT_MAX = 280;

/**
 * Lays out an answer for Discord within its limits. An extractive answer says so under it, in the
 * asker's language (no LLM configured, or why the LLM failed): the same notice as in the terminal.
 */
export function renderAnswer(answer: Answer, options: { llmConfigured: boolean } = { llmConfigured: false }): RenderedAnswer {
  const notice = answer.refused ? null : answerNotice(answer, options.llmConfigured);
  const note = notice ? `\n\n-# ${shorten(notice, 300)}` : '';
  // The model writes from corpus text (and is asked for plain text): shown literally, like the corpus.
  const pieces = splitMessage(`${plain(answer.text)}${note}`, DISCORD_LIMITS.content);
  return { pieces: pieces.length > 0 ? pieces : ['…'], embeds: answer.citations.length > 0 ? sourcesEmbeds(answer.citations) : [] };
}

/**
 * The cited sources as embeds: one line per citation (number, title, date, document id) and the
 * cited passage shortened so that everything fits one message (4096 per description, 6000 in all).
 */
export function sourcesEmbeds(citations: readonly Citation[]): APIEmbed[] {
  // Room per citation so that all of them fit the 6000-character message budget with headroom.
  const perCitation = Math.min(EXCERPT_MAX + 200, Math.floor((DISCORD_LIMITS.embedsTotal - 400) / Math.max(1, citations.length)));
  const entries = citations.map((c) => citationEntry(c, perCitation));
  const embeds: APIEmbed[] = [];
  let description = '';
  for (const entry of entries) {
    if (description.length + entry.length + 2 > DISCORD_LIMITS.embedDescription) {
      embeds.push({ description });
      description = '';
    }
    description = description ? `${description}\n\n${entry}` : entry;
  }
  if (description) embeds.push({ description });
  embeds[0] = { title: 'Sources', ...embeds[0] };
  return embeds.slice(0, DISCORD_LIMITS.embedsPerMessage).map((e) => ({ color: SOURCES_COLOR, ...e }));
}

function citationEntry(c: Citation, budget: number): string {
  const title = plainWithin(c.title, 120);
  const linked = c.url ? (maskedLink(title, c.url) ?? title) : title;
  const site = c.site ? ` · ${plainWithin(c.site, 60)}` : '';
  const head = `**[${c.n}]** ${linked}${site} · ${formatArticleDate(c.date)} · ${code(c.docId)}`;
  const room = Math.max(40, budget - head.length - 3);
  return `${head}\n> ${plainWithin(c.quote ?? c.text, Math.min(EXCERPT_MAX, room))}`;
}

/**
 * The full cited passages (the "Sources" button), as messages of embeds that each fit Discord's
 * limits: one embed per citation, at most 10 per message and 6000 characters per message.
 */
export function fullSourcesMessages(citations: readonly Citation[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const c of citations) {
    const title = `[${c.n}] ${plainWithin(c.title, DISCORD_LIMITS.embedTitle - 8)}`;
    // Footers show no Markdown: the passage id goes there as it is.
    const footer = `${c.site ? `${shorten(c.site, 60)} · ` : ''}${formatArticleDate(c.date)} · ${c.passageId}`;
    const description = plainWithin(c.text, Math.min(DISCORD_LIMITS.embedDescription, DISCORD_LIMITS.embedsTotal - title.length - footer.length - 50));
    // The embed's title links to the article (an embed's link never makes a preview of its own).
    const link = c.url && /^https?:\/\//i.test(c.url) && c.url.length <= 2048 ? { url: c.url } : {};
    const embed: APIEmbed = { color: SOURCES_COLOR, title, ...link, description, footer: { text: footer } };
    const length = title.length + description.length + footer.length;
    if (current.length > 0 && (current.length === DISCORD_LIMITS.embedsPerMessage || size + length > DISCORD_LIMITS.embedsTotal)) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += length;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}
