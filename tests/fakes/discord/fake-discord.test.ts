import { Client, Events, GatewayIntentBits, MessageFlags } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeDiscord, shardOfGuild } from './fake-discord.js';

describe('FakeDiscord', () => {
  let fake: FakeDiscord;
  let client: Client;

  beforeEach(async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 100 });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
  });
  afterEach(async () => {
    await client.destroy();
    await fake.close();
  });

  const login = async () => {
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(fake.token);
    await ready;
  };

  it('brings a real discord.js client to ready with the guild and its channels cached', async () => {
    await login();
    expect(client.user?.id).toBe(fake.botUser.id);
    expect(client.application?.id).toBe(fake.applicationId);
    expect(client.guilds.cache.get(fake.guildId)?.channels.cache.has(fake.channels.general)).toBe(true);
    expect(fake.gateway.connectQueries[0]?.get('encoding')).toBe('json');
  });

  it('acknowledges heartbeats', async () => {
    await login();
    await fake.until(() => fake.gateway.frames.some((f) => f.dir === 'out' && f.op === 11));
  });

  it('rejects a bad token at the gateway door', async () => {
    const bad = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl, retries: 0 } });
    await expect(bad.login('not-the-token')).rejects.toThrow();
    await bad.destroy();
  });

  it('delivers a command and records the reply; a second acknowledgement is rejected', async () => {
    await login();
    const seen: string[] = [];
    client.on(Events.InteractionCreate, async (i) => {
      if (!i.isChatInputCommand()) return;
      seen.push(i.options.getString('q') ?? '');
      await i.reply({ content: 'pong', flags: MessageFlags.Ephemeral });
      await i.webhook.client.rest
        .post(`/interactions/${i.id}/${i.token}/callback`, { body: { type: 4, data: { content: 'again' } }, auth: false })
        .catch(() => undefined);
    });
    const interaction = fake.command('ping', { q: 'hello' });
    await fake.until(() => fake.rejections.length > 0);
    expect(seen).toEqual(['hello']);
    expect(fake.original(interaction)?.content).toBe('pong');
    expect(interaction.ack?.ephemeral).toBe(true);
    expect(fake.rejections[0]?.rejection).toMatch(/already been acknowledged/);
  });

  it('rejects an acknowledgement after the deadline', async () => {
    await fake.close();
    fake = await FakeDiscord.start({ ackDeadlineMs: 0 });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    await login();
    const errors: unknown[] = [];
    client.on(Events.InteractionCreate, async (i) => {
      if (i.isChatInputCommand()) await new Promise((r) => setTimeout(r, 5)).then(() => i.deferReply()).catch((e) => errors.push(e));
    });
    fake.command('ping');
    await fake.until(() => errors.length > 0);
    expect(fake.rejections[0]?.rejection).toMatch(/Unknown interaction/);
  });

  it('rejects content over 2000 characters', async () => {
    await login();
    const errors: unknown[] = [];
    client.on(Events.InteractionCreate, async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'x'.repeat(2001) }).catch((e) => errors.push(e));
    });
    fake.command('ping');
    await fake.until(() => errors.length > 0);
    expect(fake.rejections[0]?.rejection).toMatch(/content is 2001 characters/);
  });

  it('resumes after a dropped connection and replays what was missed', async () => {
    await login();
    const names: string[] = [];
    client.on(Events.InteractionCreate, (i) => {
      if (i.isChatInputCommand()) names.push(i.commandName);
    });
    fake.gateway.dropConnection();
    fake.command('missed');
    await fake.until(() => names.includes('missed'), 10_000);
    expect(fake.gateway.frames.some((f) => f.dir === 'in' && f.op === 6)).toBe(true);
    expect(fake.gateway.frames.some((f) => f.t === 'RESUMED')).toBe(true);
  });

  it('with two shards: recommends them, gives each connection its own guilds and routes each guild’s events to its shard', async () => {
    await fake.close();
    fake = await FakeDiscord.start({ shards: 2 });
    const second = fake.addGuild({ shard: [1, 2] });
    const first = fake.addGuild({ shard: [0, 2] });
    expect([shardOfGuild(first.id, 2), shardOfGuild(second.id, 2)]).toEqual([0, 1]);
    const shardClients = [0, 1].map((id) => new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl }, shards: id, shardCount: 2 }));
    const seen: Array<[number, string]> = [];
    try {
      await Promise.all(
        shardClients.map(async (c, id) => {
          c.on(Events.InteractionCreate, (i) => void seen.push([id, i.guildId ?? '']));
          const ready = new Promise((resolve) => c.once(Events.ClientReady, resolve));
          await c.login(fake.token);
          await ready;
        }),
      );
      expect(fake.gateway.identifies.map((i) => i.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      expect([...shardClients[1]!.guilds.cache.keys()]).toEqual([second.id]);
      expect(shardClients[0]!.guilds.cache.has(first.id)).toBe(true);
      expect(shardClients[0]!.guilds.cache.has(second.id)).toBe(false);
      fake.command('ping', {}, { channelId: second.channels.general });
      fake.command('ping', {}, { channelId: first.channels.general });
      await fake.until(() => seen.length === 2);
      expect(seen).toEqual(expect.arrayContaining([[1, second.id], [0, first.id]]));
      const recommended = await shardClients[0]!.rest.get('/gateway/bot');
      expect(recommended).toMatchObject({ shards: 2 });
    } finally {
      await Promise.all(shardClients.map((c) => c.destroy()));
    }
  });
});
