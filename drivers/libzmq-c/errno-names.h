#ifndef ZIC_ERRNO_NAMES_H
#define ZIC_ERRNO_NAMES_H

/* The name of an errno value as the driver protocol wants it ("EADDRINUSE"), libzmq's own values
 * (EFSM, ETERM, ...) included; "E<number>" for a value this table does not know. The returned
 * string lives until the next call. */
const char *errno_name(int number);

#endif
