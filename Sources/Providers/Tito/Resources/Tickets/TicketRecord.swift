import Emulation

/// A ticket as stored (spec §12.10); `name`, `assigned`, `responses` and the money fields are derived.
struct Ticket: ModeScopedRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var registrationID: Int64 = 0
    var releaseID: Int64 = 0
    var slug = ""
    var reference = ""
    /// Counts up from 1 in the event; the docs' example tickets have none.
    var number: Int64?
    var firstName: String?
    var lastName: String?
    var email: String?
    var phoneNumber: String?
    var companyName: String?
    var price: Int64 = 0
    var state = "complete"
    var testMode = false
    var discountCodeUsed: String?
    var tags: String?
    var metadata: JSONValue?
    /// As the client sent them.
    var upgradeIDs: JSONValue = []
    var consentedAt: Int64?
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    static let table = RecordTable(
        "tito_tickets", of: Ticket.self,
        constraints: [
            .references("event_id", "tito_events"), .references("registration_id", "tito_registrations"),
            .references("release_id", "tito_releases"), .unique(["slug"]),
        ],
        indexes: [
            // The default list's order, with what its filters read (state, release): the page's ids come
            // from the index alone.
            "event_id, test_mode, created_at, id, state, release_id", "event_id, created_at, id, state, release_id",
            "event_id, release_id, test_mode, state, price, discount_code_used", "registration_id, id", "event_id, number",
            "event_id, discount_code_used COLLATE NOCASE, test_mode",
        ])

    mutating func completeSeed() {
        if updatedAt == 0 { updatedAt = createdAt }
    }

    static let pathParameter = "ticket_slug"
    static let resource = "tickets"

    var isVoid: Bool { state == "void" }

    /// `first_name last_name`, trimmed; null when both are null (spec §13.2).
    static func name(first: String?, last: String?) -> String? {
        if first == nil && last == nil { return nil }
        return ((first ?? "") + " " + (last ?? "")).trimmingWhitespace()
    }

    /// The state a non-void ticket has after a change (spec §13.2): `new` without any holder
    /// details, `incomplete` when its release or a required question asks for more, else `complete`.
    static func state(
        firstName: String?, lastName: String?, email: String?, release: Release, answeredQuestions: Set<Int64>,
        in database: Database
    ) throws -> String {
        let blank = { (text: String?) in (text ?? "").isBlank }
        if blank(firstName) && blank(lastName) && blank(email) { return "new" }
        if release.requireEmail && blank(email) { return "incomplete" }
        if release.requireName && (blank(firstName) || blank(lastName)) { return "incomplete" }
        if !release.questionIDs.isEmpty {
            var filter = SQLFilter("required = 1")
            filter.add("id", in: release.questionIDs)
            let required = try database.fetchAll(Question.self, where: filter.clause, arguments: filter.arguments)
            if required.contains(where: { !answeredQuestions.contains($0.id) }) { return "incomplete" }
        }
        return "complete"
    }
}

/// How tickets render (spec §12.10): a top-level ticket embeds its registration and release,
/// an extended one lists its answers.
enum TicketView {
    static let computed = ["registration_slug", "release_slug", "release_title"]

    /// The positions of the columns the derived members read (a page writes them a hundred times).
    private static let column = (
        id: Ticket.table.position(ofColumn: "id")!, firstName: Ticket.table.position(ofColumn: "first_name")!,
        lastName: Ticket.table.position(ofColumn: "last_name")!, email: Ticket.table.position(ofColumn: "email")!)

    static let view = RecordView<RenderContext>(Ticket.table, computed: computed, [
        .constant("_type", "ticket"),
        .column("id"), .column("slug"), .column("company_name"), .column("email"), .column("metadata"), .column("first_name"),
        .column("last_name"),
        .derived("name") { row, _, json in ColumnText.writeName(row.cursor, first: column.firstName, last: column.lastName, to: &json) },
        .column("number"), .column("phone_number"), .money("price"), .column("reference"), .column("state"),
        .column("test_mode"), .column("registration_id"), .column("release_id"), .time("consented_at"),
        .column("discount_code_used"), .time("created_at"), .time("updated_at"),
        .derived("responses") { row, context, json in
            guard let members = context.responses?.objects(for: row.cursor.integer(at: column.id)) else { return json.null() }
            json.encodedObject(members: members)
        },
        .derived("assigned") { row, _, json in json.bool(!ColumnText.isBlank(row.cursor, column.email)) },
        .moneyString("price", as: "price_less_tax"), .moneyString("price", as: "total_paid"),
        .constant("total_tax_paid", "0.0"), .moneyString("price", as: "total_paid_less_tax"),
        .column("tags"), .column("upgrade_ids"), .column("registration_slug"), .column("release_slug"), .column("release_title"),
        .inline("registration", RegistrationView.view, alias: "tg", context: { $0.embedded ? nil : $0.registrationContext }),
        .embedded("release", by: "release_id", in: { $0.embedded ? nil : $0.releases }),
        .embeddedArray("answers", by: "id", in: { $0.embedded ? nil : $0.answers }).when { _, context in context.isExtended },
        .extendedMarker,
    ])

    /// The FROM clause of the view's rows: tickets (`t`) with their registration (`tg`, written
    /// inline) and the names of their release.
    static let source = """
        tito_tickets AS t LEFT JOIN tito_registrations AS tg ON tg.id = t.registration_id
            LEFT JOIN tito_releases AS tr ON tr.id = t.release_id
        """
    static let select = view.selectList(alias: "t", computed: ["tg.slug", "tr.slug", "tr.title"])
    /// The same for tickets embedded in their registration, which write no registration.
    static let embeddedSelect = view.selectList(alias: "t", computed: ["tg.slug", "tr.slug", "tr.title"], withInline: false)

    /// Fills what the tickets `ids` (a subquery) embed: the context their registrations are
    /// written in (short, embedded), the event's releases, and their answers (`responses`, and
    /// `answers` when extended).
    static func prepare(
        _ context: inout RenderContext, tickets ids: String, _ arguments: [any SQLiteBindable], _ scope: EventScope,
        in database: Database
    ) throws {
        let embedded = context.forEmbedded()
        context.releases = try ReleaseView.embedded(scope, context: context, in: database)
        var registration = embedded
        registration.releaseNames = try ReleaseNames(event: scope.event.id, in: database)
        context.registrationContext = registration
        let answers = try AnswerView.render(where: "an.ticket_id IN (\(ids))", arguments, scope, context: embedded, in: database)
        context.responses = answers.responses
        if context.isExtended { context.answers = answers.answers }
    }

    /// `{"ticket": …}` (extended unless `?view=short`) of the ticket `id`.
    static func single(id: Int64, status: Int = 200, _ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> HTTPResponse {
        var json = JSONBuilder(capacity: 8192)
        try json.object { json in
            json.key("ticket")
            try write(id: id, request, scope, in: database, to: &json)
        }
        return ResourceResponse.body(json.bytes, status: status)
    }

    /// Writes the ticket `id` (extended unless `?view=short`) as the value being built.
    static func write(id: Int64, _ request: ProviderRequest, _ scope: EventScope, in database: Database, to json: inout JSONBuilder) throws {
        var context = RenderContext(request, scope, view: request.singleView)
        try prepare(&context, tickets: "SELECT ?", [id], scope, in: database)
        guard try database.write(view, "SELECT \(select) FROM \(source) WHERE t.id = ?", arguments: [id], context: context, to: &json) == 1
        else { throw TitoError.notFound }
    }
}
