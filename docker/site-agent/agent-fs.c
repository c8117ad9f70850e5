/* The site agent's control requests: what scenarios ask about, and do to, the filesystem of the
 * machine the implementation runs on (docs/platforms.md, "Remote sites"). Each op is one or two
 * system calls; a refusal is answered with the errno name, like a driver's. Paths are used as
 * given (absolute paths in the scenario's directory, made with mkdtemp). */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* glibc: mkdtemp */
#define __BSD_VISIBLE 1 /* FreeBSD: mkdtemp */

#include "agent-fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "base64.h"
#include "errno-names.h"

#define AGENT_VERSION "1.0.0"

struct reply {
  json_t *result; /* on success (NULL: null) */
  int error;      /* errno, 0 on success */
  char message[512];
};

static int failed(struct reply *reply, int number, const char *what, const char *path) {
  reply->error = number;
  snprintf(reply->message, sizeof reply->message, "%s %s: %s", what, path != NULL ? path : "", strerror(number));
  return -1;
}

static int invalid(struct reply *reply, const char *message) {
  reply->error = EINVAL;
  snprintf(reply->message, sizeof reply->message, "%s", message);
  return -1;
}

static const char *kind_of(mode_t mode) {
  if (S_ISSOCK(mode)) return "socket";
  if (S_ISREG(mode)) return "file";
  if (S_ISDIR(mode)) return "directory";
  if (S_ISLNK(mode)) return "symlink";
  if (S_ISFIFO(mode)) return "fifo";
  return "other";
}

/* Removes path and, for a directory, everything under it; symbolic links are removed, never followed. */
static int remove_tree(const char *path) {
  struct stat info;
  if (lstat(path, &info) != 0) return errno == ENOENT ? 0 : -1;
  if (!S_ISDIR(info.st_mode)) return unlink(path);
  chmod(path, 0700); /* a scenario may have made it unwritable */
  DIR *dir = opendir(path);
  if (dir == NULL) return -1;
  struct dirent *entry;
  int status = 0;
  while ((entry = readdir(dir)) != NULL) {
    if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
    size_t length = strlen(path) + 1 + strlen(entry->d_name) + 1;
    char *child = malloc(length);
    snprintf(child, length, "%s/%s", path, entry->d_name);
    if (remove_tree(child) != 0) status = -1;
    free(child);
  }
  closedir(dir);
  return rmdir(path) == 0 ? status : -1;
}

static int mode_field(json_t *request, const char *name, mode_t fallback, mode_t *mode) {
  json_t *value = json_object_get(request, name);
  if (value == NULL || json_is_null(value)) {
    *mode = fallback;
    return 0;
  }
  if (!json_is_integer(value) || json_integer_value(value) < 0 || json_integer_value(value) > 07777) return -1;
  *mode = (mode_t)json_integer_value(value);
  return 0;
}

static const char *const OPS[] = {"mkdtemp", "umask", "lstat", "stat", "mkdir", "rm", "unlink", "chmod", "mkfifo", "symlink", "readlink", "rename", "readdir", "writeFile", "readFile", "connect", "staleSocket"};

static int run(const char *op, json_t *request, struct reply *reply) {
  int known = 0;
  for (size_t i = 0; i < sizeof OPS / sizeof OPS[0]; i++) known |= strcmp(OPS[i], op) == 0;
  if (!known) {
    reply->error = -1;
    snprintf(reply->message, sizeof reply->message, "unknown op \"%s\"", op);
    return -1;
  }
  /* "path", or "path64": the path's bytes in base64, for a path that is not valid UTF-8 (a
   * scenario's path cut in the middle of a multibyte character). */
  const char *path = json_string_value(json_object_get(request, "path"));
  json_t *raw = json_object_get(request, "path64");
  static char *decoded = NULL;
  free(decoded);
  decoded = NULL;
  if (path == NULL && json_is_string(raw)) {
    size_t size;
    if (base64_decode(json_string_value(raw), json_string_length(raw), (unsigned char **)&decoded, &size) != 0) return invalid(reply, "\"path64\" must be base64");
    decoded[size] = '\0'; /* base64_decode leaves room for it */
    if (strlen(decoded) != size) return invalid(reply, "a path has no NUL inside");
    path = decoded;
  }
  mode_t mode = 0;
  if (strcmp(op, "mkdtemp") == 0) {
    const char *prefix = json_string_value(json_object_get(request, "prefix"));
    if (prefix == NULL) return invalid(reply, "mkdtemp needs a \"prefix\"");
    size_t length = strlen(prefix) + 7;
    char *pattern = malloc(length);
    snprintf(pattern, length, "%sXXXXXX", prefix);
    if (mkdtemp(pattern) == NULL) {
      free(pattern);
      return failed(reply, errno, "mkdtemp", prefix);
    }
    reply->result = json_string(pattern);
    free(pattern);
    return 0;
  }
  if (strcmp(op, "umask") == 0) {
    if (mode_field(request, "mask", 022, &mode) != 0) return invalid(reply, "\"mask\" must be a mode");
    reply->result = json_integer(umask(mode)); /* inherited by the processes started after it */
    return 0;
  }
  if (path == NULL) return invalid(reply, "this op needs a \"path\" (or \"path64\")");
  if (strcmp(op, "lstat") == 0 || strcmp(op, "stat") == 0) {
    struct stat info;
    int status = op[0] == 'l' ? lstat(path, &info) : stat(path, &info);
    if (status != 0 && (errno == ENOENT || errno == ENOTDIR)) {
      reply->result = json_pack("{s:s}", "kind", "absent");
      return 0;
    }
    if (status != 0) return failed(reply, errno, op, path);
    reply->result = json_pack("{s:s, s:I, s:I, s:I, s:I}", "kind", kind_of(info.st_mode), "mode", (json_int_t)(info.st_mode & 07777), "size",
                              (json_int_t)info.st_size, "uid", (json_int_t)info.st_uid, "gid", (json_int_t)info.st_gid);
    return 0;
  }
  if (strcmp(op, "mkdir") == 0) {
    if (mode_field(request, "mode", 0777, &mode) != 0) return invalid(reply, "\"mode\" must be a mode");
    return mkdir(path, mode) == 0 ? 0 : failed(reply, errno, "mkdir", path);
  }
  if (strcmp(op, "rm") == 0) return remove_tree(path) == 0 ? 0 : failed(reply, errno, "rm", path);
  if (strcmp(op, "unlink") == 0) return unlink(path) == 0 ? 0 : failed(reply, errno, "unlink", path);
  if (strcmp(op, "chmod") == 0) {
    if (mode_field(request, "mode", 0, &mode) != 0 || json_object_get(request, "mode") == NULL) return invalid(reply, "chmod needs a \"mode\"");
    return chmod(path, mode) == 0 ? 0 : failed(reply, errno, "chmod", path);
  }
  if (strcmp(op, "mkfifo") == 0) {
    if (mode_field(request, "mode", 0666, &mode) != 0) return invalid(reply, "\"mode\" must be a mode");
    return mkfifo(path, mode) == 0 ? 0 : failed(reply, errno, "mkfifo", path);
  }
  if (strcmp(op, "symlink") == 0) {
    const char *target = json_string_value(json_object_get(request, "target"));
    if (target == NULL) return invalid(reply, "symlink needs a \"target\"");
    return symlink(target, path) == 0 ? 0 : failed(reply, errno, "symlink", path);
  }
  if (strcmp(op, "readlink") == 0) {
    char target[4096];
    ssize_t n = readlink(path, target, sizeof target - 1);
    if (n < 0) return failed(reply, errno, "readlink", path);
    target[n] = '\0';
    reply->result = json_string(target);
    return 0;
  }
  if (strcmp(op, "rename") == 0) {
    const char *to = json_string_value(json_object_get(request, "to"));
    if (to == NULL) return invalid(reply, "rename needs a \"to\"");
    return rename(path, to) == 0 ? 0 : failed(reply, errno, "rename", path);
  }
  if (strcmp(op, "readdir") == 0) {
    DIR *dir = opendir(path);
    if (dir == NULL) return failed(reply, errno, "readdir", path);
    json_t *names = json_array();
    struct dirent *entry;
    /* Names as base64: a name need not be valid UTF-8, and JSON strings must be. */
    while ((entry = readdir(dir)) != NULL) {
      if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
      char *name = base64_encode((const unsigned char *)entry->d_name, strlen(entry->d_name));
      json_array_append_new(names, json_string(name));
      free(name);
    }
    closedir(dir);
    reply->result = names;
    return 0;
  }
  if (strcmp(op, "writeFile") == 0) {
    json_t *data = json_object_get(request, "data");
    unsigned char *bytes;
    size_t size;
    if (!json_is_string(data) || base64_decode(json_string_value(data), json_string_length(data), &bytes, &size) != 0) return invalid(reply, "\"data\" must be base64");
    if (mode_field(request, "mode", 0666, &mode) != 0) {
      free(bytes);
      return invalid(reply, "\"mode\" must be a mode");
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0) {
      free(bytes);
      return failed(reply, errno, "open", path);
    }
    size_t written = 0;
    while (written < size) {
      ssize_t n = write(fd, bytes + written, size - written);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        int number = errno;
        close(fd);
        free(bytes);
        return failed(reply, number, "write", path);
      }
      written += (size_t)n;
    }
    free(bytes);
    return close(fd) == 0 ? 0 : failed(reply, errno, "close", path);
  }
  if (strcmp(op, "readFile") == 0) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return failed(reply, errno, "open", path);
    size_t size = 0, capacity = 65536;
    unsigned char *bytes = malloc(capacity);
    for (;;) {
      if (size == capacity) bytes = realloc(bytes, capacity *= 2);
      ssize_t n = read(fd, bytes + size, capacity - size);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        int number = errno;
        close(fd);
        free(bytes);
        return failed(reply, number, "read", path);
      }
      if (n == 0) break;
      size += (size_t)n;
    }
    close(fd);
    char *text = base64_encode(bytes, size);
    free(bytes);
    reply->result = json_string(text);
    free(text);
    return 0;
  }
  if (strcmp(op, "staleSocket") == 0) {
    /* A socket file nobody listens on: bound, then closed without unlink, as a crashed process leaves it. */
    struct sockaddr_un address;
    memset(&address, 0, sizeof address);
    address.sun_family = AF_UNIX;
    if (strlen(path) >= sizeof address.sun_path) return failed(reply, ENAMETOOLONG, "bind", path);
    memcpy(address.sun_path, path, strlen(path));
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0) return failed(reply, errno, "socket", path);
    int status = bind(fd, (struct sockaddr *)&address, sizeof address);
    int number = errno;
    close(fd);
    return status == 0 ? 0 : failed(reply, number, "bind", path);
  }
  if (strcmp(op, "connect") == 0) {
    /* A plain connect(2) to a UNIX socket path, closed at once: what the kernel says to anyone. */
    struct sockaddr_un address;
    memset(&address, 0, sizeof address);
    address.sun_family = AF_UNIX;
    if (strlen(path) >= sizeof address.sun_path) return failed(reply, ENAMETOOLONG, "connect", path);
    memcpy(address.sun_path, path, strlen(path));
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0) return failed(reply, errno, "socket", path);
    int status = connect(fd, (struct sockaddr *)&address, sizeof address);
    int number = errno;
    close(fd);
    return status == 0 ? 0 : failed(reply, number, "connect", path);
  }
  return invalid(reply, "op listed but not handled"); /* unreachable: every op in OPS is above */
}

json_t *agent_fs_answer(json_t *request) {
  struct reply reply = {NULL, 0, ""};
  const char *op = json_string_value(json_object_get(request, "op"));
  run(op != NULL ? op : "", request, &reply);
  json_t *id = json_object_get(request, "id");
  json_t *response = json_pack("{s:O}", "id", id != NULL ? id : json_null());
  if (reply.error == 0) {
    json_object_set_new(response, "ok", json_true());
    json_object_set_new(response, "result", reply.result != NULL ? reply.result : json_null());
  } else if (reply.error < 0) {
    json_object_set_new(response, "ok", json_false());
    json_object_set_new(response, "unsupported", json_string(reply.message));
  } else {
    json_object_set_new(response, "ok", json_false());
    json_object_set_new(response, "error", json_pack("{s:s, s:s}", "code", errno_name(reply.error), "message", reply.message));
  }
  return response;
}

json_t *agent_fs_hello(void) {
  struct utsname host;
  uname(&host);
  const char *tmpdir = getenv("TMPDIR");
  return json_pack("{s:{s:s, s:s, s:{s:s, s:s, s:s, s:s}, s:I, s:I, s:s}}", "agent", "name", "zic-site-agent", "version", AGENT_VERSION, "uname", "sysname",
                   host.sysname, "release", host.release, "version", host.version, "machine", host.machine, "uid", (json_int_t)getuid(), "gid",
                   (json_int_t)getgid(), "tmpdir", tmpdir != NULL ? tmpdir : "/tmp");
}
