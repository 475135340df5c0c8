import Crypto
import Emulation
import Foundation
import TestSupport
import Testing

/// Ids and tokens of the seed (spec §2.5 and §9), named for what the tests use them for.
enum Seed {
    static let organiserA = "63a1b2c3d4e5f60718293a4b"
    static let organiserB = "63a1b2c3d4e5f60718293a4c"
    static let bulkOrganiser = "63a1b2c3d4e5f60718293a4d"

    static let tokenA =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJvcmdhbmlzZXJJZCI6IjYzYTFiMmMzZDRlNWY2MDcxODI5M2E0YiIsImlhdCI6MTcwMDAwMDAwMH0.arXwLQ8_I3jBeDQMXdtnptino3jZL1s3MPata-TZ5Yc"
    static let tokenB =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJvcmdhbmlzZXJJZCI6IjYzYTFiMmMzZDRlNWY2MDcxODI5M2E0YyIsImlhdCI6MTcwMDAwMDAwMH0.WWSnZrq3I48ANfZ_RjGboNFItqKEbaT1wY6AVe7trGE"
    static let expiredToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJvcmdhbmlzZXJJZCI6IjYzYTFiMmMzZDRlNWY2MDcxODI5M2E0YiIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoxNzAwMDAzNjAwfQ.ARuqOJGZyMfSbo0jdhaQ2KL-azcTGrxYAhAj9LXIdQs"
    static let wrongSecretToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJvcmdhbmlzZXJJZCI6IjYzYTFiMmMzZDRlNWY2MDcxODI5M2E0YiIsImlhdCI6MTcwMDAwMDAwMH0.-HfQbQxggDGClVCntWcSil5RcQbmMm6mzvShY4eT90o"
    static let revokedToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJvcmdhbmlzZXJJZCI6IjYzYTFiMmMzZDRlNWY2MDcxODI5M2E0YiIsImlhdCI6MTcwMDAwMDAwMSwianRpIjoicmV2b2tlZC1rZXktMSJ9.lUUaA1AqBlPy1orJrA262Q2w4_hM7pQl-9lxqD9ORos"
    static let noOrganiserToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3MDAwMDAwMDB9.HFwlGn999FLoUgxYCgccEvxk16PkcFfg-FVxGX0Nr0k"

    static let citySprint = "2365756"
    static let riverside = "11120888"
    static let funRun = "67123"
    static let ultra = "9100001"
    static let race10K = "3517846101"
    static let race5K = "3517846102"
    static let occurrence2026 = "6399c11c58f29f001ca95935"
    static let occurrence2025 = "1353673654"

    /// Organiser A's participants P1…P6 (spec §9.6).
    static let p1 = "6399c20015d60ae3ff28f24c"
    static let p2 = "6399c20015d60ae3ff28f260"
    static let p3 = "6399c20015d60ae3ff28f261"
    static let p4 = "6399c20015d60ae3ff28f262"
    static let p5 = "6399c20015d60ae3ff28f263"
    static let p6 = "6399c20015d60ae3ff28f264"
    static let orgBParticipant = "6650b0000000000000000b01"
    static let orgBApplication = "6650b0000000000000000a01"
    static let redactedApplication = "6399c20015d60ae3ff28f253"

    static let nationalCharity = "p_v7k8jsvoj2o"
    static let riversideHospice = "p_abcdiqh2oa4"
    static let heartResearch = "p_resrch00001"
    static let mountainRescue = "p_nthrntrst01"

    static let loremGroup = "re_abcd6ss01x8"
    static let charityGroup = "re_x-ga8ais3v4r"
    static let vipGroup = "re_vipgst00001"
    static let rescueGroup = "re_nthrn000001"

    static let ticket10K = "6399c11c58f29f001ca95934"
    static let ticketHalfCharity = "64b7f0a1c2d3e4f5a6b7c8db"
    static let ticketUltra = "6650b0000000000000000d01"
}

/// The bodies of spec §2.3 and §5.
enum Expected {
    static let noAuth: JSONValue = [
        "statusCode": 401, "code": "FST_JWT_NO_AUTHORIZATION_IN_HEADER", "error": "Unauthorized",
        "message": "No Authorization was found in request.headers",
    ]
    static let badFormat: JSONValue = [
        "statusCode": 400, "code": "FST_JWT_BAD_REQUEST", "error": "Bad Request", "message": "Format is Authorization: Bearer [token]",
    ]
    static let unsigned: JSONValue = [
        "statusCode": 401, "code": "FAST_JWT_MISSING_SIGNATURE", "error": "Unauthorized", "message": "Unsigned authorization token",
    ]
    static let expired: JSONValue = [
        "statusCode": 401, "code": "FST_JWT_AUTHORIZATION_TOKEN_EXPIRED", "error": "Unauthorized", "message": "Authorization token expired",
    ]
    static let untrusted: JSONValue = [
        "statusCode": 401, "code": "FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED", "error": "Unauthorized",
        "message": "Untrusted authorization token",
    ]
    static func invalid(_ reason: String) -> JSONValue {
        [
            "statusCode": 401, "code": "FST_JWT_AUTHORIZATION_TOKEN_INVALID", "error": "Unauthorized",
            "message": .string("Authorization token is invalid: \(reason)"),
        ]
    }
    static func validation(_ message: String) -> JSONValue {
        ["statusCode": 400, "code": "FST_ERR_VALIDATION", "error": "Bad Request", "message": .string(message)]
    }
    static func badRequest(_ message: String) -> JSONValue {
        ["statusCode": 400, "error": "Bad Request", "message": .string(message)]
    }
    static func notFound(_ resource: String) -> JSONValue {
        ["statusCode": 404, "error": "Not Found", "message": .string("\(resource) not found")]
    }
}

extension TestServer {
    static let ldtBase = "/letsdothis/v0"

    /// A request to the Let's Do This API (`path` relative to `/v0`), as organiser A unless told otherwise.
    func ldt(
        _ method: String, _ path: String, token: String? = Seed.tokenA, headers: [(String, String)] = [],
        json: JSONValue? = nil, body: String? = nil
    ) throws -> TestResponse {
        var headers = headers
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        return try request(method, Self.ldtBase + path, headers: headers, json: json, body: body)
    }

    /// The bulk organiser's ready-made token, as `/_understudy/credentials` lists it.
    func bulkToken() throws -> String {
        let tokens = try request("GET", "/_understudy/credentials").json["providers"]?["letsdothis"]?["tokens"]?.arrayValue ?? []
        let token = tokens.first { $0["organiserId"]?.stringValue == Seed.bulkOrganiser }?["token"]?.stringValue
        return try #require(token)
    }

    /// Mints a token through the control API.
    func mintToken(_ body: JSONValue) throws -> String {
        let response = try request("POST", "/_understudy/letsdothis/tokens", json: body)
        #expect(response.status == 200)
        return try #require(response.json["token"]?.stringValue)
    }


    /// Follows `next` from the first page to the end; every page's ids, in order.
    func walkForward(_ path: String, token: String, size: Int, limit: Int = 2_000) throws -> (ids: [String], pages: Int, total: Int?) {
        var ids: [String] = []
        var pages = 0
        var total: Int?
        var cursor: String?
        let separator = path.contains("?") ? "&" : "?"
        repeat {
            let target = path + separator + "page[size]=\(size)" + (cursor.map { "&page[after]=\($0)" } ?? "")
            let response = try ldt("GET", target, token: token)
            #expect(response.status == 200, "\(target)")
            guard response.status == 200 else { break }
            let listed = response.listPage
            ids += listed.ids
            total = listed.total
            cursor = listed.next
            pages += 1
        } while cursor != nil && pages < limit
        return (ids, pages, total)
    }

    /// Walks from the end to the start: the page before the final item `lastID`, then `prev`
    /// until it is null. Returns every id in list order (`lastID` included).
    func walkBackward(_ path: String, token: String, size: Int, from lastID: String, limit: Int = 2_000) throws -> [String] {
        var pages: [[String]] = [[lastID]]
        var cursor: String? = lastID
        let separator = path.contains("?") ? "&" : "?"
        var count = 0
        while let before = cursor, count < limit {
            let response = try ldt("GET", path + separator + "page[size]=\(size)&page[before]=\(before)", token: token)
            #expect(response.status == 200)
            guard response.status == 200 else { break }
            let listed = response.listPage
            pages.insert(listed.ids, at: 0)
            cursor = listed.prev
            count += 1
        }
        return pages.flatMap { $0 }
    }
}

extension TestResponse {
    /// A list page read with Foundation's (optimised) parser: long walks read thousands of pages.
    var listPage: (items: [[String: Any]], ids: [String], total: Int?, prev: String?, next: String?) {
        let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        let items = object["data"] as? [[String: Any]] ?? []
        let page = object["page"] as? [String: Any] ?? [:]
        return (items, items.compactMap { $0["id"] as? String }, page["totalResults"] as? Int, page["prev"] as? String,
                page["next"] as? String)
    }

    /// The ids of `data`, in order.
    var ids: [String] { json["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [] }
    var page: JSONValue? { json["page"] }
}

/// A `page` object.
func page(total: Int, first: String?, last: String?, prev: String?, next: String?) -> JSONValue {
    ["totalResults": .int(total), "first": .string(first), "last": .string(last), "prev": .string(prev), "next": .string(next)]
}

/// Signs test tokens independently of the provider's code (same algorithm, own encoding).
enum JWTTestSigner {
    static func sign(payload: String, secret: String, header: String = #"{"alg":"HS256","typ":"JWT"}"#) -> String {
        let signingInput = base64URL(Data(header.utf8)) + "." + base64URL(Data(payload.utf8))
        let code = HMAC<SHA256>.authenticationCode(for: Data(signingInput.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return signingInput + "." + base64URL(Data(code))
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
