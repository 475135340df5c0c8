import Glibc

/// One 64 KiB receive buffer per thread.
///
/// A connection reads into it and copies what arrived into its parser before its event handler
/// returns, so the buffer is never in use across handlers. Keeping it per thread rather than per
/// connection keeps memory flat with thousands of idle connections while still letting each read
/// take up to 64 KiB in one system call.
enum ThreadReadBuffer {
    static let size = 64 * 1024

    /// Calls `body` with this thread's buffer. Not reentrant: `body` must not call it again.
    static func withBuffer<Result>(_ body: (UnsafeMutableBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let start: UnsafeMutablePointer<UInt8>
        if let existing = pthread_getspecific(bufferKey) {
            start = existing.assumingMemoryBound(to: UInt8.self)
        } else {
            let raw = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            start = raw.bindMemory(to: UInt8.self, capacity: size)
            pthread_setspecific(bufferKey, raw)
        }
        return try body(UnsafeMutableBufferPointer(start: start, count: size))
    }
}

/// The thread-local slot holding each thread's buffer; the destructor frees it when the thread exits.
private let bufferKey: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { buffer in buffer?.deallocate() }
    precondition(status == 0, "pthread_key_create failed: \(status)")
    return key
}()
