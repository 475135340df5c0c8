import Dispatch
import Glibc
import Logging
import Synchronization

/// An HTTP/1.1 server on POSIX sockets: one listening socket, and one event loop thread per
/// core (see `EventLoop`) serving non-blocking connections, with no thread per connection.
///
/// Each connection belongs to one loop for its whole life, so its requests are answered in
/// order; connections are spread over the loops round-robin, so they are served in parallel.
/// A responder runs on its connection's loop thread and delays that loop's other connections
/// while it runs, so responders should be short. The listener accepts on a Dispatch source of
/// its own: accepting costs per connection, not per request, and its pause-and-retry after
/// descriptor exhaustion is simplest there.
public final class HTTPServer: Sendable {
    private enum State {
        case idle
        case running(Listener, EventLoopGroup)
        case stopping
        case stopped
    }

    /// Pending connections the kernel queues for us; generous, so bursts are not refused.
    private static let listenBacklog: Int32 = 1024
    /// The default number of event loops: one per core that is online.
    private static var onlineCoreCount: Int {
        max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }
    /// Time for connections to close after being forced to, before shutdown stops waiting.
    /// Only a responder that is still running can hold one open that long.
    private static let forcedCloseWait = 1.0

    private let configuration: HTTPServerConfiguration
    private let responder: any HTTPResponder
    private let logger: Logger
    private let registry = ConnectionRegistry()
    private let state = Mutex(State.idle)
    private let boundPort = Atomic<Int>(0)
    /// Entered by `start()` and left when shutdown completes, for `waitUntilStopped()`.
    private let running = DispatchGroup()

    public init(configuration: HTTPServerConfiguration, responder: any HTTPResponder, logger: Logger = Logger(label: "understudy.http")) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
    }

    /// Binds and listens; returns the bound port (the real one when `configuration.port` is 0).
    /// Throws `HTTPServerError` for a bad configuration or a second start, and `SocketError`
    /// (with the errno text) when the system refuses.
    @discardableResult
    public func start() throws -> Int {
        guard let address = Socket.ipv4Address(configuration.host) else {
            throw HTTPServerError.invalidHost(configuration.host)
        }
        guard let port = UInt16(exactly: configuration.port) else {
            throw HTTPServerError.invalidPort(configuration.port)
        }
        return try state.withLock { state throws -> Int in
            guard case .idle = state else { throw HTTPServerError.alreadyStarted }
            // A write to a peer that has gone away must fail with EPIPE rather than kill the
            // process; sends use MSG_NOSIGNAL too, this also covers anything else in the process.
            signal(SIGPIPE, SIG_IGN)
            let loops = try EventLoopGroup(count: configuration.eventLoopCount ?? Self.onlineCoreCount, logger: logger)
            let listener: Listener
            do {
                listener = try Listener(address: address, port: port, backlog: Self.listenBacklog, logger: logger) { [weak self] socket, address in
                    guard let self else {
                        socket.close()  // the server is gone; nobody could serve this connection
                        return
                    }
                    self.accept(socket, from: address, loop: loops.next())
                }
            } catch {
                _ = loops.stop(timeout: Self.forcedCloseWait)
                throw error
            }
            boundPort.store(listener.port, ordering: .releasing)
            running.enter()
            state = .running(listener, loops)
            listener.resume()
            logger.debug("listening", metadata: ["address": "\(configuration.host):\(listener.port)"])
            return listener.port
        }
    }

    /// The bound port once `start()` has returned; 0 before.
    public var port: Int {
        boundPort.load(ordering: .acquiring)
    }

    /// Graceful: stop accepting at once, let in-flight requests finish and be written, close idle
    /// keep-alive connections, force-close whatever remains after `gracePeriod` seconds.
    /// Returns when done. Safe to call twice; a second caller waits for the first to finish.
    ///
    /// A responder that never returns cannot be interrupted: shutdown gives up waiting for its
    /// connection one second after forcing the others closed, and logs it.
    /// Do not call it from a responder: that connection could not finish until shutdown returned.
    public func shutdown(gracePeriod: Double = 5) {
        let components: (Listener, EventLoopGroup)? = state.withLock { state in
            switch state {
            case .idle:
                state = .stopped
                return nil
            case .running(let listener, let loops):
                state = .stopping
                return (listener, loops)
            case .stopping, .stopped:
                return nil
            }
        }
        guard let (listener, loops) = components else {
            running.wait()
            return
        }

        listener.stop()
        registry.beginDraining()
        if !registry.waitUntilEmpty(timeout: gracePeriod) {
            logger.info("grace period over; closing remaining connections", metadata: ["count": "\(registry.count)"])
            registry.closeAll()
            if !registry.waitUntilEmpty(timeout: Self.forcedCloseWait) {
                logger.warning("connections with a responder still running remain open", metadata: ["count": "\(registry.count)"])
            }
        }
        // With every connection closed the loops end at once. A loop held by a stuck responder
        // (already reported above) is not waited for: it ends, closing the rest, when that returns.
        let loopWait = registry.count == 0 ? Self.forcedCloseWait : 0
        if !loops.stop(timeout: loopWait) && loopWait > 0 {
            logger.warning("an event loop did not stop within \(loopWait) seconds")
        }
        state.withLock { $0 = .stopped }
        logger.debug("stopped")
        running.leave()
    }

    /// Blocks the calling thread until shutdown has completed (at once if never started).
    public func waitUntilStopped() {
        running.wait()
    }

    /// Called on the listener's queue for each accepted socket, with the loop whose turn it is.
    private func accept(_ socket: Socket, from address: ClientAddress?, loop: EventLoop) {
        // Only this queue adds connections, so the count cannot rise between check and add.
        guard registry.count < configuration.maxConnections else {
            refuseOverLimit(socket)
            return
        }
        socket.setNoDelay()
        let connection = Connection(
            socket: socket,
            clientAddress: address,
            loop: loop,
            responder: responder,
            configuration: configuration,
            registry: registry,
            logger: logger
        )
        registry.add(connection)
        connection.start()
    }

    /// Answers 503 without reading the request and closes, rather than leaving the client
    /// waiting in the backlog. Best effort: the write is not retried if the socket is full.
    private func refuseOverLimit(_ socket: Socket) {
        logger.notice("connection limit reached; refusing connection", metadata: ["limit": "\(configuration.maxConnections)"])
        var bytes: [UInt8] = []
        let context = ResponseEncoder.Context(
            isResponseToHEAD: false, keepAlive: false, isHTTP10: false,
            date: HTTPDate.imfFixdate(epochSeconds: Int(time(nil)))
        )
        ResponseEncoder.encode(.plainText(status: 503, "Too many connections"), context: context, into: &bytes)
        _ = bytes.withUnsafeBytes { socket.send($0) }
        socket.close()
    }
}
