import HTTPServer
import Synchronization

/// Answers to repeated reads, kept until anything they could depend on changes. A route opts in
/// (`Route.memoized()`) when its answer depends only on the data, the caller, the request target
/// and, if at all, the emulated clock up to instants its handler states: a suite polling a list,
/// or reading the same record again, is then answered without running the query or writing the
/// JSON again. An entry is used only while the world's data generation and token generation are
/// the ones it was made under, and while the emulated clock is inside the answer's validity
/// window (`AnswerValidity`), so the first read after any write, reset, token change, or clock
/// move across the window's ends runs the handler again. Authentication, rate limits, faults and
/// the journal still run for every request.
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
        /// The clock window (`AnswerValidity.window`), in milliseconds since 1970: `validFrom`
        /// included, `validUntil` not; `Int64.min` and `Int64.max` where it has no bound.
        let validFrom: Int64
        let validUntil: Int64
    }

    private struct Contents {
        var entries: [Key: Entry] = [:]
        /// The body bytes the entries hold.
        var bytes = 0
    }

    /// Entries at the most, and body bytes at the most (a page of 100 Tito tickets is about
    /// 360 KB); past either the cache starts again empty (cheap, and rare in a suite).
    static let capacity = 512
    static let byteCapacity = 32 << 20

    private let contents = Mutex(Contents())
    public let isEnabled: Bool

    public init(enabled: Bool) {
        isEnabled = enabled
    }

    /// The entries held (for tests and diagnostics).
    public var count: Int { contents.withLock { $0.entries.count } }

    /// The kept answer for `key`, if it was made under these generations and `now` (the
    /// emulated clock in milliseconds since 1970) is inside its window.
    func response(for key: Key, dataGeneration: UInt64, tokenGeneration: UInt64, now: Int64) -> HTTPResponse? {
        contents.withLock { contents in
            guard let entry = contents.entries[key], entry.dataGeneration == dataGeneration,
                entry.tokenGeneration == tokenGeneration, entry.validFrom <= now, now < entry.validUntil
            else { return nil }
            return entry.response
        }
    }

    /// Keeps `response` for `key`, valid as `validity` says; an answer whose window is already
    /// empty is not kept.
    func store(_ response: HTTPResponse, for key: Key, dataGeneration: UInt64, tokenGeneration: UInt64, validity: AnswerValidity) {
        let window = validity.window
        let size = response.body.count
        guard window.from < window.until, size <= Self.byteCapacity else { return }
        let entry = Entry(
            response: response, dataGeneration: dataGeneration, tokenGeneration: tokenGeneration, validFrom: window.from,
            validUntil: window.until)
        contents.withLock { contents in
            let replaced = contents.entries[key]?.response.body.count ?? 0
            if contents.entries[key] == nil && contents.entries.count >= Self.capacity
                || contents.bytes - replaced + size > Self.byteCapacity
            {
                contents.entries.removeAll(keepingCapacity: true)
                contents.bytes = 0
            } else {
                contents.bytes -= replaced
            }
            contents.entries[key] = entry
            contents.bytes += size
        }
    }
}
