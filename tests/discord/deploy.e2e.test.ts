import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { DiscordSetupError, startBot } from '../../src/discord/bot.js';
import { createLogger } from '../../src/logger.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';

const logger = createLogger({ level: 'silent' });

describe('deployCommands', () => {
  let fake: FakeDiscord;
  afterEach(async () => fake?.close());

  it('registers the commands to the guild when DISCORD_GUILD_ID is set, asking the API for the application id', async () => {
    fake = await FakeDiscord.start();
    const config = loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: fake.guildId });
    expect(await deployCommands({ config, logger })).toEqual({ scope: 'guild', count: 8 });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /applications/@me',
      `PUT /applications/${fake.applicationId}/guilds/${fake.guildId}/commands`,
    ]);
    expect(fake.commands.get(fake.guildId)?.map((c) => c.name)).toEqual(['ask', 'sources', 'timeline', 'add', 'documents', 'reindex', 'stats', 'help']);
  });

  it('registers globally without a guild, using DISCORD_APPLICATION_ID when given', async () => {
    fake = await FakeDiscord.start();
    const config = loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_APPLICATION_ID: fake.applicationId });
    expect(await deployCommands({ config, logger })).toEqual({ scope: 'global', count: 8 });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /applications/${fake.applicationId}/commands`]);
    const ask = fake.commands.get('global')!.find((c) => c.name === 'ask');
    expect(ask.options[0]).toMatchObject({ name: 'question', required: true, max_length: 500 });
  });

  it('names DISCORD_TOKEN and `npm run ask` when the token is missing', async () => {
    const config = loadConfig({});
    await expect(deployCommands({ config, logger })).rejects.toThrow(/DISCORD_TOKEN.*npm run ask/s);
    const engine = {} as never;
    await expect(startBot({ config, logger, engine, store: {} as never })).rejects.toBeInstanceOf(DiscordSetupError);
  });
});
