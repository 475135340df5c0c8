import Emulation

/// How registrations render (spec §12.11): a top-level registration lists its tickets
/// (embedded), receipt, refunds and line items; an embedded one (in a ticket or a refund) has
/// those arrays empty. `quantities` and `tickets_count` come from the quantities the
/// registration keeps of its line items, named by the event's releases (`ReleaseNames`).
enum RegistrationView {
    /// The positions of the columns the derived members read (a page writes them a hundred times).
    private static let column = (
        total: Registration.table.position(ofColumn: "total")!,
        releaseQuantities: Registration.table.position(ofColumn: "release_quantities")!
    )

    /// The receipt of a registration, read from the registration's own row.
    static let receipt = RecordView<RenderContext>(Registration.table, [
        .constant("_type", "receipt"),
        .column("receipt_id", as: "id"), .column("receipt_number", as: "number"), .money("total"), .constant("tax", 0),
        .money("total", as: "total_less_tax"), .column("payment_provider"), .column("payment_reference"),
        .column("receipt_paid", as: "paid"),
    ])

    static let view = RecordView<RenderContext>(Registration.table, [
        .constant("_type", "registration"),
        .column("id"), .column("slug"), .column("billing_address"), .time("created_at"), .time("updated_at"),
        .column("company_name"), .time("completed_at"), .column("discount_code"), .column("email"),
        .column("expires_at", format: TitoFormats.railsTime), .column("ip_address"), .column("locale"), .column("metadata"),
        .column("name"), .column("payment_reference"), .column("phone_number"), .column("registration_type"), .column("reference"),
        .column("source"), .column("state"), .column("test_mode"), .money("total"), .time("consented_at"),
        .derived("paid") { row, _, json in json.bool(row.cursor.integer(at: column.total) > 0) },
        .constant("payment", nil), .column("refunded"), .column("receipt_paid"), .money("total", as: "total_less_tax"),
        .derived("tickets_count") { row, _, json in
            var total: Int64 = 0
            forEachQuantity(row) { _, quantity in total += quantity }
            json.int(total)
        },
        .derived("quantities") { row, context, json in
            json.object { json in
                guard let names = context.releaseNames else { return }
                forEachQuantity(row) { release, quantity in names.write(release: release, quantity: quantity, to: &json) }
            }
        },
        .derived("receipts") { row, context, json in
            try json.array { json in
                if !context.embedded { try receipt.write(row.cursor, context, to: &json) }
            }
        },
        .embeddedArray("refunds", by: "id", in: { $0.embedded ? nil : $0.refunds }),
        .embeddedArray("tickets", by: "id", in: { $0.embedded ? nil : $0.tickets }),
        .embeddedArray("line_items", by: "id", in: { $0.embedded ? nil : $0.lineItems }),
        .extendedMarker,
    ])

    /// Each (release, quantity) pair of the row's `release_quantities` (`[release, quantity, …]`),
    /// read in place: a page writes them twice per registration.
    private static func forEachQuantity(_ row: ViewRow, _ body: (Int64, Int64) -> Void) {
        row.cursor.withUTF8(at: column.releaseQuantities) { text in
            var release: Int64?
            IntegerList.forEachValue(in: text) { value in
                if let pending = release {
                    body(pending, value)
                    release = nil
                } else {
                    release = value
                }
            }
        }
    }

    /// The FROM clause of the view's rows, and their columns.
    static let source = "tito_registrations AS g"
    static let select = view.selectList(alias: "g")

    static let lineItem = RecordView<RenderContext>(
        LineItem.table, computed: ["release_slug", "release_title", "release_price", "release_metadata", "line_total"],
        [
            .constant("_type", "line_item"),
            .column("id"), .column("release_slug"), .column("release_id"), .column("release_title"),
            .moneyString("release_price"),
            .derived("release") { row, context, json in
                json.object { json in
                    json.key("slug")
                    row.write("release_slug", to: &json)
                    json.key("title")
                    row.write("release_title", to: &json)
                    json.key("price")
                    context.money.write(row.cursor, row.position("release_price"), &json)
                    json.key("metadata")
                    row.write("release_metadata", format: .rawJSON, to: &json)
                }
            },
            .money("price"), .column("release_title", as: "title"), .column("quantity"), .money("line_total", as: "total"),
            .derived("currency") { _, context, json in json.string(context.currency) },
        ])

    static let refund = RecordView<RenderContext>(Refund.table, [
        .constant("_type", "refund"),
        .column("id"), .moneyString("amount"), .time("created_at"), .column("manual"),
        .embedded("registration", by: "registration_id", in: { $0.embedded ? nil : $0.registrations }),
        .extendedMarker,
    ])

    /// The registrations `ids` (a subquery) of `event` rendered in `context`, in id order, filed under `key`.
    static func render(
        ids: String, _ arguments: [any SQLiteBindable], event: Int64, context: RenderContext, keyedBy key: String,
        in database: Database
    ) throws -> RenderedRecords {
        var context = context
        context.releaseNames = try ReleaseNames(event: event, in: database)
        return try database.render(
            view, "SELECT \(select) FROM \(source) WHERE g.id IN (\(ids)) ORDER BY g.id", arguments: arguments, context: context,
            keyedBy: key)
    }

    /// Fills what the registrations `ids` embed: the names of the releases of their quantities,
    /// and unless they are embedded themselves their tickets, refunds and line items. Each is
    /// read with the id list as the outer loop, through its index by registration then id: in
    /// the order each registration lists them, with no sort and no IN list to build.
    static func prepare(_ context: inout RenderContext, registrations ids: [Int64], _ scope: EventScope, in database: Database) throws {
        context.releaseNames = try ReleaseNames(event: scope.event.id, in: database)
        guard !context.embedded, !ids.isEmpty else { return }
        let list: [any SQLiteBindable] = [IntegerList.text(ids)]
        let page = "json_each(?) AS page CROSS JOIN"
        var embedded = context.forEmbedded()
        embedded.responses = try AnswerView.render(
            where: "an.ticket_id IN (SELECT t.id FROM \(page) tito_tickets AS t WHERE t.registration_id = page.value)", list, scope,
            context: embedded, in: database
        ).responses
        context.tickets = try database.render(
            TicketView.view, "SELECT \(TicketView.embeddedSelect) FROM \(page) \(TicketView.source) WHERE t.registration_id = page.value",
            arguments: list, context: embedded, keyedBy: "registration_id")
        context.refunds = try database.render(
            refund, "SELECT \(refundSelect) FROM \(page) tito_refunds AS f WHERE f.registration_id = page.value",
            arguments: list, context: context.forEmbedded(), keyedBy: "registration_id")
        context.lineItems = try database.render(
            lineItem,
            """
            SELECT \(lineItemSelect) FROM \(page) tito_line_items AS li LEFT JOIN tito_releases AS lr ON lr.id = li.release_id
            WHERE li.registration_id = page.value
            """,
            arguments: list, context: context, keyedBy: "registration_id")
    }

    private static let refundSelect = Refund.table.selectList(alias: "f")
    private static let lineItemSelect = lineItem.selectList(
        alias: "li", computed: ["lr.slug", "lr.title", "lr.price", "lr.metadata", "li.price * li.quantity"])

    /// `{"registration": …}` (extended unless `?view=short`) of the registration `id`.
    static func single(id: Int64, status: Int = 200, _ request: ProviderRequest, _ scope: EventScope, in database: Database) throws
        -> HTTPResponse
    {
        var context = RenderContext(request, scope, view: request.singleView)
        try prepare(&context, registrations: [id], scope, in: database)
        return try view.single("registration", "SELECT \(select) FROM \(source) WHERE g.id = ?", [id], context: context, status: status, in: database)
    }
}

/// The event's releases as a registration's `quantities` names them: each release's member
/// key (its slug) and `"release"` value (its title), written once per response.
struct ReleaseNames: Sendable {
    private var names: [Int64: (key: [UInt8], title: [UInt8])] = [:]

    init(event: Int64, in database: Database) throws {
        try database.forEachRow("SELECT id, slug, title FROM tito_releases WHERE event_id = ?", arguments: [event]) { cursor in
            var title = JSONBuilder(capacity: 64)
            cursor.withUTF8(at: 2) { title.string(utf8: $0) }
            names[cursor.integer(at: 0)] = (JSONBuilder.keyBytes(cursor.string(at: 1)), title.bytes)
        }
    }

    /// `"<release slug>":{"release":"<title>","quantity":n}` as a member of the object being
    /// built; nothing for a release that is gone.
    func write(release: Int64, quantity: Int64, to json: inout JSONBuilder) {
        guard let names = names[release] else { return }
        json.key(bytes: names.key)
        json.object { json in
            json.key("release")
            json.encodedValue(names.title)
            json.field("quantity", quantity)
        }
    }
}
