import Glibc

/// One HTTP/1.1 response as read off the wire by `RawSocketClient`.
public struct RawResponse: Sendable {
    /// E.g. `HTTP/1.1 200 OK`.
    public var statusLine: String
    public var status: Int
    /// In order, with duplicates, names as sent.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The first value of the header named `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headerValues(name).first
    }

    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }
}

public enum RawSocketClientError: Error, Sendable, CustomStringConvertible {
    case connectFailed(errno: Int32)
    case sendFailed(errno: Int32)
    case receiveFailed(errno: Int32)
    /// Nothing more arrived within the timeout; `received` is what had arrived unread.
    case timedOut(received: [UInt8])
    /// The server closed the connection in the middle of a response.
    case closedBeforeCompleteResponse(received: [UInt8])
    case malformedResponse(String)

    public var description: String {
        switch self {
        case .connectFailed(let code): return "connect failed: \(String(cString: strerror(code)))"
        case .sendFailed(let code): return "send failed: \(String(cString: strerror(code)))"
        case .receiveFailed(let code): return "receive failed: \(String(cString: strerror(code)))"
        case .timedOut(let received): return "timed out; unread: \(String(decoding: received, as: UTF8.self).debugDescription)"
        case .closedBeforeCompleteResponse(let received):
            return "connection closed mid-response; received: \(String(decoding: received, as: UTF8.self).debugDescription)"
        case .malformedResponse(let reason): return "malformed response: \(reason)"
        }
    }
}

/// A small blocking HTTP/1.1 client over a raw TCP socket, for tests that need to control the
/// exact bytes sent and see the exact bytes received. Every wait is bounded by `timeout`.
///
/// Not `Sendable`: it buffers what it has read, so use each client from one task at a time.
/// The socket is closed by `close()` or when the client is released.
public final class RawSocketClient {
    /// Seconds any single wait (connect, send, next bytes) may take before failing.
    public var timeout: Double
    private var descriptor: Int32
    /// Bytes received but not yet returned by a read.
    private var received: [UInt8] = []
    private var sawEndOfStream = false

    private init(descriptor: Int32, timeout: Double) {
        self.descriptor = descriptor
        self.timeout = timeout
    }

    deinit {
        close()
    }

    /// Connects to `host:port` over TCP with Nagle disabled, so every `send` leaves as its own segment.
    public static func connect(port: Int, host: String = "127.0.0.1", timeout: Double = 5) throws -> RawSocketClient {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw RawSocketClientError.connectFailed(errno: errno) }
        let client = RawSocketClient(descriptor: descriptor, timeout: timeout)
        var noDelay: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw RawSocketClientError.connectFailed(errno: EINVAL) }
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if status != 0 {
            guard errno == EINPROGRESS else { throw RawSocketClientError.connectFailed(errno: errno) }
            guard try client.waitFor(Int16(POLLOUT), until: client.deadline()) else {
                throw RawSocketClientError.connectFailed(errno: ETIMEDOUT)
            }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else { throw RawSocketClientError.connectFailed(errno: error) }
        }
        return client
    }

    // MARK: - Sending

    public func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        let deadline = deadline()
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            }
            if count >= 0 {
                offset += count
            } else if errno == EAGAIN || errno == EINTR {
                guard try waitFor(Int16(POLLOUT), until: deadline) else { throw RawSocketClientError.sendFailed(errno: ETIMEDOUT) }
            } else {
                throw RawSocketClientError.sendFailed(errno: errno)
            }
        }
    }

    /// Sends FIN: the server sees the end of the request stream but can still answer.
    public func shutdownWrite() {
        shutdown(descriptor, Int32(SHUT_WR))
    }

    /// Closes with a TCP reset instead of a FIN (SO_LINGER with a zero timeout).
    public func reset() {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        close()
    }

    public func close() {
        if descriptor >= 0 {
            Glibc.close(descriptor)
            descriptor = -1
        }
    }

    // MARK: - Receiving

    /// Reads one response. `isResponseToHEAD`: the response has no body whatever its headers say.
    /// A body is delimited by Content-Length, chunked coding, or the end of the connection.
    public func readResponse(isResponseToHEAD: Bool = false) throws -> RawResponse {
        let headEnd = try readHead()
        let head = String(decoding: received[..<headEnd], as: UTF8.self)
        received.removeFirst(headEnd + 4)

        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.removeFirst()
        let statusParts = statusLine.split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/"), let status = Int(statusParts[1]) else {
            throw RawSocketClientError.malformedResponse("status line \(statusLine.debugDescription)")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else {
                throw RawSocketClientError.malformedResponse("header line \(line.debugDescription)")
            }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
            headers.append((name: String(line[..<colon]), value: value))
        }
        var response = RawResponse(statusLine: statusLine, status: status, headers: headers, body: [])

        if isResponseToHEAD || (100...199).contains(status) || status == 204 || status == 304 {
            return response
        }
        if let length = response.header("Content-Length") {
            guard let length = Int(length), length >= 0 else {
                throw RawSocketClientError.malformedResponse("Content-Length \(length.debugDescription)")
            }
            response.body = try readExactly(length)
        } else if response.header("Transfer-Encoding")?.lowercased().hasSuffix("chunked") == true {
            response.body = try readChunkedBody()
        } else {
            response.body = try readUntilClose()
        }
        return response
    }

    /// Everything until the server closes the connection.
    public func readUntilClose() throws -> [UInt8] {
        let deadline = deadline()
        while try receiveMore(until: deadline) {}
        defer { received.removeAll() }
        return received
    }

    /// Whether the server closes the connection (FIN or reset) within `seconds`. Bytes that
    /// arrive meanwhile are kept for later reads.
    public func isClosedByPeer(within seconds: Double = 2) -> Bool {
        let deadline = deadline(after: seconds)
        do {
            while try receiveMore(until: deadline) {}
            return true
        } catch RawSocketClientError.receiveFailed {
            return true  // a reset
        } catch {
            return false
        }
    }

    /// Bytes received but not yet returned by a read.
    public var unreadBytes: [UInt8] { received }

    // MARK: - Internals

    /// The index where the header block ends (the CRLFCRLF), reading until it has arrived.
    private func readHead() throws -> Int {
        let deadline = deadline()
        var searchFrom = 0
        while true {
            if received.count >= 4 {
                for index in searchFrom...(received.count - 4)
                where received[index] == 13 && received[index + 1] == 10 && received[index + 2] == 13 && received[index + 3] == 10 {
                    return index
                }
                searchFrom = received.count - 3
            }
            guard try receiveMore(until: deadline) else {
                throw RawSocketClientError.closedBeforeCompleteResponse(received: received)
            }
        }
    }

    private func readExactly(_ count: Int) throws -> [UInt8] {
        let deadline = deadline()
        while received.count < count {
            guard try receiveMore(until: deadline) else {
                throw RawSocketClientError.closedBeforeCompleteResponse(received: received)
            }
        }
        defer { received.removeFirst(count) }
        return Array(received[..<count])
    }

    private func readLine() throws -> String {
        let deadline = deadline()
        while true {
            if let lineFeed = received.firstIndex(of: 10) {
                let line = String(decoding: received[..<lineFeed], as: UTF8.self)
                received.removeFirst(lineFeed + 1)
                return line.hasSuffix("\r") ? String(line.dropLast()) : line
            }
            guard try receiveMore(until: deadline) else {
                throw RawSocketClientError.closedBeforeCompleteResponse(received: received)
            }
        }
    }

    private func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let sizeText = try readLine().prefix { $0 != ";" }.trimmingCharacters(in: " \t")
            guard let size = Int(sizeText, radix: 16) else {
                throw RawSocketClientError.malformedResponse("chunk size \(sizeText.debugDescription)")
            }
            if size == 0 {
                while try !readLine().isEmpty {}  // trailers
                return body
            }
            body += try readExactly(size)
            _ = try readLine()
        }
    }

    /// Waits for and appends more bytes; false at the end of the stream.
    private func receiveMore(until deadline: timespec) throws -> Bool {
        if sawEndOfStream { return false }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received += chunk[..<count]
                return true
            }
            if count == 0 {
                sawEndOfStream = true
                return false
            }
            guard errno == EAGAIN || errno == EINTR else { throw RawSocketClientError.receiveFailed(errno: errno) }
            guard try waitFor(Int16(POLLIN), until: deadline) else { throw RawSocketClientError.timedOut(received: received) }
        }
    }

    /// Polls for `events`; false if the deadline passed first.
    private func waitFor(_ events: Int16, until deadline: timespec) throws -> Bool {
        while true {
            let remaining = milliseconds(until: deadline)
            guard remaining > 0 else { return false }
            var descriptor = pollfd(fd: self.descriptor, events: events, revents: 0)
            let status = poll(&descriptor, 1, Int32(min(remaining, Int(Int32.max))))
            if status > 0 { return true }
            if status < 0 && errno != EINTR { throw RawSocketClientError.receiveFailed(errno: errno) }
        }
    }

    private func deadline(after seconds: Double? = nil) -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let nanoseconds = Int(now.tv_nsec) + Int((seconds ?? timeout) * 1e9)
        return timespec(tv_sec: now.tv_sec + nanoseconds / 1_000_000_000, tv_nsec: nanoseconds % 1_000_000_000)
    }

    private func milliseconds(until deadline: timespec) -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let nanoseconds = (deadline.tv_sec - now.tv_sec) * 1_000_000_000 + (deadline.tv_nsec - now.tv_nsec)
        return nanoseconds <= 0 ? 0 : (nanoseconds + 999_999) / 1_000_000
    }
}

private extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
