import Emulation

/// How releases render (spec §12.9), with the counters and flags derived from the tickets the
/// token sees (§13.4). Embedded releases (in a ticket, an event…) have their association arrays
/// emptied (spec §12 embedding rule).
enum ReleaseView {
    /// The counts the view reads, computed per release from the kept ticket counts.
    static let counters = [
        "tickets_count", "voided_tickets_count", "free_tickets_count", "discounted_tickets_count", "full_price_tickets_count",
        "gross_income",
    ]

    static let view = RecordView<RenderContext>(Release.table, computed: ["account_slug", "event_slug", "price_ex_tax"] + counters, [
        .constant("_type", "release"),
        .column("id"), .column("event_id"), .time("created_at"), .time("updated_at"), .column("slug"), .column("title"),
        .column("description"), .column("archived"), .column("card_payments"), .column("default_quantity"),
        .derived("donation") { row, _, json in json.bool(row.string("pricing_type") == "donation") },
        .column("enable_super_combo_summary"), .time("end_at"),
        .derived("has_success_message") { row, _, json in json.bool(!(row.optionalString("success_message") ?? "").isBlank) },
        .constant("has_fail_message", false),
        .column("invoice"), .moneyString("max_donation"), .column("max_tickets_per_person"), .column("metadata"),
        .column("min_tickets_per_person"), .moneyString("min_donation"), .column("not_a_ticket"), .column("show_qr_code"),
        .column("only_issue_combos"), .column("pricing_type"), .column("pricing_type", as: "payment_type"), .column("position"),
        .money("price"),
        .money("price_ex_tax"),
        .column("tax_exclusive"), .column("price_degressive"),
        .derived("price_degressive_list") { row, _, json in
            json.array { json in
                guard let text = row.optionalString("price_degressive") else { return }
                for price in Release.degressivePrices(text) { json.string(price) }
            }
        },
        .column("quantity"), .column("request_company_name"), .column("request_vat_number"), .column("require_vat_number"),
        .column("require_billing_address"), .column("require_credit_card_for_sold_out_waiting_list"), .column("require_email"),
        .column("require_name"), .column("secret"), .column("show_price"), .moneyString("suggested_donation"),
        .column("lock_changes"),
        .derived("state_name") { row, _, json in json.string(row.bool("off_sale") ? "off_sale" : "on_sale") },
        .time("start_at"), .column("waiting_list_enabled_during_locked"), .column("waiting_list_enabled_during_sold_out"),
        .derived("share_url") { row, _, json in
            json.string(
                concatenating: "https://ti.to/", row.string("account_slug"), "/", row.string("event_slug"), "/with/", row.string("slug"))
        },
        .column("tickets_count"),
        .constant("locked", false),
        .derived("waiting_list") { row, context, json in
            json.bool(row.bool("waiting_list_enabled_during_sold_out") && ReleaseState(row, context).soldOut)
        },
        .derived("sold_out") { row, context, json in json.bool(ReleaseState(row, context).soldOut) },
        .column("off_sale"),
        .derived("expired") { row, context, json in json.bool(ReleaseState(row, context).expired) },
        .derived("upcoming") { row, context, json in json.bool(ReleaseState(row, context).upcoming) },
        .derived("allocatable") { row, context, json in json.bool(ReleaseState(row, context).allocatable) },
        .extendedMarker,
        .derived("changes_locked") { row, _, json in json.bool(row.optionalInteger("lock_changes") == 1) },
        .column("question_ids"),
        .moneyString("gross_income"),
        .column("full_price_tickets_count"), .column("free_tickets_count"), .column("discounted_tickets_count"),
        .column("voided_tickets_count"),
        .constant("pending_waiting_list", false),
        .derived("show_company_name") { row, _, json in json.bool(row.optionalInteger("request_company_name") == 1) },
        .column("require_company_name"),
        .derived("show_vat_number") { row, _, json in json.bool(row.optionalInteger("request_vat_number") == 1) },
        .column("show_discount_code_field_here"),
        .constant("show_phone_number", false), .constant("tax_description", nil),
        .derived("translations") { row, _, json in
            guard row.isNull("translations") else { return row.write("translations", to: &json) }
            EnglishTranslations.write(row, columns: ["description", "fail_message", "success_message", "title"], to: &json)
        },
        .constant("warnings", .object(JSONObject())),
        .column("termset_id"), .column("ticket_group_id"),
        .embeddedArray("activities", by: "id", in: { $0.embedded ? nil : $0.releaseActivities }),
        .constant("combo_releases", []),
        .association("questions", ids: "question_ids", in: { $0.questions }),
        .constant("tax_types", []), .constant("tax_components", []), .constant("termset", nil), .constant("ticket_group", nil),
    ])

    /// The FROM clause of the view's rows: releases (`r`) with their event and account, and the
    /// release's kept ticket counts.
    static let source = "tito_releases AS r " + joins

    /// What the view's rows join to a release: its event (`re`), account (`ra`), and its kept
    /// ticket counts (`TicketCounts`), the live row (`rcl`) and the test one (`rct`), each found
    /// by its key: two look-ups per release, where a correlated sum per counter took eight.
    private static let joins = """
        JOIN tito_events AS re ON re.id = r.event_id JOIN tito_accounts AS ra ON ra.id = re.account_id
        LEFT JOIN \(TicketCounts.byRelease.table) AS rcl ON rcl.event_id = r.event_id AND rcl.release_id = r.id AND rcl.test_mode = 0
        LEFT JOIN \(TicketCounts.byRelease.table) AS rct ON rct.event_id = r.event_id AND rct.release_id = r.id AND rct.test_mode = 1
        """

    /// The view's computed columns for `principal`: the counters of the tickets it sees in each
    /// release's event, read from the kept counts (a few rows per release, not its tickets).
    static func computed(_ principal: TitoPrincipal) -> [String] { computed[principal.lookupMode] ?? [] }

    private static let computed: [LookupMode: [String]] = [.live: computed(.live), .test: computed(.test)]
    private static let selects: [LookupMode: String] = computed.mapValues { view.selectList(alias: "r", computed: $0) }

    private static func computed(_ mode: LookupMode) -> [String] {
        // A count of the live row and the test one, each when the token sees its mode.
        let live = mode.visibleModes("0", eventTestMode: "re.test_mode")
        let test = mode.visibleModes("1", eventTestMode: "re.test_mode")
        func sum(_ count: String) -> String {
            "(CASE WHEN \(live) THEN COALESCE(rcl.\(count), 0) ELSE 0 END + CASE WHEN \(test) THEN COALESCE(rct.\(count), 0) ELSE 0 END)"
        }
        let tickets = sum("tickets")
        return [
            "ra.slug", "re.slug", "COALESCE(r.price, 0)", tickets, sum("voided"), sum("free"), sum("discounted"),
            sum("full_price"), "CASE WHEN \(tickets) > 0 THEN \(sum("gross")) END",
        ]
    }

    /// The SELECT list of the view's rows for `principal`, made once per token mode.
    static func select(_ principal: TitoPrincipal) -> String { selects[principal.lookupMode] ?? "" }

    /// The rendering of an event's releases at top level, with the questions they name and the
    /// activities that name them.
    static let rendering = RecordRendering(
        view: view, alias: "r", joins: joins,
        computed: { computed($0.principal) },
        prepare: { context, scope, rows, database in
            let embedded = context.forEmbedded()
            context.questions = try QuestionView.render(named: rows.named("r.question_ids"), rows.filter, scope, context: embedded, in: database)
            context.releaseActivities = try ActivityView.renderByRelease(of: rows, scope, context: embedded, in: database)
        })

    /// Releases rendered in `context` (embedded ones have their arrays empty), in position order,
    /// filed under `key` (`id`, or `event_id` for the releases of several events); `condition`
    /// picks them.
    static func render(
        where condition: String, _ arguments: [any SQLiteBindable], _ principal: TitoPrincipal, context: RenderContext,
        keyedBy key: String, in database: Database
    ) throws -> RenderedRecords {
        try database.render(
            view, "SELECT \(select(principal)) FROM \(source) WHERE \(condition) ORDER BY r.event_id, r.position, r.id",
            arguments: arguments, context: context, keyedBy: key)
    }

    /// Every release of the scope's event, embedded (a ticket's `release`), filed by id.
    static func embedded(_ scope: EventScope, context: RenderContext, in database: Database) throws -> RenderedRecords {
        try render(where: "r.event_id = ?", [scope.event.id], scope.principal, context: context.forEmbedded(), keyedBy: "id", in: database)
    }
}

/// A release's flags at the emulated time (spec §13.4).
struct ReleaseState {
    let soldOut: Bool
    let expired: Bool
    let upcoming: Bool
    let allocatable: Bool

    /// The positions of the columns the flags read in the view's rows: a page of tickets works
    /// the flags out five times for each of the event's releases.
    private static let column = (
        quantity: position("quantity"), ticketsCount: position("tickets_count"), endAt: position("end_at"),
        startAt: position("start_at"), archived: position("archived"), offSale: position("off_sale"))

    private static func position(_ name: String) -> Int { ReleaseView.view.position(of: name)! }

    /// The flags at `context.now`. `expired` turns true when the clock reaches `end_at`, and
    /// `upcoming` false when it reaches `start_at` (`allocatable` and nothing else follows
    /// them): each of those instants still ahead is stated to the context, so a kept response
    /// showing these flags is used only until the first of them.
    init(_ row: ViewRow, _ context: RenderContext) {
        let cursor = row.cursor
        let column = Self.column
        let now = context.now
        let quantity = cursor.optionalInteger(at: column.quantity)
        soldOut = quantity.map { cursor.integer(at: column.ticketsCount) >= $0 } ?? false
        let endAt = cursor.optionalInteger(at: column.endAt)
        let startAt = cursor.optionalInteger(at: column.startAt)
        expired = endAt.map { $0 <= now } ?? false
        upcoming = startAt.map { $0 > now } ?? false
        if let endAt, !expired { context.answerChanges(at: endAt) }
        if let startAt, upcoming { context.answerChanges(at: startAt) }
        allocatable = cursor.integer(at: column.archived) == 0 && cursor.integer(at: column.offSale) == 0 && !soldOut && !expired
            && !upcoming
    }
}

extension TitoPrincipal {
    /// The condition on a ticket or registration mode column (`modeColumn`) that keeps what this
    /// token sees, given the column holding the event's own `test_mode` (spec §2.2, §15 A7).
    func visibleModes(_ modeColumn: String, eventTestMode: String) -> String {
        lookupMode.visibleModes(modeColumn, eventTestMode: eventTestMode)
    }
}

extension LookupMode {
    /// See `TitoPrincipal.visibleModes(_:eventTestMode:)`.
    func visibleModes(_ modeColumn: String, eventTestMode: String) -> String {
        switch self {
        case .test: return "\(modeColumn) = 1"
        case .live: return "(\(modeColumn) = 0 OR \(eventTestMode) = 1)"
        }
    }
}
