import type { BotContext, ShownAnswer } from '../context.js';
import { UserError } from '../user-error.js';

/** The answer a button refers to, from memory or the store; a UserError when it is gone (past retention). */
export async function shownAnswer(ctx: BotContext, answerId: string | undefined): Promise<ShownAnswer> {
  const shown = answerId ? await ctx.answers.get(answerId) : undefined;
  if (!shown) throw new UserError(gone('answer', ctx.retentionDays));
  return shown;
}

/** Why a button's state is missing: kept only LOG_RETENTION_DAYS days. */
export function gone(what: 'answer' | 'list', days: number): string {
  return what === 'answer'
    ? `I no longer have this answer: answers are kept ${days} day${days === 1 ? '' : 's'}. Ask the question again.`
    : `This list is no longer kept (lists are kept ${days} day${days === 1 ? '' : 's'}). Run the command again.`;
}
