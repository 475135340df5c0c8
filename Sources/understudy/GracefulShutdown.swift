import Foundation
import UnderstudyServer

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT and SIGTERM stop the server gracefully: no new connections, in-flight requests finish.
///
/// The signals are blocked from the first line of `main`, before any thread exists, so every
/// thread inherits the mask and one that arrives while the server is still starting stays
/// pending instead of being lost or killing the process mid-write; a dedicated thread takes
/// them with `sigwait` once the server can act on them.
enum GracefulShutdown {
    private static var stopSignals: sigset_t {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        return signals
    }

    /// Call first thing, on the main thread, before anything starts a thread.
    static func holdStopSignals() {
        var signals = stopSignals
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }

    /// Waits for SIGINT or SIGTERM on a thread of its own, then shuts `server` down.
    static func stopOnSignal(_ server: UnderstudyServer) {
        let thread = Thread {
            var signals = stopSignals
            var received: Int32 = 0
            while sigwait(&signals, &received) != 0 {}
            server.shutdown(gracePeriod: 5)
        }
        thread.name = "understudy.signals"
        thread.start()
    }
}
