import CSQLite

/// SQLITE_TRANSIENT is a C cast macro that Swift does not import: it tells SQLite to copy bound text.
let SQLITE_TRANSIENT = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// A prepared statement, owned and cached by one `Database`. Not thread-safe: use it only inside
/// the `Database` call that handed it out.
public final class Statement {
    let handle: OpaquePointer
    let sql: String
    private unowned let database: Database
    private lazy var columns: ColumnIndex = {
        let count = Int(sqlite3_column_count(handle))
        return ColumnIndex(names: (0..<count).map { String(cString: sqlite3_column_name(handle, Int32($0))) })
    }()

    init(database: Database, sql: String) throws {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw SQLiteError(code: code, message: database.lastErrorMessage, sql: sql)
        }
        self.handle = handle
        self.sql = sql
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    func bind(_ arguments: [any SQLiteBindable]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch argument.sqliteValue {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let value): code = sqlite3_bind_int64(handle, index, value)
            case .real(let value): code = sqlite3_bind_double(handle, index, value)
            case .text(let text): code = bindText(text, at: index)
            case .blob(let bytes):
                code = bytes.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT) }
            }
            guard code == SQLITE_OK else { throw SQLiteError(code: code, message: database.lastErrorMessage, sql: sql) }
        }
    }

    /// Binds text with its byte length, so a NUL inside it is stored rather than ending it there
    /// (with a length of -1 SQLite would read only up to the first NUL).
    private func bindText(_ text: String, at index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            // An empty buffer may have no address, and a null pointer would bind NULL instead of "".
            guard let start = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text(handle, index, "", 0, SQLITE_TRANSIENT)
            }
            return start.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), SQLITE_TRANSIENT)
            }
        }
    }

    /// Runs the statement to completion and copies every row out.
    func rows() throws -> [Row] {
        defer { sqlite3_reset(handle) }
        var result: [Row] = []
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return result }
            guard code == SQLITE_ROW else { throw SQLiteError(code: code, message: database.lastErrorMessage, sql: sql) }
            result.append(currentRow())
        }
    }

    /// Steps through the result, handing `body` each row in place (see `StatementCursor`).
    func forEachRow(_ body: (StatementCursor) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        let cursor = StatementCursor(handle: handle, columns: columns)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw SQLiteError(code: code, message: database.lastErrorMessage, sql: sql) }
            try body(cursor)
        }
    }

    /// Runs a statement that returns no rows.
    func run() throws {
        defer { sqlite3_reset(handle) }
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW { code = sqlite3_step(handle) }
        guard code == SQLITE_DONE else { throw SQLiteError(code: code, message: database.lastErrorMessage, sql: sql) }
    }

    private func currentRow() -> Row {
        let count = Int(sqlite3_column_count(handle))
        var values: [SQLiteValue] = []
        values.reserveCapacity(count)
        for column in 0..<Int32(count) {
            switch sqlite3_column_type(handle, column) {
            case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(handle, column)))
            case SQLITE_FLOAT: values.append(.real(sqlite3_column_double(handle, column)))
            case SQLITE_TEXT:
                let length = Int(sqlite3_column_bytes(handle, column))
                let pointer = sqlite3_column_text(handle, column)!
                values.append(.text(String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)))
            case SQLITE_BLOB:
                let length = Int(sqlite3_column_bytes(handle, column))
                if let pointer = sqlite3_column_blob(handle, column), length > 0 {
                    values.append(.blob(Array(UnsafeRawBufferPointer(start: pointer, count: length))))
                } else {
                    values.append(.blob([]))
                }
            default: values.append(.null)
            }
        }
        return Row(values: values, columns: columns)
    }
}
