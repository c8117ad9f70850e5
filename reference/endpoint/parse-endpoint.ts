import { ZmqError } from "../errors";
import { exactAbstractNames } from "./abstract-support";
import type { PlatformIpc } from "./platform-limits";

/**
 * What an `ipc://` endpoint names, once checked. Parsing is pure: it never touches the
 * filesystem, so a malformed endpoint fails the same way on bind and on connect, before Node
 * (which silently truncates long paths) ever sees it.
 */
export type IpcAddress =
  /** A pathname, absolute or relative to the working directory, kept exactly as given. */
  | { readonly kind: "path"; readonly path: string }
  /** `ipc://@name` (Linux): the name bytes after `@`, with no trailing NUL. */
  | { readonly kind: "abstract"; readonly name: string }
  /** `ipc://*` on bind: the implementation picks a unique temporary pathname. */
  | { readonly kind: "wildcard" };

const ENDPOINT = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/s;

export type EndpointUse = "bind" | "connect";

/**
 * What zmq_unbind() and zmq_disconnect() check before they look an endpoint up (libzmq's
 * parse_uri and check_protocol): a transport, "://" and an address (EINVAL), and a transport this
 * implementation has (EPROTONOSUPPORT). Nothing about the address itself: a path too long or never
 * bound is only not found (ENOENT), as in libzmq, where the lookup is by the string alone.
 */
export function checkEndpointSyntax(endpoint: unknown): void {
  if (typeof endpoint !== "string") {
    throw new ZmqError("EINVAL", `endpoint must be a string, got ${typeof endpoint}`);
  }
  const match = ENDPOINT.exec(endpoint);
  if (match === null) {
    throw new ZmqError("EINVAL", "malformed endpoint (expected ipc://<path>)", endpoint);
  }
  const [, transport, address] = match;
  if (transport !== "ipc") {
    throw new ZmqError("EPROTONOSUPPORT", `transport "${transport}" is not supported (this implementation is ipc only)`, endpoint);
  }
  if (address === "") {
    throw new ZmqError("EINVAL", "empty ipc address", endpoint);
  }
}

export function parseEndpoint(endpoint: unknown, use: EndpointUse, platform: PlatformIpc, abstractNamesExact: boolean = exactAbstractNames()): IpcAddress {
  if (typeof endpoint !== "string") {
    throw new ZmqError("EINVAL", `endpoint must be a string, got ${typeof endpoint}`);
  }
  const match = ENDPOINT.exec(endpoint);
  if (match === null) {
    throw new ZmqError("EINVAL", "malformed endpoint (expected ipc://<path>)", endpoint);
  }
  const [, transport, address] = match;
  if (transport !== "ipc") {
    throw new ZmqError("EPROTONOSUPPORT", `transport "${transport}" is not supported (this implementation is ipc only)`, endpoint);
  }
  if (address === "") {
    throw new ZmqError("EINVAL", "empty ipc address", endpoint);
  }
  if (address.includes("\0")) {
    throw new ZmqError("EINVAL", "ipc address contains a NUL byte", endpoint);
  }
  // libzmq counts the address as a C string against sun_path, "@" included for abstract names.
  const bytes = Buffer.byteLength(address, "utf8");
  if (bytes > platform.maxPathBytes) {
    throw new ZmqError(
      "ENAMETOOLONG",
      `ipc address is ${bytes} bytes; ${platform.name} allows at most ${platform.maxPathBytes} (sun_path is ${platform.sunPathSize})`,
      endpoint,
    );
  }
  if (address.startsWith("@")) {
    if (!platform.abstractNamespace) {
      throw new ZmqError("EINVAL", `the abstract namespace (ipc://@name) exists only on Linux, not on ${platform.name}`, endpoint);
    }
    if (address === "@") {
      throw new ZmqError("EINVAL", "abstract ipc address has an empty name", endpoint);
    }
    if (!abstractNamesExact) {
      throw new ZmqError(
        "ENOTSUP",
        `abstract ipc addresses need libuv >= 1.48 (Node >= 22); this Node's libuv ${process.versions.uv} pads the name with NULs, so libzmq peers could not reach it`,
        endpoint,
      );
    }
    return { kind: "abstract", name: address.slice(1) };
  }
  // libzmq treats any bind address starting with "*" as the wildcard; connect takes it literally.
  if (use === "bind" && address.startsWith("*")) {
    return { kind: "wildcard" };
  }
  return { kind: "path", path: address };
}

/** The string Node's net module takes for an address: abstract names get their leading NUL. */
export function nodeSocketPath(address: { kind: "path"; path: string } | { kind: "abstract"; name: string }): string {
  return address.kind === "abstract" ? `\0${address.name}` : address.path;
}
