import Logging

/// One accepted client connection: reads requests as bytes arrive, has the responder answer
/// them in order, writes the responses, and closes on request, error, timeout or shutdown.
///
/// I/O is non-blocking and event-driven, on the thread of the `EventLoop` that owns the
/// connection for its whole life: the socket is watched for input, or only for output while a
/// write is blocked; one timer enforces whichever timeout applies to the current phase.
///
/// Thread safety (why `@unchecked Sendable` holds): every mutable property is used only on the
/// loop's thread. The loop calls the event and timer handlers there, and the only methods
/// called from other threads (`start`, `closeIfIdle`, `forceClose`) do nothing but hop onto it.
final class Connection: @unchecked Sendable {
    private enum Lifecycle {
        /// Reading and answering requests.
        case open
        /// A final response is queued; close once it has been written.
        case closingAfterFlush
        /// Our side is shut down; discard input until the client closes or the linger time ends.
        case lingering
        case closed
    }

    private enum FlushOutcome {
        case complete
        case blocked
        case failed
    }

    /// Stop answering pipelined requests while this much output waits, so a client that sends
    /// but never reads cannot make the server buffer without bound.
    private static let outputHighWaterMark = 256 * 1024
    /// How long to keep reading after a final response before closing, so that unread request
    /// bytes do not turn our close into a reset that destroys the response (RFC 9112 §9.6).
    private static let lingerTimeout = 2.0
    /// Reads per event while lingering, so one client flooding us cannot monopolise its loop.
    private static let maxDiscardReadsPerEvent = 16
    private static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    private let socket: Socket
    /// Where the client connected from; every request of the connection carries it.
    private let clientAddress: ClientAddress?
    private let loop: EventLoop
    private let responder: any HTTPResponder
    private let configuration: HTTPServerConfiguration
    private let registry: ConnectionRegistry
    private let logger: Logger

    private var lifecycle = Lifecycle.open
    private var parser: RequestParser
    private var dateCache = HTTPDateCache()
    /// Set once the client has shut down its sending side; we answer what it sent, then close.
    private var peerClosedInput = false

    private var outbound = OutputQueue()
    private var hasPendingOutput: Bool { !outbound.isEmpty }

    /// What the loop watches the socket for: input, except output only while a write is blocked.
    private var interest = Epoll.Interest.readable

    /// The timer fires at `timerFireTime` at the earliest and acts only if `deadline` has passed;
    /// otherwise it re-arms for `deadline`. Moving the deadline later is then just an assignment,
    /// and the timer is re-armed only when a deadline moves earlier.
    private var timerFireTime: MonotonicInstant?
    private var deadline = MonotonicInstant.distantFuture
    /// The request phase the deadline was computed for, and since when it has lasted.
    private var trackedProgress = RequestParser.Progress.idle
    private var trackedProgressSince = MonotonicInstant.now()

    init(
        socket: Socket,
        clientAddress: ClientAddress?,
        loop: EventLoop,
        responder: any HTTPResponder,
        configuration: HTTPServerConfiguration,
        registry: ConnectionRegistry,
        logger: Logger
    ) {
        self.socket = socket
        self.clientAddress = clientAddress
        self.loop = loop
        self.responder = responder
        self.configuration = configuration
        self.registry = registry
        var logger = logger
        logger[metadataKey: "connection"] = "\(socket.descriptor)"
        self.logger = logger
        self.parser = RequestParser(limits: RequestParser.Limits(configuration))
    }

    // MARK: - Entry points from other threads

    func start() {
        loop.execute { self.open() }
    }

    /// For graceful shutdown: closes now if no request is in progress; otherwise the request in
    /// progress is answered with `Connection: close` (the registry is draining) and then closed.
    func closeIfIdle() {
        loop.execute {
            if self.lifecycle == .open && self.parser.progress == .idle && !self.hasPendingOutput {
                self.closeNow()
            }
        }
    }

    func forceClose() {
        loop.execute { self.closeNow() }
    }

    // MARK: - Events, on the loop's thread

    private func open() {
        do {
            try loop.register(self, descriptor: socket.descriptor)
        } catch {
            logger.warning("cannot watch connection", metadata: ["error": "\(error)"])
            lifecycle = .closed
            finishClosing()
            return
        }
        logger.trace("connection opened")
        setDeadline(MonotonicInstant.now().adding(seconds: configuration.idleTimeout))
    }

    /// Called by the loop when the socket is ready for what `interest` says, or has an error or
    /// hang-up, which the next read or write then reports.
    func handleEvents() {
        switch interest {
        case .readable: handleReadable()
        case .writable: handleWritable()
        }
    }

    private func handleReadable() {
        switch lifecycle {
        case .open: break
        case .lingering: discardInput(); return
        case .closingAfterFlush, .closed: return
        }

        let result = ThreadReadBuffer.withBuffer { buffer in
            let result = socket.receive(into: buffer)
            if case .transferred(let count) = result {
                parser.append(UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
            return result
        }
        switch result {
        case .transferred:
            break
        case .wouldBlock:
            return
        case .endOfStream:
            // Answer whatever complete requests arrived before it; `serve` then closes (or waits
            // for output, which stops watching input that would keep reporting the end of stream).
            peerClosedInput = true
        case .failed(let code):
            logger.trace("connection reset while reading", metadata: ["errno": "\(code)"])
            closeNow()
            return
        }
        serve()
    }

    private func handleWritable() {
        guard lifecycle == .open || lifecycle == .closingAfterFlush else { return }
        switch flush() {
        case .complete: serve()  // answers requests held back by the output limit, resumes reading
        case .blocked: setDeadline(MonotonicInstant.now().adding(seconds: configuration.idleTimeout))  // it made progress
        case .failed: break
        }
    }

    /// Called by the loop for every timer this connection armed; only the latest arming counts,
    /// earlier ones that were superseded (or belonged to a previous user of the descriptor) are ignored.
    func handleTimer(scheduledFor fireTime: MonotonicInstant) {
        guard fireTime == timerFireTime else { return }
        timerFireTime = nil
        guard lifecycle != .closed else { return }
        guard MonotonicInstant.now() >= deadline else {
            armTimer(at: deadline)
            return
        }
        handleTimeout()
    }

    // MARK: - Serving requests

    /// Answers every complete request buffered so far, writes the responses, then either waits
    /// for more input or moves on to closing.
    private func serve() {
        while true {
            let heldBackByOutputLimit = lifecycle == .open && answerBufferedRequests()
            switch flush() {
            case .complete: break
            case .blocked: waitUntilWritable(); return
            case .failed: return
            }
            if !heldBackByOutputLimit { break }
        }

        switch lifecycle {
        case .open:
            if peerClosedInput {
                closeNow()
            } else {
                resumeReading()
                updateDeadline()
            }
        case .closingAfterFlush:
            beginLingeringClose()
        case .lingering, .closed:
            break
        }
    }

    /// Parses and answers requests until more input is needed or the connection is to close.
    /// Returns true when it stopped because too much output is waiting to be written.
    private func answerBufferedRequests() -> Bool {
        while lifecycle == .open {
            guard outbound.count < Self.outputHighWaterMark else { return true }
            let parsed: RequestParser.ParsedRequest?
            do {
                parsed = try parser.next()
            } catch {
                answer(error)
                return false
            }
            guard let parsed else {
                // RFC 9110 §10.1.1: the client waits for 100 before sending the body it announced.
                if parser.isAwaitingContinue {
                    outbound.append { $0.append(contentsOf: Self.continueResponse) }
                    parser.continueWasSent()
                }
                return false
            }
            trackedProgress = .idle  // the next request's phases start afresh
            answer(parsed)
        }
        return false
    }

    private func answer(_ parsed: RequestParser.ParsedRequest) {
        var request = parsed.request
        request.clientAddress = clientAddress
        let response = responder.respond(to: request)
        let context = ResponseEncoder.Context(
            isResponseToHEAD: request.method == "HEAD",
            keepAlive: parsed.keepAlive && !registry.isDraining,
            isHTTP10: request.version == .http1_0,
            date: dateCache.current()
        )
        if !ResponseEncoder.encode(response, context: context, into: &outbound) {
            lifecycle = .closingAfterFlush
        }
    }

    private func answer(_ error: RequestParseError) {
        logger.debug("rejected request", metadata: ["status": "\(error.status)", "reason": "\(error.explanation)"])
        sendFinalResponse(status: error.status, error.explanation)
    }

    /// Queues a response the server makes up itself, after which the connection closes.
    private func sendFinalResponse(status: Int, _ message: String) {
        let context = ResponseEncoder.Context(isResponseToHEAD: false, keepAlive: false, isHTTP10: false, date: dateCache.current())
        _ = ResponseEncoder.encode(.plainText(status: status, message), context: context, into: &outbound)
        lifecycle = .closingAfterFlush
    }

    // MARK: - Writing

    /// Writes queued output until done or the socket is full. Head and body of a response go
    /// out together, so a response that fits the socket buffer takes one system call.
    private func flush() -> FlushOutcome {
        while hasPendingOutput {
            switch outbound.send(to: socket) {
            case .transferred:
                break
            case .wouldBlock:
                return .blocked
            case .endOfStream, .failed:
                logger.trace("connection reset while writing")
                closeNow()
                return .failed
            }
        }
        outbound.removeAll()
        return .complete
    }

    /// Waits for the socket to accept more output; reading pauses meanwhile, so a client that
    /// does not read its responses is slowed by TCP flow control instead of filling our memory.
    private func waitUntilWritable() {
        guard watch(.writable) else { return }
        // The client must keep reading: a write blocked for the idle timeout closes the connection.
        setDeadline(MonotonicInstant.now().adding(seconds: configuration.idleTimeout))
    }

    // MARK: - Timeouts

    /// Sets the deadline for what the connection is waiting for now: the next request (idle
    /// timeout), the rest of a head or body (measured from when that phase began).
    private func updateDeadline() {
        let now = MonotonicInstant.now()
        let progress = parser.progress
        if progress != trackedProgress {
            trackedProgress = progress
            trackedProgressSince = now
        }
        switch progress {
        case .idle: setDeadline(now.adding(seconds: configuration.idleTimeout))
        case .head: setDeadline(trackedProgressSince.adding(seconds: configuration.headerReadTimeout))
        case .body: setDeadline(trackedProgressSince.adding(seconds: configuration.bodyReadTimeout))
        }
    }

    private func setDeadline(_ newDeadline: MonotonicInstant) {
        deadline = newDeadline
        if let timerFireTime, timerFireTime <= newDeadline { return }
        armTimer(at: newDeadline)
    }

    private func armTimer(at time: MonotonicInstant) {
        loop.scheduleTimer(for: socket.descriptor, at: time)
        timerFireTime = time
    }

    private func handleTimeout() {
        guard lifecycle == .open, !hasPendingOutput else {
            // Lingering is over, or the client stopped reading our output.
            closeNow()
            return
        }
        switch parser.progress {
        case .idle:
            // RFC 9112 §9.5: an idle persistent connection may be closed at any time.
            logger.trace("idle timeout")
            closeNow()
        case .head, .body:
            // RFC 9110 §15.5.9: tell the client why before closing.
            logger.debug("request timed out", metadata: ["phase": "\(parser.progress)"])
            sendFinalResponse(status: 408, "Request timed out")
            serve()
        }
    }

    // MARK: - Closing

    /// Half-closes and keeps discarding input for a while before closing for good: closing with
    /// unread input makes the kernel send a reset, which can destroy the response we just sent
    /// before the client has read it (RFC 9112 §9.6).
    private func beginLingeringClose() {
        lifecycle = .lingering
        socket.shutdownWrite()
        if peerClosedInput {
            closeNow()
            return
        }
        guard resumeReading() else { return }
        deadline = MonotonicInstant.now().adding(seconds: Self.lingerTimeout)
        armTimer(at: deadline)
    }

    private func discardInput() {
        let result: Socket.IOResult = ThreadReadBuffer.withBuffer { buffer in
            for _ in 0..<Self.maxDiscardReadsPerEvent {
                let result = socket.receive(into: buffer)
                guard case .transferred = result else { return result }
            }
            return .wouldBlock
        }
        switch result {
        case .transferred, .wouldBlock: break
        case .endOfStream, .failed: closeNow()
        }
    }

    /// Closes the socket at once. On the loop's thread only (other threads use `forceClose`).
    func closeNow() {
        guard lifecycle != .closed else { return }
        lifecycle = .closed
        loop.deregister(descriptor: socket.descriptor)
        finishClosing()
    }

    private func finishClosing() {
        socket.close()
        outbound = OutputQueue()
        logger.trace("connection closed")
        registry.remove(self)
    }

    // MARK: - What the loop watches for

    /// Watches for input again, unless the client has closed its side (nothing more will come).
    /// False if the connection had to be closed because the loop could not watch it.
    @discardableResult
    private func resumeReading() -> Bool {
        guard !peerClosedInput else { return true }
        return watch(.readable)
    }

    /// Only one direction is watched at a time: while output is blocked, input waits, so a client
    /// that does not read its responses is slowed by TCP flow control instead of filling memory.
    /// False if the connection had to be closed because the loop could not watch it.
    private func watch(_ newInterest: Epoll.Interest) -> Bool {
        guard newInterest != interest else { return true }
        do {
            try loop.watch(socket.descriptor, for: newInterest)
        } catch {
            logger.warning("cannot watch connection", metadata: ["error": "\(error)"])
            closeNow()
            return false
        }
        interest = newInterest
        return true
    }
}
