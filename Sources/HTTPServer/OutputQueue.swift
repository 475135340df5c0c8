/// A connection's output waiting to be written: response heads and small bodies copied into one
/// buffer, and after them at most one large body held as the responder's own array, so that a
/// body of hundreds of kilobytes is not copied once more on its way out. Both go out in one
/// system call (`Socket.send(_:_:)`).
struct OutputQueue {
    /// Bodies at least this large are held rather than copied.
    static let separateBodyMinimum = 16 * 1024
    /// A buffer that grew past this for one large output is released once written.
    private static let retainedCapacity = 64 * 1024

    private var buffer: [UInt8] = []
    private var bufferOffset = 0
    /// Follows the whole of `buffer`.
    private var body: [UInt8] = []
    private var bodyOffset = 0

    /// Bytes not yet written.
    var count: Int { buffer.count - bufferOffset + body.count - bodyOffset }

    var isEmpty: Bool { count == 0 }

    /// Lets `write` append to the buffer, after everything queued so far.
    mutating func append<Result>(_ write: (inout [UInt8]) -> Result) -> Result {
        if bodyOffset < body.count {
            // Output queued behind a held body (a pipelined request's answer): the body's rest
            // joins the buffer first, so that the order holds.
            buffer.append(contentsOf: body[bodyOffset...])
        }
        body = []
        bodyOffset = 0
        return write(&buffer)
    }

    /// Queues `bytes` after everything queued so far: held as it is when large, else copied.
    mutating func append(body bytes: [UInt8]) {
        guard bytes.count >= Self.separateBodyMinimum else { return append { $0.append(contentsOf: bytes) } }
        append { _ in }
        body = bytes
    }

    /// Writes what the socket takes now; `.transferred` when something was written.
    mutating func send(to socket: Socket) -> Socket.IOResult {
        let result = buffer.withUnsafeBytes { buffer in
            body.withUnsafeBytes { body in
                socket.send(UnsafeRawBufferPointer(rebasing: buffer[bufferOffset...]), UnsafeRawBufferPointer(rebasing: body[bodyOffset...]))
            }
        }
        if case .transferred(let count) = result {
            let fromBuffer = min(count, buffer.count - bufferOffset)
            bufferOffset += fromBuffer
            bodyOffset += count - fromBuffer
        }
        return result
    }

    /// Empties the queue once everything is written, keeping a buffer of a usual size.
    mutating func removeAll() {
        if buffer.capacity > Self.retainedCapacity {
            buffer = []
        } else {
            buffer.removeAll(keepingCapacity: true)
        }
        bufferOffset = 0
        body = []
        bodyOffset = 0
    }
}
