import { ZmqError } from "../errors";
import { DuplexSocket } from "../socket/capabilities";
import type { SocketOptions } from "../socket/options";
import type { Pipe } from "../socket/pipe";

export interface RouterOptions extends SocketOptions {
  /** ZMQ_ROUTER_MANDATORY: unroutable messages fail with EHOSTUNREACH instead of vanishing. */
  mandatory: boolean;
}

/**
 * ROUTER: prefixes each received message with the routing id of the peer it came from, and
 * sends each message to the peer named by its first frame. Peers are known by the Identity of
 * their READY, or by a generated 5-byte id (0x00 + counter) as in libzmq.
 */
export class Router extends DuplexSocket {
  private readonly byId = new Map<string, Pipe>();
  private nextGeneratedId = (Math.random() * 0xffffffff) >>> 0;
  private mandatoryRouting = false;

  constructor(options: Partial<RouterOptions> = {}) {
    super("ROUTER", options);
    this.seal(options);
  }

  get mandatory(): boolean {
    return this.mandatoryRouting;
  }

  set mandatory(value: boolean) {
    this.mandatoryRouting = value;
  }

  /**
   * zeromq.js's connect(address, { routingId }) (ZMQ_CONNECT_ROUTING_ID): the peer at that
   * endpoint is known by this id, whatever Identity it sends, and messages to it queue from now on.
   */
  connect(endpoint: string, options: { routingId?: string } = {}): void {
    const { routingId } = options;
    if (routingId !== undefined && (typeof routingId !== "string" || Buffer.byteLength(routingId) === 0 || Buffer.byteLength(routingId) > 255)) {
      throw new ZmqError("EINVAL", `a connect routing id must be a string of 1 to 255 bytes, not ${JSON.stringify(routingId)}`, endpoint);
    }
    if (routingId !== undefined && this.byId.has(Buffer.from(routingId).toString("latin1"))) {
      throw new ZmqError("EINVAL", `routing id ${JSON.stringify(routingId)} is already in use`, endpoint);
    }
    this.connectWith(endpoint, routingId === undefined ? undefined : Buffer.from(routingId));
  }

  protected pipeAdded(pipe: Pipe): void {
    if (pipe.connectRoutingId === undefined) return;
    pipe.routingId = pipe.connectRoutingId;
    this.byId.set(pipe.connectRoutingId.toString("latin1"), pipe);
  }

  protected pipeAttached(pipe: Pipe): void {
    if (pipe.connectRoutingId !== undefined) return this.pipeAdded(pipe);
    const identity = pipe.session?.peerIdentity ?? Buffer.alloc(0);
    const usable = identity.length > 0 && identity[0] !== 0 && !this.byId.has(identity.toString("latin1"));
    pipe.routingId = usable ? Buffer.from(identity) : this.generateId();
    this.byId.set(pipe.routingId.toString("latin1"), pipe);
  }

  protected pipeDetached(pipe: Pipe): void {
    // A connect-side pipe named by connect() outlives its connection: messages to it keep queuing.
    if (pipe.connectRoutingId !== undefined && pipe.persistent) return;
    if (pipe.routingId !== undefined) this.byId.delete(pipe.routingId.toString("latin1"));
  }

  protected pipeRemoved(pipe: Pipe): void {
    const id = pipe.connectRoutingId?.toString("latin1");
    if (id !== undefined && this.byId.get(id) === pipe) this.byId.delete(id);
  }

  protected arrive(pipe: Pipe, frames: Buffer[]): void {
    if (pipe.routingId !== undefined) this.enqueue(pipe, [pipe.routingId, ...frames]);
  }

  /** Always, as libzmq's ROUTER: where a message goes is only known from its first frame. */
  protected canSendNow(): boolean {
    return true;
  }

  protected route(frames: Buffer[]): boolean {
    const [id, ...body] = frames;
    const pipe = id === undefined ? undefined : this.byId.get(id.toString("latin1"));
    if (pipe === undefined) {
      if (this.mandatoryRouting) throw new ZmqError("EHOSTUNREACH", "no peer with that routing id");
      return true;
    }
    if (!pipe.hasRoom) return !this.mandatoryRouting; // full: dropped, or wait when mandatory
    pipe.write(body);
    return true;
  }

  private generateId(): Buffer {
    const id = Buffer.alloc(5);
    // Leading zero byte: ids a peer chooses may not start with 0, so generated ones never collide.
    id.writeUInt32BE(this.nextGeneratedId, 1);
    this.nextGeneratedId = (this.nextGeneratedId + 1) >>> 0;
    return id;
  }
}
