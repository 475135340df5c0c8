import Emulation
import Foundation

/// The event lists E1–E3 and X2 (spec §11.2, §11.17, §13.8): the path picks the set; no
/// `overall_total` in their `meta`.
enum EventLists {
    enum Set: String {
        case upcoming
        case past
        case archived

        /// Membership and order, for events aliased `e`; `today` is the emulated UTC date.
        func add(to filter: inout SQLFilter, today: String) {
            switch self {
            case .upcoming:
                filter.add("e.archived = 0 AND (e.start_date IS NULL OR COALESCE(e.end_date, e.start_date) >= ?)", today)
            case .past:
                filter.add("e.archived = 0 AND COALESCE(e.end_date, e.start_date) < ?", today)
            case .archived:
                filter.add("e.archived = 1")
            }
        }

        var order: [KeysetOrder.Column] {
            switch self {
            case .upcoming: return [.init("e.start_date IS NULL"), .init("e.start_date"), .init("e.id")]
            case .past: return [.init("e.start_date", descending: true), .init("e.id", descending: true)]
            case .archived: return [.init("e.id")]
            }
        }

        var selectedStates: [String] {
            switch self {
            case .upcoming: return ["upcoming"]
            case .past: return ["past"]
            case .archived: return []
            }
        }
    }

    static func upcoming(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try list(.upcoming, request, principal)
    }

    static func past(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try list(.past, request, principal)
    }

    static func archived(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try list(.archived, request, principal)
    }

    /// X2: upcoming events of every account of the token, by account order then E1 order.
    static func acrossAccounts(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try principal.requireAccess(to: "events")
        return try request.read { database in
            var filter = SQLFilter()
            filter.add("a.slug", in: principal.accounts)
            var accountOrder = "CASE a.slug"
            for (index, slug) in principal.accounts.enumerated() { accountOrder += " WHEN '\(escape(slug))' THEN \(index)" }
            accountOrder += " END"
            return try respond(.upcoming, filter: filter, order: [.init(accountOrder)], request, principal, database)
        }
    }

    private static func list(_ set: Set, _ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let account = try Scope.account(request, principal, in: database)
            try principal.requireAccess(to: "events")
            var filter = SQLFilter()
            filter.add("e.account_id = ?", account.id)
            return try respond(set, filter: filter, order: [], request, principal, database)
        }
    }

    private static func respond(
        _ set: Set, filter: SQLFilter, order prefix: [KeysetOrder.Column], _ request: ProviderRequest, _ principal: TitoPrincipal,
        _ database: Database
    ) throws -> HTTPResponse {
        var filter = filter
        set.add(to: &filter, today: TitoFormats.date(request.now))
        let page = try database.listPage(
            PageRequest(request.query), from: EventView.source, alias: "e", where: filter, order: KeysetOrder(prefix + set.order))
        let context = RenderContext(request, principal, view: request.listView)
        return try ResourceResponse.list("events", meta: page.meta(overallTotal: nil)) { json in
            ListMeta.writeStateFilter(options: [("Past", "past"), ("Upcoming", "upcoming")], selected: set.selectedStates, to: &json)
        } items: { json in
            try EventView.write(page, principal, context: context, in: database, to: &json)
        }
    }

    private static func escape(_ text: String) -> String { text.replacingOccurrences(of: "'", with: "''") }
}
