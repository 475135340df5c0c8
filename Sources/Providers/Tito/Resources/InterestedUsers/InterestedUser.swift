import Emulation

/// Someone who asked to hear about an event (spec §12.7). The same e-mail may appear twice.
struct InterestedUserRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var name: String?
    /// Nil only while a create has not been sent one.
    var email: String?
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    init() {}

    init(row: Row) {
        self.init(identityOf: row)
        name = row.string("name")
        email = row.string("email")
    }

    /// Applies the attributes sent (I3, I4); `email` is trimmed and must look like an address.
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors, in database: Database) throws {
        switch attributes.string("name") {
        case .absent: break
        case .value(let text): name = text
        default: name = nil
        }
        switch attributes.string("email") {
        case .absent: break
        case .value(let text) where !text.isBlank:
            let trimmed = text.trimmingWhitespace()
            if EmailAddress.isPlausible(trimmed) { email = trimmed } else { errors.add("email", ValidationErrors.invalid) }
        default: errors.add("email", ValidationErrors.blank)
        }
    }

    func insert(into database: Database) throws {
        try database.run(
            "INSERT INTO tito_interested_users (id, event_id, name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            id, eventID, name, email ?? "", createdAt, updatedAt)
    }

    func update(in database: Database) throws {
        try database.run(
            "UPDATE tito_interested_users SET name = ?, email = ?, updated_at = ? WHERE id = ?", name, email ?? "", updatedAt, id)
    }

    /// The seed's key order (spec §12.7).
    func json(view: View) -> JSONValue {
        let object: JSONValue = [
            "_type": "interested_user", "id": .int(id), "name": .string(name), "email": .string(email),
            "created_at": .string(TitoFormats.timestamp(milliseconds: createdAt)),
            "updated_at": .string(TitoFormats.timestamp(milliseconds: updatedAt)),
        ]
        return object.marked(view)
    }
}

extension InterestedUserRecord: EventScopedRecord {
    static let table = "tito_interested_users"
    static let wrapper = "interested_user"

    /// `{interested_user_id}`: ids only, these records have no slug.
    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> InterestedUserRecord {
        InterestedUserRecord(row: try row(id: request.parameter("interested_user_id"), scope, in: database))
    }
}
