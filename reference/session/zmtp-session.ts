import type * as net from "node:net";
import {
  FrameBatcher,
  FrameDecoder,
  GREETING_SIZE,
  decodePing,
  decodeProperties,
  encodeCancel,
  encodeError,
  encodeGreeting,
  encodePing,
  encodePong,
  encodeSubscribe,
  isCompatible,
  legacySubscription,
  readGreeting,
  sendsIdentity,
  type SocketTypeName,
} from "../zmtp";
import { STANDARD_BEHAVIOUR, type Behaviour } from "../behaviour";

export interface SessionOptions {
  readonly socketType: SocketTypeName;
  /** Sent as the Identity property by REQ, DEALER and ROUTER (empty when unset). */
  readonly routingId: Buffer;
  /** Largest frame accepted, in bytes; -1 for no limit. */
  readonly maxMessageSize: number;
  /** Milliseconds the greeting and READY exchange may take; 0 for no limit. */
  readonly handshakeInterval: number;
  /** Milliseconds between PINGs; 0 disables heartbeats. */
  readonly heartbeatInterval: number;
  /** Milliseconds of silence after which the peer is considered gone; 0 = heartbeatInterval. */
  readonly heartbeatTimeout: number;
  /** TTL announced in our PINGs, in milliseconds (sent in tenths of a second). */
  readonly heartbeatTimeToLive: number;
  /** The choices at each spot an implementation can get wrong (reference/behaviour.ts); standard when absent. */
  readonly behaviour?: Behaviour;
}

export interface SessionEvents {
  /** The peer's greeting and READY were accepted: messages may flow. */
  ready(session: ZmtpSession): void;
  message(session: ZmtpSession, frames: Buffer[]): void;
  /** A ZMTP 3.1 SUBSCRIBE (true) or CANCEL (false) command. */
  subscription(session: ZmtpSession, subscribe: boolean, topic: Buffer): void;
  /** Writing is possible again after `writable` went false. */
  drain(session: ZmtpSession): void;
  /** The connection is gone; `reason` says why. Fired exactly once, also for closes we made. */
  closed(session: ZmtpSession, reason: string): void;
}

type Phase = "greeting" | "ready" | "active" | "closed";

/** Write chunks above this many buffered bytes make `writable` false until the socket drains. */
const WRITE_HIGH_WATER = 256 * 1024;

/**
 * One ZMTP 3.1 connection with the NULL mechanism over a connected UNIX socket.
 *
 * We send our whole 64-byte greeting at once: libzmq sends its own in stages and waits for ours,
 * so a peer that waited for libzmq's full greeting first would deadlock until the handshake
 * timeout. READY goes out as soon as the peer's greeting shows it speaks ZMTP 3 with NULL.
 */
export class ZmtpSession {
  peerSocketType = "";
  peerIdentity: Buffer = Buffer.alloc(0);
  /** The peer's ZMTP version, from its greeting. 3.0 peers get subscriptions as messages. */
  peerVersion = { major: 0, minor: 0 };

  private phase: Phase = "greeting";
  private greetingBytes: Buffer = Buffer.alloc(0);
  private readonly decoder: FrameDecoder;
  private readonly batcher = new FrameBatcher();
  private flushScheduled = false;
  private blocked = false;
  /** end() was called: nothing more may be written (Node destroys a socket written to after end()). */
  private ended = false;
  private handshakeTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private lastHeard = Date.now();
  /** Armed by a peer's PING with a TTL: silence longer than the TTL ends the connection (RFC 37). */
  private ttlTimer: NodeJS.Timeout | undefined;
  private readonly behaviour: Behaviour;

  constructor(
    readonly socket: net.Socket,
    private readonly options: SessionOptions,
    private readonly events: SessionEvents,
  ) {
    this.decoder = new FrameDecoder(
      {
        message: (frames) => this.onMessage(frames),
        command: (name, data) => this.onCommand(name, data),
        error: (reason) => this.close(`protocol error: ${reason}`),
      },
      options.maxMessageSize,
    );
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("drain", () => this.onDrain());
    socket.on("error", () => undefined); // 'close' follows every error
    // ZMTP has no half-close: the peer's FIN ends the session now, so that nothing more is
    // written into a connection that can no longer deliver it (it is requeued on the next one).
    socket.on("end", () => this.close("connection closed by peer"));
    socket.on("close", () => this.onClosed("connection closed"));
    this.behaviour = options.behaviour ?? STANDARD_BEHAVIOUR;
    // An established connection does not keep the process alive by itself (keepAlive() makes it).
    socket.unref();
    // At once: libzmq sends part of its greeting and waits for ours, so waiting for its whole one deadlocks.
    if (this.behaviour.greetsAtOnce) socket.write(encodeGreeting());
    if (options.handshakeInterval > 0) {
      this.handshakeTimer = setTimeout(() => this.close(`handshake not completed within ${options.handshakeInterval} ms`), options.handshakeInterval).unref();
    }
  }

  /** Keeps the process alive until this connection ends: a closed socket lingering to write what it holds. */
  keepAlive(): void {
    this.socket.ref();
  }

  /** False while the kernel and Node buffers hold more than WRITE_HIGH_WATER bytes of ours. */
  get writable(): boolean {
    return this.phase === "active" && !this.blocked && !this.ended;
  }

  /** Queues a message for the next flush (same tick batching: many messages, one write). */
  send(frames: Buffer[]): void {
    const encodeMessage = this.behaviour.encodeMessage;
    if (encodeMessage === undefined) this.batcher.pushMessage(frames);
    else this.batcher.pushFrame(encodeMessage(frames));
    this.scheduleFlush();
  }

  sendSubscription(subscribe: boolean, topic: Buffer): void {
    if (this.peerVersion.major === 3 && this.peerVersion.minor === 0) {
      this.batcher.pushMessage([legacySubscription(subscribe, topic)]);
    } else {
      this.batcher.pushFrame(subscribe ? encodeSubscribe(topic) : encodeCancel(topic));
    }
    this.scheduleFlush();
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  /** Ends the connection now; pending output is dropped. */
  close(reason: string): void {
    if (this.phase === "closed") return;
    this.socket.destroy();
    this.onClosed(reason);
  }

  /** Writes what is pending, then ends the connection (close with linger). */
  end(): void {
    if (this.phase === "closed" || this.ended) return;
    this.flush();
    this.ended = true;
    this.socket.end();
  }

  /** Writes everything batched so far in one go (corked: one writev for all the chunks). */
  flush(): void {
    this.flushScheduled = false;
    if (this.phase === "closed") return;
    const chunks = this.batcher.take();
    // After end(): a PONG to a PING read while lingering, or our own PING, is dropped, not written
    // (that would destroy the socket and lose what it still has to deliver).
    if (chunks.length === 0 || this.ended) return;
    if (chunks.length === 1) {
      this.socket.write(chunks[0]);
    } else {
      this.socket.cork();
      for (const chunk of chunks) this.socket.write(chunk);
      this.socket.uncork();
    }
    if (this.socket.writableLength > WRITE_HIGH_WATER) this.blocked = true;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private onDrain(): void {
    if (!this.blocked) return;
    this.blocked = false;
    if (this.phase === "active") this.events.drain(this);
  }

  private onData(chunk: Buffer): void {
    this.lastHeard = Date.now();
    this.ttlTimer?.refresh();
    if (this.phase === "greeting") {
      this.greetingBytes = this.greetingBytes.length === 0 ? chunk : Buffer.concat([this.greetingBytes, chunk]);
      const result = readGreeting(this.greetingBytes);
      if (result.state === "incomplete") return;
      if (result.state === "invalid") return this.close(`invalid greeting: ${result.reason}`);
      const { greeting } = result;
      if (greeting.mechanism !== "NULL") {
        return this.close(`security mechanism mismatch: peer wants ${greeting.mechanism}, we speak NULL`);
      }
      this.peerVersion = { major: greeting.major, minor: greeting.minor };
      this.phase = "ready";
      if (!this.behaviour.greetsAtOnce) this.socket.write(encodeGreeting());
      this.socket.write(this.encodeOwnReady());
      const rest = this.greetingBytes.subarray(GREETING_SIZE);
      this.greetingBytes = Buffer.alloc(0);
      if (rest.length > 0) this.decoder.push(rest);
      return;
    }
    if (this.phase !== "closed") this.decoder.push(chunk);
  }

  /** Our READY: Socket-Type, and Identity for the types that send one. */
  private encodeOwnReady(): Buffer {
    const type = this.options.socketType;
    const identity = sendsIdentity(type) && this.behaviour.sendsIdentity ? this.options.routingId : undefined;
    return this.behaviour.encodeReady(type, identity);
  }

  private onMessage(frames: Buffer[]): void {
    if (this.phase !== "active") return this.close("protocol error: data frame before READY");
    if (!this.behaviour.honoursMore) return frames.forEach((frame) => this.events.message(this, [frame]));
    this.events.message(this, frames);
  }

  private onCommand(name: string, data: Buffer): void {
    if (this.phase === "ready") {
      if (name === "ERROR") return this.close(`peer sent ERROR: ${errorReason(data)}`);
      if (name !== "READY") return this.close(`protocol error: expected READY, got ${name}`);
      return this.onReady(data);
    }
    if (this.phase !== "active") return;
    switch (name) {
      case "PING": {
        const ping = decodePing(data);
        if (ping === null) return this.close("protocol error: malformed PING");
        this.armPeerTtl(ping.ttl * 100);
        this.batcher.pushFrame(encodePong(ping.context));
        this.scheduleFlush();
        return;
      }
      case "PONG":
        return; // lastHeard was updated on arrival: that is all a PONG is for.
      case "SUBSCRIBE":
      case "CANCEL":
        return this.events.subscription(this, name === "SUBSCRIBE", data);
      case "ERROR":
        return this.close(`peer sent ERROR: ${errorReason(data)}`);
      case "READY":
        return this.close("protocol error: second READY");
      default:
        return; // Unknown commands are ignored, leaving room for later ZMTP versions.
    }
  }

  private onReady(data: Buffer): void {
    const parsed = decodeProperties(data);
    if (!parsed.ok) return this.close(`malformed READY: ${parsed.reason}`);
    const socketType = parsed.properties.get("socket-type");
    if (socketType === undefined) return this.close("READY without Socket-Type");
    this.peerSocketType = socketType.toString("latin1");
    if (this.behaviour.checksPeerSocketType && !isCompatible(this.options.socketType, this.peerSocketType)) {
      // RFC 23/37: a peer that refuses the socket type SHOULD say so with ERROR before closing.
      return this.refuse(`incompatible socket types: ${this.options.socketType} cannot talk to ${this.peerSocketType}`, "Invalid socket type");
    }
    this.peerIdentity = parsed.properties.get("identity") ?? Buffer.alloc(0);
    this.phase = "active";
    if (this.behaviour.disarmsHandshakeDeadline) clearTimeout(this.handshakeTimer);
    this.startHeartbeats();
    this.events.ready(this);
  }

  private startHeartbeats(): void {
    const interval = this.options.heartbeatInterval;
    if (interval <= 0) return;
    const timeout = this.options.heartbeatTimeout > 0 ? this.options.heartbeatTimeout : interval;
    const ttl = Math.min(0xffff, Math.floor(this.options.heartbeatTimeToLive / 100));
    this.heartbeatTimer = setInterval(() => {
      const silence = Date.now() - this.lastHeard;
      if (silence > timeout + interval) return this.close(`no traffic from peer for ${silence} ms (heartbeat)`);
      this.batcher.pushFrame(encodePing(ttl));
      this.scheduleFlush();
    }, interval).unref();
  }

  /** Sends ERROR with a short reason, then ends the connection once it is written. */
  private refuse(reason: string, errorReason: string): void {
    if (this.phase === "closed") return;
    this.batcher.take(); // nothing else goes out after the ERROR
    this.socket.end(encodeError(errorReason));
    this.socket.once("finish", () => this.socket.destroy());
    this.onClosed(reason);
  }

  private armPeerTtl(ttl: number): void {
    clearTimeout(this.ttlTimer);
    this.ttlTimer = undefined;
    if (ttl <= 0) return;
    this.ttlTimer = setTimeout(() => this.close(`no traffic from peer within its PING TTL of ${ttl} ms`), ttl).unref();
  }

  private onClosed(reason: string): void {
    if (this.phase === "closed") return;
    this.phase = "closed";
    clearTimeout(this.handshakeTimer);
    clearTimeout(this.ttlTimer);
    clearInterval(this.heartbeatTimer);
    this.events.closed(this, reason);
  }
}

function errorReason(data: Buffer): string {
  if (data.length === 0) return "(no reason)";
  return data.subarray(1, 1 + data[0]).toString("latin1");
}
