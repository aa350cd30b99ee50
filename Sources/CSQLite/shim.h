#ifndef QBBRIDGE_CSQLITE_SHIM_H
#define QBBRIDGE_CSQLITE_SHIM_H

#include <sqlite3.h>

/// `SQLITE_TRANSIENT` is a macro casting -1 to a function pointer, which Swift cannot import: it tells
/// SQLite to copy a bound text or blob before the bind call returns.
static inline sqlite3_destructor_type qbb_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

/// Turns off SQLite's memory statistics before the library initializes (`sqlite3_config` is variadic,
/// which Swift cannot call). Distribution builds keep them on, and they take one process-wide mutex on
/// every allocation, so that connections on different threads queue behind each other. Returns
/// SQLITE_MISUSE if SQLite was already initialized.
static inline int qbb_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif
