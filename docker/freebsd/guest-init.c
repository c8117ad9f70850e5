/*
 * /sbin/init of the FreeBSD guest image: the only process the kernel starts. It makes the
 * read-only CD root usable (a tmpfs on /tmp, where every scenario's directory lives), gives the
 * network card the address qemu's user networking forwards to (10.0.2.15), then starts the site
 * agent as an unprivileged user (uid/gid 1000: root would bypass the file permissions some
 * scenarios are about) and reaps orphans. When the agent ends, the guest powers off, so qemu
 * (run with -no-reboot) exits.
 *
 * Built static for FreeBSD by build-image.sh; it is not built or run on Linux.
 */
#include <sys/param.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>

#include <net/if.h>
#include <netinet/in.h>
#include <netinet/in_var.h>
#include <arpa/inet.h>

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define AGENT "/usr/local/libexec/zic/zic-site-agent"
#define AGENT_LISTEN "0.0.0.0:7117" /* qemu's hostfwd reaches the guest's 10.0.2.15:7117 */
#define UNPRIVILEGED 1000

static void say(const char *what) {
  fprintf(stderr, "guest-init: %s%s%s\n", what, errno ? ": " : "", errno ? strerror(errno) : "");
  errno = 0;
}

static void console(void) {
  int fd = open("/dev/console", O_RDWR);
  if (fd < 0) return;
  dup2(fd, 0);
  dup2(fd, 1);
  dup2(fd, 2);
  if (fd > 2) close(fd);
}

static int mount_tmp(void) {
  struct iovec iov[] = {
      {"fstype", sizeof "fstype"}, {"tmpfs", sizeof "tmpfs"},
      {"fspath", sizeof "fspath"}, {"/tmp", sizeof "/tmp"},
      {"mode", sizeof "mode"},     {"1777", sizeof "1777"},
  };
  return nmount(iov, sizeof iov / sizeof iov[0], 0);
}

static struct sockaddr_in inet_address(const char *text) {
  struct sockaddr_in address = {.sin_len = sizeof address, .sin_family = AF_INET};
  inet_pton(AF_INET, text, &address.sin_addr);
  return address;
}

/* ifconfig NAME ADDRESS netmask MASK up */
static int interface_up(const char *name, const char *address, const char *mask) {
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  if (fd < 0) return -1;
  struct in_aliasreq alias;
  memset(&alias, 0, sizeof alias);
  strlcpy(alias.ifra_name, name, sizeof alias.ifra_name);
  alias.ifra_addr = inet_address(address);
  alias.ifra_mask = inet_address(mask);
  struct ifreq flags;
  memset(&flags, 0, sizeof flags);
  strlcpy(flags.ifr_name, name, sizeof flags.ifr_name);
  int status = -1;
  if (ioctl(fd, SIOCAIFADDR, &alias) == 0 && ioctl(fd, SIOCGIFFLAGS, &flags) == 0) {
    flags.ifr_flags |= IFF_UP;
    status = ioctl(fd, SIOCSIFFLAGS, &flags);
  }
  close(fd);
  return status;
}

int main(void) {
  console();
  setsid();
  if (mount_tmp() != 0) say("cannot mount tmpfs on /tmp");
  if (interface_up("lo0", "127.0.0.1", "255.0.0.0") != 0) say("cannot configure lo0");
  if (interface_up("vtnet0", "10.0.2.15", "255.255.255.0") != 0) say("cannot configure vtnet0");

  pid_t agent = fork();
  if (agent == 0) {
    gid_t group = UNPRIVILEGED;
    if (setgroups(1, &group) != 0 || setgid(UNPRIVILEGED) != 0 || setuid(UNPRIVILEGED) != 0) say("cannot drop to uid 1000");
    chdir("/tmp");
    char *argv[] = {AGENT, "--listen", AGENT_LISTEN, NULL};
    char *envp[] = {"PATH=/usr/local/libexec/zic:/bin:/usr/bin", "HOME=/tmp", "TMPDIR=/tmp", NULL};
    execve(AGENT, argv, envp);
    say("cannot start " AGENT);
    _exit(127);
  }
  for (;;) {
    int status;
    pid_t ended = wait(&status);
    if (ended == agent || (ended < 0 && errno == ECHILD)) break;
  }
  say("the site agent ended; powering off");
  sync();
  reboot(RB_POWEROFF);
  return 0;
}
