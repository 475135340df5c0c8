import Emulation

/// A list endpoint's answer (spec §3.1): a bare JSON array of the page's items, each with the
/// members `fields` keeps; with `with_count`, the filtered total in `X-Total_Count` (bookingkit's
/// spelling) and `X-Total-Count`; with an explicit `limit`, RFC 5988 `Link` relations.
enum ListResponse {
    static func render<Context>(
        _ view: RecordView<Context>, _ list: ListRequest, context: Context, request: ProviderRequest, in database: Database
    ) throws -> HTTPResponse {
        var json = JSONBuilder(capacity: 16 * 1024)
        var result: (page: OffsetPage<Void>, total: Int?)?
        try json.array { json in
            result = try list.page(in: database) { cursor in try view.write(cursor, context, keeping: list.fields, to: &json) }
        }
        return BookingkitResponse.body(json.bytes, headers: headers(list, result!.page, total: result!.total, request: request))
    }

    /// The same answer for items that embed records of other tables (an order's tickets): the
    /// page's keys first, then `prepare` renders what those items embed into the context, for
    /// all of them at once, then the rows are written by key in the page's order. A page then
    /// costs the same few queries however many items it holds.
    static func render<Context>(
        _ view: RecordView<Context>, _ list: ListRequest, context: Context, request: ProviderRequest, in database: Database,
        embedding prepare: (inout Context, _ keys: [Int64]) throws -> Void
    ) throws -> HTTPResponse {
        guard let key = list.collection.rowKey else { preconditionFailure("\(list.collection.from) names no row key") }
        let (page, total) = try list.keys(in: database)
        var json = JSONBuilder(capacity: 16 * 1024)
        try json.array { json in
            guard !page.items.isEmpty else { return }
            var context = context
            try prepare(&context, page.items)
            try database.write(
                view, select: list.collection.select, from: list.collection.from, key: key, inOrderOf: page.items,
                idColumn: "row_key", selectArguments: list.selectArguments, context: context, keeping: list.fields, to: &json)
        }
        return BookingkitResponse.body(json.bytes, headers: headers(list, page, total: total, request: request))
    }

    static func headers<Item>(_ list: ListRequest, _ page: OffsetPage<Item>, total: Int?, request: ProviderRequest) -> [(String, String)] {
        var headers: [(String, String)] = []
        if let total {
            headers.append(("X-Total_Count", String(total)))
            headers.append(("X-Total-Count", String(total)))
        }
        if list.limit != nil, let link = link(page, total: total, request: request) { headers.append(("Link", link)) }
        return headers
    }

    /// `<URL>; rel="first", <URL>; rel="prev", <URL>; rel="next", <URL>; rel="last"` (§3.1): each
    /// URL the request's with `offset` replaced; `prev` past the first page, `next` while rows
    /// follow, `last` with a count.
    static func link<Item>(_ page: OffsetPage<Item>, total: Int?, request: ProviderRequest) -> String? {
        let window = page.window
        guard window.limit > 0 else { return nil }
        var relations: [(String, Int)] = [("first", 0)]
        if let previous = window.previous { relations.append(("prev", previous.offset)) }
        if page.hasMore { relations.append(("next", window.next.offset)) }
        if let total { relations.append(("last", window.last(total: total).offset)) }
        let base = absoluteURL(request)
        let others = request.http.query.split(separator: "&").filter { part in
            PercentDecoding.decode(part.prefix { $0 != "=" }, plusAsSpace: true) != "offset"
        }.map(String.init)
        return relations.map { relation, offset in
            "<\(base)?\((others + ["offset=\(offset)"]).joined(separator: "&"))>; rel=\"\(relation)\""
        }.joined(separator: ", ")
    }

    /// The request's URL without its query, as the client addressed it.
    static func absoluteURL(_ request: ProviderRequest) -> String {
        let host = request.headers["Host"] ?? "localhost"
        let scheme = request.headers["X-Forwarded-Proto"] ?? "http"
        return "\(scheme)://\(host)\(request.http.path)"
    }
}
