import Emulation
import Foundation
import TestSupport
import Testing

/// Tokens, ids and slugs of the seed (spec §14), named for what the tests use them for.
enum TitoSeed {
    static let liveToken = "tito-mock-live-token-ab1C"
    static let testToken = "tito-mock-test-token-tE5t"
    static let ultimateToken = "tito-mock-ultimate-token-UC24"
    static let limitedToken = "tito-mock-limited-token-n0RF"

    static let mainEvent = "/biscuit-box/2018"
}

/// The documented error bodies (spec §8).
enum TitoBodies {
    static let hint = "You can retrieve your API token at https://id.tito.io. Please see the API docs for further information."
    static let blankToken: JSONValue = ["message": "Unauthorized", "errors": ["api_token": ["is blank"]], "hint": .string(hint)]
    static let invalidToken: JSONValue = ["message": "Unauthorized", "errors": ["api_token": ["is invalid"]], "hint": .string(hint)]
    static let notFound: JSONValue = ["status": 404, "error": "Not Found"]
    static let badRequest: JSONValue = ["status": 400, "error": "Bad Request"]

    static func forbidden(_ detail: String) -> JSONValue {
        ["errors": ["status": 403, "title": "Forbidden", "detail": .string(detail)]]
    }

    static func errors(_ entries: KeyValuePairs<String, [String]>) -> JSONValue {
        ["errors": .object(JSONObject(entries.map { (key: $0.key, value: .array($0.value.map(JSONValue.string))) }))]
    }
}

extension TestServer {
    static let titoBase = "/tito/v3"

    /// A request to the Tito API (`path` relative to its base), with the live demo token unless told otherwise.
    func tito(
        _ method: String, _ path: String, token: String? = TitoSeed.liveToken, headers: [(String, String)] = [],
        json: JSONValue? = nil, body: String? = nil
    ) throws -> TestResponse {
        var headers = headers
        if let token { headers.append(("Authorization", "Token token=\(token)")) }
        headers.append(("Accept", "application/json"))
        return try request(method, Self.titoBase + path, headers: headers, json: json, body: body)
    }

}

extension TestResponse {
    /// The values of `field` of the objects in the array under `key`.
    func values(_ key: String, _ field: String) -> [JSONValue] {
        json[key]?.arrayValue?.compactMap { $0[field] } ?? []
    }

    func slugs(_ key: String) -> [String] { values(key, "slug").compactMap(\.stringValue) }

    func ids(_ key: String) -> [Int64] { values(key, "id").compactMap(\.intValue) }

    var meta: JSONValue { json["meta"] ?? .null }
}

extension JSONValue {
    /// The `id`s of the objects in the array under `key` (for bodies parsed once and read often).
    func ids(_ key: String) -> [Int64] { self[key]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? [] }

    var meta: JSONValue { self["meta"] ?? .null }
}

