import Dispatch
import UnderstudyServer

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT and SIGTERM stop `server` gracefully: no new connections, in-flight requests finish.
/// Keep the returned sources alive for as long as the handling should last.
func shutDownOnSignals(_ server: UnderstudyServer) -> [any DispatchSourceSignal] {
    let queue = DispatchQueue(label: "understudy.signals")
    return [SIGINT, SIGTERM].map { signalNumber in
        signal(signalNumber, SIG_IGN)  // the Dispatch source, not the default action, handles it
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
        source.setEventHandler { server.shutdown(gracePeriod: 5) }
        source.resume()
        return source
    }
}
