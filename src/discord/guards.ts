import type { BotContext } from './context.js';
import { UserError } from './user-error.js';

/** Throws a hint naming the allowed channels when ALLOWED_CHANNEL_IDS is set and excludes this one. */
export function assertAllowedChannel(ctx: BotContext, channelId: string | null, parentId?: string | null): void {
  const allowed = ctx.config.allowedChannelIds;
  if (allowed.length === 0) return;
  if ((channelId && allowed.includes(channelId)) || (parentId && allowed.includes(parentId))) return;
  throw new UserError(`I only answer in ${allowed.map((id) => `<#${id}>`).join(', ')}. Ask me there.`);
}

/** Counts a question against the user's per-minute budget; throws "try again in N s" when spent. */
export async function assertRate(ctx: BotContext, userId: string): Promise<void> {
  const decision = await ctx.limiter.take(userId);
  if (!decision.ok) {
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    throw new UserError(`You are asking faster than ${ctx.config.rateLimitPerMinute} questions a minute. Try again in ${seconds} s.`);
  }
}
