#!/usr/bin/python3
"""zmq-ipc-conformance driver (protocol version 1) for pyzmq over the system libzmq.

Run: /usr/bin/python3 drivers/pyzmq/driver.py   (Debian: apt-get install -y python3-zmq)

One JSON object per line each way on stdin/stdout: a hello first, then one response per request,
in order, with the request's id. Requests are handled one at a time (a receive blocks for at most
its timeoutMs). Logs go to stderr; nothing but protocol lines is ever written to stdout.
"""
import base64
import errno
import json
import os
import platform
import sys
import traceback

import zmq

PROTOCOL_VERSION = 1

# The protocol line stream is a private duplicate of fd 1; fd 1 itself is pointed at stderr, so
# that anything printed by a library (C or Python) can never corrupt the protocol.
_protocol_out = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
os.dup2(2, 1)
sys.stdout = sys.stderr

SOCKET_TYPES = ["PAIR", "PUB", "SUB", "REQ", "REP", "DEALER", "ROUTER", "PULL", "PUSH", "XPUB", "XSUB"]

CAPABILITIES = [
    "wildcard",
    "socket-file",
    "immediate",
    "reconnect-interval",
    "last-endpoint",
    "unbind",
    "child-process",
    "pubsub",
    "reqrep",
]
if sys.platform.startswith("linux"):
    CAPABILITIES.insert(0, "abstract-namespace")

# TestSocketOptions (harness/adapters/implementation.ts) -> libzmq socket options.
OPTIONS = {
    "routingId": zmq.ROUTING_ID,
    "immediate": zmq.IMMEDIATE,
    "reconnectInterval": zmq.RECONNECT_IVL,
    "reconnectMaxInterval": zmq.RECONNECT_IVL_MAX,
    "sendHighWaterMark": zmq.SNDHWM,
    "receiveHighWaterMark": zmq.RCVHWM,
    "sendTimeout": zmq.SNDTIMEO,
    "linger": zmq.LINGER,
    "maxMessageSize": zmq.MAXMSGSIZE,
    "handshakeInterval": zmq.HANDSHAKE_IVL,
    # XPUB only; zeromq.js's XPublisher `verbosity`: "allSubs" is ZMQ_XPUB_VERBOSE, "allSubsUnsubs"
    # ZMQ_XPUB_VERBOSER (set_verbosity below).
    "verbosity": None,
}

VERBOSITY = {"allSubs": zmq.XPUB_VERBOSE, "allSubsUnsubs": zmq.XPUB_VERBOSER}

# A send with no send timeout (-1, libzmq's default) would block this single-threaded driver for
# ever, and the harness would declare it hung once its request limit (5 s x the timeout multiplier
# in a run) expires. It waits this long at most, then answers EAGAIN, saying why.
UNBOUNDED_SEND_CAP_MS = 4000

# zmq-specific errno values (EFSM, ETERM, ...) are not in the errno module.
ZMQ_ERRNO_NAMES = {int(e): e.name for e in zmq.Errno}


class Unsupported(Exception):
    """The driver cannot do this at all: answered {"ok": false, "unsupported": ...}."""


class CallError(Exception):
    """A refusal answered as an error with this code: a bad request, or a send the driver stopped waiting for."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def log(message):
    sys.stderr.write(f"pyzmq-driver: {message}\n")
    sys.stderr.flush()


def write(message):
    _protocol_out.write(json.dumps(message, separators=(",", ":")) + "\n")
    _protocol_out.flush()


def errno_name(number):
    if number in errno.errorcode:
        return errno.errorcode[number]
    if number in ZMQ_ERRNO_NAMES:
        return ZMQ_ERRNO_NAMES[number]
    return f"E{number}" if isinstance(number, int) and number >= 0 else "EUNKNOWN"


context = zmq.Context.instance()
sockets = {}  # id -> (zmq.Socket, linger explicitly set?, send wait capped by the driver?)
next_socket = 1


def field(request, name):
    if name not in request:
        raise CallError("EINVAL", f"request {request.get('id')} ({request.get('op')}) has no {name!r}")
    return request[name]


def socket_of(request):
    number = field(request, "socket")
    entry = sockets.get(number)
    if entry is None:
        raise CallError("EBADF", f"no socket {number}")
    return entry[0]


def create(request):
    global next_socket
    kind = field(request, "type")
    if kind not in SOCKET_TYPES:
        raise CallError("EINVAL", f"unknown socket type {kind!r}")
    options = request.get("options") or {}
    unknown = [name for name in options if name not in OPTIONS]
    if unknown:
        # An option this driver does not know (one a later harness adds): it cannot set it, which
        # makes the scenario unsupported (docs/driver-protocol.md, sections 4 and 10).
        raise Unsupported(f"socket option(s) {', '.join(unknown)} not supported by this driver")
    sock = context.socket(getattr(zmq, kind))
    try:
        for name, value in options.items():
            if value is None:
                continue
            if name == "verbosity":
                if value not in VERBOSITY:
                    raise CallError("EINVAL", f"verbosity must be null, \"allSubs\" or \"allSubsUnsubs\", not {value!r}")
                sock.setsockopt(VERBOSITY[value], 1)
                continue
            if name == "routingId":
                value = value.encode("utf-8") if isinstance(value, str) else bytes(value)
            elif isinstance(value, bool):
                value = int(value)
            elif isinstance(value, float) and value.is_integer():
                value = int(value)
            sock.setsockopt(OPTIONS[name], value)
        capped = options.get("sendTimeout") in (None, -1)
        if capped:
            sock.setsockopt(zmq.SNDTIMEO, UNBOUNDED_SEND_CAP_MS)
    except BaseException:
        sock.close(linger=0)
        raise
    number = next_socket
    next_socket += 1
    sockets[number] = (sock, options.get("linger") is not None, capped)
    return number


def send(request):
    sock = socket_of(request)
    frames = [base64.b64decode(frame, validate=True) for frame in field(request, "frames")]
    # With SNDTIMEO set, libzmq itself answers EAGAIN when the message cannot be queued in time.
    try:
        sock.send_multipart(frames, copy=True)
    except zmq.Again as err:
        if sockets[request["socket"]][2]:
            raise CallError("EAGAIN", f"{err} (no send timeout was set: the driver stopped waiting after {UNBOUNDED_SEND_CAP_MS} ms)") from err
        raise
    return None


def receive(request):
    sock = socket_of(request)
    timeout = field(request, "timeoutMs")
    # libzmq itself answers, with non-blocking receives before and after the wait: a message, EAGAIN
    # when nothing came in time, EFSM or ENOTSUP when the socket may not receive now or at all (a
    # REQ before its request, a PUSH). poll() alone never signals POLLIN on those, and answering
    # EAGAIN after it would hide what libzmq says.
    try:
        frames = sock.recv_multipart(zmq.NOBLOCK)
    except zmq.Again:
        sock.poll(timeout, zmq.POLLIN)
        frames = sock.recv_multipart(zmq.NOBLOCK)
    return [base64.b64encode(frame).decode("ascii") for frame in frames]


def subscription(request, option):
    sock = socket_of(request)
    sock.setsockopt(option, base64.b64decode(field(request, "topic"), validate=True))
    return None


def last_endpoint(request):
    value = socket_of(request).getsockopt(zmq.LAST_ENDPOINT)
    if isinstance(value, bytes):
        value = value.rstrip(b"\0").decode("utf-8", "surrogateescape")
    return value or None


def close(request):
    number = field(request, "socket")
    entry = sockets.pop(number, None)
    if entry is None:
        raise CallError("EBADF", f"no socket {number}")
    sock, linger_set, _ = entry
    sock.close(linger=None if linger_set else 0)
    return None


def setenv(request):
    for name, value in field(request, "vars").items():
        if value is None:
            os.environ.pop(name, None)  # os.environ deletion calls unsetenv(3)
            os.unsetenv(name)  # also when Python's view did not have it
        else:
            os.environ[name] = value  # calls putenv(3): libzmq's getenv() sees it
    return None


def chdir(request):
    try:
        os.chdir(field(request, "dir"))
    except OSError as err:
        raise CallError(errno_name(err.errno), str(err)) from err
    return None


def endpoint_call(method):
    def run(request):
        getattr(socket_of(request), method)(field(request, "endpoint"))
        return None

    return run


OPS = {
    "create": create,
    "bind": endpoint_call("bind"),
    "unbind": endpoint_call("unbind"),
    "connect": endpoint_call("connect"),
    "disconnect": endpoint_call("disconnect"),
    "send": send,
    "receive": receive,
    "subscribe": lambda request: subscription(request, zmq.SUBSCRIBE),
    "unsubscribe": lambda request: subscription(request, zmq.UNSUBSCRIBE),
    "lastEndpoint": last_endpoint,
    "close": close,
    "setenv": setenv,
    "chdir": chdir,
}


def answer(request):
    ident = request.get("id")
    op = request.get("op")
    handler = OPS.get(op) if isinstance(op, str) else None
    try:
        if handler is None:
            raise Unsupported(f"unknown op {op}")
        return {"id": ident, "ok": True, "result": handler(request)}
    except Unsupported as err:
        return {"id": ident, "ok": False, "unsupported": str(err)}
    except zmq.ZMQError as err:
        return {"id": ident, "ok": False, "error": {"code": errno_name(err.errno), "message": str(err)}}
    except CallError as err:
        return {"id": ident, "ok": False, "error": {"code": err.code, "message": str(err)}}
    except (ValueError, TypeError, UnicodeError) as err:
        # pyzmq's own refusal of a value (a wrong type, bad base64): not a libzmq errno.
        log(f"request {ident} ({op}): {type(err).__name__}: {err}")
        return {"id": ident, "ok": False, "error": {"code": "EINVAL", "message": f"{type(err).__name__}: {err}"}}
    except OSError as err:
        log(f"request {ident} ({op}): {type(err).__name__}: {err}")
        return {"id": ident, "ok": False, "error": {"code": errno_name(err.errno), "message": str(err)}}
    except Exception as err:  # never let one request kill the driver: answer it, with the evidence on stderr
        log(f"request {ident} ({op}): unexpected {traceback.format_exc()}")
        return {"id": ident, "ok": False, "error": {"code": "EUNKNOWN", "message": f"{type(err).__name__}: {err}"}}


def main():
    write(
        {
            "hello": {
                "protocol": PROTOCOL_VERSION,
                "name": "pyzmq",
                "version": f"{zmq.zmq_version()} (pyzmq {zmq.__version__})",
                "capabilities": CAPABILITIES,
                "socketTypes": SOCKET_TYPES,
                "platform": sys.platform,
                "runtime": f"python {platform.python_version()}",
                "pid": os.getpid(),
            }
        }
    )
    stdin = sys.stdin.buffer
    while True:
        line = stdin.readline()
        if not line:
            break  # the harness went away: nothing may outlive the run
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise ValueError("not an object")
        except ValueError as err:
            log(f"not a JSON request, ignored ({err}): {line[:80]!r}")
            continue
        write(answer(request))
    for sock, _, _ in sockets.values():
        sock.close(linger=0)
    context.term()


if __name__ == "__main__":
    main()
