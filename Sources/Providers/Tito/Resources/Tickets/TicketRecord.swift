import Emulation

/// A ticket as stored (spec §12.10); `name`, `assigned`, `responses` and the money fields are derived.
struct TicketRecord {
    let id: Int64
    let eventID: Int64
    let registrationID: Int64
    let releaseID: Int64
    let slug: String
    let reference: String
    let number: Int64?
    let firstName: String?
    let lastName: String?
    let email: String?
    let phoneNumber: String?
    let companyName: String?
    let price: Int64
    let state: String
    let testMode: Bool
    let discountCodeUsed: String?
    let tags: String?
    let metadata: String?
    let upgradeIDs: String
    let consentedAt: Int64?
    let createdAt: Int64
    let updatedAt: Int64

    init(row: Row) {
        id = Int64(row.int("id") ?? 0)
        eventID = Int64(row.int("event_id") ?? 0)
        registrationID = Int64(row.int("registration_id") ?? 0)
        releaseID = Int64(row.int("release_id") ?? 0)
        slug = row.string("slug") ?? ""
        reference = row.string("reference") ?? ""
        number = row.int("number").map(Int64.init)
        firstName = row.string("first_name")
        lastName = row.string("last_name")
        email = row.string("email")
        phoneNumber = row.string("phone_number")
        companyName = row.string("company_name")
        price = Int64(row.int("price") ?? 0)
        state = row.string("state") ?? "new"
        testMode = row.bool("test_mode") ?? false
        discountCodeUsed = row.string("discount_code_used")
        tags = row.string("tags")
        metadata = row.string("metadata")
        upgradeIDs = row.string("upgrade_ids") ?? "[]"
        consentedAt = row.int("consented_at").map(Int64.init)
        createdAt = Int64(row.int("created_at") ?? 0)
        updatedAt = Int64(row.int("updated_at") ?? 0)
    }

    /// `first_name last_name`, trimmed; null when both are null (spec §13.2).
    var name: String? { Self.name(first: firstName, last: lastName) }

    static func name(first: String?, last: String?) -> String? {
        if first == nil && last == nil { return nil }
        return ((first ?? "") + " " + (last ?? "")).trimmingWhitespace()
    }

    var assigned: Bool { !(email ?? "").isBlank }

    var isVoid: Bool { state == "void" }

    /// The ticket of the scope's event by slug or id, if the token's mode sees it.
    static func find(_ slugOrID: String, scope: EventScope, in database: Database) throws -> TicketRecord? {
        guard let row = try SlugOrID.row(
            slugOrID, select: "SELECT * FROM tito_tickets", parent: "event_id", scope.event.id, in: database)
        else { return nil }
        let ticket = TicketRecord(row: row)
        return scope.isVisible(testMode: ticket.testMode) ? ticket : nil
    }

    static func all(ofRegistrations ids: [Int64], in database: Database) throws -> [Int64: [TicketRecord]] {
        guard !ids.isEmpty else { return [:] }
        var filter = SQLFilter()
        filter.add("registration_id", in: ids)
        var tickets: [Int64: [TicketRecord]] = [:]
        for row in try database.query("SELECT * FROM tito_tickets WHERE \(filter.clause) ORDER BY id", arguments: filter.arguments) {
            let ticket = TicketRecord(row: row)
            tickets[ticket.registrationID, default: []].append(ticket)
        }
        return tickets
    }

    /// The state a non-void ticket has after a change (spec §13.2): `new` without any holder
    /// details, `incomplete` when its release or a required question asks for more, else `complete`.
    static func state(
        firstName: String?, lastName: String?, email: String?, release: ReleaseRecord, answeredQuestions: Set<Int64>,
        in database: Database
    ) throws -> String {
        let blank = { (text: String?) in (text ?? "").isBlank }
        if blank(firstName) && blank(lastName) && blank(email) { return "new" }
        if release.requireEmail && blank(email) { return "incomplete" }
        if release.requireName && (blank(firstName) || blank(lastName)) { return "incomplete" }
        if !release.questionIDs.isEmpty {
            var filter = SQLFilter()
            filter.add("id", in: release.questionIDs)
            let required = try database.query("SELECT id FROM tito_questions WHERE required = 1 AND \(filter.clause)", arguments: filter.arguments)
            if required.contains(where: { !answeredQuestions.contains(Int64($0.int("id") ?? 0)) }) { return "incomplete" }
        }
        return "complete"
    }
}
