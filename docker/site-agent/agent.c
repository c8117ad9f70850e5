/* zic-site-agent: lets the harness, running on another machine, use this one as a "remote site"
 * (a FreeBSD guest under qemu, where no Node.js exists): it starts driver processes here and
 * answers the filesystem requests scenarios make about what those drivers did.
 *
 * It listens on TCP (127.0.0.1:PORT by default; under qemu, user networking's hostfwd brings the
 * host's port to it). Each connection says what it is on its first line, one JSON object:
 *
 *   {"op":"control"}        then requests and answers, one JSON line each, as in the driver
 *                           protocol: {"id":1,"op":"lstat","path":"/tmp/x"} ->
 *                           {"id":1,"ok":true,"result":{"kind":"socket",...}} or
 *                           {"id":1,"ok":false,"error":{"code":"ENOENT","message":"..."}}.
 *   {"op":"exec","argv":[...],"cwd":"/dir"}
 *                           starts argv (execvp) in its own process group, in cwd; from then on
 *                           the connection carries frames: 1 octet kind, 4 octets length (big
 *                           endian), payload. Host to agent: 0 stdin data, 1 end of stdin.
 *                           Agent to host: 1 stdout, 2 stderr, 3 the exit (payload: JSON
 *                           {"status":N} or {"signal":N}), 4 could not start (payload: message).
 *                           Stderr is relayed before each read of stdout (forward_stdout).
 *                           When the connection closes, the process group is killed (SIGKILL).
 *   {"op":"relay","path":"/dir/a.sock"}   (or "path64": the address's bytes in base64, for
 *                           a Linux abstract name, which starts with a NUL)
 *                           connects to that UNIX socket, answers {"ok":true} (or an error line),
 *                           then copies octets both ways, unchanged, until either side closes (a
 *                           raw ZMTP peer on the host talking to a socket bound here).
 *
 * Usage: zic-site-agent [--listen ADDRESS:PORT]   (prints "listening ADDRESS:PORT" on stdout)
 * One process, one poll() loop, no threads, every descriptor non-blocking: a peer that does not
 * read never stops the agent. Each direction of a connection holds at most about BACKLOG octets:
 * beyond that the agent stops reading from the sender, so the kernel's flow control reaches the
 * writer at the other end (a raw peer's writes stall when the implementation stops reading, as
 * they would without the agent in between, up to the buffers of the TCP connection). Written in
 * C99 + POSIX, with jansson for JSON, so it builds for FreeBSD with the same toolchain as libzmq. */
#define _XOPEN_SOURCE 700 /* POSIX 2008 with XSI: FreeBSD declares SA_RESTART only then */

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "agent-fs.h"
#include "base64.h"
#include "errno-names.h"

#define MAX_CONNECTIONS 256
#define LINE_LIMIT (16 * 1024 * 1024)
/* What one direction of a connection may hold before the agent stops reading from its sender. */
#define BACKLOG (64 * 1024)

enum kind { FREE, HANDSHAKE, CONTROL, EXEC, RELAY };
enum frame { STDIN_DATA = 0, STDIN_END = 1, STDOUT_DATA = 1, STDERR_DATA = 2, EXITED = 3, NOT_STARTED = 4 };

/* A growable byte buffer. */
struct buffer {
  unsigned char *data;
  size_t size, capacity;
};

struct connection {
  enum kind kind;
  int fd; /* the host's connection */
  struct buffer in;      /* from the host, not yet a whole line or frame */
  struct buffer to_host; /* to the host, not yet written */
  int closing;           /* drop once to_host is written (after an exit frame or a refusal) */
  /* EXEC: the process and its pipes (-1 once closed) */
  pid_t pid;
  int stdin_fd, stdout_fd, stderr_fd;
  int end_of_input; /* close stdin once `out` is written */
  /* RELAY: the UNIX socket */
  int peer_fd;
  /* To the process's stdin (EXEC) or the UNIX socket (RELAY), not yet written. */
  struct buffer out;
};

static struct connection connections[MAX_CONNECTIONS];
static int listen_fd = -1;
static int child_signal[2] = {-1, -1}; /* self-pipe: SIGCHLD wakes the poll loop */

static const struct connection EMPTY = {FREE, -1, {NULL, 0, 0}, {NULL, 0, 0}, 0, 0, -1, -1, -1, 0, -1, {NULL, 0, 0}};

static void log_line(const char *format, ...) {
  va_list args;
  va_start(args, format);
  fputs("zic-site-agent: ", stderr);
  vfprintf(stderr, format, args);
  fputc('\n', stderr);
  va_end(args);
}

static int append(struct buffer *buffer, const void *data, size_t size) {
  if (buffer->size + size > buffer->capacity) {
    size_t capacity = buffer->capacity == 0 ? 4096 : buffer->capacity;
    while (capacity < buffer->size + size) capacity *= 2;
    unsigned char *grown = realloc(buffer->data, capacity);
    if (grown == NULL) return -1;
    buffer->data = grown;
    buffer->capacity = capacity;
  }
  if (size > 0) memcpy(buffer->data + buffer->size, data, size);
  buffer->size += size;
  return 0;
}

static void consume(struct buffer *buffer, size_t size) {
  memmove(buffer->data, buffer->data + size, buffer->size - size);
  buffer->size -= size;
}

static void non_blocking(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  fcntl(fd, F_SETFD, FD_CLOEXEC);
}

static void close_fd(int *fd) {
  if (*fd >= 0) close(*fd);
  *fd = -1;
}

static void drop(struct connection *c) {
  if (c->kind == EXEC && c->pid > 0) kill(-c->pid, SIGKILL); /* nothing outlives its connection */
  close_fd(&c->fd);
  close_fd(&c->stdin_fd);
  close_fd(&c->stdout_fd);
  close_fd(&c->stderr_fd);
  close_fd(&c->peer_fd);
  free(c->in.data);
  free(c->to_host.data);
  free(c->out.data);
  /* An EXEC's pid stays until it is reaped: reap_children() looks for it, and the slot waits. */
  pid_t pid = c->kind == EXEC ? c->pid : 0;
  *c = EMPTY;
  c->pid = pid;
}

/* Writes what it can of a buffer to fd without blocking: 0, or -1 when fd is broken. */
static int flush(int fd, struct buffer *buffer) {
  while (fd >= 0 && buffer->size > 0) {
    ssize_t n = write(fd, buffer->data, buffer->size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return 0;
    if (n <= 0) return -1;
    consume(buffer, (size_t)n);
  }
  return 0;
}

/* Queues octets for the host and writes what it can now. */
static void to_host(struct connection *c, const void *data, size_t size) {
  if (c->fd < 0) return;
  if (append(&c->to_host, data, size) != 0 || flush(c->fd, &c->to_host) != 0) drop(c);
}

static void send_frame(struct connection *c, enum frame kind, const void *data, size_t size) {
  unsigned char header[5] = {(unsigned char)kind, (unsigned char)(size >> 24), (unsigned char)(size >> 16), (unsigned char)(size >> 8), (unsigned char)size};
  to_host(c, header, sizeof header);
  if (size > 0 && c->kind != FREE) to_host(c, data, size);
}

static void send_line(struct connection *c, json_t *message) {
  char *text = json_dumps(message, JSON_COMPACT);
  if (text == NULL) return;
  size_t length = strlen(text);
  text[length] = '\n';
  to_host(c, text, length + 1);
  free(text);
}

/* Sends what is queued, then closes: the host reads a refusal or an exit to its end. */
static void finish(struct connection *c) {
  c->closing = 1;
  if (c->to_host.size == 0) drop(c);
}

/* The fd that `out` goes to: the process's stdin or the relayed UNIX socket. */
static int *out_fd(struct connection *c) { return c->kind == EXEC ? &c->stdin_fd : &c->peer_fd; }

/* Writes what it can of `out`; for an EXEC, closes stdin once its end came and all is written. */
static void flush_out(struct connection *c) {
  int *fd = out_fd(c);
  if (flush(*fd, &c->out) != 0) {
    if (c->kind == RELAY) {
      /* The implementation closed its end: the host still gets what it sent before, then the close. */
      close_fd(fd);
      c->out.size = 0;
      finish(c);
      return;
    }
    close_fd(fd); /* the process closed its stdin: what it did not read is dropped */
    c->out.size = 0;
  }
  if (c->kind == EXEC && c->end_of_input && c->out.size == 0) close_fd(&c->stdin_fd);
}

/* ---- exec ---- */

static void start_exec(struct connection *c, json_t *request) {
  json_t *argv_json = json_object_get(request, "argv");
  const char *cwd = json_string_value(json_object_get(request, "cwd"));
  size_t argc = json_array_size(argv_json);
  c->kind = EXEC;
  if (argc == 0) {
    const char *message = "exec needs a non-empty \"argv\"";
    send_frame(c, NOT_STARTED, message, strlen(message));
    finish(c);
    return;
  }
  char **argv = calloc(argc + 1, sizeof(char *));
  for (size_t i = 0; i < argc; i++) argv[i] = (char *)json_string_value(json_array_get(argv_json, i));

  int in[2], out[2], err[2], report[2];
  if (pipe(in) != 0 || pipe(out) != 0 || pipe(err) != 0 || pipe(report) != 0) {
    char message[256];
    snprintf(message, sizeof message, "pipe: %s", strerror(errno));
    send_frame(c, NOT_STARTED, message, strlen(message));
    free(argv);
    finish(c);
    return;
  }
  fcntl(report[1], F_SETFD, FD_CLOEXEC);
  pid_t pid = fork();
  if (pid == 0) {
    /* The child: its own process group (killed as one), the pipes as stdio, default signals. */
    setpgid(0, 0);
    signal(SIGPIPE, SIG_DFL);
    signal(SIGCHLD, SIG_DFL);
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    for (int fd = 3; fd < 1024; fd++) {
      if (fd != report[1]) close(fd);
    }
    int failed = 0;
    if (cwd != NULL && chdir(cwd) != 0) failed = errno;
    if (!failed) {
      execvp(argv[0], argv);
      failed = errno;
    }
    if (write(report[1], &failed, sizeof failed) < 0) _exit(126); /* read by the agent: why it did not start */
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  close(err[1]);
  close(report[1]);
  int failed = 0;
  ssize_t n = pid < 0 ? -1 : read(report[0], &failed, sizeof failed); /* EOF at a successful exec */
  close(report[0]);
  if (pid < 0 || n == (ssize_t)sizeof failed) {
    int number = pid < 0 ? errno : failed;
    char message[512];
    snprintf(message, sizeof message, "%s %s: %s (%s)", pid < 0 ? "fork" : "exec", argv[0], strerror(number), errno_name(number));
    send_frame(c, NOT_STARTED, message, strlen(message));
    close(in[1]);
    close(out[0]);
    close(err[0]);
    free(argv);
    c->pid = 0; /* a child that failed to exec is reaped by pid in reap_children, unmatched: harmless */
    finish(c);
    return;
  }
  free(argv);
  setpgid(pid, pid); /* from here too: the group exists before anyone kills it */
  c->pid = pid;
  c->stdin_fd = in[1];
  c->stdout_fd = out[0];
  c->stderr_fd = err[0];
  non_blocking(c->stdin_fd);
  non_blocking(c->stdout_fd);
  non_blocking(c->stderr_fd);
}

/* Frames from the host to an EXEC: stdin data, or its end. */
static void exec_input(struct connection *c) {
  while (c->in.size >= 5) {
    size_t size = ((size_t)c->in.data[1] << 24) | ((size_t)c->in.data[2] << 16) | ((size_t)c->in.data[3] << 8) | c->in.data[4];
    if (c->in.size < 5 + size) break;
    if (c->in.data[0] == STDIN_DATA && c->stdin_fd >= 0 && append(&c->out, c->in.data + 5, size) != 0) {
      drop(c);
      return;
    }
    if (c->in.data[0] == STDIN_END) c->end_of_input = 1;
    consume(&c->in, 5 + size);
  }
  flush_out(c);
}

/* The process's output, as frames: how many octets it forwarded (0: none now, or the end). */
static size_t forward_output(struct connection *c, int *fd, enum frame kind) {
  unsigned char chunk[16384];
  ssize_t n = read(*fd, chunk, sizeof chunk);
  if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) return 0;
  if (n <= 0) {
    close_fd(fd);
    return 0;
  }
  send_frame(c, kind, chunk, (size_t)n);
  return (size_t)n;
}

/* How many reads drain one pipe before moving on (64 x 16 KiB: several pipes' worth), so a
 * process that never stops writing one stream cannot hold up the loop. */
enum { DRAIN_ROUNDS = 64 };

/* Everything the process has written to one pipe so far, as frames (up to DRAIN_ROUNDS reads). */
static void drain_output(struct connection *c, int *fd, enum frame kind) {
  for (int round = 0; round < DRAIN_ROUNDS && c->kind == EXEC && *fd >= 0; round++) {
    if (forward_output(c, fd, kind) == 0) break;
  }
}

static void forward_stderr(struct connection *c) {
  drain_output(c, &c->stderr_fd, STDERR_DATA);
}

/* Stdout, after whatever stderr holds: a process that explains itself on stderr and then writes
 * stdout (a driver breaking its protocol) wrote the explanation first, and the host must see it
 * first. The host kills the process at the breach it reads on stdout; the explanation must
 * already be in its stderr by then, not in a frame still on its way. Both pipes may have become
 * readable in the same poll() round; draining stderr just before reading stdout keeps their order
 * whatever poll() reported. */
static void forward_stdout(struct connection *c) {
  forward_stderr(c);
  if (c->kind == EXEC && c->stdout_fd >= 0) forward_output(c, &c->stdout_fd, STDOUT_DATA);
}

static void reap_children(void) {
  int status;
  pid_t pid;
  while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
    for (int i = 0; i < MAX_CONNECTIONS; i++) {
      struct connection *c = &connections[i];
      if (c->pid != pid) continue;
      c->pid = 0; /* reaped: nothing to kill, and a FREE slot waiting for it is free again */
      if (c->kind != EXEC) continue;
      /* What is in the pipes now goes first (not waiting for their end: a process it left
       * behind may hold them), then the exit, then the connection closes. Progress is what was
       * read, not what waits for the host: a host that takes everything at once leaves nothing
       * waiting, and the rest of the pipe would be lost. The bound (1 MiB, several pipes' worth)
       * stops a process left behind that keeps writing. */
      forward_stderr(c);
      drain_output(c, &c->stdout_fd, STDOUT_DATA);
      forward_stderr(c);
      if (c->kind != EXEC) continue;
      char text[64];
      if (WIFSIGNALED(status)) snprintf(text, sizeof text, "{\"signal\":%d}", WTERMSIG(status));
      else snprintf(text, sizeof text, "{\"status\":%d}", WEXITSTATUS(status));
      send_frame(c, EXITED, text, strlen(text));
      if (c->kind != EXEC) continue;
      kill(-pid, SIGKILL); /* what the process left in its group goes with it */
      close_fd(&c->stdin_fd);
      close_fd(&c->stdout_fd);
      close_fd(&c->stderr_fd);
      finish(c);
    }
  }
}

/* ---- relay ---- */

static void start_relay(struct connection *c, json_t *request) {
  const char *path = json_string_value(json_object_get(request, "path"));
  json_t *raw = json_object_get(request, "path64");
  unsigned char *bytes = NULL;
  size_t size = path != NULL ? strlen(path) : 0;
  int failed = 0;
  if (path == NULL && json_is_string(raw) && base64_decode(json_string_value(raw), json_string_length(raw), &bytes, &size) == 0) path = (const char *)bytes;
  struct sockaddr_un address;
  memset(&address, 0, sizeof address);
  address.sun_family = AF_UNIX;
  if (path == NULL || size == 0) failed = EINVAL;
  else if (size >= sizeof address.sun_path) failed = ENAMETOOLONG;
  int fd = failed ? -1 : socket(AF_UNIX, SOCK_STREAM, 0);
  if (!failed && fd < 0) failed = errno;
  if (!failed) {
    memcpy(address.sun_path, path, size);
    /* A pathname's length includes its NUL; an abstract name's is exactly its bytes (Linux). */
    socklen_t length = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + size + (path[0] != '\0'));
    if (connect(fd, (struct sockaddr *)&address, length) != 0) failed = errno;
  }
  free(bytes);
  c->kind = RELAY;
  if (failed) {
    json_t *answer = json_pack("{s:b, s:{s:s, s:s}}", "ok", 0, "error", "code", errno_name(failed), "message", strerror(failed));
    send_line(c, answer);
    json_decref(answer);
    if (fd >= 0) close(fd);
    finish(c);
    return;
  }
  json_t *answer = json_pack("{s:b}", "ok", 1);
  send_line(c, answer);
  json_decref(answer);
  non_blocking(fd);
  c->peer_fd = fd;
  /* Octets that came after the first line belong to the peer. */
  if (c->kind == RELAY && c->in.size > 0) {
    if (append(&c->out, c->in.data, c->in.size) != 0) drop(c);
    else {
      c->in.size = 0;
      flush_out(c);
    }
  }
}

/* The UNIX socket's octets to the host, unchanged. */
static void relay_back(struct connection *c) {
  unsigned char chunk[16384];
  ssize_t n = read(c->peer_fd, chunk, sizeof chunk);
  if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) return;
  if (n <= 0) {
    close_fd(&c->peer_fd);
    finish(c); /* the implementation closed: the host gets what came before, then the close */
    return;
  }
  to_host(c, chunk, (size_t)n);
}

/* ---- control ---- */

static void control_request(struct connection *c, const char *line, size_t length) {
  json_error_t error;
  json_t *request = json_loadb(line, length, JSON_ALLOW_NUL, &error);
  if (request == NULL || !json_is_object(request)) {
    log_line("not a JSON request, ignored: %.80s", line);
    json_decref(request);
    return;
  }
  json_t *response = agent_fs_answer(request);
  send_line(c, response);
  json_decref(response);
  json_decref(request);
}

/* The first line says what the connection is. */
static void handshake(struct connection *c, const char *line, size_t length) {
  json_error_t error;
  json_t *request = json_loadb(line, length, 0, &error);
  const char *op = json_string_value(json_object_get(request, "op"));
  if (op != NULL && strcmp(op, "control") == 0) {
    c->kind = CONTROL;
    json_t *hello = agent_fs_hello();
    send_line(c, hello);
    json_decref(hello);
  } else if (op != NULL && strcmp(op, "exec") == 0) {
    start_exec(c, request);
  } else if (op != NULL && strcmp(op, "relay") == 0) {
    start_relay(c, request);
  } else {
    log_line("a connection that is not control, exec or relay: %.80s", line);
    drop(c);
  }
  json_decref(request);
}

/* Input from the host. */
static void connection_input(struct connection *c) {
  unsigned char chunk[16384];
  ssize_t n = read(c->fd, chunk, sizeof chunk);
  if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) return;
  if (n <= 0) {
    drop(c); /* the host went away: an EXEC's process group is killed */
    return;
  }
  if (c->kind == RELAY) {
    if (append(&c->out, chunk, (size_t)n) != 0) drop(c);
    else flush_out(c);
    return;
  }
  if (append(&c->in, chunk, (size_t)n) != 0 || c->in.size > LINE_LIMIT) {
    log_line("a request larger than %d octets: connection closed", LINE_LIMIT);
    drop(c);
    return;
  }
  while (c->kind == HANDSHAKE || c->kind == CONTROL) {
    unsigned char *end = memchr(c->in.data, '\n', c->in.size);
    if (end == NULL) return;
    size_t length = (size_t)(end - c->in.data);
    char *line = malloc(length + 1);
    memcpy(line, c->in.data, length);
    line[length] = '\0';
    consume(&c->in, length + 1);
    if (c->kind == HANDSHAKE) handshake(c, line, length);
    else control_request(c, line, length);
    free(line);
  }
  if (c->kind == EXEC && !c->closing) exec_input(c);
}

static void on_child(int number) {
  (void)number;
  int saved = errno;
  char byte = 0;
  if (write(child_signal[1], &byte, 1) < 0) {
    /* the pipe is full: a wake-up is already pending */
  }
  errno = saved;
}

static int listen_on(const char *spec) {
  char host[64] = "127.0.0.1";
  int port = 0;
  const char *colon = strrchr(spec, ':');
  if (colon != NULL) {
    size_t length = (size_t)(colon - spec);
    if (length >= sizeof host) return -1;
    memcpy(host, spec, length);
    host[length] = '\0';
    port = atoi(colon + 1);
  } else {
    port = atoi(spec);
  }
  struct sockaddr_in address;
  memset(&address, 0, sizeof address);
  address.sin_family = AF_INET;
  address.sin_port = htons((uint16_t)port);
  if (inet_pton(AF_INET, host, &address.sin_addr) != 1) return -1;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  if (fd < 0) return -1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  /* A small, fixed receive buffer on every connection (accepted sockets inherit it; fixing it
   * turns off autotuning): what a relayed raw peer can write before the implementation reads
   * stays close to what it could write to the socket file directly. */
  int window = BACKLOG;
  setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &window, sizeof window);
  if (bind(fd, (struct sockaddr *)&address, sizeof address) != 0 || listen(fd, 64) != 0) return -1;
  socklen_t size = sizeof address;
  getsockname(fd, (struct sockaddr *)&address, &size);
  char shown[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &address.sin_addr, shown, sizeof shown);
  printf("listening %s:%d\n", shown, ntohs(address.sin_port));
  fflush(stdout);
  non_blocking(fd);
  return fd;
}

/* What a slot is watched for, and by whom: fds[k] belongs to connections[owner[k].index]. */
struct watch {
  int index; /* -1 the listener, -2 the child signal */
  int which; /* 0 host in, 1 stdout, 2 stderr, 3 relay peer in, 4 out writable, 5 host writable */
};

int main(int argc, char **argv) {
  const char *spec = "127.0.0.1:7117";
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--listen") == 0 && i + 1 < argc) spec = argv[++i];
    else {
      fprintf(stderr, "usage: zic-site-agent [--listen ADDRESS:PORT]  (default 127.0.0.1:7117; port 0: any)\n");
      return 2;
    }
  }
  signal(SIGPIPE, SIG_IGN); /* a host that went away is a failed write, not the agent's death */
  if (pipe(child_signal) != 0) return 1;
  non_blocking(child_signal[0]);
  non_blocking(child_signal[1]);
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_child;
  action.sa_flags = SA_RESTART | SA_NOCLDSTOP;
  sigaction(SIGCHLD, &action, NULL);
  for (int i = 0; i < MAX_CONNECTIONS; i++) connections[i] = EMPTY;

  listen_fd = listen_on(spec);
  if (listen_fd < 0) {
    log_line("cannot listen on %s: %s", spec, strerror(errno));
    return 1;
  }

  static struct pollfd fds[2 + 6 * MAX_CONNECTIONS];
  static struct watch owner[2 + 6 * MAX_CONNECTIONS];
  for (;;) {
    nfds_t count = 0;
    fds[count] = (struct pollfd){listen_fd, POLLIN, 0};
    owner[count++] = (struct watch){-1, 0};
    fds[count] = (struct pollfd){child_signal[0], POLLIN, 0};
    owner[count++] = (struct watch){-2, 0};
    for (int i = 0; i < MAX_CONNECTIONS; i++) {
      struct connection *c = &connections[i];
      if (c->kind == FREE) continue;
      int full_out = c->out.size > BACKLOG;         /* the process or peer is not reading: stop taking more */
      int full_to_host = c->to_host.size > BACKLOG; /* the host is not reading: stop reading for it */
      int watched[6][2] = {
          {c->closing || full_out ? -1 : c->fd, POLLIN},
          {c->kind == EXEC && !full_to_host ? c->stdout_fd : -1, POLLIN},
          {c->kind == EXEC && !full_to_host ? c->stderr_fd : -1, POLLIN},
          {c->kind == RELAY && !full_to_host && !c->closing ? c->peer_fd : -1, POLLIN},
          {(c->kind == EXEC || c->kind == RELAY) && c->out.size > 0 ? *out_fd(c) : -1, POLLOUT},
          {c->to_host.size > 0 ? c->fd : -1, POLLOUT},
      };
      for (int w = 0; w < 6; w++) {
        if (watched[w][0] < 0) continue;
        fds[count] = (struct pollfd){watched[w][0], (short)watched[w][1], 0};
        owner[count++] = (struct watch){i, w};
      }
    }
    if (poll(fds, count, -1) < 0) {
      if (errno == EINTR) continue;
      log_line("poll: %s", strerror(errno));
      return 1;
    }
    for (nfds_t k = 0; k < count; k++) {
      if (fds[k].revents == 0) continue;
      if (owner[k].index == -1) {
        int fd = accept(listen_fd, NULL, NULL);
        if (fd < 0) continue;
        int slot = -1;
        for (int i = 0; i < MAX_CONNECTIONS && slot < 0; i++) {
          if (connections[i].kind == FREE && connections[i].pid == 0) slot = i;
        }
        if (slot < 0) {
          log_line("more than %d connections: refused", MAX_CONNECTIONS);
          close(fd);
          continue;
        }
        non_blocking(fd);
        /* Requests and answers are small and go back and forth: Nagle's algorithm would hold each
         * one back for the previous one's acknowledgement (tens of milliseconds per request). */
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        connections[slot] = EMPTY;
        connections[slot].kind = HANDSHAKE;
        connections[slot].fd = fd;
        continue;
      }
      if (owner[k].index == -2) {
        char drain[64];
        while (read(child_signal[0], drain, sizeof drain) > 0) {
        }
        reap_children();
        continue;
      }
      /* Each case checks that the fd still belongs to what it was polled for: an earlier event
       * in this round may have closed it, or dropped the connection. */
      struct connection *c = &connections[owner[k].index];
      if (c->kind == FREE) continue;
      switch (owner[k].which) {
        case 0:
          if (fds[k].fd == c->fd) connection_input(c);
          break;
        case 1:
          if (c->kind == EXEC && fds[k].fd == c->stdout_fd) forward_stdout(c);
          break;
        case 2:
          if (c->kind == EXEC && fds[k].fd == c->stderr_fd) forward_output(c, &c->stderr_fd, STDERR_DATA);
          break;
        case 3:
          if (c->kind == RELAY && fds[k].fd == c->peer_fd) relay_back(c);
          break;
        case 4:
          if ((c->kind == EXEC || c->kind == RELAY) && fds[k].fd == *out_fd(c)) flush_out(c);
          break;
        case 5:
          if (fds[k].fd == c->fd) {
            if (flush(c->fd, &c->to_host) != 0) drop(c);
            else if (c->closing && c->to_host.size == 0) drop(c);
          }
          break;
      }
    }
  }
}
