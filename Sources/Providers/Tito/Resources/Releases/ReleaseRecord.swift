import Emulation

/// A release (ticket type) as stored (spec §12.9). Counters and flags are derived on every read
/// from the tickets the token sees (§13.4); the less used settings live in the `attributes`
/// JSON column, each with the default the seed's list example shows.
struct ReleaseRecord {
    let id: Int64
    let eventID: Int64
    let slug: String
    let title: String
    let description: String?
    let position: Int64
    let archived: Bool
    let offSale: Bool
    let secret: Bool
    let quantity: Int64?
    let price: Int64?
    let pricingType: String
    let startAt: Int64?
    let endAt: Int64?
    let lockChanges: Bool?
    let requireEmail: Bool
    let requireName: Bool
    let waitingListDuringSoldOut: Bool
    let successMessage: String?
    let questionIDs: [Int64]
    let metadata: String?
    let attributes: JSONObject
    /// `attributes` over `attributeDefaults`, for lookups while rendering.
    private let attributeValues: [String: JSONValue]
    let createdAt: Int64
    let updatedAt: Int64

    static let columns = "r.*"

    init(row: Row) {
        id = Int64(row.int("id") ?? 0)
        eventID = Int64(row.int("event_id") ?? 0)
        slug = row.string("slug") ?? ""
        title = row.string("title") ?? ""
        description = row.string("description")
        position = Int64(row.int("position") ?? 0)
        archived = row.bool("archived") ?? false
        offSale = row.bool("off_sale") ?? false
        secret = row.bool("secret") ?? false
        quantity = row.int("quantity").map(Int64.init)
        price = row.int("price").map(Int64.init)
        pricingType = row.string("pricing_type") ?? "free"
        startAt = row.int("start_at").map(Int64.init)
        endAt = row.int("end_at").map(Int64.init)
        lockChanges = row.bool("lock_changes")
        requireEmail = row.bool("require_email") ?? false
        requireName = row.bool("require_name") ?? false
        waitingListDuringSoldOut = row.bool("waiting_list_enabled_during_sold_out") ?? false
        successMessage = row.string("success_message")
        questionIDs = JSONColumn.ids(row.string("question_ids"))
        metadata = row.string("metadata")
        attributes = JSONColumn.object(row.string("attributes"))
        var values = Self.defaultValues
        for (key, value) in attributes { values[key] = value }
        attributeValues = values
        createdAt = Int64(row.int("created_at") ?? 0)
        updatedAt = Int64(row.int("updated_at") ?? 0)
    }

    /// Settings kept in `attributes`, with the value a release shows when it was never set.
    static let attributeDefaults: [(key: String, value: JSONValue)] = [
        ("card_payments", true), ("default_quantity", nil), ("enable_super_combo_summary", true), ("invoice", nil),
        ("max_donation", nil), ("max_tickets_per_person", nil), ("min_tickets_per_person", nil), ("min_donation", nil),
        ("not_a_ticket", false), ("show_qr_code", true), ("only_issue_combos", false), ("tax_exclusive", false),
        ("price_degressive", nil), ("request_company_name", nil), ("request_vat_number", nil),
        ("require_vat_number", false), ("require_billing_address", nil),
        ("require_credit_card_for_sold_out_waiting_list", false), ("show_price", nil), ("suggested_donation", nil),
        ("waiting_list_enabled_during_locked", false), ("require_company_name", false),
        ("show_discount_code_field_here", nil), ("termset_id", nil), ("ticket_group_id", nil),
        ("fail_message", nil), ("translations", nil),
    ]

    private static let defaultValues = Dictionary(attributeDefaults.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })

    func attribute(_ key: String) -> JSONValue {
        attributeValues[key] ?? .null
    }

    /// The release of an event by slug, or by numeric id when no slug matches.
    static func find(_ slugOrID: String, event: Int64, in database: Database) throws -> ReleaseRecord? {
        try SlugOrID.row(slugOrID, select: "SELECT * FROM tito_releases", parent: "event_id", event, in: database)
            .map(ReleaseRecord.init(row:))
    }

    static func find(id: Int64, event: Int64, in database: Database) throws -> ReleaseRecord? {
        try database.queryOne("SELECT * FROM tito_releases WHERE event_id = ? AND id = ?", event, id).map(ReleaseRecord.init(row:))
    }

    /// A release named by an input value: an id (number or numeric string) or a slug.
    static func find(reference: JSONValue, event: Int64, in database: Database) throws -> ReleaseRecord? {
        if let id = reference.intValue { return try find(id: id, event: event, in: database) }
        guard let text = reference.stringValue, !text.isBlank else { return nil }
        return try find(text.trimmingWhitespace(), event: event, in: database)
    }

    /// All releases of an event in position order.
    static func all(event: Int64, includeArchived: Bool = true, in database: Database) throws -> [ReleaseRecord] {
        try database.query(
            "SELECT * FROM tito_releases WHERE event_id = ? AND (? OR archived = 0) ORDER BY position, id", event,
            includeArchived
        ).map(ReleaseRecord.init(row:))
    }
}

/// The ticket counts of a release in one token's view (spec §13.4).
struct ReleaseCounters {
    var tickets = 0
    var voided = 0
    var free = 0
    var discounted = 0
    var fullPrice = 0
    /// Sum of non-void ticket prices; nil without non-void tickets.
    var grossIncome: Int64?

    static let none = ReleaseCounters()

    /// Counters of every release of `event` that has tickets visible with `testModes`.
    static func load(event: Int64, testModes: [Bool], in database: Database) throws -> [Int64: ReleaseCounters] {
        var filter = SQLFilter()
        filter.add("t.event_id = ?", event)
        if testModes.count == 1 { filter.add("t.test_mode = ?", testModes[0]) }
        // The counts are kept by triggers (`ReleaseTicketCounts`): a lookup, not a scan of the tickets.
        let rows = try database.query(
            """
            SELECT t.release_id AS release_id, SUM(t.tickets) AS tickets, SUM(t.voided) AS voided, SUM(t.free) AS free,
                SUM(t.discounted) AS discounted, SUM(t.full_price) AS full_price, SUM(t.gross) AS gross
            FROM tito_tickets_release_counts AS t WHERE \(filter.clause) GROUP BY t.release_id
            HAVING SUM(t.tickets) + SUM(t.voided) > 0
            """, arguments: filter.arguments)
        var counters: [Int64: ReleaseCounters] = [:]
        for row in rows {
            let tickets = row.int("tickets") ?? 0
            counters[Int64(row.int("release_id") ?? 0)] = ReleaseCounters(
                tickets: tickets, voided: row.int("voided") ?? 0, free: row.int("free") ?? 0,
                discounted: row.int("discounted") ?? 0, fullPrice: row.int("full_price") ?? 0,
                grossIncome: tickets > 0 ? Int64(row.int("gross") ?? 0) : nil)
        }
        return counters
    }
}
