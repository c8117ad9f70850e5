/* Base64 (RFC 4648 section 4: standard alphabet, '=' padding, no line breaks), as the driver
 * protocol carries frames and topics. Decoding is strict: a character outside the alphabet, a
 * length that is not a multiple of 4, or padding anywhere but at the end is refused, so a broken
 * request is answered EINVAL instead of sending bytes nobody asked for. */
#include "base64.h"

#include <stdlib.h>
#include <string.h>

static const char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

char *base64_encode(const unsigned char *data, size_t size) {
  size_t length = 4 * ((size + 2) / 3);
  char *text = malloc(length + 1);
  if (text == NULL) return NULL;
  char *out = text;
  size_t i = 0;
  for (; i + 3 <= size; i += 3) {
    unsigned long group = ((unsigned long)data[i] << 16) | ((unsigned long)data[i + 1] << 8) | data[i + 2];
    *out++ = ALPHABET[(group >> 18) & 63];
    *out++ = ALPHABET[(group >> 12) & 63];
    *out++ = ALPHABET[(group >> 6) & 63];
    *out++ = ALPHABET[group & 63];
  }
  if (size - i == 1) {
    unsigned long group = (unsigned long)data[i] << 16;
    *out++ = ALPHABET[(group >> 18) & 63];
    *out++ = ALPHABET[(group >> 12) & 63];
    *out++ = '=';
    *out++ = '=';
  } else if (size - i == 2) {
    unsigned long group = ((unsigned long)data[i] << 16) | ((unsigned long)data[i + 1] << 8);
    *out++ = ALPHABET[(group >> 18) & 63];
    *out++ = ALPHABET[(group >> 12) & 63];
    *out++ = ALPHABET[(group >> 6) & 63];
    *out++ = '=';
  }
  *out = '\0';
  return text;
}

static int sextet(char c) {
  const char *at = c == '\0' ? NULL : strchr(ALPHABET, c);
  return at == NULL ? -1 : (int)(at - ALPHABET);
}

int base64_decode(const char *text, size_t length, unsigned char **data, size_t *size) {
  *data = NULL;
  *size = 0;
  if (length % 4 != 0) return -1;
  size_t padding = 0;
  if (length > 0 && text[length - 1] == '=') padding = length > 1 && text[length - 2] == '=' ? 2 : 1;
  unsigned char *bytes = malloc(length / 4 * 3 + 1); /* + 1: malloc(0) may return NULL */
  if (bytes == NULL) return -1;
  size_t n = 0;
  for (size_t i = 0; i < length; i += 4) {
    int last = i + 4 == length;
    int values[4];
    for (int k = 0; k < 4; k++) {
      int padded = last && k >= 4 - (int)padding;
      values[k] = padded ? 0 : sextet(text[i + k]);
      if (values[k] < 0) {
        free(bytes);
        return -1;
      }
    }
    unsigned long group = ((unsigned long)values[0] << 18) | ((unsigned long)values[1] << 12) | ((unsigned long)values[2] << 6) | (unsigned long)values[3];
    bytes[n++] = (unsigned char)(group >> 16);
    if (!(last && padding == 2)) bytes[n++] = (unsigned char)(group >> 8);
    if (!(last && padding >= 1)) bytes[n++] = (unsigned char)group;
  }
  *data = bytes;
  *size = n;
  return 0;
}
