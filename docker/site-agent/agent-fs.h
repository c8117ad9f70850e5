#ifndef ZIC_AGENT_FS_H
#define ZIC_AGENT_FS_H

#include <jansson.h>

/* The answer to one control request ({"id":N,"op":...}): a new object, in the driver protocol's
 * three forms (ok/result, error with an errno name, unsupported for an op it does not know). */
json_t *agent_fs_answer(json_t *request);

/* The first line of a control connection: the agent's name, version and the machine's facts. */
json_t *agent_fs_hello(void);

#endif
