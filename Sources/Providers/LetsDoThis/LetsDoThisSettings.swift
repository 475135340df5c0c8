import Emulation

/// The `LDT_*` switches of the spec, read once from the environment. Configuration, not data:
/// a reset keeps them.
struct LetsDoThisSettings: Sendable {
    enum AuthMode: String, Sendable, CaseIterable {
        /// Every check of spec §2.2.
        case strict
        /// Any non-empty bearer token; the organiser from its claims when it decodes (§2.2).
        case permissive
    }

    /// `LDT_JWT_SECRET`: the HS256 key tokens are signed and verified with.
    let jwtSecret: String
    let authMode: AuthMode
    /// `LDT_STATIC_TOKENS`: non-JWT keys (token → organiser id) accepted as they are. They go
    /// to the token store (`LetsDoThisTokens`), where authentication looks them up.
    let staticTokens: [(token: String, organiserID: String)]
    /// `LDT_REVOKED_TOKENS`: token strings or `jti`s refused, on top of the seeded revocations.
    let revokedTokens: Set<String>
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

    static let defaultSecret = "ldt-mock-secret"
    static let organiserA = "63a1b2c3d4e5f60718293a4b"

    init(settings: inout SettingsReader) {
        jwtSecret = settings.string("LDT_JWT_SECRET", default: Self.defaultSecret)
        authMode = settings.choice("LDT_AUTH_MODE", default: .strict)
        staticTokens =
            settings.object(
                "LDT_STATIC_TOKENS",
                expecting: "a JSON object of token → organiser id, e.g. {\"my-key\": \"\(Self.organiserA)\"}"
            ) { token, value in
                guard !token.isEmpty, let organiserID = value.stringValue, !organiserID.isEmpty else { return nil }
                return (token: token, organiserID: organiserID)
            } ?? []
        revokedTokens = Set(settings.list("LDT_REVOKED_TOKENS") ?? [])
        defaultOrganiserID = settings.string("LDT_DEFAULT_ORGANISER_ID")?.trimmingWhitespace() ?? Self.organiserA
        lenientDateTime = settings.flag("LDT_LENIENT_DATETIME", default: false)
        alwaysExtendMetadata = settings.flag("LDT_ALWAYS_EXTEND_METADATA", default: false)
        pathAliases = settings.flag("LDT_PATH_ALIASES", default: true)
        bulkParticipants = settings.integer("LDT_BULK_PARTICIPANTS", in: 0...1_000_000)
        bulkApplications = settings.integer("LDT_BULK_APPLICATIONS", in: 0...1_000_000)
    }
}
