import Emulation
import Foundation
import TestSupport
import Testing

/// Paths and helpers for the tests of the event sub-resources (activities, questions, check-in
/// lists, discount codes, interested users, opt-ins, RSVP lists, webhook endpoints).
enum Subresource {
    /// The main example event, `biscuit-box/2018`.
    static let event = TitoSeed.mainEvent
    /// Another event of the same account, for "belongs to another event" cases.
    static let otherEvent = "/biscuit-box/caramel"
    /// The clock the tests freeze at, so timestamps the server writes are known.
    static let now = "2025-06-01T12:00:00Z"
    static let nowText = "2025-06-01T12:00:00.000+00:00"
}

extension TestServer {
    /// A request to `path` under the main event.
    func event(
        _ method: String, _ path: String, token: String? = TitoSeed.liveToken, json: JSONValue? = nil, body: String? = nil
    ) throws -> TestResponse {
        try tito(method, Subresource.event + path, token: token, json: json, body: body)
    }

    /// Runs SQL against the world's database, for state no endpoint of these groups can set up.
    func execute(_ sql: String) throws {
        try world.database.write { try $0.execute(sql) }
    }

    func count(_ sql: String) throws -> Int {
        try world.database.read { try $0.query(sql).first?.int("n") ?? -1 }
    }
}

extension TestResponse {
    /// A `"view": "extended"` single-record answer under `key`, its status and route checked.
    func expectRecord(_ key: String, status: Int = 200, route: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(self.status == status, sourceLocation: sourceLocation)
        #expect(header("Content-Type") == "application/json; charset=utf-8", sourceLocation: sourceLocation)
        #expect(header("X-Understudy-Route") == route, sourceLocation: sourceLocation)
        #expect(keys(json) == [key], sourceLocation: sourceLocation)
        #expect(json[key]?["view"] == "extended", sourceLocation: sourceLocation)
    }

    /// A 204 with no body.
    func expectDeleted(route: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(status == 204, sourceLocation: sourceLocation)
        #expect(body.isEmpty, sourceLocation: sourceLocation)
        #expect(header("X-Understudy-Route") == route, sourceLocation: sourceLocation)
    }

    /// The Rails 404 body.
    func expectNotFound(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(status == 404, sourceLocation: sourceLocation)
        #expect(json == TitoBodies.notFound, sourceLocation: sourceLocation)
    }

    /// A 422 with exactly these errors.
    func expectErrors(_ entries: KeyValuePairs<String, [String]>, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(status == 422, sourceLocation: sourceLocation)
        #expect(json == TitoBodies.errors(entries), sourceLocation: sourceLocation)
    }

    /// The pagination keys of `meta`, as a JSON object for comparison.
    func pagination(sourceLocation: SourceLocation = #_sourceLocation) -> JSONValue {
        var object = JSONObject()
        for key in ["current_page", "next_page", "prev_page", "total_pages", "total_count", "per_page", "overall_total"] {
            object[key] = meta[key]
        }
        return .object(object)
    }
}

/// Kaminari's pagination keys for a page (spec §5).
func pageMeta(page: Int64 = 1, next: Int64? = nil, prev: Int64? = nil, pages: Int64, count: Int64, per: Int64 = 100,
              overall: Int64) -> JSONValue {
    [
        "current_page": .int(page), "next_page": next.map(JSONValue.int) ?? .null, "prev_page": prev.map(JSONValue.int) ?? .null,
        "total_pages": .int(pages), "total_count": .int(count), "per_page": .int(per), "overall_total": .int(overall),
    ]
}

/// The empty `filter_options` most lists show.
let emptyFilterOptions: JSONValue = [
    "sections": ["states": ["label": "Status", "open": false]], "collection": false, "states": [],
]

/// Whether `text` is `prefix` followed by a random slug body: `d` and 22 base62 characters.
func isRandomSlug(_ text: String?, prefix: String) -> Bool {
    guard let text, text.hasPrefix(prefix) else { return false }
    let body = text.dropFirst(prefix.count)
    return body.count == 23 && body.first == "d" && body.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
}
