// glibc declares these only under _GNU_SOURCE, which the Glibc module is built without.
// They are plain libc functions, so declaring them here suffices. The newest of them,
// posix_spawn_file_actions_addchdir_np, needs glibc 2.29 or later.
#include <spawn.h>

int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *__restrict actions,
                                         const char *__restrict path);
int pipe2(int fds[2], int flags);
void *memmem(const void *haystack, size_t haystack_length, const void *needle,
             size_t needle_length);
// Linux 5.3 and later; glibc 2.36 and later.
int pidfd_open(pid_t pid, unsigned int flags);
void *memrchr(const void *buffer, int byte, size_t length);
// glibc 2.34 and later: close every descriptor from a number upward in the child.
int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
// glibc 2.30 and later: the calling thread's id, which setpriority takes to renice it alone.
pid_t gettid(void);
