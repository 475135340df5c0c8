import Emulation

/// Creates a registration with its tickets (spec §13.3), for R3 and T3: ids, slugs, references,
/// ticket numbers, receipt and line items, ticket states and answers.
struct OrderCreation {
    /// A ticket to create: its price and holder details (none for an unassigned ticket).
    struct NewTicket {
        var release: Release
        var holder: TicketHolder
        var discountCodeUsed: String?
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
    var metadata: JSONValue?
    var lineItems: [(releaseID: Int64, quantity: Int64, price: Int64)] = []
    var tickets: [NewTicket] = []

    /// Refuses the order when a quantity-limited release has fewer tickets left than it asks for
    /// (counting the non-void tickets the token sees, spec §13.3 step 2, from the kept counts),
    /// each release once, in the order the request first names it.
    static func checkAvailability(_ requested: [(release: Release, quantity: Int64)], scope: EventScope, in database: Database) throws {
        var releases: [Release] = []
        var totals: [Int64: Int64] = [:]
        for item in requested {
            if totals[item.release.id] == nil { releases.append(item.release) }
            totals[item.release.id, default: 0] += item.quantity
        }
        var errors = ValidationErrors()
        for release in releases {
            guard let limit = release.quantity else { continue }
            var filter = scope.countsFilter(TicketCounts.byRelease)
            filter.add("release_id = ?", release.id)
            let sold = try TicketCounts.byRelease.sums(where: filter, in: database)["tickets"] ?? 0
            if Int64(sold) + totals[release.id, default: 0] > limit { errors.add("base", "\(release.title) is sold out") }
        }
        try errors.check()
    }

    /// Writes the registration, its line items and its tickets; returns their ids.
    func save(scope: EventScope, now: Int64, in database: Database) throws -> (registration: Int64, tickets: [Int64]) {
        let testMode = scope.newRecordsAreTest
        let reference = try Identifiers.registrationReference(event: scope.event.id, in: database)
        // The event's registrations of both modes, from the kept counts rather than a count of its rows.
        let receiptCount = try Registration.counts.sums(where: SQLFilter("event_id = ?", scope.event.id), in: database)["registrations"] ?? 0
        var registration = Registration()
        registration.id = try Identifiers.next("registrations", in: database)
        registration.eventID = scope.event.id
        registration.slug = (testMode ? "reg_test_" : "reg_") + (try Identifiers.randomSlugBody(in: database))
        registration.reference = reference
        (registration.name, registration.email, registration.phoneNumber, registration.companyName) = (name, email, phoneNumber, companyName)
        registration.testMode = testMode
        registration.total = tickets.reduce(0) { $0 + $1.holder.price }
        registration.receiptPaid = registration.total == 0
        (registration.source, registration.discountCode, registration.metadata) = (source, discountCode, metadata)
        registration.ipAddress = "127.0.0.1"
        (registration.createdAt, registration.updatedAt, registration.completedAt) = (now, now, now)
        registration.expiresAt = now + 15 * 60 * 1000
        var lines: [LineItem] = []
        for item in lineItems {
            lines.append(
                LineItem(
                    id: try Identifiers.next("line_items", in: database), eventID: scope.event.id, registrationID: registration.id,
                    releaseID: item.releaseID, quantity: item.quantity, price: item.price))
        }
        registration.receiptID = try database.ids.integer("tito.receipts")
        registration.receiptNumber = Self.receiptNumber(receiptCount + 1)
        registration.count(lines)
        try database.insert(registration)
        for line in lines { try database.insert(line) }
        var number = Int64(try database.queryOne(
            "SELECT COALESCE(MAX(number), 0) AS n FROM tito_tickets WHERE event_id = ?", scope.event.id)?.int("n") ?? 0)
        var ticketIDs: [Int64] = []
        for (index, new) in tickets.enumerated() {
            number += 1
            var ticket = Ticket()
            ticket.id = try Identifiers.next("tickets", in: database)
            ticket.state = try Ticket.state(
                firstName: new.holder.firstName, lastName: new.holder.lastName, email: new.holder.email, release: new.release,
                answeredQuestions: Set(new.answers.map(\.questionID)), in: database)
            (ticket.eventID, ticket.registrationID, ticket.releaseID) = (scope.event.id, registration.id, new.release.id)
            ticket.slug = "ti_" + (try Identifiers.randomSlugBody(in: database))
            ticket.reference = "\(reference)-\(index + 1)"
            ticket.number = number
            new.holder.write(to: &ticket)
            (ticket.testMode, ticket.discountCodeUsed, ticket.createdAt, ticket.updatedAt) = (testMode, new.discountCodeUsed, now, now)
            try database.insert(ticket)
            for answer in new.answers {
                try TicketAnswers.upsert(answer, ticket: ticket.id, event: scope.event.id, now: now, in: database)
            }
            ticketIDs.append(ticket.id)
        }
        return (registration.id, ticketIDs)
    }

    /// Receipt numbers count the event's registrations: `0000001`, `0000002`…
    static func receiptNumber(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }
}
