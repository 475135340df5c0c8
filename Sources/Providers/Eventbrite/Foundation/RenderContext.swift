import Emulation

/// What every Eventbrite view renders with: the database (expansions read the records they
/// embed), the caller (members see private fields), the expansions that apply to the object being
/// written, the emulated time (event statuses are derived from it) and the request's switches.
struct RenderContext {
    let database: Database
    let caller: UserCaller
    let expansions: ExpansionScope
    /// The emulated time, in seconds since 1970.
    let now: Int64
    let switches: APISwitches
    let settings: EventbriteSettings
    /// What this response has worked out already (see `RenderMemo`), shared with the contexts
    /// of the objects it embeds.
    var memo = RenderMemo()
    /// The records the expansions of the objects being written embed, by expansion name,
    /// rendered for all of them at once (`Presenter.prepare`); an embedded object's context
    /// starts without any.
    var prepared: [String: RenderedRecords] = [:]

    /// The context of the object the expansion `name` embeds, of `_type` `type`.
    func expanding(_ name: String, as type: String) -> RenderContext {
        RenderContext(
            database: database, caller: caller, expansions: expansions.child(name, type: type), now: now, switches: switches,
            settings: settings, memo: memo)
    }

    /// The same request's context for a top-level object of another `_type`.
    func scoped(to type: String) -> RenderContext {
        RenderContext(
            database: database, caller: caller, expansions: expansions.request.scope(for: type), now: now, switches: switches,
            settings: settings, memo: memo)
    }

    /// Writes `resource_uri_base` + `path` + `id` + `/` (`https://www.eventbriteapi.com/v3/events/12345/`).
    func writeResourceURI(_ path: String, id: Int64, to json: inout JSONBuilder) {
        json.string(concatenating: settings.resourceURIBase, path, String(id), "/")
    }
}

/// One kind of record as responses show it: its `_type` (the name `expand.<type>=` uses), its
/// view, and the SELECT its rows come from. Single responses, list pages and expansions all
/// render through it, so a record has one shape everywhere.
struct Presenter: Sendable {
    let type: String
    let view: RecordView<RenderContext>
    /// The alias of the record's table in `source`.
    let alias: String
    /// `FROM` clause: the table with `alias`, and any joins the view's further columns need.
    let source: String
    /// Further result columns (`… AS name`) derived members read, after the record's own.
    let extraColumns: [String]
    /// The expansions among the view's members that embed other records (`.expansion(_:)`),
    /// which `prepare` renders for all the rows being written at once.
    let references: [ExpansionReference]
    /// What the view's expansions read per row, which `prepare` fetches for all the rows being
    /// written at once.
    let prefetches: [PagePrefetch]

    init(
        type: String, view: RecordView<RenderContext>, alias: String, joins: String = "", extraColumns: [String] = [],
        references: [ExpansionReference] = [], prefetches: [PagePrefetch] = []
    ) {
        self.type = type
        self.view = view
        self.alias = alias
        source = "\(view.table.name) \(alias)" + (joins.isEmpty ? "" : " " + joins)
        self.extraColumns = extraColumns
        self.references = references
        self.prefetches = prefetches
    }

    var columns: String { ([view.table.selectList(alias: alias)] + extraColumns).joined(separator: ", ") }

    func select(where condition: String, orderBy order: String? = nil, paged: Bool = false) -> String {
        "SELECT \(columns) FROM \(source) WHERE \(condition)" + (order.map { " ORDER BY \($0)" } ?? "")
            + (paged ? " LIMIT ? OFFSET ?" : "")
    }

    /// Writes the first record `condition` matches; false when there is none (nothing written).
    /// `checking` sees the row first and may refuse it by throwing. Its expansions read their
    /// records as it is written (`ExpansionReference.write`): for one row, as many queries as
    /// preparing them would take.
    @discardableResult
    func writeOne(
        where condition: String, _ arguments: [any SQLiteBindable], context: RenderContext,
        checking: ((StatementCursor) throws -> Void)? = nil, to json: inout JSONBuilder
    ) throws -> Bool {
        var found = false
        try context.database.forEachRow(select(where: condition) + " LIMIT 1", arguments: arguments) { row in
            try checking?(row)
            try view.write(row, context, to: &json)
            found = true
        }
        return found
    }

    /// Writes the record with `id`, or `null` when there is none (an expansion whose source id
    /// names nothing).
    func writeOneOrNull(id: Int64, context: RenderContext, to json: inout JSONBuilder) throws {
        if try !writeOne(where: "\(alias).id = ?", [id], context: context, to: &json) { json.null() }
    }

    /// Writes every record `condition` matches as the elements of the array being built.
    func writeAll(
        where condition: String, _ arguments: [any SQLiteBindable], orderBy order: String, context: RenderContext,
        to json: inout JSONBuilder
    ) throws {
        var context = context
        try prepare(&context, rows: SQLFilter(condition, arguments: arguments))
        try context.database.write(view, select(where: condition, orderBy: order), arguments: arguments, context: context, to: &json)
    }
}

extension RecordView.Member where Context == RenderContext {
    /// An expansion whose value the row itself (or a query of the caller's) works out.
    static func expansion(_ name: String, _ write: @escaping RecordView<RenderContext>.Derive) -> Self {
        derived(name, write).when { _, context in context.expansions.contains(name) }
    }

    /// An id column, written as the string clients compare (`"12345"`).
    static func id(_ column: String, as key: String? = nil) -> Self {
        .column(column, as: key, format: EventbriteID.format)
    }
}
