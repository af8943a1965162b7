import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

/**
 * The fake Discord's gateway: a WebSocket server speaking the real JSON protocol (v10, no
 * compression): HELLO, IDENTIFY → READY + GUILD_CREATE, HEARTBEAT → ACK, RESUME → replay + RESUMED,
 * INVALID_SESSION for an unknown session, and dispatch of any event to the connected bot.
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

/** One frame in or out, for assertions. */
export interface GatewayFrame {
  readonly at: number;
  readonly dir: 'in' | 'out';
  readonly op: number;
  readonly t?: string;
  readonly s?: number;
}

export interface GatewayOptions {
  readonly token: string;
  readonly heartbeatIntervalMs: number;
  /** The READY `d`, given the new session id and the URL to resume at. */
  readonly ready: (sessionId: string, resumeUrl: string) => Record<string, unknown>;
  /** GUILD_CREATE payloads sent after READY. */
  readonly guilds: () => Record<string, unknown>[];
}

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
  /** Intents from the last IDENTIFY. */
  intents = 0;
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private live: WebSocket | null = null;
  private session: Session | null = null;
  private url = '';

  constructor(server: Server, private readonly options: GatewayOptions) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket, request) => this.accept(socket, request.url ?? '/'));
  }

  /** The URL the gateway answers on (set once the HTTP server listens). */
  setUrl(url: string): void {
    this.url = url;
  }

  /** True when a bot has identified or resumed and is connected now. */
  get connected(): boolean {
    return this.live !== null;
  }

  /** Number of open sockets (0 after the bot shut down cleanly). */
  get openSockets(): number {
    return this.sockets.size;
  }

  /** Sends a dispatch to the bot; kept for replay when it is disconnected (as Discord does). */
  dispatch(t: string, d: unknown): void {
    const session = this.session;
    if (!session) throw new Error(`fake gateway: no session to dispatch ${t} to; start the bot first`);
    const s = ++session.seq;
    session.events.push({ s, t, d });
    if (this.live) this.send(this.live, { op: Op.Dispatch, t, s, d });
  }

  /** Drops the connection as a network failure would; the bot should resume. */
  dropConnection(code = 4000): void {
    for (const socket of this.sockets) socket.close(code, 'fake gateway dropped the connection');
    this.live = null;
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
      if (this.live === socket) this.live = null;
      // A normal close ends the session for good, as on Discord; 4000+ leaves it resumable.
      if (code === 1000 || code === 1001) this.session = null;
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
    this.frames.push({ at: Date.now(), dir: 'in', op: payload.op });
    switch (payload.op) {
      case Op.Heartbeat:
        this.send(socket, { op: Op.HeartbeatAck });
        return;
      case Op.Identify: {
        if (payload.d?.token !== this.options.token) {
          socket.close(4004, 'Authentication failed.');
          return;
        }
        this.intents = Number(payload.d.intents ?? 0);
        this.session = { id: randomBytes(16).toString('hex'), seq: 0, events: [] };
        this.live = socket;
        this.dispatch('READY', this.options.ready(this.session.id, this.url));
        for (const guild of this.options.guilds()) this.dispatch('GUILD_CREATE', guild);
        return;
      }
      case Op.Resume: {
        const session = this.session;
        if (!session || payload.d?.session_id !== session.id || payload.d?.token !== this.options.token) {
          this.send(socket, { op: Op.InvalidSession, d: false });
          return;
        }
        this.live = socket;
        const from = Number(payload.d.seq ?? 0);
        for (const e of session.events) if (e.s > from) this.send(socket, { op: Op.Dispatch, ...e });
        this.dispatch('RESUMED', {});
        return;
      }
      default:
        return;
    }
  }

  private send(socket: WebSocket, payload: { op: number; t?: string; s?: number; d?: unknown }): void {
    this.frames.push({ at: Date.now(), dir: 'out', op: payload.op, ...(payload.t ? { t: payload.t } : {}), ...(payload.s ? { s: payload.s } : {}) });
    socket.send(JSON.stringify({ t: null, s: null, d: null, ...payload }));
  }
}
