import HTTPServer
import Synchronization

/// Answers to repeated reads, kept until anything they could depend on changes. A route opts in
/// (`Route.memoized()`) when its answer depends only on the data, the caller and the request
/// target, not on the clock: a suite polling a list, or reading the same record again, is then
/// answered without running the query or writing the JSON again. An entry is used only while
/// the world's data generation and token generation are the ones it was made under, so the
/// first read after any write, reset or token change runs the handler again. Authentication,
/// rate limits, faults and the journal still run for every request.
public final class ResponseCache: Sendable {
    struct Key: Hashable {
        let route: String
        /// The request target as sent (path and query).
        let target: String
        /// The credentials as sent (`Authorization`), which with the token generation name the caller.
        let credentials: String?
    }

    private struct Entry {
        let response: HTTPResponse
        let dataGeneration: UInt64
        let tokenGeneration: UInt64
    }

    /// Entries at the most; past it the cache starts again empty (cheap, and rare in a suite).
    static let capacity = 512

    private let entries = Mutex<[Key: Entry]>([:])
    public let isEnabled: Bool

    public init(enabled: Bool) {
        isEnabled = enabled
    }

    func response(for key: Key, dataGeneration: UInt64, tokenGeneration: UInt64) -> HTTPResponse? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.dataGeneration == dataGeneration, entry.tokenGeneration == tokenGeneration
            else { return nil }
            return entry.response
        }
    }

    func store(_ response: HTTPResponse, for key: Key, dataGeneration: UInt64, tokenGeneration: UInt64) {
        entries.withLock { entries in
            if entries.count >= Self.capacity && entries[key] == nil { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(response: response, dataGeneration: dataGeneration, tokenGeneration: tokenGeneration)
        }
    }
}
