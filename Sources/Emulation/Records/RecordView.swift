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

    /// How a member is written. Plain columns carry only trivial values, so walking the members
    /// of a row copies no reference and calls no closure for them.
    private enum Writer: Sendable {
        case stored(position: Int, ColumnStorage)
        case formatted(position: Int, format: Int)
        case constant(Int)
        case derived(Int)
        /// A nested object: the members of `objects[index]`.
        case object(Int)
    }

    private struct Resolved: Sendable {
        let name: String
        let key: Range<Int>
        let writer: Writer
        let condition: Int?
    }

    /// What resolving a view's members builds: the members and the tables they index into.
    private struct Parts {
        var keys: [UInt8] = []
        var formats: [ColumnFormat] = []
        var constants: [[UInt8]] = []
        var derivations: [Derive] = []
        var conditions: [Condition] = []
        var objects: [[Resolved]] = []

        mutating func resolve(_ members: [Member], in table: RecordTable) -> [Resolved] {
            members.map { member in
                let writer: Writer
                switch member.source {
                case .column(let name, let format):
                    guard let position = table.position(ofColumn: name) else {
                        preconditionFailure("\(table.name) has no column \(name) to render")
                    }
                    if let format {
                        formats.append(format)
                        writer = .formatted(position: position, format: formats.count - 1)
                    } else {
                        writer = .stored(position: position, table.columns[position].storage)
                    }
                case .constant(let value):
                    constants.append(JSONWriter.encode(value))
                    writer = .constant(constants.count - 1)
                case .derived(let write):
                    derivations.append(write)
                    writer = .derived(derivations.count - 1)
                case .object(let nested):
                    let resolved = resolve(nested, in: table)
                    objects.append(resolved)
                    writer = .object(objects.count - 1)
                }
                var condition: Int?
                if let test = member.condition {
                    conditions.append(test)
                    condition = conditions.count - 1
                }
                let start = keys.count
                keys += JSONBuilder.keyBytes(member.key)
                return Resolved(name: member.key, key: start..<keys.count, writer: writer, condition: condition)
            }
        }
    }

    public let table: RecordTable
    private let members: [Resolved]
    private let parts: Parts

    public init(_ table: RecordTable, _ members: [Member]) {
        self.table = table
        var parts = Parts()
        self.members = parts.resolve(members, in: table)
        self.parts = parts
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
        let row = ViewRow(cursor: cursor, table: table)
        try parts.keys.withUnsafeBufferPointer { keyBytes in
            try write(members, row, context, keeping: keys, keyBytes: keyBytes, to: &json)
        }
    }

    private func write(
        _ members: [Resolved], _ row: ViewRow, _ context: Context, keeping keys: Set<String>?,
        keyBytes: UnsafeBufferPointer<UInt8>, to json: inout JSONBuilder
    ) throws {
        try json.object { json in
            for member in members {
                if let keys, !keys.contains(member.name) { continue }
                if let condition = member.condition, !parts.conditions[condition](row, context) { continue }
                json.key(bytes: UnsafeBufferPointer(rebasing: keyBytes[member.key]))
                switch member.writer {
                case .stored(let position, let storage): ColumnFormat.writeStored(storage, row.cursor, position, &json)
                case .formatted(let position, let format): parts.formats[format].write(row.cursor, position, &json)
                case .constant(let index): json.encodedValue(parts.constants[index])
                case .derived(let index): try parts.derivations[index](row, context, &json)
                case .object(let index):
                    try write(parts.objects[index], row, context, keeping: nil, keyBytes: keyBytes, to: &json)
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

    public static let number = ColumnFormat { writeStored(.integer, $0, $1, &$2) }
    public static let string = ColumnFormat { writeStored(.text, $0, $1, &$2) }
    public static let boolean = ColumnFormat { writeStored(.boolean, $0, $1, &$2) }
    /// JSON text the server itself stored, copied as it is.
    public static let rawJSON = ColumnFormat { writeStored(.json, $0, $1, &$2) }

    /// The built-in formats, called directly (no closure) for the plain columns of a view.
    static func writeStored(_ storage: ColumnStorage, _ row: StatementCursor, _ index: Int, _ json: inout JSONBuilder) {
        let kind = row.kind(at: index)
        if kind == .null { return json.null() }
        switch storage {
        case .integer, .real:
            switch kind {
            case .integer: json.int(row.int64(at: index))
            case .real: json.double(row.double(at: index))
            default: row.withUTF8(at: index) { json.string(utf8: $0) }
            }
        case .text: row.withUTF8(at: index) { json.string(utf8: $0) }
        case .boolean: json.bool(row.integer(at: index) != 0)
        case .json: row.withUTF8(at: index) { json.rawJSON(utf8: $0) }
        }
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

    /// The text of a column as a part of a JSON string being written (`json.string(concatenating:)`),
    /// read in place.
    public func text(_ column: String) -> ColumnText { ColumnText(cursor: cursor, position: position(column)) }

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

/// A column's text read in place, as a part of a JSON string (see `JSONBuilder.string(concatenating:)`).
public struct ColumnText: JSONStringPart {
    let cursor: StatementCursor
    let position: Int

    public func appendEscaped(to bytes: inout [UInt8]) {
        cursor.withUTF8(at: position) { JSONBytes.appendStringContent(utf8: $0, to: &bytes) }
    }
}
