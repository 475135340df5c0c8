import Foundation
import HTTPServer
import Synchronization

/// Everything a provider handler gets for one request: the HTTP request, the world it acts on,
/// and the parts the router and parser already worked out.
public struct ProviderRequest: Sendable {
    public let http: HTTPRequest
    /// The emulated state this request reads and changes.
    public let world: World
    /// The request path as the real service sees it (without Understudy's provider prefix), still percent-encoded.
    public let path: String
    /// Path parameters of the matched template, percent-decoded.
    public let parameters: [String: String]
    public let query: QueryParameters
    /// Headers the response will carry whatever the handler answers (added by the provider's
    /// authentication, e.g. Eventbrite's `x-rate-limit`).
    public let responseHeaders: ResponseHeaderList
    /// The clock window of the answer being made, when the route is memoized and the answer may
    /// be kept (`ResponseCache`); nil otherwise. Code that renders without the request at hand
    /// (a view's context) keeps this to state when the answer changes.
    public internal(set) var answerValidity: AnswerValidity?

    public init(http: HTTPRequest, world: World, path: String, parameters: [String: String]) {
        self.http = http
        self.world = world
        self.path = path
        self.parameters = parameters
        self.query = QueryParameters(http.query)
        responseHeaders = ResponseHeaderList()
    }

    public var method: String { http.method }

    public var headers: HTTPHeaders { http.headers }

    /// The value of a path parameter the matched template declares.
    public func parameter(_ name: String) -> String {
        guard let value = parameters[name] else {
            preconditionFailure("route template has no parameter {\(name)}")
        }
        return value
    }

    /// The emulated time (see `EmulatedClock`). While a memoized answer is made it is the
    /// instant the answer is made at, the same at every read, and reading it ties the answer to
    /// the clock: it is reused only from that instant on (see `AnswerValidity`).
    public var now: Date { answerValidity?.now ?? world.clock.now }

    /// Says this request's answer could differ once the emulated clock reaches `milliseconds`
    /// (since 1970, as `Date.millisecondsSince1970` counts them), for a memoized route whose
    /// answer compares stored instants with `now`: the kept answer is used only until then (see
    /// `AnswerValidity`). A memoized handler must state every such instant after `now` that its
    /// answer shows a comparison with; elsewhere this does nothing.
    public func answerChanges(at milliseconds: Int64) {
        answerValidity?.changes(at: milliseconds)
    }

    /// Reads from the world's database.
    public func read<T>(_ body: (Database) throws -> T) rethrows -> T {
        try world.database.read(body)
    }

    /// Writes to the world's database in one transaction.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try world.database.write(body)
    }
}


/// Headers collected while a request is handled, added to whatever response it gets.
public final class ResponseHeaderList: Sendable {
    private let headers = Mutex<[(String, String)]>([])

    public func add(_ name: String, _ value: String) {
        headers.withLock { $0.append((name, value)) }
    }

    func apply(to response: inout HTTPResponse) {
        for (name, value) in headers.withLock({ $0 }) { response.headers.add(name, value) }
    }
}
