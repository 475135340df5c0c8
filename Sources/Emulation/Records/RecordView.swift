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
/// also read any further column the SELECT names (`row.string("release_title")`). Columns the
/// SELECT lists right after the record's, named in `computed` (joined values, counts), are
/// columns of the view like the record's own (written as SQLite typed them unless a format is
/// given), found once rather than by name on every row.
public struct RecordView<Context>: Sendable {
    public typealias Derive = @Sendable (ViewRow, Context, inout JSONBuilder) throws -> Void
    public typealias Condition = @Sendable (ViewRow, Context) -> Bool

    public struct Member: Sendable {
        enum Source: Sendable {
            case column(String, ColumnFormat?)
            case constant(JSONValue)
            case derived(Derive)
        }

        let key: String
        let source: Source
        var condition: Condition?
        var requiredColumn: String?

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

        /// The member, written only for rows (and contexts) where `condition` holds.
        public func when(_ condition: @escaping Condition) -> Member {
            var member = self
            member.condition = condition
            return member
        }

        /// The member, written only for rows where `column` (the record's, or a computed one) is
        /// not NULL: an optional member, checked without a closure call.
        public func whenNotNull(_ column: String) -> Member {
            var member = self
            member.requiredColumn = column
            return member
        }
    }

    public let table: RecordTable
    private let layout: ViewLayout

    public init(_ table: RecordTable, computed: [String] = [], _ members: [Member]) {
        self.table = table
        func position(_ name: String) -> Int {
            if let own = table.position(ofColumn: name) { return own }
            guard let index = computed.firstIndex(of: name) else { preconditionFailure("\(table.name) has no column \(name) to render") }
            return table.columns.count + index
        }
        var layout = ViewLayout()
        for member in members {
            let step: ViewLayout.Step
            switch member.source {
            case .column(let name, let format):
                let position = position(name)
                let format = format ?? (position < table.columns.count ? ColumnFormat.asStored(table.columns[position].storage) : .number)
                if let builtin = format.builtin {
                    step = .column(position, builtin)
                } else {
                    step = .format(position, layout.formats.count)
                    layout.formats.append(format)
                }
            case .constant(let value):
                step = .constant(layout.constants.count)
                layout.constants.append(JSONWriter.encode(value))
            case .derived(let write):
                step = .derived(layout.derivations.count)
                layout.derivations.append { row, context, json in try write(row, context.load(as: Context.self), &json) }
            }
            var condition = -1
            if let test = member.condition {
                condition = layout.conditions.count
                layout.conditions.append { row, context in test(row, context.load(as: Context.self)) }
            }
            layout.add(step, key: member.key, condition: condition, requiredColumn: member.requiredColumn.map(position) ?? -1)
        }
        self.layout = layout
    }

    /// Every column of `table` as stored, in property order, but those in `except`.
    public static func columns(of table: RecordTable, except: Set<String> = []) -> [Member] {
        table.columns.filter { !except.contains($0.name) }.map { .column($0.name) }
    }

    /// Writes the cursor's current row as one object.
    public func write(_ cursor: StatementCursor, _ context: Context, to json: inout JSONBuilder) throws {
        let row = ViewRow(cursor: cursor, table: table)
        try withUnsafePointer(to: context) { context in
            try layout.write(row, UnsafeRawPointer(context), to: &json)
        }
    }
}

/// A view's members resolved once into steps whose payloads are plain numbers, with the
/// context reached through its address: the loop that runs for every member of every row of a
/// page is not generic (Swift does not specialise a generic function for another module, and
/// unspecialised it looks up type metadata at each member), retains nothing, and writes the
/// column formats the kit defines by a switch rather than a closure call.
private struct ViewLayout: Sendable {
    typealias Derive = @Sendable (ViewRow, UnsafeRawPointer, inout JSONBuilder) throws -> Void
    typealias Condition = @Sendable (ViewRow, UnsafeRawPointer) -> Bool

    enum Step: Sendable {
        case column(Int, ColumnFormat.Builtin)
        case format(Int, Int)
        case constant(Int)
        case derived(Int)
    }

    struct Plan: Sendable {
        let step: Step
        /// The member's `"key":` bytes in `keys`.
        let keyStart: Int
        let keyEnd: Int
        /// Its index in `conditions`, or -1 when it is always written.
        let condition: Int
        /// The column that must not be NULL for it to be written, or -1.
        let requiredColumn: Int
    }

    private(set) var plans: [Plan] = []
    private(set) var keys: [UInt8] = []
    var formats: [ColumnFormat] = []
    var constants: [[UInt8]] = []
    var derivations: [Derive] = []
    var conditions: [Condition] = []

    mutating func add(_ step: Step, key: String, condition: Int, requiredColumn: Int) {
        let keyStart = keys.count
        keys += JSONBuilder.keyBytes(key)
        plans.append(Plan(step: step, keyStart: keyStart, keyEnd: keys.count, condition: condition, requiredColumn: requiredColumn))
    }

    /// Columns in the kit's formats go through a `MemberBuffer` on the stack, flushed into `json`
    /// before any member it does not take and at the end of the record.
    func write(_ row: ViewRow, _ context: UnsafeRawPointer, to json: inout JSONBuilder) throws {
        let cursor = row.cursor
        try json.object { json in
            try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8_192) { storage in
                var buffer = MemberBuffer(storage)
                try keys.withUnsafeBufferPointer { keys in
                    try plans.withUnsafeBufferPointer { plans in
                        for plan in plans {
                            if plan.requiredColumn >= 0, cursor.isNull(at: plan.requiredColumn) { continue }
                            if plan.condition >= 0, !conditions[plan.condition](row, context) { continue }
                            let key = UnsafeBufferPointer(rebasing: keys[plan.keyStart..<plan.keyEnd])
                            if case .column(let position, let builtin) = plan.step,
                                buffer.write(builtin, cursor, position, key: key, flushingInto: &json)
                            {
                                continue
                            }
                            buffer.flush(into: &json)
                            json.key(encoded: key)
                            switch plan.step {
                            case .column(let position, let builtin): builtin.write(cursor, position, &json)
                            case .format(let position, let index): formats[index].write(cursor, position, &json)
                            case .constant(let index): json.encodedValue(constants[index])
                            case .derived(let index): try derivations[index](row, context, &json)
                            }
                        }
                    }
                }
                buffer.flush(into: &json)
            }
        }
    }
}

extension RecordView where Context == Void {
    public func write(_ cursor: StatementCursor, to json: inout JSONBuilder) throws {
        try write(cursor, (), to: &json)
    }
}

/// How one column's value is written as JSON.
public struct ColumnFormat: Sendable {
    public let write: @Sendable (StatementCursor, Int, inout JSONBuilder) -> Void
    /// Set for the formats defined here, which views write without calling `write`.
    let builtin: Builtin?

    public init(_ write: @escaping @Sendable (StatementCursor, Int, inout JSONBuilder) -> Void) {
        self.write = write
        builtin = nil
    }

    private init(_ builtin: Builtin) {
        self.write = { row, index, json in builtin.write(row, index, &json) }
        self.builtin = builtin
    }

    /// This format, but `fallback` for NULL (an empty list or object where the API never says null).
    public func orWhenNull(_ fallback: JSONValue) -> ColumnFormat {
        let bytes = JSONWriter.encode(fallback)
        let write = self.write
        return ColumnFormat { row, index, json in
            if row.isNull(at: index) { json.encodedValue(bytes) } else { write(row, index, &json) }
        }
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

    /// The value as SQLite typed it: a number, or text as a string.
    public static let number = ColumnFormat(.number)
    public static let string = ColumnFormat(.string)
    public static let boolean = ColumnFormat(.boolean)
    /// JSON text the server itself stored, copied as it is.
    public static let rawJSON = ColumnFormat(.rawJSON)
    /// Milliseconds since 1970 as `2026-05-08T11:30:00.000Z` (`EpochMilliseconds`).
    public static let iso8601Milliseconds = ColumnFormat(.iso8601Milliseconds)

    /// The formats above; each writes NULL as `null`.
    enum Builtin: Sendable {
        case number, string, boolean, rawJSON, iso8601Milliseconds

        func write(_ row: StatementCursor, _ index: Int, _ json: inout JSONBuilder) {
            switch self {
            case .number:
                switch row.kind(at: index) {
                case .null: json.null()
                case .integer: json.int(row.int64(at: index))
                case .real: json.double(row.double(at: index))
                case .text, .blob: row.withUTF8(at: index) { json.string(utf8: $0) }
                }
            case .string:
                if let text = row.utf8UnlessNull(at: index) { json.string(utf8: text) } else { json.null() }
            case .boolean:
                if row.isNull(at: index) { json.null() } else { json.bool(row.integer(at: index) != 0) }
            case .rawJSON:
                if let text = row.utf8UnlessNull(at: index) { json.rawJSON(utf8: text) } else { json.null() }
            case .iso8601Milliseconds:
                if row.isNull(at: index) { json.null() } else { EpochMilliseconds.writeISO8601(row.int64(at: index), to: &json) }
            }
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
