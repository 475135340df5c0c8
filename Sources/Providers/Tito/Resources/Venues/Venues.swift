import Emulation

/// A venue of an event (spec §11.17).
struct Venue: TitoRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var name = ""
    var address: String?
    var show = true
    var position: Int64 = 0
    var zoomlevel: Int64?
    var latitude: String?
    var longitude: String?
    var link: String?
    var url: String?
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    static let table = RecordTable(
        "tito_venues", of: Venue.self, constraints: [.references("event_id", "tito_events")], indexes: ["event_id, position, id"])

    mutating func completeSeed() {
        if updatedAt == 0 { updatedAt = createdAt }
    }

    static let view = RecordView<RenderContext>(table, [
        .constant("_type", "venue"),
        .column("id"), .column("name"), .column("address"), .column("show"), .time("created_at"), .time("updated_at"),
        .column("zoomlevel"), .column("latitude"), .column("longitude"), .column("link"), .column("position"), .column("url"),
    ])
}

/// Venues of an event: the extra list X3 (spec §11.17), read-only.
enum Venues: TitoResourceGroup {
    static let tables = [GroupTable(Venue.self, nextID: 1_065_409)]


    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/venues", example: "/biscuit-box/2018/venues", list)
    ]

    /// In position order; `meta` has the pagination keys only.
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: nil, in: database)
            return try RecordRendering(view: Venue.view, alias: "v").list(
                "venues", request, scope, sort: SortSpec(default: .init("position", sql: "v.position"), idColumn: "v.id"),
                extraMeta: { _ in }, in: database)
        }
    }
}
