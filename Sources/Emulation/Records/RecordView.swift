/// How a record renders as JSON: its members in the documented order, each a column as stored,
/// a column under another key or in another format, a constant, derived from the row, a nested
/// object of the row's own columns, or a record rendered elsewhere and embedded. A view writes straight from the statement's columns
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
        /// The closures a member holds take the context by pointer. They are made here, in
        /// functions inlined where the member is declared and so compiled for its concrete
        /// context: reading the context through the pointer then lends it to the member's
        /// closure as it is, where code compiled for any context would copy it (through the
        /// runtime's generic copy, a few hundred times a page).
        @usableFromInline typealias ContextFormat = @Sendable (UnsafeRawPointer) -> ColumnFormat
        @usableFromInline typealias ContextRecords = @Sendable (UnsafeRawPointer) -> RenderedRecords?
        @usableFromInline typealias InlineContext = @Sendable (UnsafeRawPointer, (UnsafeRawPointer) throws -> Void) throws -> Bool

        @usableFromInline indirect enum Source: Sendable {
            case column(String, ColumnFormat?)
            case contextualColumn(String, ContextFormat)
            case constant(JSONValue)
            case derived(ResolvedView.Derive)
            case embedded(String, RecordEmbedding, ContextRecords)
            case inline(RecordView<Context>, alias: String, context: InlineContext)
            case object([Member])
        }

        let key: String
        let source: Source
        @usableFromInline var condition: ResolvedView.Condition?
        /// A column that must not be NULL for the member to be written.
        var requiredColumn: String?

        @usableFromInline init(key: String, source: Source) {
            self.key = key
            self.source = source
        }

        /// The context `pointer` points at, lent for the call.
        @inlinable static func context(_ pointer: UnsafeRawPointer) -> UnsafePointer<Context> {
            pointer.assumingMemoryBound(to: Context.self)
        }

        /// The column `name` under the key `key` (default: its own name), as stored or in `format`.
        public static func column(_ name: String, as key: String? = nil, format: ColumnFormat? = nil) -> Member {
            Member(key: key ?? name, source: .column(name, format))
        }

        /// The column `name` under its key in `keys` (`eventId` for `event_id`).
        public static func column(_ name: String, spelled keys: JSONKeyStyle, format: ColumnFormat? = nil) -> Member {
            Member(key: keys.key(column: name), source: .column(name, format))
        }

        /// The column `name` in the format the context chooses (a setting that changes how a
        /// value is written, such as money as strings or numbers).
        @inlinable public static func column(
            _ name: String, as key: String? = nil, formattedBy format: @escaping @Sendable (Context) -> ColumnFormat
        ) -> Member {
            Member(key: key ?? name, source: .contextualColumn(name, { format(context($0).pointee) }))
        }

        public static func constant(_ key: String, _ value: JSONValue) -> Member {
            Member(key: key, source: .constant(value))
        }

        @inlinable public static func derived(_ key: String, _ write: @escaping Derive) -> Member {
            Member(key: key, source: .derived({ row, pointer, json in try write(row, context(pointer).pointee, &json) }))
        }

        /// An object of further members of the same row: a nested object the API writes from the
        /// record's own columns (`"voucher": {"id": …, "code": …}`).
        public static func object(_ key: String, _ members: [Member]) -> Member {
            Member(key: key, source: .object(members))
        }

        /// The record of `records` whose key is the row's integer `column` (a foreign key), or
        /// `null` when there is none or the context has no such records.
        @inlinable public static func embedded(_ key: String, by column: String, in records: @escaping Embedded) -> Member {
            Member(key: key, source: .embedded(column, .one, { records(context($0).pointee) }))
        }

        /// Every record of `records` filed under the row's integer `column` (its own id, for the
        /// records that point at it), as an array; `[]` when there are none.
        @inlinable public static func embeddedArray(_ key: String, by column: String, in records: @escaping Embedded) -> Member {
            Member(key: key, source: .embedded(column, .grouped, { records(context($0).pointee) }))
        }

        /// The records of `records` for the ids of the row's JSON id-list `column`, in its
        /// order, as an array; ids without a record are left out.
        @inlinable public static func embeddedArray(_ key: String, ids column: String, in records: @escaping Embedded) -> Member {
            Member(key: key, source: .embedded(column, .idList, { records(context($0).pointee) }))
        }

        /// A record of `view` read from the same row: its table's columns (aliased `alias`)
        /// follow this view's own and computed ones in every query for the view (its
        /// `selectList` lists them), as a joined row has them. It is written in the context
        /// `context` gives, and `null` when that is nil or the joined record is missing (a LEFT
        /// JOIN without a match). One query then reads both records, which a page of records
        /// each embedding another (tickets and their registrations) needs.
        @inlinable public static func inline(
            _ key: String, _ view: RecordView<Context>, alias: String, context inner: @escaping @Sendable (Context) -> Context?
        ) -> Member {
            precondition(view.computed.isEmpty, "\(view.table.name): a view written inline has no computed columns")
            return Member(key: key, source: .inline(view, alias: alias, context: { pointer, body in
                guard let inner = inner(context(pointer).pointee) else { return false }
                try withUnsafePointer(to: inner) { try body(UnsafeRawPointer($0)) }
                return true
            }))
        }

        /// The member, written only for rows (and contexts) where `condition` holds.
        @inlinable public func when(_ condition: @escaping Condition) -> Member {
            var member = self
            member.condition = { row, pointer in condition(row, Self.context(pointer).pointee) }
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
    /// Further columns every query for the view selects after the table's, in this order.
    public let computed: [String]
    /// The views of inline members and their aliases, whose columns follow the computed ones.
    private let inlines: [(view: RecordView<Context>, alias: String)]
    private let resolved: ResolvedView

    /// How many columns the view's rows have: the table's, the computed ones, the inline records'.
    var width: Int { table.columns.count + computed.count + inlines.reduce(0) { $0 + $1.view.width } }

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
        // The closures are stored taking the context by pointer, so that the resolved members
        // are of one type whatever the context: walking them per row asks the runtime for no
        // generic type's metadata.
        var view = ResolvedView.Parts(table: table, computed: computed)
        var inlines: [(view: RecordView<Context>, alias: String)] = []
        var inlineBase = table.columns.count + computed.count
        func resolve(_ members: [Member]) -> [ResolvedView.Member] {
            var result: [ResolvedView.Member] = []
            for member in members {
                let writer: ResolvedView.Writer
                switch member.source {
                case .column(let name, let format):
                    let index = position(name)
                    writer = view.columnWriter(index, format ?? storedFormat(index))
                case .contextualColumn(let name, let format):
                    view.formats.append(format)
                    writer = .contextualColumn(position(name), view.formats.count - 1)
                case .constant(let value):
                    writer = .constant(view.store(JSONWriter.encode(value)))
                case .derived(let write):
                    view.derives.append(write)
                    writer = .derived(view.derives.count - 1)
                case .embedded(let name, let embedding, let records):
                    view.embeds.append(records)
                    writer = .embedded(position(name), embedding, view.embeds.count - 1)
                case .inline(let inline, let alias, let context):
                    view.inlineContexts.append(context)
                    view.inlines.append(inline.resolved)
                    let key = inline.table.primaryKey.first.flatMap(inline.table.position(ofColumn:)) ?? 0
                    writer = .inline(base: inlineBase, key: key, view: view.inlines.count - 1, context: view.inlineContexts.count - 1)
                    inlines.append((inline, alias))
                    inlineBase += inline.width
                case .object(let nested):
                    let members = resolve(nested)
                    view.objects.append(members)
                    writer = .object(view.objects.count - 1)
                }
                let condition = member.condition.map { condition -> Int in
                    view.conditions.append(condition)
                    return view.conditions.count - 1
                }
                result.append(ResolvedView.Member(
                    key: view.store(JSONBuilder.keyBytes(member.key)), writer: writer, condition: condition,
                    requiredColumn: member.requiredColumn.map(position)))
            }
            return result
        }
        view.members = resolve(members)
        view.names = members.map(\.key)
        resolved = ResolvedView(view)
        self.inlines = inlines
    }

    /// Every column of `table` in property order, each under its key in `keys` (`event_id` or
    /// `eventId`), but those in `except`; a column in `formats` is written in that format, and
    /// the members in `inserting` follow the column they are keyed by (derived values that the
    /// API places among the stored ones).
    public static func columns(
        of table: RecordTable, keys: JSONKeyStyle = .snakeCase, except: Set<String> = [],
        formats: [String: ColumnFormat] = [:], inserting: [String: [Member]] = [:]
    ) -> [Member] {
        table.columns.filter { !except.contains($0.name) }.flatMap { column -> [Member] in
            [.column(column.name, as: keys.key(column: column.name), format: formats[column.name])] + (inserting[column.name] ?? [])
        }
    }

    /// The SELECT list of the view's rows: the table's columns (qualified by `alias`), then the
    /// `computed` expressions given here in the order the view declares them, then the columns
    /// of the inline members' records, or, `withInline: false`, NULL in their place: for
    /// queries whose rows never write them (the context gives none), which then need not join
    /// or read them.
    public func selectList(alias: String? = nil, computed expressions: [String] = [], withInline: Bool = true) -> String {
        precondition(expressions.count == computed.count, "\(table.name): one expression per computed column")
        let computedList = zip(expressions, computed).map { "\($0) AS \($1)" }
        let inlineLists = inlines.map { inline in
            withInline ? inline.view.selectList(alias: inline.alias) : Array(repeating: "NULL", count: inline.view.width).joined(separator: ", ")
        }
        return ([table.selectList(alias: alias)] + computedList + inlineLists).joined(separator: ", ")
    }

    /// The position of a column of the view's rows: a table column or a computed one.
    public func position(of column: String) -> Int? {
        table.position(ofColumn: column) ?? computed.firstIndex(of: column).map { table.columns.count + $0 }
    }

    /// Writes the cursor's current row as one object; with `keys`, only the members of those
    /// keys (a client's sparse field list, `?fields=id,title`), still in the view's order.
    public func write(
        _ cursor: StatementCursor, _ context: Context, keeping keys: Set<String>? = nil, to json: inout JSONBuilder
    ) throws {
        try withUnsafePointer(to: context) { pointer in
            try resolved.write(cursor, UnsafeRawPointer(pointer), keeping: keys, to: &json)
        }
    }
}

@usableFromInline enum RecordEmbedding: Sendable {
    case one, grouped, idList
}

/// A record view's members resolved to column positions, byte ranges and indexes into arrays
/// of closures, and those closures taking the context by pointer: plain data of one type, so
/// that writing a row costs no reference counting and no look-up of generic metadata. A class:
/// a view writing another inline, or a query writing a page, takes it for one retain, where a
/// struct read out of its holder was copied, a retain and release of each of its arrays, for
/// every record written.
@usableFromInline final class ResolvedView: Sendable {

    @usableFromInline typealias Derive = @Sendable (ViewRow, UnsafeRawPointer, inout JSONBuilder) throws -> Void
    @usableFromInline typealias Condition = @Sendable (ViewRow, UnsafeRawPointer) -> Bool

    enum Writer: Sendable {
        /// A column in a built-in format.
        case column(Int, ColumnFormat.BuiltIn)
        /// A column in the format of `customFormats[1]`.
        case customColumn(Int, Int)
        /// A column in the format `formats[1]` chooses for the context.
        case contextualColumn(Int, Int)
        case constant(Range<Int>)
        case derived(Int)
        case embedded(Int, RecordEmbedding, Int)
        /// A record of `inlines[view]` whose columns start at `base`, missing when its column
        /// `key` is NULL, written in the context `inlineContexts[context]` gives.
        case inline(base: Int, key: Int, view: Int, context: Int)
        /// A nested object of the same row: the members `objects[1]`.
        case object(Int)
    }

    struct Member: Sendable {
        /// The member's `"key":` in `keyBytes`.
        let key: Range<Int>
        let writer: Writer
        /// Its condition in `conditions`, if any.
        let condition: Int?
        /// The column that must not be NULL for it to be written, if any.
        let requiredColumn: Int?
    }

    /// What a view resolves to, gathered while its initialiser walks the members.
    struct Parts {
        let table: RecordTable
        let computed: [String]
        var members: [Member] = []
        var names: [String] = []
        var objects: [[Member]] = []
        var keyBytes: [UInt8] = []
        var conditions: [Condition] = []
        var customFormats: [@Sendable (StatementCursor, Int, inout JSONBuilder) -> Void] = []
        var formats: [@Sendable (UnsafeRawPointer) -> ColumnFormat] = []
        var derives: [Derive] = []
        var embeds: [@Sendable (UnsafeRawPointer) -> RenderedRecords?] = []
        var inlines: [ResolvedView] = []
        var inlineContexts: [@Sendable (UnsafeRawPointer, (UnsafeRawPointer) throws -> Void) throws -> Bool] = []

        init(table: RecordTable, computed: [String]) {
            self.table = table
            self.computed = computed
        }

        mutating func store(_ bytes: [UInt8]) -> Range<Int> {
            keyBytes.append(contentsOf: bytes)
            return (keyBytes.count - bytes.count)..<keyBytes.count
        }

        mutating func columnWriter(_ position: Int, _ format: ColumnFormat) -> Writer {
            switch format.kind {
            case .builtIn(let form):
                return .column(position, form)
            case .custom(let write):
                customFormats.append(write)
                return .customColumn(position, customFormats.count - 1)
            }
        }
    }

    let table: RecordTable
    let computed: [String]
    let members: [Member]
    /// The keys of `members`, as a sparse field list names them.
    let names: [String]
    let objects: [[Member]]
    /// Every member's key, and every constant's JSON, one after the other.
    let keyBytes: [UInt8]
    let conditions: [Condition]
    let customFormats: [@Sendable (StatementCursor, Int, inout JSONBuilder) -> Void]
    let formats: [@Sendable (UnsafeRawPointer) -> ColumnFormat]
    let derives: [Derive]
    let embeds: [@Sendable (UnsafeRawPointer) -> RenderedRecords?]
    let inlines: [ResolvedView]
    /// Calls its body with the inline record's context, if there is one; returns whether it did.
    let inlineContexts: [@Sendable (UnsafeRawPointer, (UnsafeRawPointer) throws -> Void) throws -> Bool]

    init(_ parts: Parts) {
        table = parts.table
        computed = parts.computed
        members = parts.members
        names = parts.names
        objects = parts.objects
        keyBytes = parts.keyBytes
        conditions = parts.conditions
        customFormats = parts.customFormats
        formats = parts.formats
        derives = parts.derives
        embeds = parts.embeds
        inlines = parts.inlines
        inlineContexts = parts.inlineContexts
    }

    func write(
        _ cursor: StatementCursor, _ context: UnsafeRawPointer, keeping names: Set<String>? = nil, to json: inout JSONBuilder
    ) throws {
        let row = ViewRow(cursor: cursor, table: table, computed: computed)
        try keyBytes.withUnsafeBufferPointer { keys in
            try members.withUnsafeBufferPointer { members in
                try write(members, row, context, keeping: names, keys: keys, to: &json)
            }
        }
    }

    private func write(
        _ members: UnsafeBufferPointer<Member>, _ row: ViewRow, _ context: UnsafeRawPointer, keeping names: Set<String>?,
        keys: UnsafeBufferPointer<UInt8>, to json: inout JSONBuilder
    ) throws {
        let cursor = row.cursor
        try json.object { json in
            for index in members.indices {
                if let names, !names.contains(self.names[index]) { continue }
                if let required = members[index].requiredColumn, cursor.isNull(at: required) { continue }
                if let condition = members[index].condition, !conditions[condition](row, context) { continue }
                json.key(utf8: UnsafeBufferPointer(rebasing: keys[members[index].key]))
                switch members[index].writer {
                case .column(let position, let form): ColumnFormat.write(form, cursor, position, &json)
                case .customColumn(let position, let format): customFormats[format](cursor, position, &json)
                case .contextualColumn(let position, let format): formats[format](context).write(cursor, position, &json)
                case .constant(let range): json.encodedValue(utf8: UnsafeBufferPointer(rebasing: keys[range]))
                case .derived(let write): try derives[write](row, context, &json)
                case .embedded(let position, let embedding, let records):
                    Self.writeEmbedded(embeds[records](context), embedding, cursor, position, &json)
                case .inline(let base, let key, let view, let inlineContext):
                    let inner = cursor.shifted(by: base)
                    let written = try !inner.isNull(at: key) && inlineContexts[inlineContext](context) { pointer in
                        try inlines[view].write(inner, pointer, to: &json)
                    }
                    if !written { json.null() }
                case .object(let nested):
                    try objects[nested].withUnsafeBufferPointer { nested in
                        try write(nested, row, context, keeping: nil, keys: keys, to: &json)
                    }
                }
            }
        }
    }

    private static func writeEmbedded(
        _ records: RenderedRecords?, _ embedding: RecordEmbedding, _ cursor: StatementCursor, _ position: Int, _ json: inout JSONBuilder
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
    public func write(_ cursor: StatementCursor, keeping keys: Set<String>? = nil, to json: inout JSONBuilder) throws {
        try write(cursor, (), keeping: keys, to: &json)
    }
}

/// How one column's value is written as JSON: one of the built-in forms, which a view writes
/// without a closure call, or any other written by a closure.
public struct ColumnFormat: Sendable {
    /// The built-in forms: plain values, so a view holding one copies it without reference counting.
    enum BuiltIn: Sendable {
        case number
        case string
        case boolean
        case rawJSON
        case utcTimestamp(UTCTextForm)
        case hundredths(quoted: Bool)
    }

    enum Kind: Sendable {
        case builtIn(BuiltIn)
        case custom(@Sendable (StatementCursor, Int, inout JSONBuilder) -> Void)
    }

    let kind: Kind

    init(_ builtIn: BuiltIn) {
        kind = .builtIn(builtIn)
    }

    public init(_ write: @escaping @Sendable (StatementCursor, Int, inout JSONBuilder) -> Void) {
        kind = .custom(write)
    }

    /// Writes the cursor's column `index`.
    public func write(_ cursor: StatementCursor, _ index: Int, _ json: inout JSONBuilder) {
        switch kind {
        case .builtIn(let form): Self.write(form, cursor, index, &json)
        case .custom(let write): write(cursor, index, &json)
        }
    }

    /// This format, but `fallback` for NULL (an empty list or object where the API never says null).
    public func orWhenNull(_ fallback: JSONValue) -> ColumnFormat {
        let bytes = JSONWriter.encode(fallback)
        let format = self
        return ColumnFormat { row, index, json in
            if row.isNull(at: index) { json.encodedValue(bytes) } else { format.write(row, index, &json) }
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

    /// As SQLite holds the value: a number, a string, or `null`.
    public static let number = ColumnFormat(.number)

    public static let string = ColumnFormat(.string)

    public static let boolean = ColumnFormat(.boolean)

    /// JSON text the server itself stored, copied as it is.
    public static let rawJSON = ColumnFormat(.rawJSON)

    /// An integer column of milliseconds since 1970 as a UTC date-time string,
    /// `YYYY-MM-DD<separator>HH:MM:SS[.mmm]<offset>` (an ASCII separator, an offset of at most
    /// eight bytes); NULL as `null`.
    public static func utcTimestamp(dateSeparator: Character = "T", fraction: Bool = true, offset: String = "Z") -> ColumnFormat {
        ColumnFormat(.utcTimestamp(UTCTextForm(dateSeparator: dateSeparator, fraction: fraction, offset: offset)))
    }

    /// An integer column of hundredths (cents) as a decimal with one or two fraction digits
    /// (`100.0`, `12.5`, `0.25`), a JSON number or quoted as a string; NULL as `null`.
    public static func hundredths(quoted: Bool) -> ColumnFormat {
        ColumnFormat(.hundredths(quoted: quoted))
    }

    static func write(_ form: BuiltIn, _ row: StatementCursor, _ index: Int, _ json: inout JSONBuilder) {
        // One call to learn the type (or none, for text), then one to read the value.
        switch form {
        case .number:
            let (kind, integer) = row.kindAndInteger(at: index)
            switch kind {
            case .null: json.null()
            case .integer: json.int(integer)
            case .real: json.double(row.double(at: index))
            case .text, .blob: row.withUTF8(at: index) { json.string(utf8: $0) }
            }
        case .string:
            row.withOptionalUTF8(at: index) { text in if let text { json.string(utf8: text) } else { json.null() } }
        case .boolean:
            if let value = integer(row, index) { json.bool(value != 0) } else { json.null() }
        case .rawJSON:
            row.withOptionalUTF8(at: index) { text in if let text { json.rawJSON(utf8: text) } else { json.null() } }
        case .utcTimestamp(let form):
            if let value = integer(row, index) { json.timestamp(milliseconds: value, form) } else { json.null() }
        case .hundredths(let quoted):
            if let value = integer(row, index) { json.hundredths(value, quoted: quoted) } else { json.null() }
        }
    }

    /// The column as a whole number, nil for NULL.
    private static func integer(_ row: StatementCursor, _ index: Int) -> Int64? {
        row.optionalInteger(at: index)
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

    /// Writes the offset at `output` (room for eight bytes), returning how many bytes it is.
    func writeOffset(to output: UnsafeMutablePointer<UInt8>) -> Int {
        // All eight bytes at once; only the first `offsetCount` are kept.
        UnsafeMutableRawPointer(output).storeBytes(of: offset.littleEndian, as: UInt64.self)
        return offsetCount
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

    /// Writes the rows of `source` (a FROM clause) whose `key` (an integer expression of them,
    /// `t.id`) is one of `ids` with `view`, in the order of `ids`, as elements of the array being
    /// built; returns how many there were. The id list (one bound JSON array) is the outer loop
    /// and there is no ORDER BY, so that SQLite does not sort whole rows: such a loop yields the
    /// array's order, and should a row ever come out of turn, the objects written are put back in
    /// order. `idColumn` names the selected column holding the key (the record id, or another
    /// integer key such as a computed `rowid`). `selectArguments` bind any `?`s of `columns`;
    /// `keys`, when given, keeps only those members.
    @discardableResult
    public func write<Context>(
        _ view: RecordView<Context>, select columns: String, from source: String, key: String, inOrderOf ids: [Int64],
        idColumn: String = "id", selectArguments: [any SQLiteBindable] = [], context: Context, keeping keys: Set<String>? = nil,
        to json: inout JSONBuilder
    ) throws -> Int {
        try write(
            view, "SELECT \(columns) FROM json_each(?) AS page_ids CROSS JOIN \(source) WHERE \(key) = page_ids.value",
            inOrderOf: ids, idColumn: idColumn, selectArguments: selectArguments, context: context, keeping: keys, to: &json)
    }

    /// The same with the query written out: `sql` reads the rows with the id list as its last
    /// parameter (tests make rows come out of turn with it).
    @discardableResult
    func write<Context>(
        _ view: RecordView<Context>, _ sql: String, inOrderOf ids: [Int64], idColumn: String = "id",
        selectArguments: [any SQLiteBindable] = [], context: Context, keeping keys: Set<String>? = nil, to json: inout JSONBuilder
    ) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        guard let idPosition = view.position(of: idColumn) else {
            throw RecordDecodingError(description: "the rows of \(view.table.name) have no column \(idColumn)")
        }
        var starts: [Int] = []
        var rowIDs: [Int64] = []
        starts.reserveCapacity(ids.count)
        rowIDs.reserveCapacity(ids.count)
        var inOrder = true
        try forEachRow(sql, arguments: selectArguments + [IntegerList.text(ids)]) { row in
            let id = row.integer(at: idPosition)
            if rowIDs.count >= ids.count || ids[rowIDs.count] != id { inOrder = false }
            starts.append(json.writtenCount)
            rowIDs.append(id)
            try view.write(row, context, keeping: keys, to: &json)
        }
        if !inOrder {
            var position: [Int64: Int] = [:]
            for (index, id) in ids.enumerated() where position[id] == nil { position[id] = index }
            let order = rowIDs.indices.sorted { (position[rowIDs[$0]] ?? Int.max, $0) < (position[rowIDs[$1]] ?? Int.max, $1) }
            json.reorderElements(startingAt: starts, into: order)
        }
        return rowIDs.count
    }
}

/// A column's text read in place, as a part of a JSON string (see `JSONBuilder.string(concatenating:)`).
public struct ColumnText: JSONStringPart {
    let cursor: StatementCursor
    let position: Int

    public func appendEscaped(to json: inout JSONBuilder) {
        cursor.withUTF8(at: position) { json.appendStringContent($0) }
    }
}
