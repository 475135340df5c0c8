import Foundation
import Synchronization

/// A code the authorize step issued, until it is exchanged or expires.
public struct OAuthAuthorizationCode: Sendable, Equatable {
    public let provider: String
    public let value: String
    public let clientID: String
    public let redirectURI: String
    /// Whether the authorize request named `redirect_uri` (then the exchange must repeat it,
    /// RFC 6749 §4.1.3) or it was the client's only registered one.
    public let redirectURIWasGiven: Bool
    /// Who approved it: the subject of the token it is exchanged for.
    public let subject: [String: String]
    public let scopes: [String]
    public let expiresAt: Date
    public internal(set) var isUsed = false
}

/// One world's OAuth state besides its tokens: issued codes, the counters credential values
/// derive from, and the switches control endpoints arm. Like tokens, it is credentials rather
/// than data, so a reset leaves it alone (a counter rewound by a reset would mint a value a
/// token still holds).
public final class OAuthState: Sendable {
    struct Key: Hashable {
        let provider: String
        let value: String
    }

    struct Contents {
        var counters: [String: UInt64] = [:]
        var codes: [Key: OAuthAuthorizationCode] = [:]
        /// Authorize requests still to be denied, by provider.
        var denials: [String: Int] = [:]
        /// The one-active-token rule as a control endpoint set it, by provider.
        var activeTokenLimit: [String: Bool] = [:]
        /// The last token minted for each client (key: provider and client id).
        var latestTokens: [Key: String] = [:]
    }

    let contents = Mutex(Contents())

    public init() {}

    /// Makes the next `count` authorize requests of `provider` that are otherwise valid answer
    /// `access_denied` (Eventbrite's `POST /_understudy/eventbrite/oauth/deny` arms one).
    public func armDenials(provider: String, count: Int = 1) {
        contents.withLock { $0.denials[provider, default: 0] += max(count, 0) }
    }

    public func disarmDenials(provider: String) {
        contents.withLock { _ = $0.denials.removeValue(forKey: provider) }
    }

    public func armedDenials(provider: String) -> Int {
        contents.withLock { $0.denials[provider] ?? 0 }
    }

    /// Turns the one-active-token-per-client rule on or off for `provider`, whatever its
    /// configuration says; nil goes back to the configuration.
    public func setActiveTokenLimit(provider: String, enabled: Bool?) {
        contents.withLock { $0.activeTokenLimit[provider] = enabled }
    }

    /// A code as issued (nil when there is none), used or not.
    public func code(provider: String, value: String) -> OAuthAuthorizationCode? {
        contents.withLock { $0.codes[Key(provider: provider, value: value)] }
    }

    /// Consumes one armed denial; whether there was one.
    func takeDenial(provider: String) -> Bool {
        contents.withLock { contents in
            guard let armed = contents.denials[provider], armed > 0 else { return false }
            contents.denials[provider] = armed > 1 ? armed - 1 : nil
            return true
        }
    }
}

extension OAuthState.Contents {
    /// The next value (0, 1, 2…) of a named counter.
    mutating func nextCounter(_ name: String) -> UInt64 {
        let value = counters[name, default: 0]
        counters[name] = value &+ 1
        return value
    }
}
