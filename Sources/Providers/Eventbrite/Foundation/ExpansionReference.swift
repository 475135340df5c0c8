import Emulation

/// An expansion that embeds records of another kind (spec §5.4): the record a column of this
/// one names (`venue` from `venue_id`), or the records whose column names this one
/// (`ticket_classes` by their `event_id`). A response renders them for all the rows it writes
/// with one query per expansion and level (`Presenter.prepare`), not one per row; a row whose
/// context was not prepared (a single record's) reads its own.
struct ExpansionReference: Sendable {
    enum Kind: Sendable {
        /// The record whose `id` is the row's `column`; `null` when there is none.
        case one(column: String)
        /// The records whose `column` is the row's `id`, in `order`, as an array.
        case many(column: String, order: String)
    }

    let name: String
    let kind: Kind
    let target: @Sendable () -> Presenter
    /// Further conditions on the embedded records (over the target's alias and source).
    var filter: @Sendable (RenderContext) -> SQLFilter = { _ in SQLFilter() }
    /// Rows it applies to; the others write an empty array (or `null`).
    var applies: @Sendable (ViewRow) -> Bool = { _ in true }

    /// The record `presenter` finds by the id in `column`.
    init(_ name: String, from column: String, _ target: @escaping @Sendable () -> Presenter) {
        self.name = name
        kind = .one(column: column)
        self.target = target
    }

    /// The records `presenter` finds whose `column` is the row's id, in `order`.
    init(
        _ name: String, by column: String, orderBy order: String, where filter: @escaping @Sendable (RenderContext) -> SQLFilter = { _ in
            SQLFilter()
        }, when applies: @escaping @Sendable (ViewRow) -> Bool = { _ in true }, _ target: @escaping @Sendable () -> Presenter
    ) {
        self.name = name
        kind = .many(column: column, order: order)
        self.target = target
        self.filter = filter
        self.applies = applies
    }

    /// The condition (over the target's alias) of the records it embeds for the rows `rows`
    /// selects of `source`, a presenter's.
    func records(of target: Presenter, for rows: SQLFilter, in source: Presenter, context: RenderContext) -> SQLFilter {
        var records: SQLFilter
        switch kind {
        case .one(let column):
            records = SQLFilter(
                "\(target.alias).id IN (SELECT \(source.alias).\(column) FROM \(source.source) WHERE \(rows.clause))",
                arguments: rows.arguments)
        case .many(let column, _):
            records = SQLFilter(
                "\(target.alias).\(column) IN (SELECT \(source.alias).id FROM \(source.source) WHERE \(rows.clause))",
                arguments: rows.arguments)
        }
        records.add(filter(context))
        return records
    }

    /// Writes the expansion of `row`.
    func write(_ row: ViewRow, _ context: RenderContext, to json: inout JSONBuilder) throws {
        switch kind {
        case .one(let column):
            guard applies(row), let id = row.optionalInteger(column) else { return json.null() }
            if let records = context.prepared[name] {
                if let object = records.objects(for: id) { json.encodedValue(object) } else { json.null() }
                return
            }
            let target = target()
            try target.writeOneOrNull(id: id, context: context.expanding(name, as: target.type), to: &json)
        case .many(let column, let order):
            try json.array { json in
                guard applies(row) else { return }
                let id = row.integer("id")
                if let records = context.prepared[name] {
                    if let objects = records.objects(for: id) { json.encodedValue(objects) }
                    return
                }
                let target = target()
                var records = SQLFilter("\(target.alias).\(column) = ?", id)
                records.add(filter(context))
                try target.writeAll(
                    where: records.clause, records.arguments, orderBy: order, context: context.expanding(name, as: target.type), to: &json)
            }
        }
    }
}

extension Presenter {
    /// Renders what the expansions the context asks for embed (`references`) for every row
    /// `rows` selects (a condition over `alias`), one query per expansion, into
    /// `context.prepared`, and fetches what they read per row (`prefetches`) into its memo; the
    /// embedded records' own expansions are prepared the same way first, so a page costs a fixed
    /// number of queries at every depth. `ids`, when the caller has them (a page read by id), are
    /// the rows' ids, which the prefetches then need not read again.
    func prepare(_ context: inout RenderContext, rows: SQLFilter, ids known: [Int64]? = nil) throws {
        let prefetching = prefetches.filter { $0.applies(to: context) }
        if !prefetching.isEmpty {
            var ids = known ?? []
            if known == nil {
                try context.database.forEachRow("SELECT \(alias).id FROM \(source) WHERE \(rows.clause)", arguments: rows.arguments) {
                    ids.append($0.integer(at: 0))
                }
            }
            for prefetch in prefetching { try prefetch.fetch(ids, context) }
        }
        for reference in references where context.expansions.contains(reference.name) {
            let target = reference.target()
            var nested = context.expanding(reference.name, as: target.type)
            let records = reference.records(of: target, for: rows, in: self, context: context)
            try target.prepare(&nested, rows: records)
            let (key, order): (String, String?) =
                switch reference.kind {
                case .one: ("id", nil)
                case .many(let column, let order): (column, order)
                }
            context.prepared[reference.name] = try context.database.render(
                target.view, target.select(where: records.clause, orderBy: order), arguments: records.arguments, context: nested,
                keyedBy: key)
        }
    }

    /// Whether `id` alone names a record (records keyed by their parent and id, such as ticket
    /// classes, repeat ids across parents).
    var hasUniqueIDs: Bool { view.table.primaryKey == ["id"] }

    /// Whether the context asks for any expansion `prepare` renders ahead.
    func expandsAhead(in context: RenderContext) -> Bool {
        references.contains { context.expansions.contains($0.name) } || prefetches.contains { $0.applies(to: context) }
    }
}

extension RecordView.Member where Context == RenderContext {
    /// The expansion `reference` (spec §5.4), when the request asks for it.
    static func expansion(_ reference: ExpansionReference) -> Self {
        derived(reference.name) { row, context, json in try reference.write(row, context, to: &json) }
            .when { _, context in context.expansions.contains(reference.name) }
    }
}
