import Foundation
import Glibc

/// Posts one webhook payload (spec §10.8) over plain HTTP/1.1 and reports the receiver's status.
/// It blocks its caller for at most a few seconds: only the control API's `fire` endpoint sends,
/// so a slow receiver holds up that one request, never the API. The emulator has no TLS client,
/// so an `https` endpoint is reported undeliverable rather than sent in the clear.
enum WebhookSender {
    struct Outcome: Equatable {
        var status: Int?
        var error: String?
    }

    static let connectTimeout: Int32 = 2000
    static let transferTimeout = 5

    static func post(_ body: [UInt8], to url: String, headers: [(String, String)]) -> Outcome {
        guard let target = Target(url) else { return Outcome(error: "not an http URL") }
        guard !target.isTLS else { return Outcome(error: "https endpoints are not delivered: the emulator has no TLS client") }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(target.host, String(target.port), &hints, &found) == 0, let first = found else {
            return Outcome(error: "cannot resolve \(target.host)")
        }
        defer { freeaddrinfo(found) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        var lastError = "cannot connect to \(target.host):\(target.port)"
        while let address = candidate {
            candidate = address.pointee.ai_next
            let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            guard connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen, timeout: connectTimeout) else { continue }
            var request = "POST \(target.path) HTTP/1.1\r\nHost: \(target.hostHeader)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
            for (name, value) in headers { request += "\(name): \(value)\r\n" }
            let bytes = Array((request + "\r\n").utf8) + body
            guard send(descriptor, bytes) else {
                lastError = "the receiver closed the connection"
                continue
            }
            guard let status = readStatus(descriptor) else {
                lastError = "no HTTP status came back within \(transferTimeout) seconds"
                continue
            }
            return Outcome(status: status)
        }
        return Outcome(error: lastError)
    }

    /// `connect` with a timeout: non-blocking, then a poll for writability; the socket is made
    /// blocking again with send and receive timeouts.
    private static func connect(_ descriptor: Int32, _ address: UnsafeMutablePointer<sockaddr>, _ length: socklen_t, timeout: Int32) -> Bool {
        let flags = fcntl(descriptor, F_GETFL)
        _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
        if Glibc.connect(descriptor, address, length) != 0 {
            guard errno == EINPROGRESS else { return false }
            var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            guard poll(&poller, 1, timeout) == 1 else { return false }
            var problem: Int32 = 0
            var size = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &problem, &size) == 0, problem == 0 else { return false }
        }
        _ = fcntl(descriptor, F_SETFL, flags)
        var limit = timeval(tv_sec: transferTimeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        return true
    }

    private static func send(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// The status code of the response's status line (`HTTP/1.1 200 OK`).
    private static func readStatus(_ descriptor: Int32) -> Int? {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while received.count < 8192, !received.contains(UInt8(ascii: "\n")) {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        let line = String(decoding: received.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let parts = line.split(separator: " ")
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]), (100...999).contains(status) else {
            return nil
        }
        return status
    }

    /// Where an endpoint URL points.
    struct Target {
        let isTLS: Bool
        let host: String
        let port: Int
        let path: String
        /// The `Host` header: the host as written, with a port that is not the scheme's.
        let hostHeader: String

        init?(_ url: String) {
            let lower = url.lowercased()
            guard let scheme = ["http://", "https://"].first(where: lower.hasPrefix) else { return nil }
            isTLS = scheme == "https://"
            let rest = url.dropFirst(scheme.count)
            let authority = String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
            let remainder = rest.dropFirst(authority.count).prefix { $0 != "#" }
            path = remainder.isEmpty ? "/" : (remainder.hasPrefix("/") ? String(remainder) : "/" + remainder)
            let hostPart = authority.split(separator: "@").last.map(String.init) ?? ""
            var host = hostPart
            var port = isTLS ? 443 : 80
            if hostPart.hasPrefix("["), let close = hostPart.firstIndex(of: "]") {
                host = String(hostPart[hostPart.index(after: hostPart.startIndex)..<close])
                let after = hostPart[hostPart.index(after: close)...]
                if after.hasPrefix(":") {
                    guard let number = Int(after.dropFirst()) else { return nil }
                    port = number
                }
            } else if let colon = hostPart.lastIndex(of: ":") {
                guard let number = Int(hostPart[hostPart.index(after: colon)...]) else { return nil }
                host = String(hostPart[..<colon])
                port = number
            }
            guard !host.isEmpty, (1...65535).contains(port), !path.contains(where: { $0.isWhitespace || $0.isNewline }) else {
                return nil
            }
            self.host = host
            self.port = port
            hostHeader = hostPart
        }
    }
}
