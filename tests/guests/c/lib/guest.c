#include "guest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint32_t arg_u32(int argc, char **argv, int i, const char *what) {
    char *end;
    const char *text = arg_str(argc, argv, i, what);
    unsigned long value = strtoul(text, &end, 10);
    if (*text == '\0' || *end != '\0' || value > UINT32_MAX) {
        printf("usage: bad argument %d (%s): %s\n", i, what, text);
        exit(2);
    }
    return (uint32_t)value;
}

const char *arg_str(int argc, char **argv, int i, const char *what) {
    if (i >= argc) {
        printf("usage: missing argument %d (%s)\n", i, what);
        exit(2);
    }
    return argv[i];
}

uint32_t parse_dims(const char *text, uint32_t dims[GUEST_MAX_DIMS]) {
    uint32_t rank = 0;
    const char *at = text;
    for (;;) {
        char *end;
        unsigned long value = strtoul(at, &end, 10);
        if (end == at || value > UINT32_MAX || rank == GUEST_MAX_DIMS) {
            printf("usage: bad dimensions %s\n", text);
            exit(2);
        }
        dims[rank++] = (uint32_t)value;
        if (*end == '\0')
            return rank;
        if (*end != 'x') {
            printf("usage: bad dimensions %s\n", text);
            exit(2);
        }
        at = end + 1;
    }
}

uint32_t element_count(const uint32_t *dims, uint32_t rank) {
    uint32_t count = 1;
    for (uint32_t i = 0; i < rank; i++)
        count *= dims[i];
    return count;
}

uint8_t *read_file(const char *path, uint32_t *len) {
    FILE *file = fopen(path, "rb");
    if (file == NULL || fseek(file, 0, SEEK_END) != 0) {
        printf("cannot read %s\n", path);
        exit(1);
    }
    long size = ftell(file);
    rewind(file);
    /* One byte more, so that an empty file still gets a buffer. */
    uint8_t *bytes = malloc((size_t)size + 1);
    if (size < 0 || bytes == NULL
        || fread(bytes, 1, (size_t)size, file) != (size_t)size) {
        printf("cannot read %s\n", path);
        exit(1);
    }
    fclose(file);
    *len = (uint32_t)size;
    return bytes;
}

uint8_t *read_in_dir(const char *dir, const char *file, uint32_t *len) {
    size_t size = strlen(dir) + 1 + strlen(file) + 1;
    char *path = malloc(size);
    snprintf(path, size, "%s/%s", dir, file);
    uint8_t *bytes = read_file(path, len);
    free(path);
    return bytes;
}

const char *errno_name(int error) {
    static char unknown[24];
    switch (error) {
    case 0: return "success";
    case 1: return "invalid_argument";
    case 2: return "invalid_encoding";
    case 3: return "missing_memory";
    case 4: return "busy";
    case 5: return "runtime_error";
    case 6: return "unsupported_operation";
    case 7: return "too_large";
    case 8: return "not_found";
    case 100: return "end_of_sequence";
    case 101: return "context_full";
    case 102: return "prompt_tool_long";
    case 103: return "model_not_found";
    default:
        snprintf(unknown, sizeof unknown, "errno %d", error);
        return unknown;
    }
}

void check(const char *step, int error) {
    if (error != 0) {
        printf("%s failed: error %s\n", step, errno_name(error));
        exit(1);
    }
}

void print_top5(const float *scores, uint32_t count) {
    uint32_t best[5];
    uint32_t found = 0;
    for (; found < 5 && found < count; found++) {
        uint32_t pick = UINT32_MAX;
        for (uint32_t i = 0; i < count; i++) {
            int taken = 0;
            for (uint32_t j = 0; j < found; j++)
                taken |= best[j] == i;
            if (!taken && (pick == UINT32_MAX || scores[i] > scores[pick]))
                pick = i;
        }
        best[found] = pick;
    }
    if (found == 0) {
        printf("no scores\n");
        return;
    }
    printf("top class: %u (%.6f)\n", best[0], scores[best[0]]);
    for (uint32_t j = 0; j < found; j++)
        printf("  %u %.6f\n", best[j], scores[best[j]]);
}
