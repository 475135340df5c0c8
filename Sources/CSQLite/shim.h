#include <sqlite3.h>

/* sqlite3_db_config is variadic, which Swift cannot call: these fix its arguments. */

/* Turns triggers and foreign-key enforcement on or off for the connection; 0 on success. */
static inline int understudy_sqlite3_enable_triggers_and_foreign_keys(sqlite3 *db, int enabled) {
    int code = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, enabled, (int *)0);
    if (code != SQLITE_OK) return code;
    return sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FKEY, enabled, (int *)0);
}
