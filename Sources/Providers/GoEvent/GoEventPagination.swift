import Emulation

/// The `page`/`limit` pagination of `GET /events` and `GET /participants` (spec §3.1), with the
/// `paginate` object the live service's mongoose-paginate-v2 style envelope carries.
struct GoEventPagination {
    static let defaultPage = 1
    static let defaultLimit = 20
    static let maximumLimit = 100

    let page: Int
    let limit: Int

    /// Reads `page` and `limit` like the live service: `parseInt(value, 10)`, falling back to the
    /// default when the result is not a number or is below 1, and clamping `limit` to 100.
    /// Never an error.
    init(_ query: QueryParameters) {
        page = Self.positiveInteger(query, "page") ?? Self.defaultPage
        limit = min(Self.positiveInteger(query, "limit") ?? Self.defaultLimit, Self.maximumLimit)
    }

    /// The rows of the page; one more is read than it holds (see `OffsetPage`), so whether a
    /// next page exists is known without counting the whole list.
    var window: OffsetWindow { OffsetWindow(page: page, size: limit) }

    /// The `paginate` object of a page read through `window`.
    private func paginate<Item>(_ result: OffsetPage<Item>) -> JSONValue {
        ["hasNextPage": .bool(result.hasMore), "nextPage": result.hasMore ? .int(page + 1) : .null]
    }

    /// A list's envelope, `{"<key>": [the page's records], "paginate": {…}}`: the page of the rows
    /// `filter` matches in `source`, in `order`, each written by `view` straight from its row.
    func response(
        _ key: StaticString, _ view: RecordView<Void>, select columns: String, from source: String, where filter: SQLFilter,
        orderBy order: String, in database: Database
    ) throws -> HTTPResponse {
        try .json { json in
            try json.object { json in
                var page: OffsetPage<Void>?
                try json.field(key, array: { json in
                    page = try database.page(select: columns, from: source, where: filter, orderBy: order, window: window) {
                        try view.write($0, to: &json)
                    }
                })
                if let page { json.field("paginate", paginate(page)) }
            }
        }
    }

    private static func positiveInteger(_ query: QueryParameters, _ name: String) -> Int? {
        // Express turns a repeated parameter into an array, which parseInt reads as "a,b".
        let values = query.values(for: name)
        guard !values.isEmpty, let number = parseInt(values.joined(separator: ",")), number >= 1 else { return nil }
        return number
    }

    /// JavaScript's `parseInt(text, 10)`: optional leading whitespace and sign, then the longest
    /// run of decimal digits (`"20abc"` → 20, `"2.9"` → 2); nil when there is no digit. Values
    /// beyond `Int` saturate, where JavaScript would go on with an imprecise float.
    static func parseInt(_ text: String) -> Int? {
        var scalars = Substring(text).unicodeScalars.drop(while: JavaScriptSemantics.isWhitespace)
        var negative = false
        if let sign = scalars.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            scalars = scalars.dropFirst()
        }
        var value = 0
        var sawDigit = false
        for scalar in scalars {
            guard ("0"..."9").contains(scalar) else { break }
            let digit = Int(scalar.value - UnicodeScalar("0").value)
            sawDigit = true
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            value = overflow1 || overflow2 ? Int.max : sum
        }
        guard sawDigit else { return nil }
        return negative ? -value : value
    }
}
