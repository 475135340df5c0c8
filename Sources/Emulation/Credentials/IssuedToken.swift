import Foundation

/// A credential a provider accepts: an API key, a bearer or OAuth access token. What it stands
/// for (a user, an account, a client and its vendor) is the provider's: `subject` holds those
/// fields by name, in the order the provider lists them.
public struct IssuedToken: Sendable, Equatable {
    /// Where a token came from; `/_understudy/credentials` lists each with its origin.
    public enum Origin: String, Sendable {
        /// The provider's seed data: the docs' example tokens, the demo user's.
        case seed
        /// A provider setting in the environment (e.g. `GOEVENT_TOKENS`).
        case environment
        /// Issued while running: an OAuth grant, a control endpoint.
        case minted
    }

    public let provider: String
    public let value: String
    public var subject: JSONObject
    public var scopes: [String]
    /// When it stops being accepted, on the emulated clock; nil for tokens that never expire.
    public var expiresAt: Date?
    /// The OAuth client it was issued to, if any.
    public var clientID: String?
    /// What it is for, in a few words, as `/_understudy/credentials` shows it.
    public var purpose: String
    public var origin: Origin
    /// Whether a reset of its provider leaves it in place. Seeded and environment tokens always
    /// come back after a reset; a minted token with `false` is taken back (GoEvent's control
    /// endpoint tokens, Eventbrite's OAuth tokens), one with `true` keeps working.
    public var keptOnReset: Bool

    public init(
        provider: String, value: String, subject: JSONObject = JSONObject(), scopes: [String] = [], expiresAt: Date? = nil,
        clientID: String? = nil, purpose: String, origin: Origin, keptOnReset: Bool = true
    ) {
        self.provider = provider
        self.value = value
        self.subject = subject
        self.scopes = scopes
        self.expiresAt = expiresAt
        self.clientID = clientID
        self.purpose = purpose
        self.origin = origin
        self.keptOnReset = keptOnReset
    }

    public func isExpired(at now: Date) -> Bool {
        guard let expiresAt else { return false }
        return now >= expiresAt
    }

    /// How `/_understudy/credentials` lists the token.
    public var listing: JSONValue {
        var object = JSONObject()
        object.append("token", .string(value))
        object.append("purpose", .string(purpose))
        object.append("origin", .string(origin.rawValue))
        for (key, value) in subject { object.append(key, value) }
        if !scopes.isEmpty { object.append("scopes", .array(scopes.map(JSONValue.string))) }
        if let clientID { object.append("client_id", .string(clientID)) }
        if let expiresAt { object.append("expires_at", .string(Timestamp.iso8601Milliseconds(expiresAt))) }
        return .object(object)
    }
}
