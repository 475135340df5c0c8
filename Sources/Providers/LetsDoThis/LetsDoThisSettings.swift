import Emulation

/// A Let's Do This setting in the environment that cannot be used; reported when the server starts.
struct LetsDoThisConfigurationError: Error, CustomStringConvertible {
    let description: String
}

/// The `LDT_*` switches of the spec, read once from the environment. Configuration, not data:
/// a reset keeps them.
struct LetsDoThisSettings: Sendable {
    enum AuthMode: Sendable {
        /// Every check of spec §2.2.
        case strict
        /// Any non-empty bearer token; the organiser from its claims when it decodes (§2.2).
        case permissive
    }

    /// `LDT_JWT_SECRET`: the HS256 key tokens are signed and verified with.
    let jwtSecret: String
    let authMode: AuthMode
    /// `LDT_STATIC_TOKENS`: non-JWT keys (token → organiser id) accepted as they are.
    let staticTokens: [(token: String, organiserID: String)]
    /// `LDT_REVOKED_TOKENS`: token strings or `jti`s refused, on top of the seeded revocations.
    let revokedTokens: [String]
    /// `LDT_DEFAULT_ORGANISER_ID`: whom permissive mode falls back to.
    let defaultOrganiserID: String
    /// `LDT_LENIENT_DATETIME`: zone-less date-times in filters count as UTC.
    let lenientDateTime: Bool
    /// `LDT_ALWAYS_EXTEND_METADATA`: entries always carry the metadata keys.
    let alwaysExtendMetadata: Bool
    /// `LDT_PATH_ALIASES`: also answer the alternative spellings of spec §1.2.
    let pathAliases: Bool
    /// `LDT_BULK_PARTICIPANTS` / `LDT_BULK_APPLICATIONS`: how many entries to generate for the
    /// bulk organiser (nil: the counts in `seed/letsdothis/bulk.json`).
    let bulkParticipants: Int?
    let bulkApplications: Int?
    let configurationError: LetsDoThisConfigurationError?

    static let defaultSecret = "ldt-mock-secret"
    static let organiserA = "63a1b2c3d4e5f60718293a4b"

    init(environment: [String: String]) {
        var problems: [String] = []

        func flag(_ name: String, default value: Bool) -> Bool {
            switch environment[name]?.trimmingWhitespace().lowercased() {
            case nil, "": return value
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            case let other?:
                problems.append("\(name) must be true or false, not \"\(other)\"")
                return value
            }
        }
        func count(_ name: String) -> Int? {
            guard let text = environment[name]?.trimmingWhitespace(), !text.isEmpty else { return nil }
            guard let value = Int(text), (0...1_000_000).contains(value) else {
                problems.append("\(name) must be a whole number from 0 to 1000000, not \"\(text)\"")
                return nil
            }
            return value
        }

        let secret = environment["LDT_JWT_SECRET"] ?? ""
        jwtSecret = secret.isEmpty ? Self.defaultSecret : secret

        switch environment["LDT_AUTH_MODE"]?.trimmingWhitespace().lowercased() {
        case nil, "", "strict": authMode = .strict
        case "permissive": authMode = .permissive
        case let other?:
            authMode = .strict
            problems.append("LDT_AUTH_MODE must be \"strict\" or \"permissive\", not \"\(other)\"")
        }

        var statics: [(token: String, organiserID: String)] = []
        if let text = environment["LDT_STATIC_TOKENS"], !text.trimmingWhitespace().isEmpty {
            if let object = (try? JSONParser.parse(text))?.objectValue,
                object.allSatisfy({ !$0.key.isEmpty && !($0.value.stringValue ?? "").isEmpty })
            {
                statics = object.map { ($0.key, $0.value.stringValue!) }
            } else {
                problems.append("LDT_STATIC_TOKENS must be a JSON object of token → organiser id, e.g. {\"my-key\": \"\(Self.organiserA)\"}")
            }
        }
        staticTokens = statics

        var revoked: [String] = []
        if let text = environment["LDT_REVOKED_TOKENS"], !text.trimmingWhitespace().isEmpty {
            if let array = (try? JSONParser.parse(text))?.arrayValue, array.allSatisfy({ $0.stringValue != nil }) {
                revoked = array.compactMap(\.stringValue)
            } else {
                // A plain comma-separated list is accepted too.
                revoked = text.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            }
        }
        revokedTokens = revoked

        let defaultOrganiser = environment["LDT_DEFAULT_ORGANISER_ID"]?.trimmingWhitespace() ?? ""
        defaultOrganiserID = defaultOrganiser.isEmpty ? Self.organiserA : defaultOrganiser

        lenientDateTime = flag("LDT_LENIENT_DATETIME", default: false)
        alwaysExtendMetadata = flag("LDT_ALWAYS_EXTEND_METADATA", default: false)
        pathAliases = flag("LDT_PATH_ALIASES", default: true)
        bulkParticipants = count("LDT_BULK_PARTICIPANTS")
        bulkApplications = count("LDT_BULK_APPLICATIONS")

        configurationError = problems.isEmpty ? nil : LetsDoThisConfigurationError(description: problems.joined(separator: "; "))
    }
}
