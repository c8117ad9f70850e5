import type { Scenario } from "../../harness/model/scenario";
import { refusedEndpoint } from "./refused-endpoint";

/**
 * Endpoints that are not `ipc://<path>`: bind and connect refuse each the same way, and leave
 * nothing on disk. Paths point into the scenario's directory so a wrongly created file is seen.
 */
const malformedEndpointScenarios: readonly Scenario[] = [
  refusedEndpoint({
    slug: "empty-address-einval",
    title: "ipc:// with an empty address is refused with EINVAL on bind and on connect",
    clause: "compat.libzmq.empty-path-einval",
    level: "COMPAT",
    shown: "ipc:// (empty address)",
    endpoint: () => "ipc://",
    codes: ["EINVAL"],
  }),
  refusedEndpoint({
    slug: "empty-abstract-name-einval",
    title: "ipc://@ (an abstract name with no bytes) is refused with EINVAL on bind and on connect",
    clause: "compat.libzmq.empty-path-einval",
    level: "COMPAT",
    platforms: ["linux"],
    shown: "ipc://@ (empty abstract name)",
    endpoint: () => "ipc://@",
    codes: ["EINVAL"],
  }),
  refusedEndpoint({
    slug: "empty-string-einval",
    title: "An empty endpoint string is refused with EINVAL on bind and on connect",
    clause: "api.bind.error.einval",
    level: "MUST",
    shown: '"" (empty endpoint)',
    endpoint: () => "",
    codes: ["EINVAL"],
  }),
  refusedEndpoint({
    slug: "missing-scheme-einval",
    title: "A bare path with no transport:// prefix is refused with EINVAL on bind and on connect",
    clause: "api.bind.error.einval",
    level: "MUST",
    shown: "a bare path with no ipc:// prefix",
    endpoint: (ctx) => ctx.path("bare.sock"),
    codes: ["EINVAL"],
  }),
  refusedEndpoint({
    slug: "single-slash-separator-einval",
    title: 'ipc:/<path> (one slash instead of "://") is refused with EINVAL on bind and on connect',
    clause: "api.bind.error.einval",
    level: "MUST",
    shown: "ipc:/<absolute path>",
    endpoint: (ctx) => `ipc:${ctx.path("one-slash.sock")}`,
    codes: ["EINVAL"],
  }),
  refusedEndpoint({
    slug: "no-slash-separator-einval",
    title: 'ipc:<path> (no "//" after the colon) is refused with EINVAL on bind and on connect',
    clause: "api.bind.error.einval",
    level: "MUST",
    shown: "ipc:<relative path>",
    endpoint: () => "ipc:no-slash.sock",
    codes: ["EINVAL"],
  }),
  refusedEndpoint({
    slug: "nul-byte-einval",
    title: "An ipc path containing a NUL byte is refused with EINVAL on bind and on connect, not cut at the NUL",
    clause: "api.bind.error.einval",
    level: "MUST",
    shown: "ipc://<dir>/before\\0after.sock (NUL inside the path)",
    endpoint: (ctx) => `ipc://${ctx.path("before")}\0after.sock`,
    codes: ["EINVAL"],
  }),
  refusedEndpoint({
    slug: "unknown-transport-eprotonosupport",
    title: "An endpoint with an unknown transport (foo://) is refused with EPROTONOSUPPORT on bind and on connect",
    clause: "api.bind.error.eprotonosupport",
    level: "MUST",
    shown: "foo://<path> (unknown transport)",
    endpoint: (ctx) => `foo://${ctx.path("foo.sock")}`,
    codes: ["EPROTONOSUPPORT"],
  }),
  refusedEndpoint({
    slug: "unix-transport-eprotonosupport",
    title: "unix://<path> (not a ZeroMQ transport, whatever UNIX sockets ipc uses) is refused with EPROTONOSUPPORT on bind and on connect",
    clause: "api.bind.error.eprotonosupport",
    level: "MUST",
    shown: "unix://<path> (not a transport)",
    endpoint: (ctx) => `unix://${ctx.path("unix.sock")}`,
    codes: ["EPROTONOSUPPORT"],
  }),
];

export default malformedEndpointScenarios;
