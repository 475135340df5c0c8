import Emulation

/// How a resource's records are read for rendering: the view, the alias its queries give the
/// table and the joins they add, the SQL of the view's computed columns (which may follow the
/// token's view of the event, as counts of tickets do), and what the records embed, rendered
/// once per response into the context by `prepare`, for the rows the response writes.
struct RecordRendering: Sendable {
    typealias Prepare = @Sendable (inout RenderContext, EventScope, WrittenRows, Database) throws -> Void

    let view: RecordView<RenderContext>
    let alias: String
    var joins = ""
    var computed: @Sendable (EventScope) -> [String] = { _ in [] }
    var prepare: Prepare = { _, _, _, _ in }

    /// The rows `filter` selects (a condition over `alias`).
    func rows(_ filter: SQLFilter) -> WrittenRows { WrittenRows(source: "\(view.table.name) AS \(alias)", filter: filter) }

    /// Fills what the rows of `page` embed; nothing for an empty page.
    func prepare(_ context: inout RenderContext, for page: ListPage, _ scope: EventScope, in database: Database) throws {
        guard !page.ids.isEmpty else { return }
        try prepare(&context, scope, rows(SQLFilter("\(alias).id", inList: page.ids)), database)
    }

    /// The FROM clause of the view's rows.
    var source: String { "\(view.table.name) AS \(alias)" + (joins.isEmpty ? "" : " " + joins) }

    func select(_ scope: EventScope) -> String { view.selectList(alias: alias, computed: computed(scope)) }

    /// `{"<key>": {…}}` of the record `id`, in the request's single view.
    func single(
        _ key: StaticString, id: Int64, status: Int = 200, _ request: ProviderRequest, _ scope: EventScope, in database: Database
    ) throws -> HTTPResponse {
        var context = RenderContext(request, scope, view: request.singleView)
        try prepare(&context, scope, rows(SQLFilter("\(alias).id = ?", id)), database)
        return try view.single(
            key, "SELECT \(select(scope)) FROM \(source) WHERE \(alias).id = ?", [id], context: context, status: status,
            in: database)
    }

    /// A page of the scope's event's records (spec §5): `{"<key>": […], "meta": {…}}`, in
    /// `sort`'s order; `extraMeta` writes what follows the pagination keys.
    func list(
        _ key: StaticString, _ request: ProviderRequest, _ scope: EventScope, sort: SortSpec,
        extraMeta: (inout JSONBuilder) -> Void = ListMeta.writeEmptyFilterOptions, in database: Database
    ) throws -> HTTPResponse {
        let page = try database.listPage(
            PageRequest(request.query), from: "\(view.table.name) AS \(alias)", alias: alias,
            where: SQLFilter("\(alias).event_id = ?", scope.event.id), order: sort.order(request.query))
        var context = RenderContext(request, scope, view: request.listView)
        try prepare(&context, for: page, scope, in: database)
        return try ResourceResponse.list(key, meta: page.meta(overallTotal: page.total), extraMeta: extraMeta) { json in
            try write(page, context: context, scope, in: database, to: &json)
        }
    }

    /// Writes the rows of `page`, in its order, as elements of the array being built.
    func write(_ page: ListPage, context: RenderContext, _ scope: EventScope, in database: Database, to json: inout JSONBuilder) throws {
        guard !page.ids.isEmpty else { return }
        try page.write(view, select: select(scope), from: source, alias: alias, context: context, in: database, to: &json)
    }
}

/// The rows a response writes, as a condition over their table: what they embed is rendered for
/// them alone (the questions their `question_ids` name, not every question of the event).
struct WrittenRows {
    /// The table with its alias (`tito_releases AS r`).
    let source: String
    let filter: SQLFilter

    /// The ids the rows' id-list column `column` (`r.question_ids`) names, as a subquery taking
    /// `filter.arguments`.
    func named(_ column: String) -> String {
        "SELECT named.value FROM \(source), json_each(\(column)) AS named WHERE \(filter.clause)"
    }

    /// The rows' ids (their column `column`) as a subquery taking `filter.arguments`.
    func ids(_ column: String) -> String { "SELECT \(column) FROM \(source) WHERE \(filter.clause)" }
}
