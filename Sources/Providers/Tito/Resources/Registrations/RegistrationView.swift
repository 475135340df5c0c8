import Emulation

/// How registrations render (spec §12.11): a top-level registration lists its tickets
/// (embedded), receipt, refunds and line items; an embedded one (in a ticket or a refund) has
/// those arrays empty. `quantities` and `tickets_count` come from the line items.
enum RegistrationView {
    /// The positions of the columns the derived members read (a page writes them a hundred times).
    private static let column = (id: Registration.table.position(ofColumn: "id")!, total: Registration.table.position(ofColumn: "total")!)

    /// The receipt of a registration, read from the registration's own row.
    static let receipt = RecordView<RenderContext>(Registration.table, [
        .constant("_type", "receipt"),
        .column("receipt_id", as: "id"), .column("receipt_number", as: "number"), .money("total"), .constant("tax", 0),
        .money("total", as: "total_less_tax"), .column("payment_provider"), .column("payment_reference"),
        .column("receipt_paid", as: "paid"),
    ])

    static let view = RecordView<RenderContext>(Registration.table, computed: ["tickets_count"], [
        .constant("_type", "registration"),
        .column("id"), .column("slug"), .column("billing_address"), .time("created_at"), .time("updated_at"),
        .column("company_name"), .time("completed_at"), .column("discount_code"), .column("email"),
        .column("expires_at", format: TitoFormats.railsTime), .column("ip_address"), .column("locale"), .column("metadata"),
        .column("name"), .column("payment_reference"), .column("phone_number"), .column("registration_type"), .column("reference"),
        .column("source"), .column("state"), .column("test_mode"), .money("total"), .time("consented_at"),
        .derived("paid") { row, _, json in json.bool(row.cursor.integer(at: column.total) > 0) },
        .constant("payment", nil), .column("refunded"), .column("receipt_paid"), .money("total", as: "total_less_tax"),
        .column("tickets_count"),
        .derived("quantities") { row, context, json in
            let members = context.quantities?.objects(for: row.cursor.integer(at: column.id)) ?? []
            json.rawValue { bytes in
                bytes.append(UInt8(ascii: "{"))
                bytes.append(contentsOf: members)
                bytes.append(UInt8(ascii: "}"))
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

    /// The FROM clause of the view's rows, and their columns.
    static let source = "tito_registrations AS g"
    static let select = view.selectList(
        alias: "g", computed: ["(SELECT COALESCE(SUM(li.quantity), 0) FROM tito_line_items AS li WHERE li.registration_id = g.id)"])

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

    /// Registrations `condition` picks (of `g`) rendered in `context`, in id order, filed under `key`.
    static func render(
        where condition: String, _ arguments: [any SQLiteBindable], context: RenderContext, keyedBy key: String,
        in database: Database
    ) throws -> RenderedRecords {
        var context = context
        context.quantities = try quantities(where: condition, arguments, in: database)
        return try database.render(
            view, "SELECT \(select) FROM \(source) WHERE \(condition) ORDER BY g.id", arguments: arguments, context: context,
            keyedBy: key)
    }

    /// Fills what the registrations `condition` picks (of `g`) embed: the members of their
    /// `quantities`, and unless they are embedded themselves their tickets, refunds and line items.
    static func prepare(
        _ context: inout RenderContext, registrations condition: String, _ arguments: [any SQLiteBindable], _ scope: EventScope,
        in database: Database
    ) throws {
        context.quantities = try quantities(where: condition, arguments, in: database)
        guard !context.embedded else { return }
        let registrations = "SELECT g.id FROM tito_registrations AS g WHERE \(condition)"
        var embedded = context.forEmbedded()
        embedded.responses = try AnswerView.render(
            where: "an.ticket_id IN (SELECT t.id FROM tito_tickets AS t WHERE t.registration_id IN (\(registrations)))", arguments,
            context: embedded, in: database
        ).responses
        context.tickets = try database.render(
            TicketView.view,
            "SELECT \(TicketView.select) FROM \(TicketView.source) WHERE t.registration_id IN (\(registrations)) ORDER BY t.id",
            arguments: arguments, context: embedded, keyedBy: "registration_id")
        context.refunds = try database.render(
            refund,
            "SELECT \(Refund.table.selectList(alias: "f")) FROM tito_refunds AS f WHERE f.registration_id IN (\(registrations)) ORDER BY f.id",
            arguments: arguments, context: context.forEmbedded(), keyedBy: "registration_id")
        context.lineItems = try database.render(
            lineItem,
            """
            SELECT \(lineItem.selectList(alias: "li", computed: ["lr.slug", "lr.title", "lr.price", "lr.metadata", "li.price * li.quantity"]))
            FROM tito_line_items AS li LEFT JOIN tito_releases AS lr ON lr.id = li.release_id
            WHERE li.registration_id IN (\(registrations)) ORDER BY li.id
            """,
            arguments: arguments, context: context, keyedBy: "registration_id")
    }

    /// `"<release slug>":{"release":"<title>","quantity":n}` for each release of each
    /// registration `condition` picks, in line-item order, filed by registration. The line items
    /// come in registration order from their index, and are summed here per release.
    private static func quantities(where condition: String, _ arguments: [any SQLiteBindable], in database: Database) throws
        -> RenderedRecords
    {
        var quantities = RenderedRecords()
        var registration: Int64?
        var releases: [(id: Int64, slug: String, title: String, quantity: Int64)] = []
        func file() {
            guard let registration, !releases.isEmpty else { return }
            var json = JSONBuilder(capacity: 96 * releases.count)
            json.object { json in
                for release in releases {
                    json.key(escaping: release.slug)
                    json.object { json in
                        json.field("release", release.title)
                        json.field("quantity", release.quantity)
                    }
                }
            }
            // The object's members without its braces, to be joined with the registration's others.
            quantities.append(Array(json.bytes.dropFirst().dropLast()), for: registration)
        }
        try database.forEachRow(
            """
            SELECT li.registration_id, li.release_id, li.quantity, r.slug, r.title FROM tito_line_items AS li
                JOIN tito_releases AS r ON r.id = li.release_id
            WHERE li.registration_id IN (SELECT g.id FROM tito_registrations AS g WHERE \(condition))
            ORDER BY li.registration_id, li.id
            """, arguments: arguments
        ) { cursor in
            let owner = cursor.integer(at: 0)
            if owner != registration {
                file()
                (registration, releases) = (owner, [])
            }
            let release = cursor.integer(at: 1)
            if let index = releases.firstIndex(where: { $0.id == release }) {
                releases[index].quantity += cursor.integer(at: 2)
            } else {
                releases.append((release, cursor.string(at: 3), cursor.string(at: 4), cursor.integer(at: 2)))
            }
        }
        file()
        return quantities
    }

    /// `{"registration": …}` (extended unless `?view=short`) of the registration `id`.
    static func single(id: Int64, status: Int = 200, _ request: ProviderRequest, _ scope: EventScope, in database: Database) throws
        -> HTTPResponse
    {
        var context = RenderContext(request, scope, view: request.singleView)
        try prepare(&context, registrations: "g.id = ?", [id], scope, in: database)
        return try view.single("registration", "SELECT \(select) FROM \(source) WHERE g.id = ?", [id], context: context, status: status, in: database)
    }
}
