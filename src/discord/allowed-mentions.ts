import type { MessageMentionOptions } from 'discord.js';

/** Sent with every message: nothing in a question or a source (@everyone, roles, users) pings anyone. */
export const NO_MENTIONS: MessageMentionOptions = Object.freeze({ parse: [], repliedUser: false });

/** The one exception: the escalation message may ping the configured moderator role, and only it. */
export function onlyRole(roleId: string): MessageMentionOptions {
  return { parse: [], roles: [roleId] };
}
