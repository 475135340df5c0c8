import Emulation
import Foundation
import TestSupport
import Testing

/// Ids and tokens of the seed (spec §9), named for what the tests use them for.
enum Seed {
    static let token = "goevent-test-token"
    static let otherToken = "goevent-other-token"
    static let organiserID = "6560a0000000000000000001"
    static let otherOrganiserID = "6560a0000000000000000002"

    static let jazzEventID = "507f1f77bcf86cd799439011"
    static let festivalEventID = "67212707e47ff56741acb3a6"
    static let galaEventID = "643e7b194937913299554a7d"
    static let workshopEventID = "6650000000000000000000a1"
    static let privateEventID = "6660b00000000000000000b1"

    static let jazzVIPTicketID = "507f1f77bcf86cd799439a01"
    static let jazzStandardTicketID = "507f1f77bcf86cd799439a02"
    static let festivalDayPassTicketID = "67212707e47ff56741acb3b1"
    static let festivalTwoDayPassTicketID = "67212707e47ff56741acb3b2"
    static let festivalBackstageTicketID = "67212707e47ff56741acb3b3"
    static let galaVIPTicketID = "65fff7aada40be007f09ee95"
    static let galaStandardTicketID = "65fff7aada40be007f09ee96"

    static let johnDoeID = "697f54811fc6cd47e04c39c3"
    static let janeSmithID = "697f54811fc6cd47e04c39c4"
    static let claireMartinID = "697f54811fc6cd47e04c39c5"
    static let lucDurandID = "6660b00000000000000000c1"

    /// "Soirée Test NN" (k = 1…19): event id and name.
    static func soireeID(_ k: Int) -> String { "6650000000000000000000" + String(format: "%02x", k) }
    static func soireeName(_ k: Int) -> String { "Soirée Test " + String(format: "%02d", k) }

    /// The organiser's 23 events in creation order (spec §9.2).
    static let organiserEventIDs = [jazzEventID, festivalEventID, galaEventID, workshopEventID] + (1...19).map(soireeID)

    static let johnDoe: JSONValue = [
        "id": "697f54811fc6cd47e04c39c3", "last_name": "Doe", "first_name": "John", "email": "john.doe@example.com",
        "phone": "+1234567890", "address": nil, "confirmed": true, "created": "2024-01-15T10:30:00.000Z",
    ]
    static let janeSmith: JSONValue = [
        "id": "697f54811fc6cd47e04c39c4", "last_name": "Smith", "first_name": "Jane", "email": "jane.smith@example.com",
        "phone": "+1234567891", "address": "123 Main St", "confirmed": true, "created": "2024-01-16T14:20:00.000Z",
    ]
    static let claireMartin: JSONValue = [
        "id": "697f54811fc6cd47e04c39c5", "last_name": "Martin", "first_name": "Claire",
        "email": "claire.martin@example.com", "phone": "+33612345678", "address": "12 rue de Rivoli, 75001 Paris",
        "confirmed": false, "created": "2024-05-20T09:00:00.000Z",
    ]
    static let lucDurand: JSONValue = [
        "id": "6660b00000000000000000c1", "last_name": "Durand", "first_name": "Luc", "email": "luc.durand@example.com",
        "phone": nil, "address": nil, "confirmed": true, "created": "2025-04-02T08:00:00.000Z",
    ]
}

/// The JSON error body of GoEvent's dialect.
func goEventError(_ message: String) -> JSONValue {
    ["success": false, "message": .string(message)]
}

extension TestServer {
    /// Where a client of Understudy finds GoEvent's base URL.
    static let goEventBase = "/goevent/developers/v1.0"

    /// A request to the GoEvent API (`path` relative to its base), with the demo token unless told otherwise.
    func goEvent(
        _ method: String, _ path: String, token: String? = Seed.token, headers: [(String, String)] = [],
        json: JSONValue? = nil, body: String? = nil
    ) throws -> TestResponse {
        var headers = headers
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        return try request(method, Self.goEventBase + path, headers: headers, json: json, body: body)
    }

    /// `POST /tickets/create` with a JSON body, as the demo organiser.
    func createTickets(_ body: JSONValue, token: String = Seed.token) throws -> TestResponse {
        try goEvent("POST", "/tickets/create", token: token, json: body)
    }

    /// The ticket types of an event, as `GET /tickets` lists them.
    func ticketTypes(ofEvent eventID: String, token: String = Seed.token) throws -> [JSONValue] {
        try goEvent("GET", "/tickets?eventId=\(eventID)", token: token).json["tickets"]?.arrayValue ?? []
    }

    /// The remaining stock of one ticket type.
    func quantity(ofTicket ticketID: String, event eventID: String) throws -> Int64? {
        try ticketTypes(ofEvent: eventID).first { $0["id"]?.stringValue == ticketID }?["quantity"]?.intValue
    }

    /// The ids of an event's participants, in list order (all of them: limit 100 is enough here).
    func participantIDs(ofEvent eventID: String, token: String = Seed.token) throws -> [String] {
        let response = try goEvent("GET", "/participants?eventId=\(eventID)&limit=100", token: token)
        return response.json["participants"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
    }

}

extension TestResponse {
    /// The ids of the objects in the array under `key`.
    func ids(_ key: String) -> [String] {
        json[key]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
    }
}

/// `https://goeventcloud2.s3.amazonaws.com/ticket-<24 hex>.pdf?signature=<40 hex>` (spec §5.4).
func isIssuedTicketURL(_ url: String?) -> Bool {
    guard let url, let pattern = try? Regex(#"https://goeventcloud2\.s3\.amazonaws\.com/ticket-[0-9a-f]{24}\.pdf\?signature=[0-9a-f]{40}"#)
    else { return false }
    return url.wholeMatch(of: pattern) != nil
}
