import Emulation

/// A `POST /tickets/create` body that passed every check needing no stored data: spec §5.4
/// steps 1 to 5, in that order, the first failure answering.
struct TicketOrder {
    struct Item {
        /// The ticket type id, lower-cased for lookups.
        let ticketID: String
        /// The id as the client wrote it, for messages.
        let requestedID: String
        let quantity: Int64
    }

    struct NewParticipant {
        let firstName: String
        let lastName: String
        let email: String
        let phone: String?
        let address: String?
    }

    enum Participant {
        /// Anonymous tickets (no `participant`).
        case none
        /// `{"participantId": …}`: one of the caller's participants.
        case existing(id: String)
        /// `{"first_name", "last_name", "email", "phone"?, "address"?}`: created with the tickets.
        case new(NewParticipant)
    }

    let eventID: String
    let items: [Item]
    let participant: Participant

    init(body: JSONValue) throws {
        guard let fields = body.objectValue else { throw GoEventError.badRequest("Request body must be a JSON object") }
        eventID = try Event.requiredID(fields["eventId"])
        items = try Self.items(fields["tickets"])
        participant = try Self.participant(fields["participant"])
    }

    /// The body as the live service's Express JSON parser hands it over: parsed only when the
    /// request says `Content-Type: application/json` (with any parameters; `express.json()` does
    /// not take `+json` types), `{}` otherwise or when empty.
    static func body(of request: ProviderRequest) throws -> JSONValue {
        guard request.http.mediaType == "application/json", let body = try request.http.jsonBody() else {
            return .object(JSONObject())
        }
        // The parser's strict mode refuses a bare string, number, boolean or null as malformed.
        guard body.objectValue != nil || body.arrayValue != nil else { throw GoEventError.invalidJSONBody }
        return body
    }

    private static func items(_ value: JSONValue?) throws -> [Item] {
        guard let elements = value?.arrayValue, !elements.isEmpty else {
            throw GoEventError.badRequest("tickets must be a non-empty array")
        }
        return try elements.enumerated().map { index, element in
            guard let item = element.objectValue else { throw GoEventError.badRequest("tickets[\(index)] must be an object") }
            let ticketID = item["ticket_id"]
            guard JavaScriptSemantics.isTruthy(ticketID), let ticketID else {
                throw GoEventError.badRequest("tickets[\(index)].ticket_id is required")
            }
            guard let requestedID = ticketID.stringValue, let id = ObjectID.normalized(requestedID) else {
                throw GoEventError.badRequest("Invalid ticket_id: \(JavaScriptSemantics.text(ticketID))")
            }
            guard let quantity = positiveInteger(item["quantity"]) else {
                throw GoEventError.badRequest("tickets[\(index)].quantity must be a positive integer")
            }
            return Item(ticketID: id, requestedID: requestedID, quantity: quantity)
        }
    }

    /// A JSON number with an integral value of at least 1 (`2` or `2.0`). Huge values saturate:
    /// they only ever meet the stock check, which refuses them.
    private static func positiveInteger(_ value: JSONValue?) -> Int64? {
        switch value {
        case .int(let number)? where number >= 1:
            return number
        case .double(let number)? where number >= 1 && number.rounded() == number:
            return number < 9.0e18 ? Int64(number) : Int64.max
        default:
            return nil
        }
    }

    private static func participant(_ value: JSONValue?) throws -> Participant {
        // `if (participant)`: null, false, 0 and "" mean no participant, like an absent key.
        guard JavaScriptSemantics.isTruthy(value), let value else { return .none }
        guard let fields = value.objectValue else { throw GoEventError.badRequest("participant must be an object") }
        if JavaScriptSemantics.isTruthy(fields["participantId"]) {
            // participantId wins: the name fields beside it are ignored.
            guard let id = fields["participantId"]?.stringValue.flatMap(ObjectID.normalized) else {
                throw GoEventError.badRequest("Invalid participantId")
            }
            return .existing(id: id)
        }
        // Numbers and booleans are kept as text, as Mongoose's String cast does; an object or
        // array in a required field counts as missing, and in an optional one as absent.
        let required = ["first_name", "last_name", "email"].map { key in
            JavaScriptSemantics.isTruthy(fields[key]) ? JavaScriptSemantics.stringCast(fields[key]) : nil
        }
        guard let firstName = required[0], let lastName = required[1], let email = required[2] else {
            throw GoEventError.badRequest("first_name, last_name and email are required")
        }
        guard isEmail(email) else { throw GoEventError.badRequest("Invalid email") }
        return .new(
            NewParticipant(
                firstName: firstName, lastName: lastName, email: email,
                phone: JavaScriptSemantics.stringCast(fields["phone"]),
                address: JavaScriptSemantics.stringCast(fields["address"])))
    }

    /// `/^[^\s@]+@[^\s@]+\.[^\s@]+$/`: no whitespace, exactly one `@` with text before it, and
    /// after it a dot that is neither the domain's first nor its last character.
    static func isEmail(_ text: String) -> Bool {
        guard !text.unicodeScalars.contains(where: JavaScriptSemantics.isWhitespace) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        return parts[1].dropFirst().dropLast().contains(".")
    }
}
