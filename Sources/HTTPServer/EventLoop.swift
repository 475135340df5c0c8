import CSystemShims
import Dispatch
import Glibc
import Logging
import Synchronization

/// One thread that owns an epoll instance and the connections assigned to it: it waits for
/// their sockets to become ready and runs their reads, parsing, responder calls and writes
/// inline, so a request costs no thread hop. Timeouts are served from the same thread, with the
/// nearest deadline as the epoll_wait timeout.
///
/// Because everything of a loop runs on its one thread, a slow responder delays the other
/// connections of the same loop (not those of other loops) until it returns. Responders are
/// expected to be short (the product's are SQLite reads and writes).
///
/// Thread safety (why `@unchecked Sendable` holds): `pendingTasks` is guarded by its mutex and
/// the descriptors are immutable; every other property (`connections`, `timers`,
/// `isStopRequested`) is touched only on the loop's thread. Other threads reach the loop only
/// through `execute(_:)` and `stop()`.
final class EventLoop: @unchecked Sendable {
    /// Tasks handed in by other threads, and whether the loop still takes them.
    private struct PendingTasks {
        var tasks: [@Sendable () -> Void] = []
        var isClosed = false
    }

    /// Events taken per epoll_wait; more ready descriptors are simply reported by the next call.
    private static let maxEventsPerWait = 256

    let name: String
    private let epoll: Epoll
    private let wakeup: WakeupSignal
    private let logger: Logger
    private let pendingTasks = Mutex(PendingTasks())
    private let exited = DispatchSemaphore(value: 0)

    private var connections: [Int32: Connection] = [:]
    private var timers = TimerQueue()
    private var isStopRequested = false

    init(name: String, logger: Logger) throws(SocketError) {
        self.name = name
        self.logger = logger
        epoll = try Epoll()
        do throws(SocketError) {
            wakeup = try WakeupSignal()
            try epoll.add(wakeup.descriptor, for: .readable)
        } catch {
            epoll.close()
            throw error
        }
    }

    /// Starts the loop's thread; it runs until `stop()`.
    func start() {
        let retainedSelf = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { argument in
            let loop = Unmanaged<EventLoop>.fromOpaque(argument!).takeRetainedValue()
            loop.run()
            return nil
        }, retainedSelf)
        precondition(status == 0, "cannot start event loop thread: \(String(cString: strerror(status)))")
        pthread_detach(thread)
    }

    // MARK: - From any thread

    /// Runs `task` on the loop's thread, after the tasks handed in before it. Dropped if the
    /// loop has already stopped (nothing is registered with it any more by then).
    func execute(_ task: @escaping @Sendable () -> Void) {
        pendingTasks.withLock { pending in
            guard !pending.isClosed else { return }
            pending.tasks.append(task)
            // One wake-up per batch: the loop takes all tasks at once after being woken. Signalled
            // under the lock so that the loop cannot close the eventfd in between.
            if pending.tasks.count == 1 { wakeup.signal() }
        }
    }

    /// Asks the loop to close whatever connections it still has and end its thread.
    func stop() {
        execute { self.isStopRequested = true }
    }

    /// Waits for the thread to end after `stop()`; false if `timeout` seconds passed first
    /// (a responder that does not return holds its loop).
    func waitUntilExited(timeout: Double) -> Bool {
        exited.wait(timeout: .now() + max(0, timeout)) == .success
    }

    // MARK: - On the loop's thread

    /// Starts watching `connection`'s socket for input.
    func register(_ connection: Connection, descriptor: Int32) throws(SocketError) {
        try epoll.add(descriptor, for: .readable)
        connections[descriptor] = connection
    }

    func watch(_ descriptor: Int32, for interest: Epoll.Interest) throws(SocketError) {
        try epoll.change(descriptor, to: interest)
    }

    /// Forgets a connection about to close its socket. No epoll_ctl(DEL) is needed: the
    /// descriptor is never duplicated, so closing it removes it from the epoll instance.
    func deregister(descriptor: Int32) {
        connections[descriptor] = nil
    }

    /// Calls the connection's `handleTimer(scheduledFor:)` once `instant` has passed.
    func scheduleTimer(for descriptor: Int32, at instant: MonotonicInstant) {
        timers.schedule(descriptor, at: instant)
    }

    private func run() {
        _ = shims_set_current_thread_name(name)
        let events = UnsafeMutableBufferPointer<epoll_event>.allocate(capacity: Self.maxEventsPerWait)
        defer { events.deallocate() }

        while !isStopRequested {
            let timeout = timers.nextInstant.map { $0.millisecondsRoundedUp(since: .now()) } ?? -1
            let readyCount = epoll.wait(into: events, timeoutMilliseconds: timeout)
            for event in events[..<readyCount] {
                let descriptor = event.data.fd
                if descriptor == wakeup.descriptor {
                    wakeup.reset()
                    runPendingTasks()
                } else {
                    // A descriptor closed earlier in this batch may have been reused by a
                    // connection registered since; a spurious event is harmless (EAGAIN).
                    connections[descriptor]?.handleEvents()
                }
            }
            fireDueTimers()
        }
        finish()
    }

    private func runPendingTasks() {
        let tasks = pendingTasks.withLock { pending in
            let tasks = pending.tasks
            pending.tasks.removeAll(keepingCapacity: true)
            return tasks
        }
        for task in tasks { task() }
    }

    private func fireDueTimers() {
        guard timers.nextInstant != nil else { return }
        let now = MonotonicInstant.now()
        while let entry = timers.popDue(at: now) {
            connections[entry.descriptor]?.handleTimer(scheduledFor: entry.instant)
        }
    }

    /// Closes the loop for new tasks, runs the last ones, closes the remaining connections and
    /// releases the descriptors; only then can no other thread be signalling the eventfd.
    private func finish() {
        let lastTasks = pendingTasks.withLock { pending in
            pending.isClosed = true
            return pending.tasks
        }
        for task in lastTasks { task() }
        for connection in Array(connections.values) { connection.closeNow() }
        wakeup.close()
        epoll.close()
        logger.trace("event loop stopped", metadata: ["loop": "\(name)"])
        exited.signal()
    }
}
