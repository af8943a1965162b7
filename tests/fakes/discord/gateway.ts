import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

/**
 * The fake Discord's gateway: a WebSocket server speaking the real JSON protocol (v10, no
 * compression): HELLO, IDENTIFY → READY + GUILD_CREATE, HEARTBEAT → ACK, RESUME → replay + RESUMED,
 * INVALID_SESSION for an unknown session, and dispatch of any event to the connected bot.
 * Sharded bots get one session per shard: IDENTIFY's `shard: [id, count]` picks the session, READY
 * and GUILD_CREATE cover that shard's guilds, and a dispatch goes to the shard it is addressed to.
 */

/** Gateway opcodes the fake speaks. */
export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  Reconnect: 7,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

/** A shard as IDENTIFY names it: [shard id, shard count]; [0, 1] when the bot does not shard. */
export type ShardPair = readonly [id: number, count: number];

/** One IDENTIFY as received, for assertions. */
export interface Identify {
  readonly at: number;
  /** The `shard` field as sent; null when the bot sent none. */
  readonly shard: ShardPair | null;
  readonly intents: number;
}

/** One frame in or out, for assertions. */
export interface GatewayFrame {
  readonly at: number;
  readonly dir: 'in' | 'out';
  readonly op: number;
  readonly t?: string;
  readonly s?: number;
  /** The shard whose connection carried it (0 until the connection identified). */
  readonly shard: number;
}

export interface GatewayOptions {
  readonly token: string;
  readonly heartbeatIntervalMs: number;
  /** The READY `d`, given the new session id, the URL to resume at and the shard identifying. */
  readonly ready: (sessionId: string, resumeUrl: string, shard: ShardPair) => Record<string, unknown>;
  /** GUILD_CREATE payloads sent after READY: the guilds of that shard. */
  readonly guilds: (shard: ShardPair) => Record<string, unknown>[];
  /** Privileged intents the application may use (bits); an IDENTIFY asking for others is closed with 4014. */
  readonly allowedPrivilegedIntents?: () => number;
}

/** The privileged intents: Guild Members, Guild Presences, Message Content. */
const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);

interface Session {
  readonly id: string;
  seq: number;
  readonly events: Array<{ s: number; t: string; d: unknown }>;
}

export class FakeGateway {
  /** Every frame in and out, in order. */
  readonly frames: GatewayFrame[] = [];
  /** Query strings of every connection (the bot's v/encoding/compress choice). */
  readonly connectQueries: URLSearchParams[] = [];
  /** Every IDENTIFY accepted, in order. */
  readonly identifies: Identify[] = [];
  /** Intents from the last IDENTIFY. */
  intents = 0;
  /** Shard count from the last IDENTIFY (1 when the bot does not shard): decides which shard a guild is on. */
  shardCount = 1;
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  /** The identified or resumed connection of each shard. */
  private readonly live = new Map<number, WebSocket>();
  /** The session of each shard, kept across a dropped connection for RESUME. */
  private readonly sessions = new Map<number, Session>();
  /** Which shard each identified connection serves. */
  private readonly socketShard = new Map<WebSocket, number>();
  private url = '';

  constructor(server: Server, private readonly options: GatewayOptions) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket, request) => this.accept(socket, request.url ?? '/'));
  }

  /** The URL the gateway answers on (set once the HTTP server listens). */
  setUrl(url: string): void {
    this.url = url;
  }

  /** True when a bot has identified or resumed and is connected now (any shard). */
  get connected(): boolean {
    return this.live.size > 0;
  }

  /** Shard ids with an identified or resumed connection now. */
  get connectedShards(): number[] {
    return [...this.live.keys()].sort((a, b) => a - b);
  }

  /** Number of open sockets (0 after the bot shut down cleanly). */
  get openSockets(): number {
    return this.sockets.size;
  }

  /**
   * Sends a dispatch to the bot on `shard` (default 0); kept for replay when that shard is
   * disconnected (as Discord does).
   */
  dispatch(t: string, d: unknown, shard = 0): void {
    const session = this.sessions.get(shard);
    if (!session) throw new Error(`fake gateway: no session on shard ${shard} to dispatch ${t} to; start the bot (that shard) first`);
    const s = ++session.seq;
    session.events.push({ s, t, d });
    const socket = this.live.get(shard);
    if (socket) this.send(socket, { op: Op.Dispatch, t, s, d });
  }

  /** Drops every connection as a network failure would; the bot should resume. */
  dropConnection(code = 4000): void {
    for (const socket of this.sockets) socket.close(code, 'fake gateway dropped the connection');
    this.live.clear();
  }

  /** Closes every socket and the server. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket, path: string): void {
    this.sockets.add(socket);
    this.connectQueries.push(new URLSearchParams(path.split('?')[1] ?? ''));
    socket.on('close', (code) => {
      this.sockets.delete(socket);
      const shard = this.socketShard.get(socket);
      this.socketShard.delete(socket);
      if (shard === undefined) return;
      if (this.live.get(shard) === socket) this.live.delete(shard);
      // A normal close ends the session for good, as on Discord; 4000+ leaves it resumable.
      if (code === 1000 || code === 1001) this.sessions.delete(shard);
    });
    socket.on('message', (raw) => this.receive(socket, raw));
    this.send(socket, { op: Op.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
  }

  private receive(socket: WebSocket, raw: RawData): void {
    let payload: { op: number; d: any };
    try {
      payload = JSON.parse(raw.toString());
    } catch {
      socket.close(4002, 'Decode error');
      return;
    }
    this.frames.push({ at: Date.now(), dir: 'in', op: payload.op, shard: this.socketShard.get(socket) ?? 0 });
    switch (payload.op) {
      case Op.Heartbeat:
        this.send(socket, { op: Op.HeartbeatAck });
        return;
      case Op.Identify: {
        if (payload.d?.token !== this.options.token) {
          socket.close(4004, 'Authentication failed.');
          return;
        }
        const asked = Number(payload.d.intents ?? 0) & PRIVILEGED_INTENTS;
        const allowed = this.options.allowedPrivilegedIntents?.() ?? PRIVILEGED_INTENTS;
        if ((asked & ~allowed) !== 0) {
          socket.close(4014, 'Disallowed intent(s).');
          return;
        }
        const sent = payload.d.shard;
        const valid = Array.isArray(sent) && sent.length === 2 && Number.isInteger(sent[0]) && Number.isInteger(sent[1]) && sent[0] >= 0 && sent[0] < sent[1];
        if (sent !== undefined && !valid) {
          socket.close(4010, 'Invalid shard.');
          return;
        }
        const shard: ShardPair = valid ? [sent[0], sent[1]] : [0, 1];
        this.identifies.push({ at: Date.now(), shard: valid ? shard : null, intents: Number(payload.d.intents ?? 0) });
        this.intents = Number(payload.d.intents ?? 0);
        this.shardCount = shard[1];
        const session: Session = { id: randomBytes(16).toString('hex'), seq: 0, events: [] };
        this.sessions.set(shard[0], session);
        this.live.set(shard[0], socket);
        this.socketShard.set(socket, shard[0]);
        this.dispatch('READY', this.options.ready(session.id, this.url, shard), shard[0]);
        for (const guild of this.options.guilds(shard)) this.dispatch('GUILD_CREATE', guild, shard[0]);
        return;
      }
      case Op.Resume: {
        const found = [...this.sessions].find(([, s]) => s.id === payload.d?.session_id);
        if (!found || payload.d?.token !== this.options.token) {
          this.send(socket, { op: Op.InvalidSession, d: false });
          return;
        }
        const [shard, session] = found;
        this.live.set(shard, socket);
        this.socketShard.set(socket, shard);
        const from = Number(payload.d.seq ?? 0);
        for (const e of session.events) if (e.s > from) this.send(socket, { op: Op.Dispatch, ...e });
        this.dispatch('RESUMED', {}, shard);
        return;
      }
      default:
        return;
    }
  }

  private send(socket: WebSocket, payload: { op: number; t?: string; s?: number; d?: unknown }): void {
    this.frames.push({
      at: Date.now(),
      dir: 'out',
      op: payload.op,
      shard: this.socketShard.get(socket) ?? 0,
      ...(payload.t ? { t: payload.t } : {}),
      ...(payload.s ? { s: payload.s } : {}),
    });
    socket.send(JSON.stringify({ t: null, s: null, d: null, ...payload }));
  }
}
