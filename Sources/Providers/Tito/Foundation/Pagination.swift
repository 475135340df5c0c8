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

    init(number: Int, size: Int) {
        self.number = number
        self.size = size
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
