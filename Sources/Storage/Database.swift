import CSQLite

/// One SQLite connection with its statement cache. Not thread-safe on its own: share it through
/// `SerializedDatabase`, which hands it to one caller at a time.
public final class Database {
    /// Where a connection's data lives.
    public enum Location: Sendable, Equatable {
        /// A private in-memory database, gone when the connection closes.
        case memory
        /// An in-memory database other connections of this process can `ATTACH` by `name`
        /// (shared cache); it lives while at least one connection to it is open.
        case sharedMemory(name: String)
        /// A file, in WAL mode.
        case file(path: String)

        var filename: String {
            switch self {
            case .memory: return ":memory:"
            case .sharedMemory(let name): return Database.sharedMemoryURI(name)
            case .file(let path): return path
            }
        }

        var openFlags: Int32 {
            // NOMUTEX: SerializedDatabase already guarantees one caller at a time (the system library is THREADSAFE=1).
            return SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
        }
    }

    let handle: OpaquePointer
    public let location: Location
    private var statements: [String: Statement] = [:]
    /// The rows written since the last reset, once `startChangeLog()` was called.
    public private(set) var changeLog: ChangeLog?
    /// The memory the main database lives in, when it is a mapped `DatabaseImage`.
    private var mapping: ImageMapping?

    /// Process-wide SQLite settings, applied once before the first connection opens: nothing
    /// here reads SQLite's memory statistics, and keeping them costs a global lock per allocation.
    private static let configureSQLite: Void = {
        _ = understudy_sqlite3_disable_memory_statistics()
    }()

    public init(_ location: Location) throws {
        Self.configureSQLite
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(location.filename, &handle, location.openFlags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open database"
            if let handle { sqlite3_close_v2(handle) }
            throw SQLiteError(code: code, message: message)
        }
        self.handle = handle
        self.location = location
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, 5_000)
        try execute("PRAGMA foreign_keys = ON")
        if case .file = location { try enableWAL() }
    }

    /// A private copy of `image`, mapped copy-on-write: opening it copies nothing, and only the
    /// pages the connection writes take memory of their own. It may grow by `growth` bytes (address
    /// space, taken only as written). Where the system will not map it, the image is copied.
    public convenience init(copyOnWriteOf image: DatabaseImage, growth: Int = 4 << 30) throws {
        try self.init(.memory)
        if let mapping = try? ImageMapping(privateCopyOf: image, growth: growth) {
            try use(mapping, size: image.size, capacity: mapping.length, flags: 0)
        } else {
            try useCopy(of: image)
        }
    }

    /// `image`, read-only, its pages shared with every other mapping of it.
    public convenience init(reading image: DatabaseImage) throws {
        try self.init(.memory)
        try use(ImageMapping(readOnly: image), size: image.size, capacity: image.size, flags: UInt32(SQLITE_DESERIALIZE_READONLY))
    }

    /// Makes the mapped image this connection's main database.
    private func use(_ mapping: ImageMapping, size: Int, capacity: Int, flags: UInt32) throws {
        let bytes = mapping.base.assumingMemoryBound(to: UInt8.self)
        let code = sqlite3_deserialize(handle, "main", bytes, sqlite3_int64(size), sqlite3_int64(capacity), flags)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, message: lastErrorMessage) }
        self.mapping = mapping
        // Reads then take pages straight from the mapping instead of copying them into SQLite's
        // cache (up to SQLite's own limit on mapped reads, 2 GB; past it pages are copied).
        try execute("PRAGMA mmap_size = \(min(capacity, 0x7FFF_0000))")
    }

    /// The image copied into memory SQLite owns and may grow.
    private func useCopy(of image: DatabaseImage) throws {
        let source = try ImageMapping(readOnly: image)
        guard let bytes = sqlite3_malloc64(sqlite3_uint64(max(image.size, 1))) else {
            throw SQLiteError(code: SQLITE_NOMEM, message: "out of memory copying a database image")
        }
        bytes.copyMemory(from: source.base, byteCount: image.size)
        let flags = UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE)
        let size = sqlite3_int64(image.size)
        let code = sqlite3_deserialize(handle, "main", bytes.assumingMemoryBound(to: UInt8.self), size, size, flags)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, message: lastErrorMessage) }
    }

    deinit {
        statements.removeAll()
        if changeLog != nil { sqlite3_update_hook(handle, nil, nil) }
        // A connection that cannot close yet (a statement outside the cache still open) closes
        // once that statement is finalized, and may read its mapping until then: keep it.
        if sqlite3_close(handle) != SQLITE_OK {
            sqlite3_close_v2(handle)
            if let mapping { _ = Unmanaged.passRetained(mapping) }
        }
    }

    /// Starts recording which rows every later write changes (see `ChangeLog`).
    @discardableResult
    public func startChangeLog() -> ChangeLog {
        if let changeLog { return changeLog }
        let log = ChangeLog(database: self)
        changeLog = log
        sqlite3_update_hook(handle, ChangeLog.hook, Unmanaged.passUnretained(log).toOpaque())
        return log
    }

    /// Rows inserted, updated or deleted through this connection since it opened (triggers' excluded).
    public var totalChanges: Int64 { sqlite3_total_changes64(handle) }

    /// Runs `body` with triggers and foreign-key enforcement off, for writes that put rows back
    /// exactly as they were: a trigger or a cascade would change other rows meanwhile.
    /// Foreign-key enforcement can only change outside a transaction.
    public func withTriggersAndForeignKeysOff<T>(_ body: () throws -> T) throws -> T {
        let code = understudy_sqlite3_enable_triggers_and_foreign_keys(handle, 0)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, message: lastErrorMessage) }
        defer { _ = understudy_sqlite3_enable_triggers_and_foreign_keys(handle, 1) }
        return try body()
    }

    /// The URI that names a shared in-memory database, for opening or `ATTACH`.
    public static func sharedMemoryURI(_ name: String) -> String {
        "file:\(name)?mode=memory&cache=shared"
    }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// Runs one or more SQL statements without parameters (schema, pragmas).
    public func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &error)
        guard code == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(error)
            throw SQLiteError(code: code, message: message, sql: sql)
        }
    }

    /// Runs a parameterised statement that returns no rows, reusing its prepared form.
    public func run(_ sql: String, _ arguments: any SQLiteBindable...) throws {
        try run(sql, arguments: arguments)
    }

    public func run(_ sql: String, arguments: [any SQLiteBindable]) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        try statement.run()
    }

    /// Runs a parameterised query and copies its rows out.
    public func query(_ sql: String, _ arguments: any SQLiteBindable...) throws -> [Row] {
        try query(sql, arguments: arguments)
    }

    public func query(_ sql: String, arguments: [any SQLiteBindable]) throws -> [Row] {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        return try statement.rows()
    }

    /// Runs a parameterised query and hands `body` each row in place, without copying it out:
    /// for pages rendered straight from the statement's columns.
    public func forEachRow(
        _ sql: String, arguments: [any SQLiteBindable], _ body: (StatementCursor) throws -> Void
    ) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        try statement.forEachRow(body)
    }

    /// The first row of a query, or nil.
    public func queryOne(_ sql: String, _ arguments: any SQLiteBindable...) throws -> Row? {
        try queryOne(sql, arguments: arguments)
    }

    public func queryOne(_ sql: String, arguments: [any SQLiteBindable]) throws -> Row? {
        try query(sql, arguments: arguments).first
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// Nested calls become savepoints, so helpers can be transactional on their own.
    /// A transaction is IMMEDIATE (it takes the write lock up front, so it never fails half-way
    /// on a lock) unless `deferred`: an IMMEDIATE one also write-locks every attached database,
    /// which a connection reading another's shared-cache database must not do.
    public func transaction<T>(deferred: Bool = false, _ body: () throws -> T) throws -> T {
        let nested = sqlite3_get_autocommit(handle) == 0
        let begin = nested ? "SAVEPOINT nested" : deferred ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE"
        let commit = nested ? "RELEASE nested" : "COMMIT"
        let rollback = nested ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK"
        try execute(begin)
        do {
            let result = try body()
            try execute(commit)
            return result
        } catch {
            try? execute(rollback)  // the body's error is the one worth reporting
            throw error
        }
    }

    /// Replaces this database's whole content with `source`'s (SQLite online backup API):
    /// a page copy, far cheaper than replaying inserts.
    public func restore(from source: Database) throws {
        statements.removeAll()  // a restore invalidates the schema cached statements were built for
        guard let backup = sqlite3_backup_init(handle, "main", source.handle, "main") else {
            throw SQLiteError(code: sqlite3_errcode(handle), message: lastErrorMessage)
        }
        let code = sqlite3_backup_step(backup, -1)
        sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else { throw SQLiteError(code: code, message: lastErrorMessage) }
    }

    /// Pages in the main database: its size, in units of the page size.
    public func pageCount() throws -> Int {
        try query("PRAGMA page_count").first?.int("page_count") ?? 0
    }

    /// Names of the tables in the main schema whose name starts with `prefix`.
    public func tableNames(withPrefix prefix: String) throws -> [String] {
        try query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, length(?1)) = ?1 ORDER BY name",
            prefix
        ).compactMap { $0.string("name") }
    }

    private func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statements[sql] {
            // A statement still stepping through its rows belongs to a caller up the stack (a
            // record rendered while its list is read runs the same query for an embedded
            // record): re-binding it would cut that caller's rows short, so this use gets its own.
            if sqlite3_stmt_busy(statement.handle) != 0 { return try Statement(database: self, sql: sql) }
            return statement
        }
        let statement = try Statement(database: self, sql: sql)
        statements[sql] = statement
        return statement
    }

    private func enableWAL() throws {
        // journal_mode answers with the mode actually in force; anything but "wal" means the file can't do WAL.
        let mode = try query("PRAGMA journal_mode = WAL").first?.string("journal_mode")
        guard mode == "wal" else {
            throw SQLiteError(code: SQLITE_ERROR, message: "could not enable WAL (journal_mode is \(mode ?? "unknown"))")
        }
        try execute("PRAGMA synchronous = NORMAL")
    }
}
