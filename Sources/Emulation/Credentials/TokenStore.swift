import Foundation
import Synchronization

/// Every token a world's providers accept: seeded ones, ones from the environment, and ones
/// minted while running. Tokens are credentials, not data: a reset leaves them all in place, so a
/// client that fetched a token before a test suite's reset keeps working after it (until the
/// token expires on the emulated clock). Lookups are by exact value, in constant time.
public final class TokenStore: Sendable {
    private struct Key: Hashable {
        let provider: String
        let value: String
    }

    private struct Contents {
        var byKey: [Key: IssuedToken] = [:]
        /// Keys in the order added, so listings are stable.
        var order: [Key] = []
    }

    private let contents = Mutex(Contents())

    public init(_ tokens: [IssuedToken] = []) {
        for token in tokens { add(token) }
    }

    /// Adds a token, or replaces the one with the same provider and value.
    public func add(_ token: IssuedToken) {
        let key = Key(provider: token.provider, value: token.value)
        contents.withLock { contents in
            if contents.byKey.updateValue(token, forKey: key) == nil { contents.order.append(key) }
        }
    }

    public func token(provider: String, value: String) -> IssuedToken? {
        contents.withLock { $0.byKey[Key(provider: provider, value: value)] }
    }

    /// A provider's tokens in the order they were added.
    public func tokens(provider: String) -> [IssuedToken] {
        contents.withLock { contents in
            contents.order.lazy.filter { $0.provider == provider }.compactMap { contents.byKey[$0] }
        }
    }

    /// Removes a token; returns whether there was one.
    @discardableResult
    public func remove(provider: String, value: String) -> Bool {
        let key = Key(provider: provider, value: value)
        return contents.withLock { contents in
            guard contents.byKey.removeValue(forKey: key) != nil else { return false }
            contents.order.removeAll { $0 == key }
            return true
        }
    }
}
