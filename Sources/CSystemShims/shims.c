// pthread_setname_np and memfd_create are declared only with _GNU_SOURCE, which must precede
// every system header.
#define _GNU_SOURCE
#include <pthread.h>
#include <string.h>
#include <sys/mman.h>
#include "CSystemShims.h"

int shims_set_current_thread_name(const char *name) {
    // Linux refuses names longer than 15 bytes; keep their start instead.
    char truncated[16];
    strncpy(truncated, name, sizeof truncated - 1);
    truncated[sizeof truncated - 1] = '\0';
    return pthread_setname_np(pthread_self(), truncated);
}

int shims_anonymous_memory_file(const char *name) {
    return memfd_create(name, MFD_CLOEXEC);
}
