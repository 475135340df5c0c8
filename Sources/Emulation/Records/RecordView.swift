/// How a record renders as JSON: its members in the documented order, each a column as stored,
/// a column under another key or in another format, a constant, derived from the row, or a
/// record rendered elsewhere and embedded. A view writes straight from the statement's columns
/// into the response buffer (no `Row`, no `String` per field), so a page of records costs little
/// more than its bytes.
///
///     static let json = RecordView<Void>(table, [
///         .constant("_type", "checkin_list"),
///         .column("id"), .column("title"),
///         .column("expires_at", format: TitoFormats.time),
///         .derived("path") { row, _, json in json.string(concatenating: "/", row.string("slug")) },
///     ])
///
/// Rows must come from a SELECT that starts with `table.selectList(alias:)`, followed by the
/// view's `computed` columns in order (counts, joined values: `(SELECT COUNT(*) …) AS
/// quantity_used`); members name both kinds alike. Derived members may also read any further
/// column the SELECT names (`row.string("release_title")`).
public struct RecordView<Context>: Sendable {
    public typealias Derive = @Sendable (ViewRow, Context, inout JSONBuilder) throws -> Void
    public typealias Condition = @Sendable (ViewRow, Context) -> Bool
    /// The records embedded members take their JSON from, chosen by the context.
    public typealias Embedded = @Sendable (Context) -> RenderedRecords?

    public struct Member: Sendable {
        enum Source: Sendable {
            case column(String, ColumnFormat?)
            case contextualColumn(String, @Sendable (Context) -> ColumnFormat)
            case constant(JSONValue)
            case derived(Derive)
            case embedded(String, Embedding, Embedded)
        }

        let key: String
        let source: Source
        var condition: Condition?

        /// The column `name` under the key `key` (default: its own name), as stored or in `format`.
        public static func column(_ name: String, as key: String? = nil, format: ColumnFormat? = nil) -> Member {
            Member(key: key ?? name, source: .column(name, format))
        }

        /// The column `name` in the format the context chooses (a setting that changes how a
        /// value is written, such as money as strings or numbers).
        public static func column(
            _ name: String, as key: String? = nil, formattedBy format: @escaping @Sendable (Context) -> ColumnFormat
        ) -> Member {
            Member(key: key ?? name, source: .contextualColumn(name, format))
        }

        public static func constant(_ key: String, _ value: JSONValue) -> Member {
            Member(key: key, source: .constant(value))
        }

        public static func derived(_ key: String, _ write: @escaping Derive) -> Member {
            Member(key: key, source: .derived(write))
        }

        /// The record of `records` whose key is the row's integer `column` (a foreign key), or
        /// `null` when there is none or the context has no such records.
        public static func embedded(_ key: String, by column: String, in records: @escaping Embedded) -> Member {
            Member(key: key, source: .embedded(column, .one, records))
        }

        /// Every record of `records` filed under the row's integer `column` (its own id, for the
        /// records that point at it), as an array; `[]` when there are none.
        public static func embeddedArray(_ key: String, by column: String, in records: @escaping Embedded) -> Member {
            Member(key: key, source: .embedded(column, .grouped, records))
        }

        /// The records of `records` for the ids of the row's JSON id-list `column`, in its
        /// order, as an array; ids without a record are left out.
        public static func embeddedArray(_ key: String, ids column: String, in records: @escaping Embedded) -> Member {
            Member(key: key, source: .embedded(column, .idList, records))
        }

        /// The member, written only for rows (and contexts) where `condition` holds.
        public func when(_ condition: @escaping Condition) -> Member {
            var member = self
            member.condition = condition
            return member
        }
    }

    enum Embedding: Sendable {
        case one, grouped, idList
    }

    /// How a resolved member writes its value. Plain data but for derived and custom-format
    /// members, so that walking a view's members per row costs no reference counting.
    private enum Writer: Sendable {
        case column(Int, ColumnFormat.Kind)
        case contextualColumn(Int, @Sendable (Context) -> ColumnFormat)
        case constant(Range<Int>)
        case derived(Derive)
        case embedded(Int, Embedding, Embedded)
    }

    private struct Resolved: Sendable {
        /// The member's `"key":` in `keyBytes`.
        let key: Range<Int>
        let writer: Writer
        /// Its condition in `conditions`, if any.
        let condition: Int?
    }

    public let table: RecordTable
    /// Further columns every query for the view selects after the table's, in this order.
    public let computed: [String]
    private let members: [Resolved]
    /// Every member's key, and every constant's JSON, one after the other.
    private let keyBytes: [UInt8]
    private let conditions: [Condition]

    public init(_ table: RecordTable, computed: [String] = [], _ members: [Member]) {
        self.table = table
        self.computed = computed
        func position(_ name: String) -> Int {
            if let position = table.position(ofColumn: name) { return position }
            guard let index = computed.firstIndex(of: name) else {
                preconditionFailure("\(table.name) has no column \(name) to render")
            }
            return table.columns.count + index
        }
        func storedFormat(_ position: Int) -> ColumnFormat {
            // A computed column's type is whatever its expression yields: written as SQLite stored it.
            position < table.columns.count ? ColumnFormat.asStored(table.columns[position].storage) : .number
        }
        var keyBytes: [UInt8] = []
        var conditions: [Condition] = []
        func stored(_ bytes: [UInt8]) -> Range<Int> {
            keyBytes.append(contentsOf: bytes)
            return (keyBytes.count - bytes.count)..<keyBytes.count
        }
        self.members = members.map { member in
            let writer: Writer
            switch member.source {
            case .column(let name, let format):
                let index = position(name)
                writer = .column(index, (format ?? storedFormat(index)).kind)
            case .contextualColumn(let name, let format):
                writer = .contextualColumn(position(name), format)
            case .constant(let value):
                writer = .constant(stored(JSONWriter.encode(value)))
            case .derived(let write):
                writer = .derived(write)
            case .embedded(let name, let embedding, let records):
                writer = .embedded(position(name), embedding, records)
            }
            let condition = member.condition.map { condition -> Int in
                conditions.append(condition)
                return conditions.count - 1
            }
            return Resolved(key: stored(JSONBuilder.keyBytes(member.key)), writer: writer, condition: condition)
        }
        self.keyBytes = keyBytes
        self.conditions = conditions
    }

    /// Every column of `table` as stored, in property order, but those in `except`.
    public static func columns(of table: RecordTable, except: Set<String> = []) -> [Member] {
        table.columns.filter { !except.contains($0.name) }.map { .column($0.name) }
    }

    /// The SELECT list of the view's rows: the table's columns (qualified by `alias`), then the
    /// `computed` expressions given here in the order the view declares them.
    public func selectList(alias: String? = nil, computed expressions: [String] = []) -> String {
        precondition(expressions.count == computed.count, "\(table.name): one expression per computed column")
        let computedList = zip(expressions, computed).map { "\($0) AS \($1)" }
        return ([table.selectList(alias: alias)] + computedList).joined(separator: ", ")
    }

    /// The position of a column of the view's rows: a table column or a computed one.
    public func position(of column: String) -> Int? {
        table.position(ofColumn: column) ?? computed.firstIndex(of: column).map { table.columns.count + $0 }
    }

    /// Writes the cursor's current row as one object.
    public func write(_ cursor: StatementCursor, _ context: Context, to json: inout JSONBuilder) throws {
        let row = ViewRow(cursor: cursor, table: table, computed: computed)
        try keyBytes.withUnsafeBufferPointer { keys in
            try members.withUnsafeBufferPointer { members in
                try json.object { json in
                    for index in members.indices {
                        if let condition = members[index].condition, !conditions[condition](row, context) { continue }
                        json.key(utf8: UnsafeBufferPointer(rebasing: keys[members[index].key]))
                        switch members[index].writer {
                        case .column(let position, let kind): ColumnFormat.write(kind, cursor, position, &json)
                        case .contextualColumn(let position, let format): format(context).write(cursor, position, &json)
                        case .constant(let range): json.encodedValue(utf8: UnsafeBufferPointer(rebasing: keys[range]))
                        case .derived(let write): try write(row, context, &json)
                        case .embedded(let position, let embedding, let records):
                            Self.writeEmbedded(records(context), embedding, cursor, position, &json)
                        }
                    }
                }
            }
        }
    }

    private static func writeEmbedded(
        _ records: RenderedRecords?, _ embedding: Embedding, _ cursor: StatementCursor, _ position: Int, _ json: inout JSONBuilder
    ) {
        switch embedding {
        case .one:
            if let objects = records?.objects(for: cursor.integer(at: position)) { json.encodedValue(objects) } else { json.null() }
        case .grouped:
            json.array { json in
                if let objects = records?.objects(for: cursor.integer(at: position)) { json.encodedValue(objects) }
            }
        case .idList:
            json.array { json in
                guard let records, !records.isEmpty else { return }
                cursor.withUTF8(at: position) { text in
                    for id in IntegerList.values(in: text) {
                        if let objects = records.objects(for: id) { json.encodedValue(objects) }
                    }
                }
            }
        }
    }
}

extension RecordView where Context == Void {
    public func write(_ cursor: StatementCursor, to json: inout JSONBuilder) throws {
        try write(cursor, (), to: &json)
    }
}

/// How one column's value is written as JSON: one of the built-in forms, which a view writes
/// without a closure call, or any other written by a closure.
public struct ColumnFormat: Sendable {
    enum Kind: Sendable {
        case number
        case string
        case boolean
        case rawJSON
        case utcTimestamp(UTCTextForm)
        case custom(@Sendable (StatementCursor, Int, inout JSONBuilder) -> Void)
    }

    let kind: Kind

    init(kind: Kind) {
        self.kind = kind
    }

    public init(_ write: @escaping @Sendable (StatementCursor, Int, inout JSONBuilder) -> Void) {
        kind = .custom(write)
    }

    /// Writes the cursor's column `index`.
    public func write(_ cursor: StatementCursor, _ index: Int, _ json: inout JSONBuilder) {
        Self.write(kind, cursor, index, &json)
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

    /// As SQLite holds the value: a number, a string, or `null`.
    public static let number = ColumnFormat(kind: .number)

    public static let string = ColumnFormat(kind: .string)

    public static let boolean = ColumnFormat(kind: .boolean)

    /// JSON text the server itself stored, copied as it is.
    public static let rawJSON = ColumnFormat(kind: .rawJSON)

    /// An integer column of milliseconds since 1970 as a UTC date-time string,
    /// `YYYY-MM-DD<separator>HH:MM:SS[.mmm]<offset>` (an ASCII separator, an offset of at most
    /// eight bytes); NULL as `null`.
    public static func utcTimestamp(dateSeparator: Character = "T", fraction: Bool = true, offset: String = "Z") -> ColumnFormat {
        ColumnFormat(kind: .utcTimestamp(UTCTextForm(dateSeparator: dateSeparator, fraction: fraction, offset: offset)))
    }

    static func write(_ kind: Kind, _ row: StatementCursor, _ index: Int, _ json: inout JSONBuilder) {
        switch kind {
        case .number:
            switch row.kind(at: index) {
            case .null: json.null()
            case .integer: json.int(row.int64(at: index))
            case .real: json.double(row.double(at: index))
            case .text, .blob: row.withUTF8(at: index) { json.string(utf8: $0) }
            }
        case .string:
            if row.isNull(at: index) { json.null() } else { row.withUTF8(at: index) { json.string(utf8: $0) } }
        case .boolean:
            if row.isNull(at: index) { json.null() } else { json.bool(row.int64(at: index) != 0) }
        case .rawJSON:
            if row.isNull(at: index) { json.null() } else { row.withUTF8(at: index) { json.rawJSON(utf8: $0) } }
        case .utcTimestamp(let form):
            guard !row.isNull(at: index) else { return json.null() }
            let time = UTCDateTime(milliseconds: row.integer(at: index))
            json.rawValue { bytes in
                bytes.append(UInt8(ascii: "\""))
                time.appendDigits(to: &bytes, dateSeparator: form.dateSeparator, fraction: form.fraction)
                form.appendOffset(to: &bytes)
                bytes.append(UInt8(ascii: "\""))
            }
        case .custom(let write):
            write(row, index, &json)
        }
    }
}

/// The parts of a UTC timestamp's text that vary, held as plain values.
struct UTCTextForm: Sendable {
    let dateSeparator: UInt8
    let fraction: Bool
    /// Up to eight bytes of offset text, little-end first.
    private let offset: UInt64
    private let offsetCount: Int

    init(dateSeparator: Character, fraction: Bool, offset: String) {
        precondition(dateSeparator.isASCII && offset.utf8.count <= 8, "a UTC timestamp takes an ASCII separator and a short offset")
        self.dateSeparator = dateSeparator.asciiValue ?? UInt8(ascii: "T")
        self.fraction = fraction
        var packed: UInt64 = 0
        for (index, byte) in offset.utf8.enumerated() { packed |= UInt64(byte) << (8 * UInt64(index)) }
        self.offset = packed
        offsetCount = offset.utf8.count
    }

    func appendOffset(to bytes: inout [UInt8]) {
        for index in 0..<offsetCount { bytes.append(UInt8(truncatingIfNeeded: offset >> (8 * UInt64(index)))) }
    }
}

/// The row a view member reads: the record's columns and the view's computed ones by name, and
/// any further column of the SELECT.
public struct ViewRow {
    public let cursor: StatementCursor
    let table: RecordTable
    let computed: [String]

    /// The position of a column: the record's own first, then the view's computed columns, then
    /// the SELECT's other columns by name.
    public func position(_ column: String) -> Int {
        if let position = table.position(ofColumn: column) { return position }
        if let index = computed.firstIndex(of: column) { return table.columns.count + index }
        guard let position = cursor.index(of: column) else {
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

    /// The UTF-8 bytes of a column, valid only inside `body`.
    public func withUTF8<R>(_ column: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try cursor.withUTF8(at: position(column), body)
    }

    /// Writes a column as its storage says (or in `format`).
    public func write(_ column: String, format: ColumnFormat? = nil, to json: inout JSONBuilder) {
        let position = position(column)
        let storage = position < table.columns.count ? table.columns[position].storage : .text
        (format ?? ColumnFormat.asStored(storage)).write(cursor, position, &json)
    }
}

extension Database {
    /// Runs a query whose columns start with `view.table.selectList(…)` and writes each row with
    /// `view` as an element of the array being built; returns how many rows there were.
    @discardableResult
    public func write<Context>(
        _ view: RecordView<Context>, _ sql: String, arguments: [any SQLiteBindable], context: Context,
        to json: inout JSONBuilder
    ) throws -> Int {
        var count = 0
        try forEachRow(sql, arguments: arguments) { row in
            try view.write(row, context, to: &json)
            count += 1
        }
        return count
    }
}
