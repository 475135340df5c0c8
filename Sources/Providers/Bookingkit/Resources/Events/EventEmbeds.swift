import Emulation

/// What events embed — their prices, and a merged event's pricelist groups — rendered for every
/// event a response writes with one query per kind, each record filed under its event's `rowid`,
/// in creation order. A page of events then costs the same few queries whatever its length.
enum EventEmbeds {
    /// The condition of a page's events, whose keys (`rowid`s) are the one argument.
    static let pageCondition = "e.rowid IN (SELECT value FROM json_each(?))"

    /// Fills `context` for the events `condition` selects (over `bookingkit_events e`), merged
    /// or not, leaving out what `keys` (a sparse field list) does not keep.
    static func prepare(
        _ context: inout EventRenderContext, events condition: String, _ arguments: [any SQLiteBindable], merged: Bool,
        keeping keys: Set<String>?, in database: Database
    ) throws {
        guard keys?.contains(merged ? "price_groups" : "prices") ?? true else { return }
        let children = "bookingkit_events e JOIN bookingkit_events g ON g.root_event_id = e.id AND g.active = 1"
        // A merged event's groups are its own and its active pricelist children's (§7.2).
        let priced = merged
            ? "SELECT e.id AS id, e.rowid AS event_key FROM bookingkit_events e WHERE \(condition) UNION SELECT g.id, g.rowid FROM \(children) WHERE \(condition)"
            : "SELECT e.id AS id, e.rowid AS event_key FROM bookingkit_events e WHERE \(condition)"
        context.prices = try database.render(
            PriceRecord.eventView,
            """
            SELECT \(PriceRecord.table.selectList(alias: "p")), priced.event_key FROM (\(priced)) AS priced
            JOIN bookingkit_prices p ON p.event_id = priced.id WHERE (p.public = 1 OR ?) ORDER BY p.rowid
            """, arguments: arguments + (merged ? arguments : []) + [context.withPrivatePrices], context: (), keyedBy: "event_key")
        guard merged else { return }
        context.priceGroups = try database.render(
            EventViews.priceGroup,
            """
            SELECT \(EventViews.priceGroup.selectList(alias: "g", computed: ["NULL", "NULL", "g.rowid"])), e.rowid AS event_key
            FROM \(children) WHERE \(condition) ORDER BY g.rowid
            """, arguments: arguments, context: context, keyedBy: "event_key")
    }
}
