import Dispatch
import Synchronization

/// The live connections of one server: admission against the connection limit, and the drain
/// at shutdown. The lock guards only the set itself and is never held across I/O.
final class ConnectionRegistry: Sendable {
    private let connections = Mutex<[ObjectIdentifier: Connection]>([:])
    private let draining = Atomic<Bool>(false)
    /// Entered once per registered connection and left when it is removed, so shutdown can
    /// wait for the set to empty without polling.
    private let openConnections = DispatchGroup()

    var count: Int {
        connections.withLock { $0.count }
    }

    /// Whether the server is shutting down: responses from now on close their connection.
    var isDraining: Bool {
        draining.load(ordering: .relaxed)
    }

    func add(_ connection: Connection) {
        connections.withLock { connections in
            connections[ObjectIdentifier(connection)] = connection
            openConnections.enter()
        }
    }

    func remove(_ connection: Connection) {
        connections.withLock { connections in
            if connections.removeValue(forKey: ObjectIdentifier(connection)) != nil {
                openConnections.leave()
            }
        }
    }

    /// Marks the server as shutting down and closes every connection that has no request in
    /// progress; the others close after their current response.
    func beginDraining() {
        draining.store(true, ordering: .relaxed)
        for connection in snapshot() {
            connection.closeIfIdle()
        }
    }

    /// Closes every remaining connection, whatever it is doing.
    func closeAll() {
        for connection in snapshot() {
            connection.forceClose()
        }
    }

    /// Waits until every connection is closed; false if `timeout` seconds passed first.
    func waitUntilEmpty(timeout: Double) -> Bool {
        openConnections.wait(timeout: .now() + max(0, timeout)) == .success
    }

    private func snapshot() -> [Connection] {
        connections.withLock { Array($0.values) }
    }
}
