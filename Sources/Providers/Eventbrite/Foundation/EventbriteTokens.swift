import Emulation

/// Eventbrite's seeded credentials (spec §3.1, §11.1), from `tokens.json`: each token stands for
/// a user (`user_id`), or for the service that calls the Balance endpoint (`kind: service`); a
/// `disabled` token answers `ACCESS_DENIED`.
enum EventbriteTokens {
    static let demoToken = "PERSONAL_OAUTH_TOKEN"

    static func seeded(from seed: SeedDirectory) throws -> [IssuedToken] {
        try seed.seedRecords("tokens.json", key: "tokens").map { record in
            var subject = JSONObject()
            if let kind = try record.optionalString("kind") {
                guard kind == "service" else { throw record.invalid("kind", "\"service\" or absent") }
                subject.append("kind", .string(kind))
            } else {
                let userID = try record.string("user_id")
                guard EventbriteID.parse(userID) != nil else { throw record.invalid("user_id", "a user id") }
                subject.append("user_id", .string(userID))
            }
            if record["disabled"]?.boolValue == true { subject.append("disabled", true) }
            return IssuedToken(
                provider: EventbriteAuth.provider, value: try record.string("token"), subject: subject,
                purpose: try record.string("purpose"), origin: .seed)
        }
    }
}

/// The opaque `Eventbrite-API-Waypoint-Token` a successful write answers with (§1.6). Clients
/// may send it back to read their own writes; the mock is consistent at once, so it only has to
/// look like one: a digest of the request, the same for the same request.
enum WaypointToken {
    static func `for`(_ request: HTTPRequest) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func add(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        add(request.method.utf8)
        add(request.path.utf8)
        add(request.body)
        let text = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
