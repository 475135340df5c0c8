import Dispatch
import Glibc
import Logging

/// The listening socket and its accept loop, driven by a Dispatch read source.
///
/// Thread safety (why `@unchecked Sendable` holds): the only mutable property,
/// `isPausedAfterError`, is used only on `queue`, where the source's handlers run; `stop()`
/// touches it inside `queue.sync`.
final class Listener: @unchecked Sendable {
    /// Connections taken per readiness event before yielding, so a flood of connects cannot
    /// starve the rest of the listener queue's work (shutdown waits on it).
    private static let maxAcceptsPerEvent = 256
    /// How long to stop accepting when out of descriptors or memory; retrying at once would spin.
    private static let backoffAfterResourceError = DispatchTimeInterval.milliseconds(100)

    let port: Int
    private let socket: Socket
    private let queue = DispatchQueue(label: "understudy.http.listener")
    private let source: DispatchSourceRead
    private let closed = DispatchSemaphore(value: 0)
    private let logger: Logger
    private let onAccept: @Sendable (Socket, ClientAddress?) -> Void
    private var isPausedAfterError = false

    /// Binds and listens; accepting starts with `resume()`.
    init(address: in_addr, port: UInt16, backlog: Int32, logger: Logger, onAccept: @escaping @Sendable (Socket, ClientAddress?) -> Void) throws(SocketError) {
        let socket = try Socket.listen(address: address, port: port, backlog: backlog)
        do {
            self.port = try socket.localPort()
        } catch {
            socket.close()
            throw error
        }
        self.socket = socket
        self.logger = logger
        self.onAccept = onAccept
        source = DispatchSource.makeReadSource(fileDescriptor: socket.descriptor, queue: queue)
        source.setEventHandler { [weak self] in self?.acceptPending() }
        source.setCancelHandler { [socket, closed] in
            socket.close()
            closed.signal()
        }
    }

    func resume() {
        source.resume()
    }

    /// Stops accepting and closes the listening socket; returns once it is closed, so that new
    /// connection attempts are refused from then on.
    func stop() {
        queue.sync {
            // Once this block runs no accept handler is running, and none will after the cancel.
            source.cancel()
            if isPausedAfterError {
                source.resume()  // a suspended source never finishes cancelling
                isPausedAfterError = false
            }
        }
        if closed.wait(timeout: .now() + 5) == .timedOut {
            logger.warning("listening socket did not close within 5 seconds")
        }
    }

    private func acceptPending() {
        for _ in 0..<Self.maxAcceptsPerEvent {
            switch socket.accept() {
            case .accepted(let client, let address):
                onAccept(client, address)
            case .wouldBlock:
                return
            case .failed(let code) where code == ECONNABORTED || code == EPROTO || code == EPERM:
                continue  // that client gave up or was refused by a firewall; others may be waiting
            case .failed(let code) where code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM:
                logger.warning("accept failed; pausing", metadata: ["error": "\(SocketError(operation: "accept", errno: code))"])
                pauseAfterError()
                return
            case .failed(let code):
                logger.error("accept failed", metadata: ["error": "\(SocketError(operation: "accept", errno: code))"])
                return
            }
        }
    }

    private func pauseAfterError() {
        source.suspend()
        isPausedAfterError = true
        queue.asyncAfter(deadline: .now() + Self.backoffAfterResourceError) { [self] in
            guard isPausedAfterError else { return }
            isPausedAfterError = false
            source.resume()
        }
    }
}
