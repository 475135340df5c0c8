import Foundation
import Synchronization

/// One request as the journal keeps it.
public struct JournalEntry: Sendable {
    public let id: Int
    public let time: Date
    public let method: String
    public let path: String
    public let query: String
    public let headers: [(name: String, value: String)]
    public let body: String
    public let status: Int
    public let provider: String?
    /// The matched route (`GET /v3/{account_slug}/events`), nil when no route matched.
    public let route: String?
    /// The error behind a 500 the handler did not mean to answer, as the server logged it.
    public let error: String?
    /// The address the request came from (`127.0.0.1`), nil when it did not come over a socket.
    public let client: String?
}

/// The most recent requests a world served, newest first, bounded so it never grows without limit.
public final class RequestJournal: Sendable {
    /// A ring of entries: `start` is the oldest once the ring is full.
    private struct Ring {
        var entries: [JournalEntry] = []
        var start = 0
        var lastID = 0
    }

    private let capacity: Int
    private let ring: Mutex<Ring>

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
        var ring = Ring()
        ring.entries.reserveCapacity(min(capacity, 1024))
        self.ring = Mutex(ring)
    }

    /// Bodies are kept up to this many bytes; the rest is cut (uploads can be megabytes).
    static let bodyLimit = 64 * 1024

    public func record(
        time: Date, method: String, path: String, query: String, headers: [(name: String, value: String)],
        body: [UInt8], status: Int, provider: String?, route: String?, error: String? = nil, client: String? = nil
    ) {
        let text = String(decoding: body.prefix(Self.bodyLimit), as: UTF8.self)
        let capacity = capacity
        ring.withLock { ring in
            ring.lastID += 1
            let entry = JournalEntry(
                id: ring.lastID, time: time, method: method, path: path, query: query, headers: headers, body: text,
                status: status, provider: provider, route: route, error: error, client: client)
            if ring.entries.count < capacity {
                ring.entries.append(entry)
            } else {
                ring.entries[ring.start] = entry
                ring.start = (ring.start + 1) % capacity
            }
        }
    }

    /// Entries newest first, filtered.
    public func entries(provider: String? = nil, method: String? = nil, path: String? = nil, limit: Int) -> [JournalEntry] {
        let ordered = ring.withLock { Array($0.entries[$0.start...] + $0.entries[..<$0.start]) }
        var result: [JournalEntry] = []
        for entry in ordered.reversed() where result.count < limit {
            if let provider, entry.provider != provider { continue }
            if let method, entry.method.uppercased() != method.uppercased() { continue }
            if let path, !Self.path(entry.path, matches: path) { continue }
            result.append(entry)
        }
        return result
    }

    public func clear() {
        ring.withLock { ring in
            ring.entries.removeAll(keepingCapacity: true)
            ring.start = 0
        }
    }

    /// A filter matches the path exactly, or as a prefix when it ends in `*`.
    private static func path(_ path: String, matches filter: String) -> Bool {
        if filter.hasSuffix("*") { return path.hasPrefix(String(filter.dropLast())) }
        return path == filter
    }
}
