/** Discord's message limits (https://discord.com/developers/docs/resources/message). */
export const DISCORD_LIMITS = {
  /** Characters of message content. */
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  /** All embeds of one message together. */
  embedsTotal: 6000,
  threadName: 100,
  buttonLabel: 80,
  customId: 100,
} as const;
