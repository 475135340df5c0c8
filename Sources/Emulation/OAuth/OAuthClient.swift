import Foundation

/// An OAuth client (an application) a provider knows: its credentials, what kind of client it
/// is (bookingkit's `vendor` or `marketplace`), the scopes it may hold, where it may be
/// redirected, and the subject its tokens stand for (user id, vendor id…, by name, as strings).
public struct OAuthClient: Sendable, Equatable {
    public var id: String
    public var secret: String
    /// The provider's word for the client type; empty when it has only one.
    public var kind: String
    /// The scopes it may request; its tokens get all of them when it requests none.
    public var scopes: [String]
    /// The redirect URIs it registered, compared exactly; empty accepts any absolute URI.
    public var redirectURIs: [String]
    /// What its client-credentials tokens stand for (`IssuedToken.subject`).
    public var subject: [String: String]
    /// What it is for, as `/_understudy/credentials` shows it.
    public var purpose: String

    public init(
        id: String, secret: String, kind: String = "", scopes: [String] = [], redirectURIs: [String] = [],
        subject: [String: String] = [:], purpose: String
    ) {
        self.id = id
        self.secret = secret
        self.kind = kind
        self.scopes = scopes
        self.redirectURIs = redirectURIs
        self.subject = subject
        self.purpose = purpose
    }

    /// A client as seed files write it:
    /// `{"client_id": "…", "client_secret": "…", "kind": "vendor", "scopes": ["calendar_read", …]
    /// (or one space-separated string), "redirect_uris": […], "subject": {"vendor_id": "…"}, "purpose": "…"}`.
    /// `kind`, `scopes`, `redirect_uris` and `subject` may be left out; subject values may be numbers.
    public init(seed record: SeedRecord) throws {
        self.init(id: try record.string("client_id"), secret: try record.string("client_secret"), purpose: try record.string("purpose"))
        kind = try record.optionalString("kind") ?? ""
        switch record["scopes"] {
        case nil, .null?: scopes = []
        case .string(let text)?: scopes = OAuthScopes.parse(text)
        case .array(let items)?:
            scopes = try items.map { item in
                guard let scope = item.stringValue, !scope.isEmpty else { throw record.invalid("scopes", "scope names") }
                return scope
            }
        default: throw record.invalid("scopes", "an array of scope names or a space-separated string")
        }
        if let uris = record["redirect_uris"], uris != .null {
            guard let items = uris.arrayValue else { throw record.invalid("redirect_uris", "an array of URIs") }
            redirectURIs = try items.map { item in
                guard let uri = item.stringValue, OAuthClient.isAbsolute(uri) else {
                    throw record.invalid("redirect_uris", "an array of absolute URIs")
                }
                return uri
            }
        }
        if let subject = record["subject"], subject != .null {
            guard let object = subject.objectValue else { throw record.invalid("subject", "an object of strings") }
            for (key, value) in object {
                guard let text = value.stringValue ?? value.intValue.map(String.init) else {
                    throw record.invalid("subject", "an object of strings")
                }
                self.subject[key] = text
            }
        }
    }

    /// Whether the authorize step may send a user back to `uri`.
    public func allowsRedirect(to uri: String) -> Bool {
        redirectURIs.isEmpty ? Self.isAbsolute(uri) : redirectURIs.contains(uri)
    }

    /// How `/_understudy/credentials` lists the client; `readyToken` is a token a client can use
    /// at once, for providers that list one.
    public func listing(readyToken: String? = nil) -> JSONValue {
        var object = JSONObject()
        object.append("client_id", .string(id))
        object.append("client_secret", .string(secret))
        if !kind.isEmpty { object.append("kind", .string(kind)) }
        object.append("purpose", .string(purpose))
        for key in subject.keys.sorted() { object.append(key, .string(subject[key])) }
        if !scopes.isEmpty { object.append("scopes", .array(scopes.map(JSONValue.string))) }
        if !redirectURIs.isEmpty { object.append("redirect_uris", .array(redirectURIs.map(JSONValue.string))) }
        if let readyToken { object.append("access_token", .string(readyToken)) }
        return .object(object)
    }

    /// An absolute URI (`scheme:…`, RFC 3986 §4.3), as RFC 6749 §3.1.2 requires of redirects.
    static func isAbsolute(_ uri: String) -> Bool {
        guard let colon = uri.firstIndex(of: ":"), uri.index(after: colon) != uri.endIndex else { return false }
        let scheme = uri[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
            && !uri.contains(where: { $0 == " " || $0.isNewline })
    }
}

/// OAuth scope lists (RFC 6749 §3.3): space-separated names, order kept, duplicates dropped.
public enum OAuthScopes {
    public static func parse(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init).filter { seen.insert($0).inserted }
    }

    /// The space-separated form a token response's `scope` shows.
    public static func text(_ scopes: [String]) -> String {
        scopes.joined(separator: " ")
    }
}
