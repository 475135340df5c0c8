/// How a record renders as JSON: its members in the documented order, each a column as stored,
/// a column under another key or in another format, a constant, or derived from the row. A
/// view writes straight from the statement's columns into the response buffer (no `Row`, no
/// `String` per field), so a page of records costs little more than its bytes.
///
///     static let json = RecordView<Void>(table, [
///         .constant("_type", "checkin_list"),
///         .column("id"), .column("title"),
///         .column("expires_at", format: TitoFormats.time),
///         .derived("path") { row, _, json in json.string(concatenating: "/", row.string("slug")) },
///     ])
///
/// Rows must come from a SELECT that starts with `table.selectList(alias:)`; derived members may
/// also read any further column the SELECT names (`row.string("release_title")`).
public struct RecordView<Context>: Sendable {
    public typealias Derive = @Sendable (ViewRow, Context, inout JSONBuilder) throws -> Void
    public typealias Condition = @Sendable (ViewRow, Context) -> Bool

    public struct Member: Sendable {
        indirect enum Source: Sendable {
            case column(String, ColumnFormat?)
            case constant(JSONValue)
            case derived(Derive)
            case object([Member])
        }

        let key: String
        let source: Source
        var condition: Condition?

        /// The column `name` under the key `key` (default: its own name), as stored or in `format`.
        public static func column(_ name: String, as key: String? = nil, format: ColumnFormat? = nil) -> Member {
            Member(key: key ?? name, source: .column(name, format))
        }

        public static func constant(_ key: String, _ value: JSONValue) -> Member {
            Member(key: key, source: .constant(value))
        }

        public static func derived(_ key: String, _ write: @escaping Derive) -> Member {
            Member(key: key, source: .derived(write))
        }

        /// An object of further members of the same row: a nested object the API writes from the
        /// record's own columns (`"voucher": {"id": …, "code": …}`).
        public static func object(_ key: String, _ members: [Member]) -> Member {
            Member(key: key, source: .object(members))
        }

        /// The member, written only for rows (and contexts) where `condition` holds.
        public func when(_ condition: @escaping Condition) -> Member {
            var member = self
            member.condition = condition
            return member
        }
    }

    private indirect enum Writer: Sendable {
        case column(Int, ColumnFormat)
        case constant([UInt8])
        case derived(Derive)
        case object([Resolved])
    }

    private struct Resolved: Sendable {
        let name: String
        let key: [UInt8]
        let writer: Writer
        let condition: Condition?
    }

    public let table: RecordTable
    private let members: [Resolved]

    public init(_ table: RecordTable, _ members: [Member]) {
        self.table = table
        self.members = Self.resolve(members, in: table)
    }

    private static func resolve(_ members: [Member], in table: RecordTable) -> [Resolved] {
        members.map { member in
            let writer: Writer
            switch member.source {
            case .column(let name, let format):
                guard let position = table.position(ofColumn: name) else {
                    preconditionFailure("\(table.name) has no column \(name) to render")
                }
                writer = .column(position, format ?? ColumnFormat.asStored(table.columns[position].storage))
            case .constant(let value):
                writer = .constant(JSONWriter.encode(value))
            case .derived(let write):
                writer = .derived(write)
            case .object(let nested):
                writer = .object(resolve(nested, in: table))
            }
            return Resolved(name: member.key, key: JSONBuilder.keyBytes(member.key), writer: writer, condition: member.condition)
        }
    }

    /// Every column of `table` as stored, in property order, but those in `except`.
    public static func columns(of table: RecordTable, except: Set<String> = []) -> [Member] {
        table.columns.filter { !except.contains($0.name) }.map { .column($0.name) }
    }

    /// Writes the cursor's current row as one object; with `keys`, only the members of those
    /// keys (a client's sparse field list, `?fields=id,title`), still in the view's order.
    public func write(
        _ cursor: StatementCursor, _ context: Context, keeping keys: Set<String>? = nil, to json: inout JSONBuilder
    ) throws {
        try Self.write(members, ViewRow(cursor: cursor, table: table), context, keeping: keys, to: &json)
    }

    private static func write(
        _ members: [Resolved], _ row: ViewRow, _ context: Context, keeping keys: Set<String>?, to json: inout JSONBuilder
    ) throws {
        try json.object { json in
            for member in members {
                if let keys, !keys.contains(member.name) { continue }
                if let condition = member.condition, !condition(row, context) { continue }
                json.key(bytes: member.key)
                switch member.writer {
                case .column(let position, let format): format.write(row.cursor, position, &json)
                case .constant(let bytes): json.encodedValue(bytes)
                case .derived(let write): try write(row, context, &json)
                case .object(let nested): try write(nested, row, context, keeping: nil, to: &json)
                }
            }
        }
    }
}

extension RecordView where Context == Void {
    public func write(_ cursor: StatementCursor, keeping keys: Set<String>? = nil, to json: inout JSONBuilder) throws {
        try write(cursor, (), keeping: keys, to: &json)
    }
}

/// How one column's value is written as JSON.
public struct ColumnFormat: Sendable {
    public let write: @Sendable (StatementCursor, Int, inout JSONBuilder) -> Void

    public init(_ write: @escaping @Sendable (StatementCursor, Int, inout JSONBuilder) -> Void) {
        self.write = write
    }

    /// NULL as `null`; otherwise as the column's storage says.
    public static func asStored(_ storage: ColumnStorage) -> ColumnFormat {
        switch storage {
        case .integer, .real: return number
        case .text: return string
        case .boolean: return boolean
        case .json: return rawJSON
        }
    }

    public static let number = ColumnFormat { row, index, json in
        switch row.kind(at: index) {
        case .null: json.null()
        case .integer: json.int(row.int64(at: index))
        case .real: json.double(row.double(at: index))
        case .text, .blob: row.withUTF8(at: index) { json.string(utf8: $0) }
        }
    }

    public static let string = ColumnFormat { row, index, json in
        switch row.kind(at: index) {
        case .null: json.null()
        default: row.withUTF8(at: index) { json.string(utf8: $0) }
        }
    }

    public static let boolean = ColumnFormat { row, index, json in
        if row.isNull(at: index) { json.null() } else { json.bool(row.integer(at: index) != 0) }
    }

    /// JSON text the server itself stored, copied as it is.
    public static let rawJSON = ColumnFormat { row, index, json in
        if row.isNull(at: index) { json.null() } else { row.withUTF8(at: index) { json.rawJSON(utf8: $0) } }
    }
}

/// The row a view member reads: the record's columns by name, and any further column of the SELECT.
public struct ViewRow {
    public let cursor: StatementCursor
    let table: RecordTable

    /// The position of a column: the record's own first, then the SELECT's other columns by name.
    public func position(_ column: String) -> Int {
        guard let position = table.position(ofColumn: column) ?? cursor.index(of: column) else {
            preconditionFailure("the query for \(table.name) selects no column \(column)")
        }
        return position
    }

    public func isNull(_ column: String) -> Bool { cursor.isNull(at: position(column)) }
    public func string(_ column: String) -> String { cursor.string(at: position(column)) }
    public func optionalString(_ column: String) -> String? { cursor.optionalString(at: position(column)) }
    public func integer(_ column: String) -> Int64 { cursor.integer(at: position(column)) }
    public func optionalInteger(_ column: String) -> Int64? { cursor.optionalInteger(at: position(column)) }
    public func real(_ column: String) -> Double { cursor.real(at: position(column)) }
    public func bool(_ column: String) -> Bool { cursor.integer(at: position(column)) != 0 }

    /// Writes a column as its storage says (or in `format`).
    public func write(_ column: String, format: ColumnFormat? = nil, to json: inout JSONBuilder) {
        let position = position(column)
        let storage = position < table.columns.count ? table.columns[position].storage : .text
        (format ?? ColumnFormat.asStored(storage)).write(cursor, position, &json)
    }
}

extension Database {
    /// Runs a query whose columns start with `view.table.selectList(…)` and writes each row with
    /// `view` as an element of the array being built (only the members of `keys`, when given);
    /// returns how many rows there were.
    @discardableResult
    public func write<Context>(
        _ view: RecordView<Context>, _ sql: String, arguments: [any SQLiteBindable], context: Context,
        keeping keys: Set<String>? = nil, to json: inout JSONBuilder
    ) throws -> Int {
        var count = 0
        try forEachRow(sql, arguments: arguments) { row in
            try view.write(row, context, keeping: keys, to: &json)
            count += 1
        }
        return count
    }
}
