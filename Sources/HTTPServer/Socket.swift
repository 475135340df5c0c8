import Glibc

/// A thin wrapper over a non-blocking TCP socket descriptor. It owns nothing by itself: whoever
/// holds it decides when to `close()`, exactly once.
struct Socket: Sendable, Hashable {
    let descriptor: Int32

    /// The outcome of one `recv` or `send`.
    enum IOResult: Equatable {
        case transferred(Int)
        /// EAGAIN: wait for the descriptor to become ready.
        case wouldBlock
        /// The peer closed its sending side (recv returned 0).
        case endOfStream
        case failed(errno: Int32)
    }

    enum AcceptResult {
        case accepted(Socket, ClientAddress?)
        case wouldBlock
        case failed(errno: Int32)
    }

    /// A listening IPv4 socket bound to `address:port` (port 0: the system picks one).
    static func listen(address: in_addr, port: UInt16, backlog: Int32) throws(SocketError) -> Socket {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw SocketError(operation: "socket", errno: errno) }
        let socket = Socket(descriptor: descriptor)
        let endpoint = "\(dottedQuad(address)):\(port)"
        do throws(SocketError) {
            // So a restarted server can bind while connections of the previous one sit in TIME_WAIT.
            try socket.setOption(SOL_SOCKET, SO_REUSEADDR, 1, operation: "setsockopt(SO_REUSEADDR)")
            var socketAddress = sockaddr_in()
            socketAddress.sin_family = sa_family_t(AF_INET)
            socketAddress.sin_port = port.bigEndian
            socketAddress.sin_addr = address
            let bound = withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0 else { throw SocketError(operation: "bind to \(endpoint)", errno: errno) }
            guard Glibc.listen(descriptor, backlog) == 0 else {
                throw SocketError(operation: "listen on \(endpoint)", errno: errno)
            }
        } catch {
            socket.close()
            throw error
        }
        return socket
    }

    /// Parses an IPv4 literal; `localhost` means the loopback address.
    static func ipv4Address(_ host: String) -> in_addr? {
        var address = in_addr()
        let literal = host == "localhost" ? "127.0.0.1" : host
        return inet_pton(AF_INET, literal, &address) == 1 ? address : nil
    }

    static func dottedQuad(_ address: in_addr) -> String {
        var address = address
        var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
        guard inet_ntop(AF_INET, &address, &text, socklen_t(text.count)) != nil else { return "?" }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The local port, which is the one the system chose when the socket was bound to port 0.
    func localPort() throws(SocketError) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let status = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard status == 0 else { throw SocketError(operation: "getsockname", errno: errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Takes one pending connection, with the address it came from, and makes it non-blocking
    /// and close-on-exec (an accepted socket inherits neither on Linux; accept4 would do it at
    /// once but Glibc's module map does not export it).
    func accept() -> AcceptResult {
        while true {
            var peer = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let client = withUnsafeMutablePointer(to: &peer) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.accept(descriptor, $0, &length) }
            }
            if client >= 0 {
                _ = fcntl(client, F_SETFL, O_NONBLOCK)
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                return .accepted(Socket(descriptor: client), ClientAddress(peer))
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            case let code: return .failed(errno: code)
            }
        }
    }

    func receive(into buffer: UnsafeMutableBufferPointer<UInt8>) -> IOResult {
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count > 0 { return .transferred(count) }
            if count == 0 { return .endOfStream }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            case let code: return .failed(errno: code)
            }
        }
    }

    /// Sends what the kernel will take now. MSG_NOSIGNAL: a peer that has gone away yields
    /// EPIPE instead of a SIGPIPE that would kill the process.
    func send(_ bytes: UnsafeRawBufferPointer) -> IOResult {
        while true {
            let count = Glibc.send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if count >= 0 { return .transferred(count) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            case let code: return .failed(errno: code)
            }
        }
    }

    /// Sends what the kernel will take now of `first` followed by `second`, in one system call
    /// (`sendmsg` with two parts; MSG_NOSIGNAL as in `send(_:)`).
    func send(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> IOResult {
        guard !second.isEmpty else { return send(first) }
        guard !first.isEmpty else { return send(second) }
        var parts = [
            iovec(iov_base: UnsafeMutableRawPointer(mutating: first.baseAddress), iov_len: first.count),
            iovec(iov_base: UnsafeMutableRawPointer(mutating: second.baseAddress), iov_len: second.count),
        ]
        while true {
            let count = parts.withUnsafeMutableBufferPointer { parts in
                var message = msghdr()
                message.msg_iov = parts.baseAddress
                message.msg_iovlen = parts.count
                return sendmsg(descriptor, &message, Int32(MSG_NOSIGNAL))
            }
            if count >= 0 { return .transferred(count) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            case let code: return .failed(errno: code)
            }
        }
    }

    /// Disables Nagle's algorithm: a response is written whole, so waiting to coalesce it with
    /// later data only adds latency (up to 40 ms with delayed ACKs).
    func setNoDelay() {
        try? setOption(Int32(IPPROTO_TCP), TCP_NODELAY, 1, operation: "setsockopt(TCP_NODELAY)")
    }

    /// Sends FIN while still allowing reads (a half-close).
    func shutdownWrite() {
        _ = Glibc.shutdown(descriptor, Int32(SHUT_WR))
    }

    func close() {
        // Not retried on EINTR: on Linux the descriptor is released even then.
        _ = Glibc.close(descriptor)
    }

    private func setOption(_ level: Int32, _ name: Int32, _ value: Int32, operation: String) throws(SocketError) {
        var value = value
        guard setsockopt(descriptor, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw SocketError(operation: operation, errno: errno)
        }
    }
}
