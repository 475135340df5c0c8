/// Misuse of `HTTPServer` or a configuration it cannot serve.
public enum HTTPServerError: Error, CustomStringConvertible, Sendable, Equatable {
    case alreadyStarted
    case invalidHost(String)
    case invalidPort(Int)

    public var description: String {
        switch self {
        case .alreadyStarted: return "the server has already been started (or shut down); create a new one"
        case .invalidHost(let host): return "cannot listen on host \"\(host)\": expected an IPv4 literal, 0.0.0.0 or localhost"
        case .invalidPort(let port): return "cannot listen on port \(port): expected 0...65535"
        }
    }
}
