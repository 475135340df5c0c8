import Emulation

/// The holder details and other settable fields of a T3/T4 ticket body (spec §11.15).
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
