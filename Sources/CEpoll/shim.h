#ifndef MESHREG_CEPOLL_SHIM_H
#define MESHREG_CEPOLL_SHIM_H
// Linux's epoll, eventfd and accept4, which the toolchain's Glibc module does not expose.
// Declarations only: all three are in the C library itself.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>

// Declared by <sys/socket.h> only under _GNU_SOURCE.
extern int accept4(int socket, struct sockaddr *address, socklen_t *length, int flags);
#endif
