import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { NO_MENTIONS } from '../allowed-mentions.js';
import { plain } from '../render/markdown.js';
import { QUESTION_MAX } from './ask.js';
import type { Command } from './types.js';

/** /help — what the bot does, which corpus it knows, how to ask. */
export const help: Command = {
  data: new SlashCommandBuilder().setName('help').setDescription('What Griot does and how to ask it.').toJSON(),
  async execute(interaction, ctx) {
    const docs = ctx.engine.documents();
    const langs = plain([...new Set(docs.map((d) => d.lang))].sort().join(', ')) || 'none yet';
    const dates = docs.map((d) => d.date?.iso).filter((d): d is string => !!d).sort();
    const span = dates.length > 0 ? `, dated ${plain(dates[0]!)} to ${plain(dates[dates.length - 1]!)}` : '';
    const lines = [
      '**Griot answers questions about a news corpus, citing its sources.**',
      `It knows ${docs.length} articles (languages: ${langs}${span}). Answers cite them as [1], [2]…; a claim the articles do not support is not made.`,
      '',
      `• \`/ask question:\` — ask in English, Dutch or French (up to ${QUESTION_MAX} characters). Add \`private:True\` to see the answer alone.`,
      '• Under each answer: 👍 / 👎 to rate it, **Sources** for the full cited passages.',
      ctx.config.answerMentions ? '• Mention me with a question: I answer in a thread, and follow-up messages there keep the context.' : '',
      '• `/timeline` — dated events, optionally about a topic and between dates.',
      '• `/sources` — the documents I answer from.',
      '-# Moderators: `/add url:` or `/add file:` adds an article, `/documents list` and `/documents remove` manage them, `/reindex` re-reads the corpus folder.',
      `• Up to ${ctx.config.rateLimitPerMinute} questions a minute per person.`,
      ctx.engine.llmEnabled ? '' : '-# No language model is configured: answers are the best matching sentences from the articles.',
    ];
    await interaction.reply({ content: lines.filter((l, i, a) => l !== '' || a[i - 1] !== '').join('\n').trim(), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  },
};
