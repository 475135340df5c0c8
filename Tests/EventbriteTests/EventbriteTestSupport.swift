import Emulation
import Foundation
import TestSupport
import Testing

/// Tokens and ids of the seed (spec §11), named for what the tests use them for.
enum Seed {
    static let token = "PERSONAL_OAUTH_TOKEN"
    static let otherUserToken = "OTHER_USER_TOKEN"
    static let disabledToken = "DISABLED_TOKEN"
    static let serviceToken = "SOA_TOKEN"

    static let userID = "12345"
    static let otherUserID = "226753143335"
    static let organization = "12345"
    static let otherOrganization = "254753143342"
    static let bulkOrganization = "555000000001"
    /// Jane's listed, live event: public to every user.
    static let publicEvent = "3564383166"
    static let janesDraft = "3564383168"
    static let janesUnlisted = "3564383169"
    static let draftToPublish = "99101"
    static let liveWithoutOrders = "99102"
    static let unpaidOrganizationDraft = "99103"
    static let seriesWithoutDates = "99104"
}

/// The error bodies of spec §3.2 and §6.2, exactly.
enum Bodies {
    static func error(_ status: Int, _ code: String, _ description: String) -> JSONValue {
        ["status_code": .int(status), "error_description": .string(description), "error": .string(code)]
    }

    static let noAuth = error(401, "NO_AUTH", "An OAuth token is required for all requests")
    static let invalidAuthHeader = error(400, "INVALID_AUTH_HEADER", "Authorization header format invalid")
    static let invalidAuth = error(401, "INVALID_AUTH", "The OAuth token you provided was invalid.")
    static let accessDenied = error(401, "ACCESS_DENIED", "Authentication unsuccessful.")
    static let notAuthorized = error(403, "NOT_AUTHORIZED", "You do not have permission to access the resource you requested.")
    static let pathNotFound = error(404, "NOT_FOUND", "The path you requested does not exist.")
    static let methodNotAllowed = error(405, "METHOD_NOT_ALLOWED", "Method is not allowed for this endpoint.")
    static let badPage = error(400, "BAD_PAGE", "Page number does not exist or is an invalid format (e.g. negative).")
    static let badContinuation = error(400, "BAD_CONTINUATION_TOKEN", "Invalid continuation token passed.")
    static let invalidBody = error(400, "INVALID_BODY", "A request body that was not in JSON format was passed.")
    static let permanentlyMoved = error(301, "PERMANENTLY_MOVED", "Resource must be retrieved from a different URL.")

    static func notFound(_ thing: String) -> JSONValue {
        error(404, "NOT_FOUND", "The \(thing) you requested does not exist.")
    }

    /// `400 ARGUMENTS_ERROR` with one code per field, in order.
    static func arguments(_ fields: KeyValuePairs<String, String>) -> JSONValue {
        let description = "There are errors with your arguments: " + fields.map { "\($0.key) - \($0.value)" }.joined(separator: ", ")
        let detail = JSONObject(fields.map { (key: $0.key, value: .array([.string($0.value)])) })
        return [
            "status_code": 400, "error_detail": ["ARGUMENTS_ERROR": .object(detail)],
            "error_description": .string(description), "error": "ARGUMENTS_ERROR",
        ]
    }
}

extension TestServer {
    static let eventbriteBase = "/eventbrite/v3"

    /// A request to the API (`path` relative to `/v3`), with the demo token unless told otherwise.
    func eventbrite(
        _ method: String, _ path: String, token: String? = Seed.token, headers: [(String, String)] = [],
        json: JSONValue? = nil, body: String? = nil
    ) throws -> TestResponse {
        var headers = headers
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        return try request(method, Self.eventbriteBase + path, headers: headers, json: json, body: body)
    }

    /// Every page of a list, followed by its continuation tokens; fails past `limit` pages.
    func walkContinuations(_ path: String, key: String, limit: Int = 50) throws -> (items: [JSONValue], pages: Int) {
        var items: [JSONValue] = []
        var pages = 0
        var target = path
        while pages < limit {
            let response = try eventbrite("GET", target)
            #expect(response.status == 200, "\(target) → \(response.status) \(response.text.prefix(200))")
            guard response.status == 200 else { break }
            pages += 1
            items += response.json[key]?.arrayValue ?? []
            guard let continuation = response.json["pagination"]?["continuation"]?.stringValue else { break }
            #expect(response.json["pagination"]?["has_more_items"] == true)
            target = path + (path.contains("?") ? "&" : "?") + "continuation=" + continuation
        }
        return (items, pages)
    }

    /// An event created through the API in the demo organization, in the future; returns its id.
    func createEvent(_ fields: JSONValue = [:], organization: String = Seed.organization) throws -> String {
        var event = Self.newEvent.objectValue!
        for (key, value) in fields.objectValue ?? JSONObject() { event[key] = value }
        let response = try eventbrite("POST", "/organizations/\(organization)/events/", json: ["event": .object(event)])
        #expect(response.status == 200, "create → \(response.status) \(response.text.prefix(300))")
        return response.json["id"]?.stringValue ?? ""
    }
}

extension TestServer {
    /// The required fields of an event create, far in the future.
    static let newEvent: JSONValue = [
        "name": ["html": "Created Event"],
        "start": ["timezone": "America/Los_Angeles", "utc": "2032-01-01T18:00:00Z"],
        "end": ["timezone": "America/Los_Angeles", "utc": "2032-01-01T20:00:00Z"],
        "currency": "USD",
    ]
}

extension TestResponse {
    /// The `id`s of the objects in the array under `key`.
    func ids(_ key: String) -> [String] {
        json[key]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
    }

    var pagination: JSONValue { json["pagination"] ?? .null }
}
