/* zmq-ipc-conformance driver (protocol version 1, docs/driver-protocol.md) for libzmq, in C.
 *
 * The harness writes one JSON request per line on stdin; this program answers one JSON line per
 * request on stdout, with the request's id. Requests are handled one at a time, in order: libzmq
 * does its I/O in its own threads, so a receive that waits (at most its timeoutMs) leaves
 * handshakes and subscriptions going. Logs go to stderr; stdout carries protocol lines only.
 *
 * Build: cc -std=c11 -O2 -o driver driver.c base64.c errno-names.c $(pkg-config --cflags --libs libzmq jansson)
 * (Debian: apt-get install -y gcc libc6-dev pkg-config libzmq3-dev libjansson-dev). run.sh does
 * that once and caches the binary; the harness starts it as `sh drivers/libzmq-c/run.sh`.
 *
 * A C implementer's driver has the same shape: replace the zmq_* calls in the op functions. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>
#include <zmq.h>

#include "base64.h"
#include "errno-names.h"

#define PROTOCOL_VERSION 1
#define DRIVER_VERSION "1.0.0"

/* A send with no send timeout (-1, libzmq's default) would block this one-request-at-a-time
 * driver for ever, and the harness would declare it hung once its request limit (5 s x the
 * timeout multiplier) expires. Such sockets get this send timeout; a send that cannot be queued
 * in time answers EAGAIN and says why. An explicit sendTimeout is used as given. */
#define UNBOUNDED_SEND_CAP_MS 4000

/* What an op answers: its result, a refusal with an errno name, or "unsupported". */
enum answer_kind { ANSWER_OK, ANSWER_ERROR, ANSWER_UNSUPPORTED };

struct answer {
  enum answer_kind kind;
  json_t *result; /* ANSWER_OK: owned, may be NULL for null */
  const char *code; /* ANSWER_ERROR: an errno name */
  char message[1024];
};

struct socket_entry {
  void *handle;
  int linger_set; /* create's options set linger: close with it; otherwise close with linger 0 */
  int send_capped; /* no sendTimeout was given: the driver set UNBOUNDED_SEND_CAP_MS */
};

static void *context;
static struct socket_entry *sockets; /* indexed by socket number; number 0 is never used */
static size_t socket_capacity;
static int next_socket = 1;
static int protocol_fd = -1;

static void log_line(const char *format, ...) {
  va_list args;
  va_start(args, format);
  fputs("libzmq-c-driver: ", stderr);
  vfprintf(stderr, format, args);
  fputc('\n', stderr);
  va_end(args);
  fflush(stderr);
}

/* Writes one protocol line (the message, compact, then '\n') to the private copy of fd 1. */
static void write_line(json_t *message) {
  char *text = json_dumps(message, JSON_COMPACT);
  if (text == NULL) {
    log_line("could not encode an answer (out of memory)");
    exit(1);
  }
  size_t length = strlen(text);
  text[length] = '\n'; /* json_dumps's NUL becomes the line end: the buffer holds length + 1 */
  size_t written = 0;
  while (written < length + 1) {
    ssize_t n = write(protocol_fd, text + written, length + 1 - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) exit(1); /* the harness went away */
    written += (size_t)n;
  }
  free(text);
}

static enum answer_kind fail(struct answer *answer, const char *code, const char *format, ...) {
  va_list args;
  va_start(args, format);
  vsnprintf(answer->message, sizeof answer->message, format, args);
  va_end(args);
  answer->kind = ANSWER_ERROR;
  answer->code = code;
  return ANSWER_ERROR;
}

/* libzmq refused: its errno, by name, with its own text. */
static enum answer_kind fail_zmq(struct answer *answer, const char *what) {
  int number = zmq_errno();
  return fail(answer, errno_name(number), "%s: %s", what, zmq_strerror(number));
}

static enum answer_kind unsupported(struct answer *answer, const char *format, ...) {
  va_list args;
  va_start(args, format);
  vsnprintf(answer->message, sizeof answer->message, format, args);
  va_end(args);
  answer->kind = ANSWER_UNSUPPORTED;
  return ANSWER_UNSUPPORTED;
}

static enum answer_kind ok(struct answer *answer, json_t *result) {
  answer->kind = ANSWER_OK;
  answer->result = result;
  return ANSWER_OK;
}

/* A string as a JSON value, also when it is not valid UTF-8 (a path the library reports back):
 * such bytes become U+FFFD rather than an unencodable answer. */
static json_t *text_value(const char *text) {
  json_t *value = json_string(text);
  if (value != NULL) return value;
  size_t length = strlen(text);
  char *copy = malloc(3 * length + 1);
  if (copy == NULL) return json_null();
  size_t n = 0;
  for (size_t i = 0; i < length; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c < 0x80) {
      copy[n++] = (char)c;
    } else {
      memcpy(copy + n, "\xEF\xBF\xBD", 3);
      n += 3;
    }
  }
  copy[n] = '\0';
  value = json_string(copy);
  free(copy);
  return value != NULL ? value : json_null();
}

/* ---- request fields ---- */

static const char *request_op(json_t *request) {
  const char *op = json_string_value(json_object_get(request, "op"));
  return op != NULL ? op : "?";
}

static json_t *field(json_t *request, const char *name, struct answer *answer) {
  json_t *value = json_object_get(request, name);
  if (value == NULL) fail(answer, "EINVAL", "request (%s) has no \"%s\"", request_op(request), name);
  return value;
}

static const char *string_field(json_t *request, const char *name, struct answer *answer) {
  json_t *value = field(request, name, answer);
  if (value == NULL) return NULL;
  if (!json_is_string(value)) {
    fail(answer, "EINVAL", "\"%s\" must be a string", name);
    return NULL;
  }
  return json_string_value(value); /* cut at an embedded NUL, as libzmq's C API cuts it */
}

static struct socket_entry *socket_of(json_t *request, struct answer *answer) {
  json_t *value = field(request, "socket", answer);
  if (value == NULL) return NULL;
  json_int_t number = json_is_integer(value) ? json_integer_value(value) : 0;
  if (number <= 0 || (size_t)number >= socket_capacity || sockets[number].handle == NULL) {
    char shown[64] = "?";
    if (json_is_integer(value)) snprintf(shown, sizeof shown, "%" JSON_INTEGER_FORMAT, json_integer_value(value));
    fail(answer, "EBADF", "no socket %s", shown);
    return NULL;
  }
  return &sockets[number];
}

/* ---- create ---- */

static const struct {
  const char *name;
  int type;
} SOCKET_TYPES[] = {
    {"PAIR", ZMQ_PAIR}, {"PUB", ZMQ_PUB},       {"SUB", ZMQ_SUB},       {"REQ", ZMQ_REQ},
    {"REP", ZMQ_REP},   {"DEALER", ZMQ_DEALER}, {"ROUTER", ZMQ_ROUTER}, {"PULL", ZMQ_PULL},
    {"PUSH", ZMQ_PUSH}, {"XPUB", ZMQ_XPUB},     {"XSUB", ZMQ_XSUB},
};
#define SOCKET_TYPE_COUNT (sizeof SOCKET_TYPES / sizeof SOCKET_TYPES[0])

enum option_kind { OPTION_INT, OPTION_INT64, OPTION_BOOL, OPTION_BYTES, OPTION_VERBOSITY };

/* The protocol's option names (zeromq.js's) -> libzmq socket options. */
static const struct {
  const char *name;
  int option;
  enum option_kind kind;
} OPTIONS[] = {
    {"routingId", ZMQ_ROUTING_ID, OPTION_BYTES},
    {"immediate", ZMQ_IMMEDIATE, OPTION_BOOL},
    {"reconnectInterval", ZMQ_RECONNECT_IVL, OPTION_INT},
    {"reconnectMaxInterval", ZMQ_RECONNECT_IVL_MAX, OPTION_INT},
    {"sendHighWaterMark", ZMQ_SNDHWM, OPTION_INT},
    {"receiveHighWaterMark", ZMQ_RCVHWM, OPTION_INT},
    {"sendTimeout", ZMQ_SNDTIMEO, OPTION_INT},
    {"linger", ZMQ_LINGER, OPTION_INT},
    {"maxMessageSize", ZMQ_MAXMSGSIZE, OPTION_INT64},
    {"handshakeInterval", ZMQ_HANDSHAKE_IVL, OPTION_INT},
    /* XPUB only: "allSubs" sets ZMQ_XPUB_VERBOSE, "allSubsUnsubs" ZMQ_XPUB_VERBOSER. */
    {"verbosity", 0, OPTION_VERBOSITY},
};
#define OPTION_COUNT (sizeof OPTIONS / sizeof OPTIONS[0])

static int option_index(const char *name) {
  for (size_t i = 0; i < OPTION_COUNT; i++) {
    if (strcmp(OPTIONS[i].name, name) == 0) return (int)i;
  }
  return -1;
}

/* A JSON number (or boolean) as a whole number; 0 when it is not one. */
static int whole_number(json_t *value, long long *number) {
  if (json_is_integer(value)) {
    *number = json_integer_value(value);
    return 1;
  }
  if (json_is_boolean(value)) {
    *number = json_is_true(value);
    return 1;
  }
  if (json_is_real(value)) {
    double real = json_real_value(value);
    if (real == (double)(long long)real) {
      *number = (long long)real;
      return 1;
    }
  }
  return 0;
}

static enum answer_kind set_option(void *handle, const char *name, json_t *value, struct answer *answer) {
  int index = option_index(name);
  int option = OPTIONS[index].option;
  long long number = 0;
  switch (OPTIONS[index].kind) {
    case OPTION_BYTES: {
      if (!json_is_string(value)) return fail(answer, "EINVAL", "option %s must be a string", name);
      if (zmq_setsockopt(handle, option, json_string_value(value), json_string_length(value)) != 0) return fail_zmq(answer, name);
      return ANSWER_OK;
    }
    case OPTION_VERBOSITY: {
      const char *verbosity = json_string_value(value);
      if (verbosity != NULL && strcmp(verbosity, "allSubs") == 0) option = ZMQ_XPUB_VERBOSE;
      else if (verbosity != NULL && strcmp(verbosity, "allSubsUnsubs") == 0) option = ZMQ_XPUB_VERBOSER;
      else return fail(answer, "EINVAL", "verbosity must be null, \"allSubs\" or \"allSubsUnsubs\"");
      int one = 1;
      if (zmq_setsockopt(handle, option, &one, sizeof one) != 0) return fail_zmq(answer, name);
      return ANSWER_OK;
    }
    case OPTION_INT64: {
      if (!whole_number(value, &number)) return fail(answer, "EINVAL", "option %s must be a whole number", name);
      int64_t wide = number;
      if (zmq_setsockopt(handle, option, &wide, sizeof wide) != 0) return fail_zmq(answer, name);
      return ANSWER_OK;
    }
    case OPTION_BOOL:
    case OPTION_INT: {
      if (!whole_number(value, &number)) return fail(answer, "EINVAL", "option %s must be a whole number or a boolean", name);
      if (number < INT32_MIN || number > INT32_MAX) return fail(answer, "EINVAL", "option %s is out of range: %lld", name, number);
      int narrow = (int)number;
      if (zmq_setsockopt(handle, option, &narrow, sizeof narrow) != 0) return fail_zmq(answer, name);
      return ANSWER_OK;
    }
  }
  return fail(answer, "EINVAL", "option %s", name);
}

static int remember_socket(void *handle, int linger_set, int send_capped) {
  int number = next_socket++;
  if ((size_t)number >= socket_capacity) {
    size_t capacity = socket_capacity == 0 ? 64 : socket_capacity * 2;
    struct socket_entry *grown = realloc(sockets, capacity * sizeof *grown);
    if (grown == NULL) {
      log_line("out of memory for socket %d", number);
      exit(1);
    }
    memset(grown + socket_capacity, 0, (capacity - socket_capacity) * sizeof *grown);
    sockets = grown;
    socket_capacity = capacity;
  }
  sockets[number] = (struct socket_entry){handle, linger_set, send_capped};
  return number;
}

static enum answer_kind op_create(json_t *request, struct answer *answer) {
  const char *type_name = string_field(request, "type", answer);
  if (type_name == NULL) return answer->kind;
  int type = -1;
  for (size_t i = 0; i < SOCKET_TYPE_COUNT; i++) {
    if (strcmp(SOCKET_TYPES[i].name, type_name) == 0) type = SOCKET_TYPES[i].type;
  }
  if (type < 0) return fail(answer, "EINVAL", "unknown socket type \"%s\"", type_name);

  json_t *options = json_object_get(request, "options");
  if (options != NULL && !json_is_null(options) && !json_is_object(options)) return fail(answer, "EINVAL", "\"options\" must be an object");
  const char *name;
  json_t *value;
  /* An option this driver does not know (one a later harness adds) cannot be set, which makes
   * the scenario unsupported (protocol, sections 4 and 10): checked before any socket exists. */
  json_object_foreach(options, name, value) {
    if (option_index(name) < 0) return unsupported(answer, "socket option %s not supported by this driver", name);
  }

  void *handle = zmq_socket(context, type);
  if (handle == NULL) return fail_zmq(answer, "zmq_socket");
  json_object_foreach(options, name, value) {
    if (json_is_null(value)) continue; /* the library's default */
    if (set_option(handle, name, value, answer) != ANSWER_OK) {
      int zero = 0;
      zmq_setsockopt(handle, ZMQ_LINGER, &zero, sizeof zero);
      zmq_close(handle);
      return answer->kind;
    }
  }
  json_t *send_timeout = json_object_get(options, "sendTimeout");
  long long given = 0;
  int send_capped = send_timeout == NULL || json_is_null(send_timeout) || (whole_number(send_timeout, &given) && given == -1);
  if (send_capped) {
    int cap = UNBOUNDED_SEND_CAP_MS;
    zmq_setsockopt(handle, ZMQ_SNDTIMEO, &cap, sizeof cap);
  }
  json_t *linger = json_object_get(options, "linger");
  int linger_set = linger != NULL && !json_is_null(linger);
  return ok(answer, json_integer(remember_socket(handle, linger_set, send_capped)));
}

/* ---- endpoints ---- */

typedef int (*endpoint_call)(void *socket, const char *endpoint);

static enum answer_kind endpoint_op(json_t *request, struct answer *answer, endpoint_call call, const char *what) {
  struct socket_entry *entry = socket_of(request, answer);
  if (entry == NULL) return answer->kind;
  /* Passed exactly as received: malformed endpoints are what the suites test. */
  const char *endpoint = string_field(request, "endpoint", answer);
  if (endpoint == NULL) return answer->kind;
  if (call(entry->handle, endpoint) != 0) return fail_zmq(answer, what);
  return ok(answer, NULL);
}

static enum answer_kind op_bind(json_t *request, struct answer *answer) { return endpoint_op(request, answer, zmq_bind, "zmq_bind"); }
static enum answer_kind op_unbind(json_t *request, struct answer *answer) { return endpoint_op(request, answer, zmq_unbind, "zmq_unbind"); }
static enum answer_kind op_connect(json_t *request, struct answer *answer) { return endpoint_op(request, answer, zmq_connect, "zmq_connect"); }
static enum answer_kind op_disconnect(json_t *request, struct answer *answer) { return endpoint_op(request, answer, zmq_disconnect, "zmq_disconnect"); }

static enum answer_kind op_last_endpoint(json_t *request, struct answer *answer) {
  struct socket_entry *entry = socket_of(request, answer);
  if (entry == NULL) return answer->kind;
  char endpoint[4096];
  size_t size = sizeof endpoint;
  if (zmq_getsockopt(entry->handle, ZMQ_LAST_ENDPOINT, endpoint, &size) != 0) return fail_zmq(answer, "ZMQ_LAST_ENDPOINT");
  endpoint[sizeof endpoint - 1] = '\0';
  return ok(answer, endpoint[0] == '\0' ? NULL : text_value(endpoint));
}

/* ---- messages ---- */

struct frames {
  unsigned char **data;
  size_t *sizes;
  size_t count;
};

static void free_frames(struct frames *frames) {
  for (size_t i = 0; i < frames->count; i++) free(frames->data[i]);
  free(frames->data);
  free(frames->sizes);
}

static enum answer_kind op_send(json_t *request, struct answer *answer) {
  struct socket_entry *entry = socket_of(request, answer);
  if (entry == NULL) return answer->kind;
  json_t *list = field(request, "frames", answer);
  if (list == NULL) return answer->kind;
  if (!json_is_array(list) || json_array_size(list) == 0) return fail(answer, "EINVAL", "\"frames\" must be a non-empty array of base64 strings");
  /* Every frame is decoded before the first is sent: a bad one sends nothing. */
  size_t count = json_array_size(list);
  struct frames frames = {calloc(count, sizeof(unsigned char *)), calloc(count, sizeof(size_t)), 0};
  if (frames.data == NULL || frames.sizes == NULL) {
    free_frames(&frames);
    return fail(answer, "ENOMEM", "no memory for %zu frames", count);
  }
  for (; frames.count < count; frames.count++) {
    json_t *text = json_array_get(list, frames.count);
    if (!json_is_string(text) || base64_decode(json_string_value(text), json_string_length(text), &frames.data[frames.count], &frames.sizes[frames.count]) != 0) {
      size_t bad = frames.count;
      free_frames(&frames);
      return fail(answer, "EINVAL", "frame %zu is not base64", bad);
    }
  }
  for (size_t i = 0; i < count; i++) {
    int more = i + 1 < count ? ZMQ_SNDMORE : 0;
    if (zmq_send(entry->handle, frames.data[i], frames.sizes[i], more) < 0) {
      int number = zmq_errno();
      free_frames(&frames);
      if (number == EAGAIN && entry->send_capped) {
        return fail(answer, "EAGAIN", "zmq_send: %s (no send timeout was set: the driver stopped waiting after %d ms)", zmq_strerror(number), UNBOUNDED_SEND_CAP_MS);
      }
      return fail(answer, errno_name(number), "zmq_send (frame %zu of %zu): %s", i + 1, count, zmq_strerror(number));
    }
  }
  free_frames(&frames);
  return ok(answer, NULL);
}

/* One whole message, with ZMQ_DONTWAIT on its first frame: the other frames of a message are
 * always there once its first one is. Returns the frames as base64 strings, or NULL (errno set). */
static json_t *receive_message(void *handle, int first_flags) {
  json_t *frames = json_array();
  int flags = first_flags;
  for (;;) {
    zmq_msg_t part;
    zmq_msg_init(&part);
    if (zmq_msg_recv(&part, handle, flags) < 0) {
      int number = zmq_errno();
      zmq_msg_close(&part);
      json_decref(frames);
      errno = number;
      return NULL;
    }
    char *text = base64_encode(zmq_msg_data(&part), zmq_msg_size(&part));
    int more = zmq_msg_more(&part);
    zmq_msg_close(&part);
    if (text == NULL) {
      json_decref(frames);
      errno = ENOMEM;
      return NULL;
    }
    json_array_append_new(frames, json_string(text));
    free(text);
    if (!more) return frames;
    flags = 0;
  }
}

static enum answer_kind op_receive(json_t *request, struct answer *answer) {
  struct socket_entry *entry = socket_of(request, answer);
  if (entry == NULL) return answer->kind;
  json_t *timeout_value = field(request, "timeoutMs", answer);
  if (timeout_value == NULL) return answer->kind;
  long long timeout = 0;
  if (!whole_number(timeout_value, &timeout) || timeout < 0 || timeout > INT32_MAX) return fail(answer, "EINVAL", "\"timeoutMs\" must be a whole number >= 0");
  /* libzmq itself answers, with non-blocking receives before and after the wait: a message,
   * EAGAIN when nothing came in time, EFSM or ENOTSUP when the socket may not receive now or at
   * all (a REQ before its request, a PUSH). zmq_poll alone never signals those. */
  json_t *frames = receive_message(entry->handle, ZMQ_DONTWAIT);
  if (frames == NULL && errno == EAGAIN && timeout > 0) {
    zmq_pollitem_t item = {entry->handle, 0, ZMQ_POLLIN, 0};
    zmq_poll(&item, 1, (long)timeout);
    frames = receive_message(entry->handle, ZMQ_DONTWAIT);
  }
  if (frames == NULL) return fail(answer, errno_name(errno), "zmq_msg_recv: %s", zmq_strerror(errno));
  return ok(answer, frames);
}

static enum answer_kind subscription(json_t *request, struct answer *answer, int option, const char *what) {
  struct socket_entry *entry = socket_of(request, answer);
  if (entry == NULL) return answer->kind;
  const char *topic = string_field(request, "topic", answer);
  if (topic == NULL) return answer->kind;
  unsigned char *bytes;
  size_t size;
  if (base64_decode(topic, strlen(topic), &bytes, &size) != 0) return fail(answer, "EINVAL", "\"topic\" is not base64");
  int status = zmq_setsockopt(entry->handle, option, bytes, size);
  free(bytes);
  if (status != 0) return fail_zmq(answer, what);
  return ok(answer, NULL);
}

static enum answer_kind op_subscribe(json_t *request, struct answer *answer) { return subscription(request, answer, ZMQ_SUBSCRIBE, "ZMQ_SUBSCRIBE"); }
static enum answer_kind op_unsubscribe(json_t *request, struct answer *answer) { return subscription(request, answer, ZMQ_UNSUBSCRIBE, "ZMQ_UNSUBSCRIBE"); }

static enum answer_kind op_close(json_t *request, struct answer *answer) {
  struct socket_entry *entry = socket_of(request, answer);
  if (entry == NULL) return answer->kind;
  if (!entry->linger_set) {
    int zero = 0;
    zmq_setsockopt(entry->handle, ZMQ_LINGER, &zero, sizeof zero);
  }
  int status = zmq_close(entry->handle);
  entry->handle = NULL; /* the number is never reused */
  if (status != 0) return fail_zmq(answer, "zmq_close");
  return ok(answer, NULL);
}

/* ---- the driver's own process ---- */

static enum answer_kind op_setenv(json_t *request, struct answer *answer) {
  json_t *vars = field(request, "vars", answer);
  if (vars == NULL) return answer->kind;
  if (!json_is_object(vars)) return fail(answer, "EINVAL", "\"vars\" must be an object");
  const char *name;
  json_t *value;
  /* setenv(3)/unsetenv(3): what libzmq's getenv() reads (TMPDIR, when binding the wildcard endpoint). */
  json_object_foreach(vars, name, value) {
    int status;
    if (json_is_null(value)) status = unsetenv(name);
    else if (json_is_string(value)) status = setenv(name, json_string_value(value), 1);
    else return fail(answer, "EINVAL", "variable %s must be a string or null", name);
    if (status != 0) return fail(answer, errno_name(errno), "%s %s: %s", json_is_null(value) ? "unsetenv" : "setenv", name, strerror(errno));
  }
  return ok(answer, NULL);
}

static enum answer_kind op_chdir(json_t *request, struct answer *answer) {
  const char *dir = string_field(request, "dir", answer);
  if (dir == NULL) return answer->kind;
  if (chdir(dir) != 0) return fail(answer, errno_name(errno), "chdir %s: %s", dir, strerror(errno));
  return ok(answer, NULL);
}

/* ---- the protocol loop ---- */

static const struct {
  const char *name;
  enum answer_kind (*run)(json_t *request, struct answer *answer);
} OPS[] = {
    {"create", op_create},       {"bind", op_bind},       {"unbind", op_unbind},
    {"connect", op_connect},     {"disconnect", op_disconnect}, {"send", op_send},
    {"receive", op_receive},     {"subscribe", op_subscribe},   {"unsubscribe", op_unsubscribe},
    {"lastEndpoint", op_last_endpoint}, {"close", op_close},    {"setenv", op_setenv},
    {"chdir", op_chdir},
};

static json_t *respond(json_t *request) {
  struct answer answer = {ANSWER_OK, NULL, NULL, ""};
  json_t *op = json_object_get(request, "op");
  int known = 0;
  for (size_t i = 0; json_is_string(op) && i < sizeof OPS / sizeof OPS[0]; i++) {
    if (strcmp(OPS[i].name, json_string_value(op)) == 0) {
      known = 1;
      OPS[i].run(request, &answer);
    }
  }
  if (!known) unsupported(&answer, "unknown op \"%s\"", json_is_string(op) ? json_string_value(op) : "");

  json_t *id = json_object_get(request, "id");
  json_t *response = json_object();
  json_object_set(response, "id", id != NULL ? id : json_null());
  switch (answer.kind) {
    case ANSWER_OK:
      json_object_set_new(response, "ok", json_true());
      json_object_set_new(response, "result", answer.result != NULL ? answer.result : json_null());
      break;
    case ANSWER_ERROR:
      json_object_set_new(response, "ok", json_false());
      json_object_set_new(response, "error", json_pack("{s:s, s:o}", "code", answer.code, "message", text_value(answer.message)));
      break;
    case ANSWER_UNSUPPORTED:
      json_object_set_new(response, "ok", json_false());
      json_object_set_new(response, "unsupported", text_value(answer.message));
      break;
  }
  return response;
}

static void say_hello(void) {
  int major, minor, patch;
  zmq_version(&major, &minor, &patch);
  char version[128];
  snprintf(version, sizeof version, "%d.%d.%d (libzmq-c driver %s, jansson %s)", major, minor, patch, DRIVER_VERSION, JANSSON_VERSION);

  struct utsname host;
  char platform[sizeof host.sysname] = "unknown";
  if (uname(&host) == 0) {
    for (size_t i = 0; i + 1 < sizeof platform && host.sysname[i] != '\0'; i++) {
      char c = host.sysname[i];
      platform[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      platform[i + 1] = '\0';
    }
  }
#if defined(__clang__)
  const char *runtime = "C (clang " __clang_version__ ")";
#elif defined(__GNUC__)
  const char *runtime = "C (gcc " __VERSION__ ")";
#else
  const char *runtime = "C";
#endif

  json_t *capabilities = json_array();
#ifdef __linux__
  json_array_append_new(capabilities, json_string("abstract-namespace")); /* Linux only */
#endif
  const char *always[] = {"wildcard", "socket-file", "immediate", "reconnect-interval", "last-endpoint", "unbind", "child-process", "pubsub", "reqrep"};
  for (size_t i = 0; i < sizeof always / sizeof always[0]; i++) json_array_append_new(capabilities, json_string(always[i]));
  json_t *types = json_array();
  for (size_t i = 0; i < SOCKET_TYPE_COUNT; i++) json_array_append_new(types, json_string(SOCKET_TYPES[i].name));

  json_t *hello = json_pack("{s:{s:i, s:s, s:s, s:o, s:o, s:s, s:s, s:I}}", "hello", "protocol", PROTOCOL_VERSION, "name", "libzmq (C API)", "version", version,
                            "capabilities", capabilities, "socketTypes", types, "platform", platform, "runtime", runtime, "pid", (json_int_t)getpid());
  write_line(hello);
  json_decref(hello);
}

int main(void) {
  /* Protocol lines go to a private duplicate of fd 1, and fd 1 itself is pointed at stderr: then
   * nothing libzmq or libc might print can reach the harness as a protocol line. */
  protocol_fd = dup(1);
  if (protocol_fd < 0 || dup2(2, 1) < 0) {
    perror("libzmq-c-driver: dup");
    return 1;
  }
  context = zmq_ctx_new();
  if (context == NULL) {
    log_line("zmq_ctx_new: %s", zmq_strerror(zmq_errno()));
    return 1;
  }
  say_hello();

  char *line = NULL;
  size_t capacity = 0;
  ssize_t length;
  while ((length = getline(&line, &capacity, stdin)) >= 0) {
    if (strspn(line, " \t\r\n") == (size_t)length) continue; /* blank line */
    json_error_t error;
    /* JSON_ALLOW_NUL: an endpoint with "\u0000" in it is a request like any other. */
    json_t *request = json_loadb(line, (size_t)length, JSON_ALLOW_NUL, &error);
    if (request == NULL || !json_is_object(request)) {
      int shown = (int)strcspn(line, "\r\n") < 80 ? (int)strcspn(line, "\r\n") : 80;
      log_line("not a JSON request, ignored (%s): %.*s", request == NULL ? error.text : "not an object", shown, line);
      json_decref(request);
      continue;
    }
    json_t *response = respond(request);
    write_line(response);
    json_decref(response);
    json_decref(request);
  }
  free(line);
  /* End of input: the harness is done. Nothing may outlive the run. */
  for (size_t i = 1; i < socket_capacity; i++) {
    if (sockets[i].handle == NULL) continue;
    int zero = 0;
    zmq_setsockopt(sockets[i].handle, ZMQ_LINGER, &zero, sizeof zero);
    zmq_close(sockets[i].handle);
  }
  free(sockets);
  zmq_ctx_term(context);
  return 0;
}
