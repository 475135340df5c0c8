import Emulation
import Foundation

/// `GET /events/search/` (spec §8.8). Eventbrite shut it down on 2019-12-12, and the path now
/// answers the unknown-path 404 before any authentication; that is the default. With
/// `EVENTBRITE_ENABLE_LEGACY_SEARCH=true` it answers as it did, for suites written back then: a
/// paginated list of the public, published events of every organization.
///
/// The legacy filters honoured are `q`, `categories`, `subcategories`, `formats`, `organizer.id`,
/// `price`, `start_date.range_start`/`range_end`, `start_date.keyword`, `date_modified.range_*`,
/// `location.address` (a substring of the venue's address) and `location.latitude`/`longitude`/
/// `within` (a box around the point: the mock does not compute great-circle distances), with
/// `sort_by` `date`, `best` or `distance` (`-` reverses). Decided here, as the spec lists the
/// parameters without their semantics; other parameters are accepted and ignored.
enum EventSearch {
    static func route(settings: EventbriteSettings) -> Route<Caller> {
        let auth = EventbriteAuth(settings: settings)
        return Route(anonymous: "GET", "/events/search/", example: "/events/search/") { request in
            guard settings.legacySearch else { throw EventbriteError.pathNotFound }
            let caller = try auth.authenticate(request)
            guard case .user(let user) = caller.kind else { throw EventbriteError.invalidAuth(status: settings.invalidAuthStatus) }
            return try search(EventbriteRequest(request, caller: user, switches: caller.switches, settings: settings))
        }
    }

    private static let sorts: Set<String> = ["date", "-date", "best", "-best", "distance", "-distance"]
    private static let keywords: Set<String> = [
        "this_week", "next_week", "this_weekend", "next_month", "this_month", "tomorrow", "today",
    ]

    private static func search(_ request: EventbriteRequest) throws -> HTTPResponse {
        let page = try request.page()
        var query = EventListQuery(request, base: Event.publicCondition + " AND e.status = 'live' AND NOT e.is_series_parent")
        if let text = query.arguments.string("q") {
            query.conditions.add(containing: text, inAnyOf: ["e.name_text", "COALESCE(e.summary, '')", "COALESCE(e.description_html, '')"])
        }
        if let ids = query.arguments.ids("categories") { query.conditions.add("e.category_id", in: ids) }
        if let ids = query.arguments.ids("subcategories") { query.conditions.add("e.subcategory_id", in: ids) }
        if let ids = query.arguments.ids("formats") { query.conditions.add("e.format_id", in: ids) }
        if let ids = query.arguments.ids("organizer.id") { query.conditions.add("e.organizer_id", in: ids) }
        switch query.arguments.choice("price", of: ["free", "paid"]) {
        case "free": query.conditions.add("NOT EXISTS (SELECT 1 FROM eventbrite_ticket_classes t WHERE t.event_id = e.id AND NOT t.is_deleted AND t.\(TicketClass.isPaid))")
        case "paid": query.conditions.add("EXISTS (SELECT 1 FROM eventbrite_ticket_classes t WHERE t.event_id = e.id AND NOT t.is_deleted AND t.\(TicketClass.isPaid))")
        default: break
        }
        query.startDateRange()
        if let keyword = query.arguments.choice("start_date.keyword", of: keywords) {
            let (from, to) = range(of: keyword, now: request.now)
            query.conditions.add("e.start_utc >= ? AND e.start_utc < ?", from, to)
        }
        if let from = query.arguments.utc("date_modified.range_start") { query.conditions.add("e.changed >= ?", from) }
        if let to = query.arguments.utc("date_modified.range_end") { query.conditions.add("e.changed <= ?", to) }
        if let address = query.arguments.string("location.address") {
            var match = SQLFilter()
            match.add(
                containing: address,
                inAnyOf: [
                    """
                    COALESCE(v.address1, '') || ' ' || COALESCE(v.city, '') || ' ' || COALESCE(v.region, '') || ' ' ||
                    COALESCE(v.postal_code, '') || ' ' || COALESCE(v.country, '')
                    """
                ])
            query.conditions.add("e.venue_id IN (SELECT v.id FROM eventbrite_venues v WHERE \(match.clause))", arguments: match.arguments)
        }
        let point = location(&query.arguments)
        if let point {
            query.conditions.add(
                """
                e.venue_id IN (SELECT v.id FROM eventbrite_venues v WHERE
                  CAST(v.latitude AS REAL) BETWEEN ? AND ? AND CAST(v.longitude AS REAL) BETWEEN ? AND ?)
                """, point.latitude - point.degrees, point.latitude + point.degrees,
                point.longitude - point.degrees / max(cos(point.latitude * .pi / 180), 0.01),
                point.longitude + point.degrees / max(cos(point.latitude * .pi / 180), 0.01))
        }
        switch query.arguments.choice("sort_by", of: sorts) {
        case "-date", "-best": query.order = "e.start_utc DESC, e.id DESC"
        case "distance" where point != nil, "-distance" where point != nil:
            let distance = """
                (SELECT (CAST(v.latitude AS REAL) - \(point!.latitude)) * (CAST(v.latitude AS REAL) - \(point!.latitude))
                      + (CAST(v.longitude AS REAL) - \(point!.longitude)) * (CAST(v.longitude AS REAL) - \(point!.longitude))
                 FROM eventbrite_venues v WHERE v.id = e.venue_id)
                """
            let descending = query.arguments.string("sort_by") == "-distance"
            query.order = "\(distance) \(descending ? "DESC" : "ASC"), e.start_utc, e.id"
        default: query.order = "e.start_utc, e.id"
        }
        return try query.respond(request, page: page)
    }

    /// The point and radius (in degrees of latitude) of `location.latitude`, `location.longitude`
    /// and `location.within` (`10km`, `5mi`; 25 km when absent).
    private static func location(_ arguments: inout QueryArguments) -> (latitude: Double, longitude: Double, degrees: Double)? {
        guard arguments.has("location.latitude") || arguments.has("location.longitude") else { return nil }
        guard let latitude = arguments.string("location.latitude").flatMap(Double.init), abs(latitude) <= 90 else {
            arguments.errors.invalid("location.latitude")
            return nil
        }
        guard let longitude = arguments.string("location.longitude").flatMap(Double.init), abs(longitude) <= 180 else {
            arguments.errors.invalid("location.longitude")
            return nil
        }
        var kilometres = 25.0
        if let within = arguments.string("location.within") {
            let unit = within.suffix(2).lowercased()
            guard unit == "km" || unit == "mi", let amount = Double(within.dropLast(2)), amount > 0, amount <= 20_000 else {
                arguments.errors.invalid("location.within")
                return nil
            }
            kilometres = unit == "mi" ? amount * 1.609_344 : amount
        }
        return (latitude, longitude, kilometres / 111.0)
    }

    /// The UTC range a `start_date.keyword` covers, in days from the emulated today (UTC); weeks
    /// start on Monday.
    private static func range(of keyword: String, now: Int64) -> (Int64, Int64) {
        let day: Int64 = 86_400
        let today = now - ((now % day) + day) % day
        // 1970-01-01 was a Thursday: Monday is 3 days before.
        let weekday = ((today / day + 3) % 7 + 7) % 7
        let monday = today - weekday * day
        let date = UTCDateTime(milliseconds: today * 1000)
        let monthStart = UTCDateTime.daysSinceEpoch(year: date.year, month: date.month, day: 1) * day
        let nextMonth = UTCDateTime.daysSinceEpoch(year: date.year, month: date.month + 1, day: 1) * day
        let monthAfter = UTCDateTime.daysSinceEpoch(year: date.year, month: date.month + 2, day: 1) * day
        switch keyword {
        case "today": return (today, today + day)
        case "tomorrow": return (today + day, today + 2 * day)
        case "this_week": return (today, monday + 7 * day)
        case "next_week": return (monday + 7 * day, monday + 14 * day)
        case "this_weekend": return (monday + 5 * day, monday + 7 * day)
        case "this_month": return (max(today, monthStart), nextMonth)
        default: return (nextMonth, monthAfter)
        }
    }
}
