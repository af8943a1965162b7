/** The bot cannot start with this configuration; the message says what to set. */
export class DiscordSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiscordSetupError';
  }
}

/** Thrown by startBot and deployCommands when DISCORD_TOKEN is unset. */
export function missingToken(): DiscordSetupError {
  return new DiscordSetupError(
    'DISCORD_TOKEN is not set, so the Discord bot cannot start. Put the bot token from the Discord Developer Portal ' +
      '(Applications → your app → Bot → Reset Token) in .env as DISCORD_TOKEN=…. Without Discord, `npm run ask -- "your question"` works in the terminal.',
  );
}
