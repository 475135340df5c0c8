import Emulation

/// The holder details and other settable fields of a ticket: what a T3/T4 body sets (spec
/// §11.15), and what an order gives each of its new tickets.
struct TicketHolder {
    var firstName: String?
    var lastName: String?
    var email: String?
    var companyName: String?
    var phoneNumber: String?
    var price: Int64 = 0
    var tags: String?
    var metadata: JSONValue?
    var upgradeIDs: JSONValue = []

    init() {}

    /// An unassigned ticket's: no holder details, at `price`.
    init(price: Int64) {
        self.price = price
    }

    init(_ ticket: Ticket) {
        firstName = ticket.firstName
        lastName = ticket.lastName
        email = ticket.email
        companyName = ticket.companyName
        phoneNumber = ticket.phoneNumber
        price = ticket.price
        tags = ticket.tags
        metadata = ticket.metadata
        upgradeIDs = ticket.upgradeIDs
    }

    /// Sets these fields of `ticket`.
    func write(to ticket: inout Ticket) {
        (ticket.firstName, ticket.lastName, ticket.email) = (firstName, lastName, email)
        (ticket.companyName, ticket.phoneNumber, ticket.price) = (companyName, phoneNumber, price)
        (ticket.tags, ticket.metadata, ticket.upgradeIDs) = (tags, metadata, upgradeIDs)
    }

    mutating func apply(_ input: Attributes, errors: inout ValidationErrors) {
        for (key, keyPath) in [
            ("first_name", \TicketHolder.firstName), ("last_name", \TicketHolder.lastName), ("email", \TicketHolder.email),
            ("company_name", \TicketHolder.companyName), ("phone_number", \TicketHolder.phoneNumber), ("tags", \TicketHolder.tags),
        ] {
            input.string(key).assign(to: &self[keyPath: keyPath], key: key, orAdd: ValidationErrors.invalid, to: &errors)
        }
        if let email, !email.isBlank, !email.contains("@") { errors.add("email", ValidationErrors.invalid) }
        switch input.cents("price") {
        case .value(let cents) where cents < 0: errors.add("price", ValidationErrors.negative)
        case .value(let cents): price = cents
        case .null: price = 0
        case .invalid: errors.add("price", ValidationErrors.notANumber)
        case .absent: break
        }
        input.jsonObject("metadata").assignIfReadable(to: &metadata)
        switch input.array("upgrade_ids") {
        case .value(let ids): upgradeIDs = .array(ids)
        case .null: upgradeIDs = []
        case .invalid: errors.add("upgrade_ids", ValidationErrors.invalid)
        case .absent: break
        }
    }
}
