import Emulation

/// A list endpoint's answer (spec §3.1): a bare JSON array of the page's items, each with the
/// members `fields` keeps; with `with_count`, the filtered total in `X-Total_Count` (bookingkit's
/// spelling) and `X-Total-Count`; with an explicit `limit`, RFC 5988 `Link` relations.
enum ListResponse {
    static func render<Context>(
        _ view: RecordView<Context>, _ list: ListRequest, context: Context, request: ProviderRequest, in database: Database
    ) throws -> HTTPResponse {
        let total = list.withCount ? try count(list, in: database) : nil
        var json = JSONBuilder(capacity: 16 * 1024)
        try json.array { json in
            try database.write(
                view, pageSQL(list), arguments: list.selectArguments + list.arguments + [list.pageSize, list.offset], context: context,
                keeping: list.fields, to: &json)
        }
        let more = total == nil && list.limit != nil ? try hasRows(after: list.offset + list.pageSize, list, in: database) : false
        return BookingkitResponse.body(json.bytes, headers: headers(list, total: total, more: more, request: request))
    }

    /// The page's statement: the collection's columns, filters and order, then `LIMIT ? OFFSET ?`.
    static func pageSQL(_ list: ListRequest) -> String {
        "SELECT \(list.collection.select) FROM \(list.collection.from) WHERE \(list.whereClause) ORDER BY \(list.orderClause) LIMIT ? OFFSET ?"
    }

    /// The filtered total, ignoring `limit` and `offset`.
    static func count(_ list: ListRequest, in database: Database) throws -> Int64 {
        let sql = "SELECT COUNT(*) AS n FROM \(list.collection.from) WHERE \(list.whereClause)"
        return Int64(try database.query(sql, arguments: list.arguments).first?.int("n") ?? 0)
    }

    /// Whether the filtered collection holds more than `skipped` rows (for `next` without a count).
    static func hasRows(after skipped: Int64, _ list: ListRequest, in database: Database) throws -> Bool {
        let sql = "SELECT 1 AS found FROM \(list.collection.from) WHERE \(list.whereClause) LIMIT 1 OFFSET ?"
        return try !database.query(sql, arguments: list.arguments + [skipped]).isEmpty
    }

    static func headers(_ list: ListRequest, total: Int64?, more: Bool, request: ProviderRequest) -> [(String, String)] {
        var headers: [(String, String)] = []
        if let total {
            headers.append(("X-Total_Count", String(total)))
            headers.append(("X-Total-Count", String(total)))
        }
        if let link = link(list, total: total, more: more, request: request) { headers.append(("Link", link)) }
        return headers
    }

    /// `<URL>; rel="first", <URL>; rel="prev", <URL>; rel="next", <URL>; rel="last"` (§3.1): each
    /// URL the request's with `offset` replaced; `prev` past the first page, `next` while items
    /// remain (`more` says so when there is no count), `last` with a count.
    static func link(_ list: ListRequest, total: Int64?, more: Bool, request: ProviderRequest) -> String? {
        guard let limit = list.limit, limit > 0 else { return nil }
        let offset = list.offset
        var relations: [(String, Int64)] = [("first", 0)]
        if offset > 0 { relations.append(("prev", max(0, offset - limit))) }
        if let total {
            if offset + limit < total { relations.append(("next", offset + limit)) }
            relations.append(("last", total == 0 ? 0 : limit * ((total - 1) / limit)))
        } else if more {
            relations.append(("next", offset + limit))
        }
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
