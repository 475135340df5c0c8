import Logging

/// The event loops of one server, and the round-robin that assigns each new connection to one
/// of them for its whole life.
///
/// Thread safety: `loops` is immutable after init; `nextIndex` is used only by `next()`, which
/// is called only from the listener's serial queue.
final class EventLoopGroup: @unchecked Sendable {
    private let loops: [EventLoop]
    private var nextIndex = 0

    /// Creates and starts `count` loops (at least one), their threads named `understudy.io.N`.
    init(count: Int, logger: Logger) throws(SocketError) {
        var loops: [EventLoop] = []
        for index in 0..<max(1, count) {
            do {
                let loop = try EventLoop(name: "understudy.io.\(index)", logger: logger)
                loop.start()
                loops.append(loop)
            } catch {
                for loop in loops { loop.stop() }
                throw error
            }
        }
        self.loops = loops
    }

    /// The loop for the next connection. Only from the listener's queue.
    func next() -> EventLoop {
        let loop = loops[nextIndex]
        nextIndex = (nextIndex + 1) % loops.count
        return loop
    }

    /// Stops every loop and waits up to `timeout` seconds in all for their threads to end;
    /// false if some did not (a responder still running holds its loop).
    func stop(timeout: Double) -> Bool {
        for loop in loops { loop.stop() }
        let deadline = MonotonicInstant.now().adding(seconds: timeout)
        var allExited = true
        for loop in loops {
            let remaining = Double(deadline.millisecondsRoundedUp(since: .now())) / 1000
            allExited = loop.waitUntilExited(timeout: remaining) && allExited
        }
        return allExited
    }
}
