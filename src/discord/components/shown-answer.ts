import type { BotContext, ShownAnswer } from '../context.js';
import { UserError } from '../user-error.js';

/** The answer a button refers to, or a UserError when the bot no longer remembers it. */
export function shownAnswer(ctx: BotContext, answerId: string | undefined): ShownAnswer {
  const shown = answerId ? ctx.answers.get(answerId) : undefined;
  if (!shown) throw new UserError('I no longer have this answer in memory (I restarted since). Ask the question again.');
  return shown;
}
