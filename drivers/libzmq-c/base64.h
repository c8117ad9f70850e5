#ifndef ZIC_BASE64_H
#define ZIC_BASE64_H

#include <stddef.h>

/* A new NUL-terminated string holding data in base64 (free it), or NULL when out of memory. */
char *base64_encode(const unsigned char *data, size_t size);

/* Decodes length characters of text into a new buffer (*data, free it; *size bytes, and room for
 * one more, so a caller may end it with a NUL).
 * Returns 0, or -1 when text is not strict base64 (or memory ran out): *data is then NULL. */
int base64_decode(const char *text, size_t length, unsigned char **data, size_t *size);

#endif
