#include <sqlite3.h>

/* sqlite3_db_config is variadic, which Swift cannot call: these fix its arguments. */

/* Turns triggers and foreign-key enforcement on or off for the connection; 0 on success. */
static inline int understudy_sqlite3_enable_triggers_and_foreign_keys(sqlite3 *db, int enabled) {
    int code = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, enabled, (int *)0);
    if (code != SQLITE_OK) return code;
    return sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FKEY, enabled, (int *)0);
}

/* Stops SQLite counting every allocation under a global mutex; must run before the first
   connection opens. SQLITE_OK, or SQLITE_MISUSE once SQLite is already initialized. */
static inline int understudy_sqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
