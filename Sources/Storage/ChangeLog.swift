import CSQLite
import Glibc

/// The rows a connection has inserted, updated or deleted since the log was last cleared, by
/// table and rowid, as SQLite's update hook reports them (triggers' and cascades' changes
/// included). Tables WITHOUT ROWID are not reported by the hook: `hasWritesSinceMark` says
/// whether anything at all was written, so a caller can treat those tables as a whole.
///
/// Owned by its `Database` and, like it, used by one caller at a time.
public final class ChangeLog {
    /// Changed rowids by table name, for tables of the main database.
    public private(set) var rowsByTable: [String: Set<Int64>] = [:]
    /// How many (table, rowid) pairs are recorded.
    public private(set) var rowCount = 0
    /// True when changes happened that the log did not see (a file reopened with earlier writes).
    public var isIncomplete = false
    private var totalChangesAtMark: Int64 = 0
    private unowned let database: Database

    init(database: Database) {
        self.database = database
        totalChangesAtMark = database.totalChanges
    }

    /// Whether any row of any table was written since `mark()`.
    public var hasWritesSinceMark: Bool { database.totalChanges != totalChangesAtMark || rowCount > 0 }

    /// Forgets every recorded row and starts counting writes from now.
    public func clearAndMark() {
        rowsByTable.removeAll()
        rowCount = 0
        isIncomplete = false
        totalChangesAtMark = database.totalChanges
    }

    /// Forgets the rows of the tables `isIncluded` picks; the mark stays.
    public func clear(tables isIncluded: (String) -> Bool) {
        for table in rowsByTable.keys where isIncluded(table) {
            rowCount -= rowsByTable.removeValue(forKey: table)?.count ?? 0
        }
    }

    fileprivate func record(table: String, rowid: Int64) {
        if rowsByTable[table, default: []].insert(rowid).inserted { rowCount += 1 }
    }

    /// The update hook: called by SQLite for every row change on the connection.
    static let hook: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, sqlite3_int64) -> Void = {
        context, _, databaseName, tableName, rowid in
        guard let context, let databaseName, let tableName, strcmp(databaseName, "main") == 0 else { return }
        let log = Unmanaged<ChangeLog>.fromOpaque(context).takeUnretainedValue()
        log.record(table: String(cString: tableName), rowid: rowid)
    }
}
