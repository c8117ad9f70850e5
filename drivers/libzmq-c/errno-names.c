/* errno numbers to names. glibc has strerrorname_np(3), but FreeBSD's libc has nothing of the
 * kind, and the numbers differ between the two (ENAMETOOLONG is 36 on Linux, 63 on FreeBSD): the
 * table is built from the platform's own macros when this file is compiled. Where two names share
 * a number (ENOTSUP and EOPNOTSUPP on Linux, EAGAIN and EWOULDBLOCK), the first listed wins: the
 * names the suites check come first. */
#include "errno-names.h"

#include <errno.h>
#include <stdio.h>
#ifndef ZIC_NO_ZMQ /* the site agent (docker/site-agent) shares this table without libzmq */
#include <zmq.h>   /* EFSM, ENOCOMPATPROTO, ETERM, EMTHREAD: ZMQ_HAUSNUMERO + n */
#endif

#define NAME(e) {e, #e},

static const struct {
  int number;
  const char *name;
} NAMES[] = {
    NAME(EPERM) NAME(ENOENT) NAME(ESRCH) NAME(EINTR) NAME(EIO) NAME(ENXIO) NAME(E2BIG) NAME(ENOEXEC)
    NAME(EBADF) NAME(ECHILD) NAME(EAGAIN) NAME(ENOMEM) NAME(EACCES) NAME(EFAULT) NAME(EBUSY)
    NAME(EEXIST) NAME(EXDEV) NAME(ENODEV) NAME(ENOTDIR) NAME(EISDIR) NAME(EINVAL) NAME(ENFILE)
    NAME(EMFILE) NAME(ENOTTY) NAME(ETXTBSY) NAME(EFBIG) NAME(ENOSPC) NAME(ESPIPE) NAME(EROFS)
    NAME(EMLINK) NAME(EPIPE) NAME(EDOM) NAME(ERANGE) NAME(EDEADLK) NAME(ENAMETOOLONG) NAME(ENOLCK)
    NAME(ENOSYS) NAME(ENOTEMPTY) NAME(ELOOP) NAME(ENOMSG) NAME(EIDRM) NAME(ENOTSOCK)
    NAME(EDESTADDRREQ) NAME(EMSGSIZE) NAME(EPROTOTYPE) NAME(ENOPROTOOPT) NAME(EPROTONOSUPPORT)
    NAME(ENOTSUP) NAME(EOPNOTSUPP) NAME(EAFNOSUPPORT) NAME(EADDRINUSE) NAME(EADDRNOTAVAIL)
    NAME(ENETDOWN) NAME(ENETUNREACH) NAME(ENETRESET) NAME(ECONNABORTED) NAME(ECONNRESET)
    NAME(ENOBUFS) NAME(EISCONN) NAME(ENOTCONN) NAME(ETIMEDOUT) NAME(ECONNREFUSED) NAME(EHOSTDOWN)
    NAME(EHOSTUNREACH) NAME(EALREADY) NAME(EINPROGRESS) NAME(EWOULDBLOCK) NAME(ECANCELED)
    NAME(EOVERFLOW) NAME(EILSEQ) NAME(EPROTO) NAME(EBADMSG) NAME(EMULTIHOP) NAME(ENOLINK)
    NAME(ENOTRECOVERABLE) NAME(EOWNERDEAD) NAME(EDQUOT) NAME(ESTALE)
#ifdef EFSM
    NAME(EFSM) NAME(ENOCOMPATPROTO) NAME(ETERM) NAME(EMTHREAD)
#endif
};

const char *errno_name(int number) {
  for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++) {
    if (NAMES[i].number == number) return NAMES[i].name;
  }
  static char unknown[32];
  snprintf(unknown, sizeof unknown, "E%d", number);
  return unknown;
}
