// pthread_setname_np and memfd_create are declared only with _GNU_SOURCE, which must precede
// every system header.
#define _GNU_SOURCE
#include <pthread.h>
#include <string.h>
#include <sys/mman.h>
#include <elf.h>
#include <link.h>
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

struct build_id_search {
    unsigned char *out;
    size_t capacity;
    size_t length;
};

// dl_iterate_phdr lists the executable first; its PT_NOTE segments hold the build ID note.
static int find_build_id(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    struct build_id_search *search = data;
    for (int index = 0; index < info->dlpi_phnum; index++) {
        const ElfW(Phdr) *header = &info->dlpi_phdr[index];
        if (header->p_type != PT_NOTE) continue;
        const unsigned char *note = (const unsigned char *)(info->dlpi_addr + header->p_vaddr);
        const unsigned char *end = note + header->p_memsz;
        while (note + sizeof(ElfW(Nhdr)) <= end) {
            const ElfW(Nhdr) *entry = (const ElfW(Nhdr) *)note;
            const unsigned char *name = note + sizeof(ElfW(Nhdr));
            const unsigned char *descriptor = name + ((entry->n_namesz + 3) & ~3u);
            if (descriptor + entry->n_descsz > end) break;
            if (entry->n_type == NT_GNU_BUILD_ID && entry->n_namesz == 4 && memcmp(name, "GNU", 4) == 0) {
                if (entry->n_descsz <= search->capacity) {
                    memcpy(search->out, descriptor, entry->n_descsz);
                    search->length = entry->n_descsz;
                }
                return 1;
            }
            note = descriptor + ((entry->n_descsz + 3) & ~3u);
        }
    }
    return 1;  // only the first object, the executable
}

size_t shims_executable_build_id(unsigned char *out, size_t capacity) {
    struct build_id_search search = {out, capacity, 0};
    dl_iterate_phdr(find_build_id, &search);
    return search.length;
}
