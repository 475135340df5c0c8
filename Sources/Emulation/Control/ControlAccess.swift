import HTTPServer

/// Who may call the control API. The journal holds other clients' `Authorization` headers and
/// `/_understudy/credentials` the signing secrets, so neither may be open to the world: with a
/// control token, every control request but `health` must carry it; without one, only clients
/// on this machine or a private network (a CI service container's neighbours) are served.
public struct ControlAccess: Sendable {
    /// The header that carries the token, for clients whose `Authorization` is taken.
    public static let tokenHeader = "X-Understudy-Control-Token"

    public let token: String?

    public init(token: String?) {
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The refusal for `request`, or nil when it may be served.
    func refusal(for request: HTTPRequest) -> HTTPResponse? {
        if let token {
            guard let presented = Self.presentedToken(request), Self.constantTimeEqual(presented, token) else {
                return ControlAPI.error(
                    "The control API needs the control token: send Authorization: Bearer <token> or \(Self.tokenHeader): <token>",
                    status: 401, headers: [("WWW-Authenticate", "Bearer realm=\"understudy\"")])
            }
            return nil
        }
        // A request with no client address did not come over a socket: it was made in this process.
        if let address = request.clientAddress, !Self.isLocalOrPrivate(address) {
            return ControlAPI.error(
                "The control API answers only loopback and private-network clients when no control token is set. "
                    + "Start Understudy with --control-token TOKEN (or UNDERSTUDY_CONTROL_TOKEN=TOKEN), then send "
                    + "Authorization: Bearer TOKEN or \(Self.tokenHeader): TOKEN with each control request.",
                status: 403)
        }
        return nil
    }

    private static func presentedToken(_ request: HTTPRequest) -> String? {
        if let value = request.headers[tokenHeader] { return value }
        guard let authorization = request.headers["Authorization"] else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1]).trimmingWhitespace()
    }

    /// Compares without returning early, so response times do not reveal how much of a guess matched.
    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            difference |= (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0
    }

    /// Loopback, private (RFC 1918, RFC 4193) and link-local addresses.
    static func isLocalOrPrivate(_ address: ClientAddress) -> Bool {
        if let mapped = address.mappedIPv4 { return isLocalOrPrivate(mapped) }
        let bytes = address.bytes
        if address.isIPv4 {
            return bytes[0] == 127  // 127.0.0.0/8
                || bytes[0] == 10  // 10.0.0.0/8
                || (bytes[0] == 172 && bytes[1] & 0xF0 == 16)  // 172.16.0.0/12
                || (bytes[0] == 192 && bytes[1] == 168)  // 192.168.0.0/16
                || (bytes[0] == 169 && bytes[1] == 254)  // 169.254.0.0/16, link-local
        }
        let isLoopback = bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1  // ::1
        return isLoopback
            || bytes[0] & 0xFE == 0xFC  // fc00::/7, unique local
            || (bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80)  // fe80::/10, link-local
    }
}
