import Emulation

/// Creates a registration with its tickets (spec §13.3), for R3 and T3: ids, slugs, references,
/// ticket numbers, receipt and line items, ticket states and answers.
struct OrderCreation {
    /// A ticket to create, with its holder details (all nil for an unassigned ticket).
    struct NewTicket {
        var release: ReleaseRecord
        var price: Int64
        var discountCodeUsed: String?
        var firstName: String?
        var lastName: String?
        var email: String?
        var companyName: String?
        var phoneNumber: String?
        var tags: String?
        var metadata: String?
        var upgradeIDs = "[]"
        var answers: [NewAnswer] = []
    }

    /// An answer to store with a ticket.
    struct NewAnswer {
        let questionID: Int64
        let primaryResponse: JSONValue
        let alternateResponse: String?
    }

    var name: String?
    var email: String?
    var companyName: String?
    var phoneNumber: String?
    var source: String?
    var discountCode: String?
    var metadata: String?
    var notify = false
    var lineItems: [(releaseID: Int64, quantity: Int64, price: Int64)] = []
    var tickets: [NewTicket] = []

    /// Refuses the order when a quantity-limited release has fewer tickets left than it asks for
    /// (counting the non-void tickets the token sees, spec §13.3 step 2).
    static func checkAvailability(_ requested: [(release: ReleaseRecord, quantity: Int64)], scope: EventScope, in database: Database) throws {
        var totals: [Int64: Int64] = [:]
        for item in requested { totals[item.release.id, default: 0] += item.quantity }
        var errors = ValidationErrors()
        for (releaseID, quantity) in totals {
            guard let release = requested.first(where: { $0.release.id == releaseID })?.release, let limit = release.quantity else {
                continue
            }
            var filter = SQLFilter()
            filter.add("t.release_id = ?", releaseID)
            filter.add("t.state != 'void'")
            scope.addVisibility(alias: "t", to: &filter)
            let sold = try database.count(from: "tito_tickets AS t", where: filter)
            if Int64(sold) + quantity > limit { errors.add("base", "\(release.title) is sold out") }
        }
        try errors.check()
    }

    /// Writes the registration and its tickets; returns their ids.
    func save(scope: EventScope, now: Int64, in database: Database) throws -> (registration: Int64, tickets: [Int64]) {
        let testMode = scope.newRecordsAreTest
        let registrationID = try Identifiers.next("registrations", in: database)
        let reference = try Identifiers.registrationReference(event: scope.event.id, in: database)
        let slugPrefix = testMode ? "reg_test_" : "reg_"
        var storedItems: [JSONValue] = []
        for item in lineItems {
            let id = try database.ids.integer("tito.line_items")
            storedItems.append(RegistrationRecord.LineItem(id: id, releaseID: item.releaseID, quantity: item.quantity, price: item.price).json)
        }
        let total = tickets.reduce(0) { $0 + $1.price }
        let receiptCount = try database.queryOne(
            "SELECT COUNT(*) AS n FROM tito_registrations WHERE event_id = ?", scope.event.id)?.int("n") ?? 0
        let registration = RegistrationRow(
            id: registrationID, eventID: scope.event.id, slug: slugPrefix + (try Identifiers.randomSlugBody(in: database)),
            reference: reference, name: name, email: email, phoneNumber: phoneNumber, companyName: companyName,
            state: "complete", registrationType: "manual", testMode: testMode, total: total, receiptPaid: total == 0,
            refunded: false, source: source, discountCode: discountCode, paymentReference: nil, paymentProvider: nil,
            metadata: metadata, billingAddress: nil, ipAddress: "127.0.0.1", locale: "en", consentedAt: nil,
            receiptID: try database.ids.integer("tito.receipts"), receiptNumber: Self.receiptNumber(receiptCount + 1),
            lineItems: JSONColumn.text(.array(storedItems)), createdAt: now, updatedAt: now, completedAt: now,
            expiresAt: now + 15 * 60 * 1000)
        try registration.insert(into: database)
        var number = Int64(try database.queryOne(
            "SELECT COALESCE(MAX(number), 0) AS n FROM tito_tickets WHERE event_id = ?", scope.event.id)?.int("n") ?? 0)
        var ticketIDs: [Int64] = []
        for (index, ticket) in tickets.enumerated() {
            number += 1
            let id = try Identifiers.next("tickets", in: database)
            let state = try TicketRecord.state(
                firstName: ticket.firstName, lastName: ticket.lastName, email: ticket.email, release: ticket.release,
                answeredQuestions: Set(ticket.answers.map(\.questionID)), in: database)
            try TicketRow(
                id: id, eventID: scope.event.id, registrationID: registrationID, releaseID: ticket.release.id,
                slug: "ti_" + (try Identifiers.randomSlugBody(in: database)), reference: "\(reference)-\(index + 1)",
                number: number, firstName: ticket.firstName, lastName: ticket.lastName, email: ticket.email,
                phoneNumber: ticket.phoneNumber, companyName: ticket.companyName, price: ticket.price, state: state,
                testMode: testMode, discountCodeUsed: ticket.discountCodeUsed, tags: ticket.tags, metadata: ticket.metadata,
                upgradeIDs: ticket.upgradeIDs, consentedAt: nil, createdAt: now, updatedAt: now
            ).insert(into: database)
            for answer in ticket.answers {
                try TicketAnswers.upsert(answer, ticket: id, event: scope.event.id, now: now, in: database)
            }
            ticketIDs.append(id)
        }
        return (registrationID, ticketIDs)
    }

    /// Receipt numbers count the event's registrations: `0000001`, `0000002`…
    static func receiptNumber(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }
}
