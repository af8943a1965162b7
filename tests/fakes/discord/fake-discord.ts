import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PermissionFlagsBits } from 'discord.js';
import { FakeGateway, type ShardPair } from './gateway.js';
import { isEmptyMessage, LIMITS, messageProblems, type MessageBody } from './limits.js';

/**
 * A fake Discord on 127.0.0.1 for end-to-end tests with the real discord.js Client: the REST
 * routes discord.js uses (under /api/v10) and a gateway WebSocket on the same port. It records every
 * call with a timestamp and rejects what Discord rejects: a late or second interaction
 * acknowledgement, over-long messages, too many edits of one message, a bad token.
 *
 * Point the client at it with `rest: { api: fake.apiUrl }`; the gateway URL comes from
 * GET /gateway/bot, as with Discord.
 *
 * Sharding: `shards` is the count GET /gateway/bot recommends; `addGuild({ shard })` adds a guild
 * that lands on a given shard (Discord's rule: `(guild_id >> 22) % shard_count`). Each shard's
 * connection receives READY/GUILD_CREATE for its own guilds, and every dispatch (interaction,
 * message, thread) goes to the connection of the shard its guild is on.
 */

/** One REST call, as received and answered. */
export interface RecordedRequest {
  /** Date.now() when the request arrived. */
  readonly at: number;
  readonly method: string;
  /** Path below /api/v10, e.g. `/interactions/123/abc/callback`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: any;
  readonly authorized: boolean;
  /** Files uploaded with a multipart/form-data request (its JSON is in `body`, from payload_json). */
  readonly files: FakeAttachment[];
  status: number;
  /** Why the fake rejected it (status ≥ 400). */
  rejection?: string;
}

/** A user in the fake guild. */
export interface FakeUser {
  readonly id: string;
  readonly username: string;
  readonly bot?: boolean;
}

/** A file attached to a message. */
export interface FakeAttachment {
  readonly id: string;
  readonly filename: string;
  readonly contentType: string;
  readonly data: Buffer;
}

/** A message as the fake stores it. */
export interface FakeMessage {
  readonly id: string;
  readonly channelId: string;
  readonly author: FakeUser;
  content: string;
  embeds: any[];
  components: any[];
  /** Files attached to the message (uploaded with it or by an edit). */
  attachments: FakeAttachment[];
  flags: number;
  readonly createdAt: number;
  editedAt: number | null;
  readonly editTimes: number[];
  deleted: boolean;
  /** The interaction whose response (original or follow-up) this is. */
  readonly interactionId?: string;
  readonly mentions: FakeUser[];
  readonly mentionEveryone: boolean;
  readonly allowedMentions?: MessageBody['allowed_mentions'];
}

/** A dispatched interaction and what happened to it. */
export interface FakeInteraction {
  readonly id: string;
  readonly token: string;
  readonly type: 2 | 3;
  readonly dispatchedAt: number;
  readonly channelId: string;
  readonly user: FakeUser;
  /** The shard whose gateway connection it was dispatched on. */
  readonly shard: number;
  /** Callback type and time, once acknowledged. */
  ack?: { type: number; at: number; ephemeral: boolean };
  /** The @original message once acknowledged: the response, or for a component updating its message, that message. */
  originalId?: string;
  /** For a component: the message it sits on. */
  messageId?: string;
  readonly followUpIds: string[];
}

export interface FakeDiscordOptions {
  readonly token?: string;
  /** Gateway heartbeat interval (default 41 250 ms, Discord's). */
  readonly heartbeatIntervalMs?: number;
  /** How long after dispatch an interaction may be acknowledged (default 3000 ms). */
  readonly ackDeadlineMs?: number;
  /** Shard count GET /gateway/bot recommends (default 1). */
  readonly shards?: number;
  /** The port to listen on (default: an ephemeral one), e.g. one the bot was told before the fake was up. */
  readonly port?: number;
}

/** A forum channel: posts in it are threads, tagged from its available tags. */
export interface FakeForum {
  readonly id: string;
  readonly guildId: string;
  readonly name: string;
  readonly tags: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

/** A guild of the fake and its two text channels. */
export interface FakeGuild {
  readonly id: string;
  readonly channels: { readonly general: string; readonly other: string };
}

/** Discord-style snowflakes, increasing. */
let counter = 0n;
const snowflake = () => String(1_300_000_000_000_000_000n + ++counter * 4096n);

/** The shard Discord sends a guild's events on. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/**
 * A fresh snowflake on shard `shard` of `count`: its timestamp part moved to the right residue.
 * The low bit is set so it can never equal a later snowflake() (those are multiples of 4096).
 */
function snowflakeOnShard(shard: number, count: number): string {
  const id = BigInt(snowflake());
  const ts = id >> 22n;
  const step = (BigInt(shard) - (ts % BigInt(count)) + BigInt(count)) % BigInt(count);
  return String(((ts + step) << 22n) | (id & 0x3fffffn) | 1n);
}

const bits = (...flags: bigint[]) => String(flags.reduce((a, b) => a | b, 0n));

const MEMBER_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.UseApplicationCommands,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
];

const BOT_PERMISSIONS = [...MEMBER_PERMISSIONS, PermissionFlagsBits.ManageThreads];

class Rejection extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export class FakeDiscord {
  readonly token: string;
  readonly applicationId = snowflake();
  readonly botUser: FakeUser = { id: this.applicationId, username: 'Griot', bot: true };
  readonly guildId = snowflake();
  readonly channels = { general: snowflake(), other: snowflake() };
  readonly roles = { everyone: this.guildId, moderator: snowflake(), helpers: snowflake(), bot: snowflake() };
  readonly users = {
    alice: { id: snowflake(), username: 'alice' } as FakeUser,
    bob: { id: snowflake(), username: 'bob' } as FakeUser,
    otherBot: { id: snowflake(), username: 'otherbot', bot: true } as FakeUser,
  };
  /** Every REST call, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  readonly messages = new Map<string, FakeMessage>();
  readonly interactions = new Map<string, FakeInteraction>();
  /** Threads created from messages: thread id → its channel object. */
  readonly threads = new Map<string, Record<string, any>>();
  /** Registered application commands: 'global' or a guild id → commands. */
  readonly commands = new Map<string, any[]>();
  /** Every guild the bot is in; the first is `guildId` with `channels`. */
  readonly guilds: FakeGuild[] = [{ id: this.guildId, channels: this.channels }];
  readonly gateway: FakeGateway;
  url = '';
  private readonly ackDeadlineMs: number;
  private readonly recommendedShards: number;
  /** Channel or thread id → the guild it belongs to. */
  private readonly channelGuild = new Map<string, string>(Object.values(this.channels).map((id) => [id, this.guildId]));
  private readonly server: Server;
  private readonly waiters = new Set<() => void>();
  /** Whether the Developer Portal's Message Content intent is on (IDENTIFY with it is closed 4014 when off). */
  messageContentIntent = true;
  /** Per channel, permission overwrites as Discord returns them (`{ id, type: 0 role | 1 member, allow, deny }`). */
  readonly overwrites = new Map<string, Array<{ id: string; type: 0 | 1; allow: string; deny: string }>>();
  /** Status codes for the next REST requests, answered before routing (a Discord outage: 502, 503…). */
  readonly outage: number[] = [];
  /** Forum channels by id (see addForum). */
  readonly forums = new Map<string, FakeForum>();

  private constructor(options: FakeDiscordOptions) {
    this.token = options.token ?? `fake.${randomBytes(12).toString('hex')}`;
    this.ackDeadlineMs = options.ackDeadlineMs ?? 3000;
    this.recommendedShards = options.shards ?? 1;
    this.server = createServer((req, res) => void this.handle(req, res));
    this.gateway = new FakeGateway(this.server, {
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      ready: (sessionId, resumeUrl, shard) => ({
        v: 10,
        user: this.userJson(this.botUser),
        guilds: this.guildsOn(shard).map((g) => ({ id: g.id, unavailable: true })),
        session_id: sessionId,
        resume_gateway_url: resumeUrl,
        shard,
        application: { id: this.applicationId, flags: 0 },
        private_channels: [],
        relationships: [],
        presences: [],
        guild_join_requests: [],
        geo_ordered_rtc_regions: [],
        user_settings: {},
      }),
      guilds: (shard) => this.guildsOn(shard).map((g) => this.guildJson(g)),
      allowedPrivilegedIntents: () => (this.messageContentIntent ? 1 << 15 : 0),
    });
  }

  /** Starts a fake Discord on an ephemeral port of 127.0.0.1. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.server.listen(options.port ?? 0, '127.0.0.1', resolve));
    const { port } = fake.server.address() as AddressInfo;
    fake.url = `http://127.0.0.1:${port}`;
    fake.gateway.setUrl(`ws://127.0.0.1:${port}`);
    return fake;
  }

  /** The REST base URL for discord.js's `rest.api` option. */
  get apiUrl(): string {
    return `${this.url}/api`;
  }

  /** Requests Discord would have refused. */
  get rejections(): RecordedRequest[] {
    return this.requests.filter((r) => r.status >= 400);
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * Adds a guild (with `general` and `other` channels) the bot is in. With `shard`, its id is
   * chosen so Discord would route it to that shard of `shard[1]`. Add guilds before the bot starts:
   * they arrive with READY.
   */
  addGuild(options: { shard?: ShardPair } = {}): FakeGuild {
    const id = options.shard ? snowflakeOnShard(options.shard[0], options.shard[1]) : snowflake();
    const guild: FakeGuild = { id, channels: { general: snowflake(), other: snowflake() } };
    this.guilds.push(guild);
    for (const channelId of Object.values(guild.channels)) this.channelGuild.set(channelId, id);
    return guild;
  }

  /** The shard a guild's events go to, by the shard count the bot identified with. */
  shardOf(guildId: string): number {
    return shardOfGuild(guildId, this.gateway.shardCount);
  }

  // ── Driving the bot ────────────────────────────────────────────────────────────────────────

  /** Dispatches a chat-input command as `user` typed it (in `channelId`'s guild). Options are name → value. */
  command(
    name: string,
    options: Record<string, string | number | boolean | { channel: string }> = {},
    by: { user?: FakeUser; channelId?: string; roles?: string[]; locale?: string; subcommand?: string } = {},
  ): FakeInteraction {
    const user = by.user ?? this.users.alice;
    const channelId = by.channelId ?? this.channels.general;
    const registered = [...this.commands.values()].flat().find((c) => c.name === name);
    const channels: Record<string, unknown> = {};
    const definitions: any[] | undefined = by.subcommand ? registered?.options?.find((o: any) => o.name === by.subcommand)?.options : registered?.options;
    const flat = Object.entries(options).map(([optName, value]) => {
      if (typeof value === 'object') {
        // A channel option: its id, the channel itself under resolved (as Discord sends it).
        channels[value.channel] = this.channelJson(value.channel);
        return { name: optName, type: 7, value: value.channel };
      }
      // The type the registered command declares (a number option given 1 is still a number), else one from the value.
      const declared = definitions?.find((d: any) => d.name === optName)?.type;
      return { name: optName, type: declared ?? (typeof value === 'boolean' ? 5 : typeof value === 'number' ? (Number.isInteger(value) ? 4 : 10) : 3), value };
    });
    const optionJson = by.subcommand ? [{ name: by.subcommand, type: 1, options: flat }] : flat;
    return this.dispatchInteraction(
      2,
      user,
      channelId,
      by.roles ?? [],
      {
        id: registered?.id ?? snowflake(),
        name,
        type: 1,
        options: optionJson,
        guild_id: this.guildOf(channelId),
        ...(Object.keys(channels).length ? { resolved: { channels } } : {}),
      },
      undefined,
      by.locale,
    );
  }

  /** Dispatches a click on the button `customId` of a message. */
  click(messageId: string, customId: string, by: { user?: FakeUser; roles?: string[] } = {}): FakeInteraction {
    const message = this.messages.get(messageId);
    if (!message) throw new Error(`fake discord: no message ${messageId}`);
    const ids = message.components.flatMap((row: any) => row.components ?? []).map((c: any) => c.custom_id);
    if (!ids.includes(customId)) throw new Error(`fake discord: message ${messageId} has no button ${customId} (has ${ids.join(', ')})`);
    const interaction = this.dispatchInteraction(
      3,
      by.user ?? this.users.alice,
      message.channelId,
      by.roles ?? [],
      { custom_id: customId, component_type: 2 },
      message,
    );
    interaction.messageId = message.id;
    return interaction;
  }

  /** A user posts a message; Discord delivers MESSAGE_CREATE (content only with the intent or a mention). */
  say(content: string, by: { user?: FakeUser; channelId?: string; mentions?: FakeUser[] } = {}): FakeMessage {
    const user = by.user ?? this.users.alice;
    const channelId = by.channelId ?? this.channels.general;
    const mentions = by.mentions ?? [...content.matchAll(/<@!?(\d+)>/g)].map((m) => this.userById(m[1]!)).filter((u): u is FakeUser => !!u);
    const message = this.storeMessage({
      channelId,
      author: user,
      content,
      mentions,
      mentionEveryone: /@(everyone|here)/.test(content),
    });
    this.dispatchMessage(message);
    return message;
  }

  /**
   * Adds a forum channel with `tags` (names) to a guild (the first by default). Before the bot
   * starts it arrives with the guild; while it runs, as CHANNEL_CREATE.
   */
  addForum(options: { name?: string; tags?: string[]; guildId?: string; overwrites?: Array<{ id: string; type: 0 | 1; allow: string; deny: string }> } = {}): FakeForum {
    const guildId = options.guildId ?? this.guildId;
    const forum: FakeForum = {
      id: snowflake(),
      guildId,
      name: options.name ?? 'help',
      tags: (options.tags ?? []).map((name) => ({ id: snowflake(), name })),
    };
    this.forums.set(forum.id, forum);
    this.channelGuild.set(forum.id, guildId);
    if (options.overwrites) this.overwrites.set(forum.id, options.overwrites);
    if (this.gateway.connected) this.gateway.dispatch('CHANNEL_CREATE', this.channelJson(forum.id), this.shardOf(guildId));
    return forum;
  }

  /**
   * A member creates a post in a forum, as Discord delivers it: THREAD_CREATE (the post's thread,
   * named after its title, owned by the author, with `tags` applied by name), then MESSAGE_CREATE of
   * its first message, whose id is the thread's.
   */
  post(forumId: string, post: { title: string; content: string; user?: FakeUser; tags?: string[] }): { thread: Record<string, any>; message: FakeMessage } {
    const forum = this.forums.get(forumId);
    if (!forum) throw new Error(`fake discord: no forum ${forumId}`);
    const user = post.user ?? this.users.alice;
    const id = snowflake();
    const applied = (post.tags ?? []).map((name) => {
      const tag = forum.tags.find((t) => t.name === name);
      if (!tag) throw new Error(`fake discord: forum ${forum.name} has no tag ${name}`);
      return tag.id;
    });
    const thread = this.threadJson(id, forum.guildId, forumId, user.id, post.title, applied);
    this.threads.set(id, thread);
    this.channelGuild.set(id, forum.guildId);
    this.gateway.dispatch('THREAD_CREATE', { ...thread, newly_created: true }, this.shardOf(forum.guildId));
    const message = this.storeMessage({ id, channelId: id, author: user, content: post.content, mentions: [], mentionEveryone: false });
    thread.message_count = 1;
    this.dispatchMessage(message);
    return { thread, message };
  }

  /** The names of the tags applied to a forum post. */
  appliedTagNames(threadId: string): string[] {
    const thread = this.threads.get(threadId);
    const forum = thread ? this.forums.get(thread.parent_id) : undefined;
    return (thread?.applied_tags ?? []).map((id: string) => forum?.tags.find((t) => t.id === id)?.name ?? id);
  }

  /** Resolves with the first request (past or future) matching `test`. */
  async waitForRequest(test: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.until(() => this.requests.find(test), timeoutMs, 'a matching request');
  }

  /** Resolves once `read` returns something other than undefined/false: re-checked after each request and every 10 ms. */
  async until<T>(read: () => T | undefined | false, timeoutMs = 5000, what = 'the condition'): Promise<T> {
    const first = read();
    if (first !== undefined && first !== false) return first;
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = read();
        if (value === undefined || value === false) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const poll = setInterval(check, 10);
      const cleanup = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  /** The interaction's @original message once it has content (the deferred placeholder excluded). */
  original(interaction: FakeInteraction): FakeMessage | undefined {
    const m = interaction.originalId ? this.messages.get(interaction.originalId) : undefined;
    return m && !m.deleted ? m : undefined;
  }

  followUps(interaction: FakeInteraction): FakeMessage[] {
    return interaction.followUpIds.map((id) => this.messages.get(id)!).filter((m) => !m.deleted);
  }

  /** Messages of a channel or thread, oldest first. */
  messagesIn(channelId: string): FakeMessage[] {
    return [...this.messages.values()].filter((m) => m.channelId === channelId && !m.deleted);
  }

  // ── Internals ──────────────────────────────────────────────────────────────────────────────

  private dispatchInteraction(
    type: 2 | 3,
    user: FakeUser,
    channelId: string,
    roles: string[],
    data: Record<string, unknown>,
    message?: FakeMessage,
    locale = 'en-US',
  ): FakeInteraction {
    const guildId = this.guildOf(channelId);
    const interaction: FakeInteraction = {
      id: snowflake(),
      token: `itoken.${randomBytes(16).toString('hex')}`,
      type,
      dispatchedAt: Date.now(),
      channelId,
      user,
      shard: this.shardOf(guildId),
      followUpIds: [],
    };
    this.interactions.set(interaction.id, interaction);
    this.gateway.dispatch('INTERACTION_CREATE', {
      id: interaction.id,
      application_id: this.applicationId,
      type,
      token: interaction.token,
      version: 1,
      data,
      guild_id: guildId,
      guild: { id: guildId, locale: 'en-US', features: [] },
      channel_id: channelId,
      channel: this.channelJson(channelId),
      member: this.memberJson(user, roles),
      app_permissions: bits(...BOT_PERMISSIONS),
      locale,
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': guildId },
      context: 0,
      attachment_size_limit: 10_485_760,
      ...(message ? { message: this.messageJson(message) } : {}),
    }, interaction.shard);
    return interaction;
  }

  private dispatchMessage(message: FakeMessage): void {
    const GUILD_MESSAGES = 1 << 9;
    const MESSAGE_CONTENT = 1 << 15;
    if (!(this.gateway.intents & GUILD_MESSAGES)) return;
    const json = this.messageJson(message);
    // Without the Message Content intent, Discord blanks the content unless the bot is mentioned.
    const mentioned = message.mentions.some((u) => u.id === this.botUser.id) || message.author.id === this.botUser.id;
    if (!(this.gateway.intents & MESSAGE_CONTENT) && !mentioned) json.content = '';
    const guildId = this.guildOf(message.channelId);
    this.gateway.dispatch('MESSAGE_CREATE', { ...json, guild_id: guildId, member: this.memberJson(message.author, []) }, this.shardOf(guildId));
  }

  private storeMessage(m: {
    id?: string;
    channelId: string;
    author: FakeUser;
    content?: string | null;
    embeds?: any[] | null;
    components?: any[] | null;
    flags?: number;
    interactionId?: string;
    mentions?: FakeUser[];
    mentionEveryone?: boolean;
    allowedMentions?: MessageBody['allowed_mentions'];
    attachments?: FakeAttachment[];
  }): FakeMessage {
    const message: FakeMessage = {
      id: m.id ?? snowflake(),
      channelId: m.channelId,
      author: m.author,
      content: m.content ?? '',
      embeds: m.embeds ?? [],
      components: m.components ?? [],
      attachments: m.attachments ?? [],
      flags: m.flags ?? 0,
      createdAt: Date.now(),
      editedAt: null,
      editTimes: [],
      deleted: false,
      mentions: m.mentions ?? [],
      mentionEveryone: m.mentionEveryone ?? false,
      ...(m.interactionId ? { interactionId: m.interactionId } : {}),
      ...(m.allowedMentions ? { allowedMentions: m.allowedMentions } : {}),
    };
    this.messages.set(message.id, message);
    return message;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://fake');
    const bytes = await readBody(req);
    const raw = bytes.toString('utf8');
    let body: any;
    const files: FakeAttachment[] = [];
    const type = req.headers['content-type'] ?? '';
    if (raw.length > 0) {
      if (type.startsWith('multipart/form-data')) {
        // Messages with files, as discord.js sends them: the JSON in payload_json, each file as files[n].
        const form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
        try {
          body = JSON.parse(String(form.get('payload_json') ?? '{}'));
        } catch {
          body = { unparsable: raw };
        }
        for (const [name, value] of form.entries()) {
          if (!name.startsWith('files[') || typeof value === 'string') continue;
          files.push({ id: snowflake(), filename: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
        }
      } else if (!type.startsWith('application/json')) body = { unsupportedContentType: type };
      else {
        try {
          body = JSON.parse(raw);
        } catch {
          body = { unparsable: raw };
        }
      }
    }
    const prefix = '/api/v10';
    const pathname = decodeURIComponent(url.pathname);
    const path = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname;
    const record: RecordedRequest = {
      at,
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      body,
      authorized: req.headers.authorization === `Bot ${this.token}`,
      files,
      status: 0,
    };
    this.requests.push(record);
    try {
      const down = this.outage.shift();
      if (down !== undefined) throw new Rejection(down, 0, `${down}: the fake is having an outage`);
      if (!url.pathname.startsWith(prefix)) throw new Rejection(404, 0, `404: Not Found (expected a path under ${prefix})`);
      if (body?.unsupportedContentType !== undefined) throw new Rejection(400, 0, `the fake only reads JSON bodies, got ${type}`);
      const result = this.route(record);
      record.status = result === undefined ? 204 : 200;
      if (result === undefined) res.writeHead(204).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    } catch (err) {
      const r = err instanceof Rejection ? err : new Rejection(500, 0, `fake discord crashed: ${(err as Error).stack}`);
      record.status = r.status;
      record.rejection = r.message;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (r.status === 429) {
        headers['retry-after'] = String(r.extra.retry_after);
        headers['x-ratelimit-scope'] = 'user';
      }
      res.writeHead(r.status, headers);
      res.end(JSON.stringify({ message: r.message, code: r.code, ...r.extra }));
    }
    for (const wake of [...this.waiters]) wake();
  }

  private route(r: RecordedRequest): unknown {
    const p = r.path.split('/').slice(1);
    const is = (method: string, ...pattern: string[]) =>
      r.method === method && p.length === pattern.length && pattern.every((part, i) => part === '*' || part === p[i]);
    const needAuth = () => {
      if (!r.authorized) throw new Rejection(401, 0, '401: Unauthorized');
    };

    if (is('GET', 'gateway', 'bot')) {
      needAuth();
      return {
        url: this.url.replace(/^http/, 'ws'),
        shards: this.recommendedShards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      };
    }
    if (is('GET', 'users', '@me')) {
      needAuth();
      return this.userJson(this.botUser);
    }
    if (is('GET', 'applications', '@me')) {
      needAuth();
      // GATEWAY_MESSAGE_CONTENT_LIMITED (1 << 19): the intent switched on for a bot in under 100 servers.
      const flags = this.messageContentIntent ? 1 << 19 : 0;
      return { id: this.applicationId, name: 'Griot', description: '', bot_public: false, flags, bot: this.userJson(this.botUser) };
    }
    if (is('PUT', 'applications', '*', 'commands') || is('PUT', 'applications', '*', 'guilds', '*', 'commands')) {
      needAuth();
      this.needApplication(p[1]!);
      const scope = p.length === 3 ? 'global' : p[3]!;
      if (scope !== 'global' && !this.guilds.some((g) => g.id === scope)) throw new Rejection(404, 10004, 'Unknown Guild');
      if (!Array.isArray(r.body)) throw new Rejection(400, 50035, 'Invalid Form Body: expected an array of commands');
      const saved = r.body.map((c: any) => ({ id: snowflake(), application_id: this.applicationId, version: snowflake(), type: 1, ...c }));
      this.commands.set(scope, saved);
      return saved;
    }
    if (is('GET', 'applications', '*', 'commands') || is('GET', 'applications', '*', 'guilds', '*', 'commands')) {
      needAuth();
      return this.commands.get(p.length === 3 ? 'global' : p[3]!) ?? [];
    }
    if (is('POST', 'interactions', '*', '*', 'callback')) return this.callback(r, p[1]!, p[2]!);
    if (p[0] === 'webhooks') return this.webhook(r, p);
    if (is('PATCH', 'channels', '*')) {
      needAuth();
      return this.patchThread(p[1]!, r.body ?? {});
    }
    if (is('GET', 'channels', '*')) {
      needAuth();
      return this.channelJson(this.needChannel(p[1]!));
    }
    if (is('GET', 'guilds', '*')) {
      needAuth();
      const guild = this.guilds.find((g) => g.id === p[1]);
      if (!guild) throw new Rejection(404, 10004, 'Unknown Guild');
      return this.guildJson(guild);
    }
    if (is('GET', 'guilds', '*', 'members', '*')) {
      needAuth();
      const user = this.userById(p[3]!);
      if (!this.guilds.some((g) => g.id === p[1]) || !user) throw new Rejection(404, 10007, 'Unknown Member');
      return this.memberJson(user, user.id === this.botUser.id ? [this.roles.bot] : []);
    }
    if (is('POST', 'channels', '*', 'typing')) {
      needAuth();
      this.needChannel(p[1]!);
      return undefined;
    }
    if (is('POST', 'channels', '*', 'messages')) {
      needAuth();
      const channelId = this.needChannel(p[1]!);
      this.needBotPermission(channelId, PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads', true);
      this.checkMessage(r.body, true, r.files);
      const message = this.storeMessage({
        channelId,
        author: this.botUser,
        content: r.body.content,
        embeds: r.body.embeds,
        components: r.body.components,
        flags: r.body.flags,
        allowedMentions: r.body.allowed_mentions,
        attachments: r.files,
      });
      this.dispatchMessage(message);
      return this.messageJson(message);
    }
    if (is('GET', 'channels', '*', 'messages', '*')) {
      needAuth();
      return this.messageJson(this.needMessage(p[3]!, p[1]));
    }
    if (is('PATCH', 'channels', '*', 'messages', '*')) {
      needAuth();
      const message = this.needMessage(p[3]!, p[1]);
      if (message.author.id !== this.botUser.id) throw new Rejection(403, 50005, 'Cannot edit a message authored by another user');
      return this.messageJson(this.edit(message, r.body, r.files));
    }
    if (is('POST', 'channels', '*', 'messages', '*', 'threads')) {
      needAuth();
      const message = this.needMessage(p[3]!, p[1]);
      const name = String(r.body?.name ?? '');
      if (name.length === 0 || [...name].length > LIMITS.threadName) {
        throw new Rejection(400, 50035, `Invalid Form Body: name must be 1 to ${LIMITS.threadName} characters, got ${[...name].length}`);
      }
      if (this.threads.has(message.id)) throw new Rejection(400, 160004, 'A thread has already been created for this message');
      const guildId = this.guildOf(message.channelId);
      const thread = {
        id: message.id,
        type: 11,
        guild_id: guildId,
        parent_id: message.channelId,
        owner_id: this.botUser.id,
        name,
        last_message_id: null,
        message_count: 0,
        member_count: 1,
        rate_limit_per_user: 0,
        flags: 0,
        total_message_sent: 0,
        thread_metadata: {
          archived: false,
          auto_archive_duration: r.body?.auto_archive_duration ?? 1440,
          archive_timestamp: new Date().toISOString(),
          locked: false,
          create_timestamp: new Date().toISOString(),
        },
      };
      this.threads.set(thread.id, thread);
      this.channelGuild.set(thread.id, guildId);
      this.gateway.dispatch('THREAD_CREATE', { ...thread, newly_created: true }, this.shardOf(guildId));
      return thread;
    }
    throw new Rejection(404, 0, `404: Not Found (the fake has no route ${r.method} ${r.path})`);
  }

  private callback(r: RecordedRequest, id: string, token: string): unknown {
    const interaction = this.interactions.get(id);
    if (!interaction || interaction.token !== token) throw new Rejection(404, 10062, 'Unknown interaction');
    const late = r.at - interaction.dispatchedAt;
    if (late > this.ackDeadlineMs) {
      throw new Rejection(404, 10062, `Unknown interaction (acknowledged ${late} ms after dispatch; the limit is ${this.ackDeadlineMs} ms)`);
    }
    if (interaction.ack) throw new Rejection(400, 40060, 'Interaction has already been acknowledged.');
    const type = Number(r.body?.type);
    const data = r.body?.data ?? {};
    const ephemeral = ((data.flags ?? 0) & 64) !== 0;
    let message: FakeMessage | undefined;
    switch (type) {
      case 4:
        this.checkMessage(data, true, r.files);
        message = this.storeMessage({
          channelId: interaction.channelId,
          author: this.botUser,
          content: data.content,
          embeds: data.embeds,
          components: data.components,
          flags: data.flags,
          interactionId: id,
          allowedMentions: data.allowed_mentions,
          attachments: r.files,
        });
        interaction.originalId = message.id;
        break;
      case 5:
        // The "is thinking…" placeholder (flag 128, loading) that edits of @original fill in.
        message = this.storeMessage({ channelId: interaction.channelId, author: this.botUser, flags: (data.flags ?? 0) | 128, interactionId: id });
        interaction.originalId = message.id;
        break;
      case 6:
        if (interaction.type !== 3) throw new Rejection(400, 50035, 'DEFERRED_UPDATE_MESSAGE is only valid for components');
        interaction.originalId = interaction.messageId;
        break;
      case 7: {
        if (interaction.type !== 3) throw new Rejection(400, 50035, 'UPDATE_MESSAGE is only valid for components');
        this.checkMessage(data, false);
        message = this.applyEdit(this.needMessage(interaction.messageId!), data, r.files);
        interaction.originalId = message.id;
        break;
      }
      default:
        throw new Rejection(400, 50035, `Invalid Form Body: unsupported callback type ${type}`);
    }
    interaction.ack = { type, at: r.at, ephemeral };
    if (r.query.get('with_response') === 'true') {
      return {
        interaction: { id, type: interaction.type, response_message_loading: type === 5, response_message_ephemeral: ephemeral },
        resource: { type, ...(message ? { message: this.messageJson(message) } : {}) },
      };
    }
    return undefined;
  }

  private webhook(r: RecordedRequest, p: string[]): unknown {
    const [, appId, token, sub, messageId] = p;
    if (appId !== this.applicationId) throw new Rejection(404, 10015, 'Unknown Webhook');
    const interaction = [...this.interactions.values()].find((i) => i.token === token);
    if (!interaction) throw new Rejection(404, 10015, 'Unknown Webhook');
    if (!interaction.ack) throw new Rejection(404, 10015, 'Unknown Webhook (the interaction was never acknowledged)');
    if (r.method === 'POST' && p.length === 3) {
      this.checkMessage(r.body, true, r.files);
      const message = this.storeMessage({
        channelId: interaction.channelId,
        author: this.botUser,
        content: r.body.content,
        embeds: r.body.embeds,
        components: r.body.components,
        flags: r.body.flags,
        interactionId: interaction.id,
        allowedMentions: r.body.allowed_mentions,
        attachments: r.files,
      });
      interaction.followUpIds.push(message.id);
      return r.query.get('wait') === 'true' ? this.messageJson(message) : undefined;
    }
    if (sub !== 'messages' || !messageId || p.length !== 5) throw new Rejection(404, 0, `404: Not Found (no webhook route ${r.method} ${r.path})`);
    const id = messageId === '@original' ? interaction.originalId : messageId;
    const message = id ? this.messages.get(id) : undefined;
    if (!message || message.deleted) throw new Rejection(404, 10008, 'Unknown Message');
    if (r.method === 'GET') return this.messageJson(message);
    if (r.method === 'DELETE') {
      message.deleted = true;
      return undefined;
    }
    if (r.method === 'PATCH') return this.messageJson(this.edit(message, r.body, r.files));
    throw new Rejection(405, 0, '405: Method Not Allowed');
  }

  private edit(message: FakeMessage, body: any, files: FakeAttachment[] = []): FakeMessage {
    this.checkMessage(body ?? {}, false);
    const now = Date.now();
    const recent = message.editTimes.filter((t) => now - t < 5000);
    if (recent.length >= 5) {
      const retry = (5000 - (now - recent[0]!)) / 1000;
      throw new Rejection(429, 20028, `You are being rate limited (more than 5 edits of message ${message.id} in 5 s).`, {
        retry_after: retry,
        global: false,
      });
    }
    message.editTimes.push(now);
    return this.applyEdit(message, body ?? {}, files);
  }

  /**
   * An edit: fields present replace the message's. Attachments as Discord keeps them: without an
   * `attachments` list they stay; with one, those it names by id stay, and uploaded files are added.
   */
  private applyEdit(message: FakeMessage, body: any, files: FakeAttachment[] = []): FakeMessage {
    if (Array.isArray(body.attachments)) {
      const kept = new Set(body.attachments.map((a: any) => String(a.id)));
      message.attachments = [...message.attachments.filter((a) => kept.has(a.id)), ...files];
    } else if (files.length > 0) message.attachments = [...message.attachments, ...files];
    if ('content' in body) message.content = body.content ?? '';
    if ('embeds' in body) message.embeds = body.embeds ?? [];
    if ('components' in body) message.components = body.components ?? [];
    if ('allowed_mentions' in body) (message as { allowedMentions?: unknown }).allowedMentions = body.allowed_mentions;
    message.flags &= ~128;
    message.editedAt = Date.now();
    return message;
  }

  private checkMessage(body: MessageBody | undefined, create: boolean, files: FakeAttachment[] = []): void {
    const problems = messageProblems(body ?? {});
    if (create && files.length === 0 && isEmptyMessage(body ?? {})) problems.push('Cannot send an empty message');
    if (files.length > 10) problems.push(`${files.length} files (max 10)`);
    for (const f of files) if (f.data.length > 10 * 1024 * 1024) problems.push(`${f.filename} is ${f.data.length} bytes (max 10 MiB)`);
    if (problems.length > 0) throw new Rejection(400, 50035, `Invalid Form Body: ${problems.join('; ')}`);
  }

  private needApplication(id: string): void {
    if (id !== this.applicationId) throw new Rejection(403, 50001, `Missing Access (application ${id} is not this bot's)`);
  }

  private needChannel(id: string): string {
    if (!this.channelGuild.has(id)) throw new Rejection(404, 10003, 'Unknown Channel');
    return id;
  }

  private needMessage(id: string, channelId?: string): FakeMessage {
    const message = this.messages.get(id);
    if (!message || message.deleted || (channelId && message.channelId !== channelId)) throw new Rejection(404, 10008, 'Unknown Message');
    return message;
  }

  private userById(id: string): FakeUser | undefined {
    return [this.botUser, ...Object.values(this.users)].find((u) => u.id === id);
  }

  private userJson(u: FakeUser): Record<string, unknown> {
    return { id: u.id, username: u.username, discriminator: '0', global_name: null, avatar: null, bot: u.bot ?? false, flags: 0 };
  }

  private memberJson(u: FakeUser, roles: string[]): Record<string, unknown> {
    const perms = [...MEMBER_PERMISSIONS, ...(roles.includes(this.roles.moderator) ? [PermissionFlagsBits.ManageGuild] : [])];
    return {
      user: this.userJson(u),
      roles,
      nick: null,
      avatar: null,
      joined_at: '2024-01-01T00:00:00.000Z',
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
      permissions: bits(...perms),
    };
  }

  private channelJson(id: string): Record<string, unknown> {
    const thread = this.threads.get(id);
    if (thread) return thread;
    const forum = this.forums.get(id);
    if (forum) {
      return {
        id,
        type: 15,
        guild_id: forum.guildId,
        name: forum.name,
        position: 1,
        permission_overwrites: this.overwrites.get(id) ?? [],
        parent_id: null,
        nsfw: false,
        topic: null,
        flags: 0,
        rate_limit_per_user: 0,
        available_tags: forum.tags.map((t) => ({ id: t.id, name: t.name, moderated: false, emoji_id: null, emoji_name: null })),
        default_reaction_emoji: null,
        default_sort_order: null,
        default_forum_layout: 0,
        default_thread_rate_limit_per_user: 0,
      };
    }
    const guild = this.guilds.find((g) => g.id === this.channelGuild.get(id));
    const name = Object.entries(guild?.channels ?? {}).find(([, v]) => v === id)?.[0] ?? 'unknown';
    return { id, type: 0, guild_id: guild?.id ?? this.guildId, name, position: 0, permission_overwrites: this.overwrites.get(id) ?? [], parent_id: null, nsfw: false, topic: null, flags: 0 };
  }

  private threadJson(id: string, guildId: string, parentId: string, ownerId: string, name: string, appliedTags: string[]): Record<string, any> {
    return {
      id,
      type: 11,
      guild_id: guildId,
      parent_id: parentId,
      owner_id: ownerId,
      name,
      last_message_id: null,
      message_count: 0,
      member_count: 1,
      rate_limit_per_user: 0,
      flags: 0,
      total_message_sent: 0,
      applied_tags: appliedTags,
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: new Date().toISOString(),
        locked: false,
        create_timestamp: new Date().toISOString(),
      },
    };
  }

  /**
   * PATCH /channels/:thread: applied_tags (forum tags, at most 5, each one of the forum's; the bot
   * needs Manage Threads there unless it owns the thread), name, archived, locked. Dispatches THREAD_UPDATE.
   */
  private patchThread(id: string, body: Record<string, any>): Record<string, any> {
    const thread = this.threads.get(id);
    if (!thread) throw new Rejection(this.channelGuild.has(id) ? 400 : 404, this.channelGuild.has(id) ? 50035 : 10003, this.channelGuild.has(id) ? 'the fake only edits threads' : 'Unknown Channel');
    if ('applied_tags' in body) {
      const forum = this.forums.get(thread.parent_id);
      if (!forum) throw new Rejection(400, 50035, 'Invalid Form Body: applied_tags is only valid in a forum thread');
      const tags: string[] = body.applied_tags ?? [];
      if (tags.length > 5) throw new Rejection(400, 50035, `Invalid Form Body: applied_tags has ${tags.length} tags (max 5)`);
      const unknown = tags.filter((t) => !forum.tags.some((f) => f.id === t));
      if (unknown.length) throw new Rejection(400, 50035, `Invalid Form Body: unknown tags ${unknown.join(', ')}`);
      if (thread.owner_id !== this.botUser.id) this.needBotPermission(id, PermissionFlagsBits.ManageThreads, 'Manage Threads');
      thread.applied_tags = tags;
    }
    if (typeof body.name === 'string') thread.name = body.name;
    if (typeof body.archived === 'boolean') thread.thread_metadata.archived = body.archived;
    if (typeof body.locked === 'boolean') thread.thread_metadata.locked = body.locked;
    this.gateway.dispatch('THREAD_UPDATE', thread, this.shardOf(thread.guild_id));
    return thread;
  }

  /**
   * Rejects with 50013 when the bot lacks `permission` in a channel (a thread: in its parent), from
   * its role and the channel's overwrites for @everyone, its role and itself. `forumOnly`: checked
   * only in forum threads (the text channels' tests predate overwrites).
   */
  private needBotPermission(channelId: string, permission: bigint, name: string, forumOnly = false): void {
    const thread = this.threads.get(channelId);
    const target = thread ? thread.parent_id : channelId;
    if (forumOnly && !this.forums.has(target)) return;
    let allowed = [...MEMBER_PERMISSIONS, ...BOT_PERMISSIONS].reduce((a, b) => a | b, 0n);
    const overwrites = this.overwrites.get(target) ?? [];
    for (const ids of [[this.guildOf(target)], [this.roles.bot], [this.botUser.id]]) {
      for (const o of overwrites.filter((o) => ids.includes(o.id))) allowed = (allowed & ~BigInt(o.deny)) | BigInt(o.allow);
    }
    if ((allowed & permission) === 0n) throw new Rejection(403, 50013, `Missing Permissions (${name})`);
  }

  /** The guild a channel or thread belongs to (the first guild for an unknown id). */
  private guildOf(channelId: string): string {
    return this.channelGuild.get(channelId) ?? this.guildId;
  }

  /** The guilds whose events go to `shard`. */
  private guildsOn(shard: ShardPair): FakeGuild[] {
    return this.guilds.filter((g) => shardOfGuild(g.id, shard[1]) === shard[0]);
  }

  private guildJson(guild: FakeGuild): Record<string, unknown> {
    const role = (id: string, name: string, position: number, permissions: bigint[]) => ({
      id,
      name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      position,
      permissions: bits(...permissions),
      managed: false,
      mentionable: true,
      flags: 0,
      icon: null,
      unicode_emoji: null,
    });
    return {
      id: guild.id,
      name: guild.id === this.guildId ? 'Fake Guild' : `Fake Guild ${this.guilds.indexOf(guild) + 1}`,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.users.bob.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        role(guild.id, '@everyone', 0, MEMBER_PERMISSIONS),
        role(this.roles.moderator, 'Moderators', 2, [...MEMBER_PERMISSIONS, PermissionFlagsBits.ManageGuild]),
        role(this.roles.helpers, 'Helpers', 1, MEMBER_PERMISSIONS),
        // The bot's own (managed) role, as an invite with permissions gives it.
        role(this.roles.bot, 'Griot', 3, BOT_PERMISSIONS),
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      joined_at: '2024-01-01T00:00:00.000Z',
      large: false,
      unavailable: false,
      member_count: 4,
      voice_states: [],
      members: [this.botUser, this.users.alice, this.users.bob].map((u) => this.memberJson(u, u.id === this.botUser.id ? [this.roles.bot] : [])),
      channels: [...Object.values(guild.channels), ...[...this.forums.values()].filter((f) => f.guildId === guild.id).map((f) => f.id)].map((id) => this.channelJson(id)),
      // Active threads come with the guild, as on Discord: a restarted bot knows the threads it answers in.
      threads: [...this.threads.values()].filter((t) => t.guild_id === guild.id),
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      max_members: 500_000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
    };
  }

  private messageJson(m: FakeMessage): Record<string, any> {
    return {
      id: m.id,
      channel_id: m.channelId,
      guild_id: this.guildOf(m.channelId),
      author: this.userJson(m.author),
      content: m.content,
      timestamp: new Date(m.createdAt).toISOString(),
      edited_timestamp: m.editedAt ? new Date(m.editedAt).toISOString() : null,
      tts: false,
      mention_everyone: m.mentionEveryone,
      mentions: m.mentions.map((u) => this.userJson(u)),
      mention_roles: [],
      attachments: m.attachments.map((a) => ({
        id: a.id,
        filename: a.filename,
        size: a.data.length,
        url: `${this.url}/attachments/${m.channelId}/${a.id}/${a.filename}`,
        proxy_url: `${this.url}/attachments/${m.channelId}/${a.id}/${a.filename}`,
        content_type: a.contentType,
      })),
      embeds: m.embeds,
      components: m.components,
      pinned: false,
      type: m.interactionId ? 20 : 0,
      flags: m.flags,
      ...(m.interactionId ? { webhook_id: this.applicationId, application_id: this.applicationId } : {}),
    };
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
