/*
 * Helpers shared by the C guests (lib/guest.c): arguments, files, errno
 * names and printing, the same for both of WAMR's ABIs.
 */
#ifndef GUEST_H
#define GUEST_H

#include <stdint.h>

/* The most dimensions a guest passes. */
#define GUEST_MAX_DIMS 8

/* argv[i] as a u32, or a usage line naming `what` and exit 2. */
uint32_t arg_u32(int argc, char **argv, int i, const char *what);
/* argv[i], or a usage line naming `what` and exit 2. */
const char *arg_str(int argc, char **argv, int i, const char *what);
/* Dimensions written `1x3x224x224`; returns how many (exit 2 if bad). */
uint32_t parse_dims(const char *text, uint32_t dims[GUEST_MAX_DIMS]);
/* The number of elements of a shape. */
uint32_t element_count(const uint32_t *dims, uint32_t rank);
/* The whole file, or `cannot read <path>` and exit 1. */
uint8_t *read_file(const char *path, uint32_t *len);
/* `<dir>/<file>` read whole. */
uint8_t *read_in_dir(const char *dir, const char *file, uint32_t *len);
/* WAMR's name of an errno, or "errno <n>" for one it does not define. */
const char *errno_name(int error);
/* `<step> failed: error <name>` and exit 1, unless `error` is success. */
void check(const char *step, int error);
/* `top class: <i> (<score>)`, then the five best as `  <i> <score>`. */
void print_top5(const float *scores, uint32_t count);

#endif
