import Emulation

/// The page a list request asks for (spec §5): `page[number]` (or `page=N`), 1-based, and
/// `page[size]`, default 100, at most 1000. Invalid values fall back to the defaults.
struct PageRequest {
    static let defaultSize = 100
    static let maximumSize = 1000

    let number: Int
    let size: Int

    init(_ query: QueryParameters) {
        number = Self.positive(query, "page[number]") ?? Self.positive(query, "page") ?? 1
        size = min(Self.positive(query, "page[size]") ?? Self.defaultSize, Self.maximumSize)
    }

    /// The rows of the page.
    var window: OffsetWindow { OffsetWindow(page: number, size: size) }

    private static func positive(_ query: QueryParameters, _ name: String) -> Int? {
        try? query.integer(name, in: 1...Int.max)
    }
}

/// The pagination half of a list's `meta`, computed as Kaminari does (spec §5).
struct PageMeta {
    let page: PageRequest
    let totalCount: Int
    /// Records of the type in scope ignoring every filter; nil for lists without it (events).
    let overallTotal: Int?

    var totalPages: Int { page.window.pageCount(total: totalCount) }

    /// Writes `current_page` … `per_page` (and `overall_total`) into the object being built.
    func write(to json: inout JSONBuilder) {
        let pages = totalPages
        json.field("current_page", page.number)
        json.key("next_page")
        if page.number < pages { json.int(page.number + 1) } else { json.null() }
        json.key("prev_page")
        if page.number > 1 && page.number <= pages { json.int(page.number - 1) } else { json.null() }
        json.field("total_pages", pages)
        json.field("total_count", totalCount)
        json.field("per_page", page.size)
        if let overallTotal { json.field("overall_total", overallTotal) }
    }
}

/// One page of a list: the ids of its rows in list order and the list's total. A list is read
/// in two steps, the ids through the list's index and then the rows by id, so that what the
/// rows embed (registrations, answers) is rendered once for the page before they are written.
struct ListPage {
    let request: PageRequest
    let total: Int
    let ids: [Int64]

    /// The ids as a JSON array, the argument of `rows(…)` and of `IN (SELECT value FROM json_each(?))`.
    var idList: String { IntegerList.text(ids) }

    func meta(overallTotal: Int?) -> PageMeta {
        PageMeta(page: request, totalCount: total, overallTotal: overallTotal)
    }

    /// Writes the page's rows from `source` (its main table aliased `alias`) with `view`, in list
    /// order, as elements of the array being built; returns how many there were. The id list is
    /// the outer loop, each row found by its id (see `Database.write(_:_:inOrderOf:…)`).
    @discardableResult
    func write<Context>(
        _ view: RecordView<Context>, select columns: String, from source: String, alias: String, context: Context,
        in database: Database, to json: inout JSONBuilder
    ) throws -> Int {
        try database.write(view, select: columns, from: source, key: "\(alias).id", inOrderOf: ids, context: context, to: &json)
    }
}

extension Database {
    /// The page `request` asks for of the rows `filter` matches in `source` (its main table
    /// aliased `alias`), in `order`. `total` is the number of matches when the caller keeps it
    /// (see `RowCounts`); otherwise they are counted. With a known total, a page past the middle
    /// is read from the end of the list.
    func listPage(
        _ request: PageRequest, from source: String, alias: String, where filter: SQLFilter, order: KeysetOrder, total: Int? = nil
    ) throws -> ListPage {
        let total = try total ?? count(from: source, where: filter)
        let page = try self.page(
            select: "\(alias).id", from: source, where: filter, order: order, window: request.window, knownTotal: total
        ) { $0.integer(at: 0) }
        return ListPage(request: request, total: total, ids: page.items)
    }
}
