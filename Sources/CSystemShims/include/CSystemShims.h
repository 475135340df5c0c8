// Linux interfaces that Swift's Glibc module does not export.
#ifndef C_SYSTEM_SHIMS_H
#define C_SYSTEM_SHIMS_H

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <stddef.h>

/// Names the calling thread, keeping at most its first 15 bytes; returns 0 or an errno value.
int shims_set_current_thread_name(const char *name);

/// An anonymous memory file (memfd_create) closed on exec; a descriptor, or -1 with errno set.
int shims_anonymous_memory_file(const char *name);

/// Copies the running executable's GNU build ID (a hash of its contents the linker wrote) into
/// `out`; returns its length, or 0 when the executable has none or it is longer than `capacity`.
size_t shims_executable_build_id(unsigned char *out, size_t capacity);

#endif
