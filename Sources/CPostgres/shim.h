#ifndef MESHREG_CPOSTGRES_SHIM_H
#define MESHREG_CPOSTGRES_SHIM_H
// Types and constants only: the Postgres module loads libpq's functions with dlopen on first use
// (LibPQ.swift), so nothing links libpq and a process that never names a PostgreSQL database
// never loads it. Debian's libpq-dev installs this header under /usr/include/postgresql.
#include <postgresql/libpq-fe.h>
#endif
