import Emulation

/// How events render (spec §12.2), in the seed's key order, with their non-archived releases
/// embedded in position order.
enum EventView {
    static let view = RecordView<RenderContext>(Event.table, computed: ["discount_codes_count", "account_slug"], [
        .constant("_type", "event"),
        .column("id"), .time("created_at"), .time("updated_at"), .column("title"), .column("description"),
        .constant("banner", ["url": nil, "thumb": ["url": nil]]),
        .column("banner_url"), .column("currency"), .column("default_locale"), .column("live"), .column("test_mode"),
        .column("locales"), .column("location"),
        .constant("logo", ["url": nil, "thumb": ["url": nil], "display": ["url": nil]]),
        .column("private"), .column("slug"), .column("account_id"), .column("start_date"), .column("end_date"),
        .derived("date_or_range") { row, _, json in
            json.string(dateOrRange(start: row.optionalString("start_date"), end: row.optionalString("end_date")))
        },
        .column("security_token"), .column("metadata"),
        .derived("url") { row, _, json in json.string(concatenating: "https://ti.to/", row.string("account_slug"), "/", row.string("slug")) },
        .constant("setup", true), .constant("show_discount_code_field", false),
        .column("discount_codes_count"), .column("account_slug"),
        .constant("users_count", 1),
        .embeddedArray("releases", by: "id", in: { $0.releases }),
        .column("start_time"), .column("end_time"),
        .derived("start_at") { row, _, json in
            let date = row.optionalString("start_date")
            json.string(date.flatMap { TitoFormats.instant(date: $0, time: row.optionalString("start_time")) }.map(TitoFormats.timestamp(milliseconds:)))
        },
        .derived("end_at") { row, _, json in
            let date = row.optionalString("end_date") ?? row.optionalString("start_date")
            json.string(date.flatMap { TitoFormats.instant(date: $0, time: row.optionalString("end_time")) }.map(TitoFormats.timestamp(milliseconds:)))
        },
        .column("timezone"), .column("archived"), .column("email_address"),
        .extendedMarker,
    ])

    /// The FROM clause of the view's rows: events (`e`) with their account (`a`).
    static let source = "tito_events AS e JOIN tito_accounts AS a ON a.id = e.account_id"
    static let select = view.selectList(
        alias: "e", computed: ["(SELECT COUNT(*) FROM tito_discount_codes AS dc WHERE dc.event_id = e.id)", "a.slug"])

    /// Writes the events of `page` as elements of the array being built, each with its releases
    /// as `principal` sees them; returns how many there were.
    @discardableResult
    static func write(
        _ page: ListPage, _ principal: TitoPrincipal, context: RenderContext, in database: Database, to json: inout JSONBuilder
    ) throws -> Int {
        guard !page.ids.isEmpty else { return 0 }
        var context = context
        context.releases = try ReleaseView.render(
            where: "r.event_id IN (SELECT value FROM json_each(?)) AND r.archived = 0", [page.idList], principal,
            context: context.forEmbedded(), keyedBy: "event_id", in: database)
        return try page.write(view, select: select, from: source, alias: "e", context: context, in: database, to: &json)
    }

    /// `{"event": …}` of the event `id`.
    static func single(
        id: Int64, status: Int, _ request: ProviderRequest, _ principal: TitoPrincipal, in database: Database
    ) throws -> HTTPResponse {
        let page = ListPage(request: PageRequest(request.query), total: 1, ids: [id])
        var json = JSONBuilder(capacity: 8192)
        var found = 0
        try json.object { json in
            json.key("event")
            found = try write(page, principal, context: RenderContext(request, principal, view: request.singleView), in: database, to: &json)
        }
        guard found == 1 else { throw TitoError.notFound }
        return ResourceResponse.body(json.bytes, status: status)
    }

    /// `""`, `"1 May 2024"`, `"1–3 May 2024"`, `"30 Apr – 2 May 2024"`, `"30 Dec 2024 – 2 Jan 2025"`.
    static func dateOrRange(start startDate: String?, end endDate: String?) -> String {
        guard let startDate, let start = DateParts(startDate) else { return "" }
        guard let endDate, let end = DateParts(endDate), endDate != startDate else {
            return "\(start.day) \(start.monthName) \(start.year)"
        }
        if start.year == end.year && start.month == end.month {
            return "\(start.day)–\(end.day) \(end.monthName) \(end.year)"
        }
        if start.year == end.year {
            return "\(start.day) \(start.monthName) – \(end.day) \(end.monthName) \(end.year)"
        }
        return "\(start.day) \(start.monthName) \(start.year) – \(end.day) \(end.monthName) \(end.year)"
    }
}

/// The parts of a `YYYY-MM-DD` date, for `date_or_range`.
private struct DateParts {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    let year: Int
    let month: Int
    let day: Int

    init?(_ text: String) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return nil }
        (year, month, day) = (parts[0], parts[1], parts[2])
    }

    var monthName: String { Self.monthNames[month - 1] }
}
