import { ChannelType, Client, Events, GatewayIntentBits, MessageFlags, PermissionFlagsBits, type ForumChannel, type ThreadChannel } from 'discord.js';
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

  it('keeps files sent with a message (multipart) and across an edit without attachments', async () => {
    await login();
    const channel = client.channels.cache.get(fake.channels.general);
    if (!channel?.isSendable()) throw new Error('general is not sendable');
    const sent = await channel.send({ content: 'chart', files: [{ attachment: Buffer.from('png bytes'), name: 'chart.png' }] });
    expect(sent.attachments.first()?.name).toBe('chart.png');
    await sent.edit({ content: 'edited' });
    const stored = fake.messages.get(sent.id)!;
    expect(stored.attachments.map((a) => [a.filename, a.data.toString()])).toEqual([['chart.png', 'png bytes']]);
  });

  it('has forums whose posts are threads with tags; tagging needs a known tag and Manage Threads', async () => {
    const forum = fake.addForum({ name: 'help', tags: ['Question', 'Solved'] });
    const denied = fake.addForum({ name: 'locked', tags: ['Solved'], overwrites: [{ id: fake.roles.bot, type: 0, allow: '0', deny: String(PermissionFlagsBits.ManageThreads) }] });
    await login();
    expect(client.channels.cache.get(forum.id)?.type).toBe(ChannelType.GuildForum);
    expect((client.channels.cache.get(forum.id) as ForumChannel).availableTags.map((t) => t.name)).toEqual(['Question', 'Solved']);

    const { thread } = fake.post(forum.id, { title: 'A question', content: 'Details', tags: ['Question'] });
    const cached = await fake.until(() => client.channels.cache.get(thread.id) as ThreadChannel | undefined);
    expect([cached.parentId, cached.ownerId, cached.name]).toEqual([forum.id, fake.users.alice.id, 'A question']);
    expect(fake.messages.get(thread.id)?.content).toBe('Details');

    const solved = forum.tags.find((t) => t.name === 'Solved')!.id;
    await cached.setAppliedTags([solved, ...cached.appliedTags]);
    expect(fake.appliedTagNames(thread.id)).toEqual(['Solved', 'Question']);
    await expect(cached.setAppliedTags(['123'])).rejects.toThrow(/unknown tags/);

    const other = fake.post(denied.id, { title: 'Q', content: 'D' });
    const lockedThread = await fake.until(() => client.channels.cache.get(other.thread.id) as ThreadChannel | undefined);
    await expect(lockedThread.setAppliedTags([denied.tags[0]!.id])).rejects.toThrow(/Missing Permissions/);
  });
});
