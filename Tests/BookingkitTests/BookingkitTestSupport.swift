import Crypto
import Emulation
import Foundation
import TestSupport
import Testing

/// The seed's clients, tokens and ids (spec §8), named for what the tests use them for.
enum BK {
    /// The ready token of a seeded client (`clients.json`).
    static func token(_ client: String) -> String {
        Insecure.SHA1.hash(data: Array("bookingkit-mock-token-\(client)".utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static let vendor = token("mock-vendor-sample")
    static let souvenirs = token("mock-vendor-souvenirs")
    static let spree = token("mock-vendor-spree")
    static let museum = token("mock-vendor-museum")
    static let kayak = token("mock-vendor-kayak")
    static let marketplace = token("mock-marketplace")
    static let reseller = token("mock-reseller")
    static let demo = token("demo")
    static let bulk = token("mock-vendor-bulk")
    /// The docs' example token: mock-marketplace with `calendar_read orders_read_all`.
    static let docsToken = "134e8b2683a0e3b27dbb9420062b62eaf1d66f02"

    static let v1 = "3e3edd05ce4362e2d6a8200c37b1b79c"
    static let v2 = "52a33ab06f459cfca2a9949ea97d1e73"
    static let v3 = "8d20ce5d47ab2c9b7a3040157a4e6e9c"
    static let v4 = "8f9f810d91b7323a7a433d303b80cc77"
    static let v5 = "52a33ab06f459cfca2a9949ea97d1e74"
    static let bulkVendor = "d48b9eef7b4d9623c52a1a2adba1451f"

    static let e1 = "45d5133ed696a041f9697233f18942a2"
    static let e2 = "3e3edd05ce4362e2d6a8200c37b1b79c"
    static let e3 = "363bfc43558526ee24ce72ca923f580c"
    static let e4 = "b589292a6b11eadff27b903f0f639065"
    static let e5 = "e3fb3286155dc48fe47ea7fe1deabb46"
    static let e6 = "e1f2g3h4i5j6k7l8m9n0"
    static let e7 = "e1aa3a67eb1f3aa2a8f712ba8bb6649d"
    static let e9 = "1c7e41d738337f96ff5f4596bf2b4d88"
    static let e10 = "8f9f810d91b7323a7a433d303b80cc77"
    static let e11 = "c486c294e55bb1757a98d84103c547ee"
    static let e12 = "6d0318ae687b5cc9e3f7a30fb667dbd4"
    static let e13 = "0cc175b9c0f1b6a831c399e269772661"

    static let d1 = "220e91cd528a624f37b23b877c8969fc"
    static let d2 = "1c94b3f41977a481fb426705a80c4125"
    static let d3 = "09f7409f216f0b6f3d9374732e23b1be"
    static let d4 = "0d12b9066aee0d320e9ef1353726b146"
    static let d5 = "7462784b9d5b8d92ca28a9b3c3d10095"
    static let d6 = "f4ddb5d6168a87c60d3c7edcc191f5db"
    static let d7 = "b9c0bb5cc6614959ed2bdf09f77ee11b"
    static let d8 = "7cec466d565fc2c5f784b3096fce12e0"
    static let d9 = "37aba3854ef4204a09939fcd18a08311"
    static let d10 = "c1d2e3f4g5h6i7j8k9l0"
    static let d11 = "d1aa3a67eb1f3aa2a8f712ba8bb6649d"
    static let d12 = "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6"
    static let d13 = "704b862141abfda2ecb37c3264c35428"
    static let d14 = "1e8f3a34adf7c3dfc09d332d889b759b"
    static let d15 = "9240132e61d129e0792df61fc5cc1921"

    static let p1 = "04b67018b311d9de2784e2a359218720"
    static let p2 = "b465cdbcdf5c90c51ec6023bfa4f8620"
    static let p3 = "9533490743471667f519285f0967b0f6"
    static let p4 = "a8103511bc9876ac910c75f7f7fd91c7"

    static let oa = "6d2add0cf76d779953f3ffec48fe3406"
    static let ob = "8270e627a721c271205f103985f14d97"
    static let oc = "0f20cad840e30ebbe5b261a8c7ea8488"
    static let od = "65098279518ee11cd3549c3afa68850c"
    static let oe = "06e7d587e6a98f1f1995325c85526e42"
    static let of = "ac2eaefa2b2215021e3b379c6e9fe94a"

    /// A time at which every 2030 fixture date is still bookable and the seed's 2025 samples lie ahead.
    static let early2025 = "2025-08-01T00:00:00Z"
}

/// The error bodies of the spec (§4.1, §2.3).
enum BKBodies {
    static func error(_ code: String, _ message: String) -> JSONValue {
        let userMessage: String
        switch code {
        case "40001", "40023": userMessage = "Bad Request Parameters"
        case "40000", "40002": userMessage = "Bad Request"
        case "40100": userMessage = "Unauthorized"
        case "40400": userMessage = "Not Found"
        default: userMessage = "Method Not Allowed"
        }
        return ["message": .string(message), "code": .string(code), "user_message": .string(userMessage)]
    }

    static let notFound = error("40400", "The requested resource was not found")
    static let unauthorized = error("40100", "You are not authorized to make this request")

    static func parameter(_ message: String) -> JSONValue { error("40023", message) }
    static func property(_ message: String) -> JSONValue { error("40001", message) }
    static func rule(_ message: String) -> JSONValue { error("40002", message) }
}

extension TestServer {
    static let bookingkitBase = "/bookingkit/v3"

    /// A request to the `/v3` API (`path` relative to it), with a bearer token (the vendor
    /// client's unless told otherwise; nil sends none).
    func bk(
        _ method: String, _ path: String, token: String? = BK.vendor, headers: [(String, String)] = [], json: JSONValue? = nil,
        body: String? = nil
    ) throws -> TestResponse {
        var headers = headers
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        return try request(method, Self.bookingkitBase + path, headers: headers, json: json, body: body)
    }

    /// A token from the token endpoint.
    func issueToken(client: String, secret: String, scope: String? = nil) throws -> String {
        var form = "grant_type=client_credentials&client_id=\(client)&client_secret=\(secret)"
        if let scope { form += "&scope=\(scope.replacingOccurrences(of: " ", with: "+"))" }
        let response = try request(
            "POST", "/bookingkit/oauth/token", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: form)
        guard response.status == 200, let token = response.json["access_token"]?.stringValue else {
            throw TokenRefused(description: "token endpoint answered \(response.status) \(response.text)")
        }
        return token
    }
}

/// The token endpoint did not issue a token.
struct TokenRefused: Error, CustomStringConvertible {
    let description: String
}

extension TestResponse {
    /// The `id`s of a bare array of objects.
    var ids: [String] { json.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [] }

    var count: Int { json.arrayValue?.count ?? -1 }
}
