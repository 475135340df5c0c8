import Foundation
import Synchronization

/// Every token a world's providers accept: seeded ones, ones from the environment, and ones
/// minted while running. Tokens are credentials, not data: a reset puts the seeded and
/// environment tokens back and keeps minted tokens that are `keptOnReset`, so a client that
/// fetched a token before a test suite's reset keeps working after it (until the token expires
/// on the emulated clock). Lookups are by exact value, in constant time.
public final class TokenStore: Sendable {
    private struct Key: Hashable {
        let provider: String
        let value: String
    }

    private struct Contents {
        var byKey: [Key: IssuedToken] = [:]
        /// Each provider's token values in the order added, so listings are stable.
        var order: [String: [String]] = [:]
        /// Moves on with every change, so a memoized answer knows its token may mean someone else now.
        var generation: UInt64 = 0

        mutating func add(_ token: IssuedToken) {
            generation &+= 1
            let key = Key(provider: token.provider, value: token.value)
            if byKey.updateValue(token, forKey: key) == nil { order[token.provider, default: []].append(token.value) }
        }

        mutating func removeAll(provider: String) {
            generation &+= 1
            for value in order.removeValue(forKey: provider) ?? [] {
                byKey.removeValue(forKey: Key(provider: provider, value: value))
            }
        }

        func tokens(provider: String) -> [IssuedToken] {
            (order[provider] ?? []).compactMap { byKey[Key(provider: provider, value: $0)] }
        }
    }

    private let contents = Mutex(Contents())
    /// The tokens the world started with, which a reset restores.
    private let initial: [IssuedToken]

    public init(_ tokens: [IssuedToken] = []) {
        initial = tokens
        contents.withLock { contents in
            for token in tokens { contents.add(token) }
        }
    }

    /// Adds a token, or replaces the one with the same provider and value (which keeps its place).
    public func add(_ token: IssuedToken) {
        contents.withLock { $0.add(token) }
    }

    public func token(provider: String, value: String) -> IssuedToken? {
        contents.withLock { $0.byKey[Key(provider: provider, value: value)] }
    }

    /// A number that changes whenever a token is added, replaced or removed.
    public var generation: UInt64 { contents.withLock { $0.generation } }

    /// A provider's tokens in the order they were added.
    public func tokens(provider: String) -> [IssuedToken] {
        contents.withLock { $0.tokens(provider: provider) }
    }

    /// Removes a token; returns whether there was one.
    @discardableResult
    public func remove(provider: String, value: String) -> Bool {
        contents.withLock { contents in
            guard contents.byKey.removeValue(forKey: Key(provider: provider, value: value)) != nil else { return false }
            contents.generation &+= 1
            contents.order[provider]?.removeAll { $0 == value }
            return true
        }
    }

    /// What a reset of `provider` (of every provider when nil) does to its tokens: the seeded and
    /// environment tokens come back as the world started with them, then the minted tokens that
    /// are `keptOnReset` follow in their order; other minted tokens are gone.
    public func reset(provider: String?) {
        contents.withLock { contents in
            let providers = provider.map { [$0] } ?? Array(Set(contents.order.keys).union(initial.map(\.provider)))
            for name in providers {
                let kept = contents.tokens(provider: name).filter { $0.origin == .minted && $0.keptOnReset }
                contents.removeAll(provider: name)
                for token in initial where token.provider == name { contents.add(token) }
                for token in kept { contents.add(token) }
            }
        }
    }
}
