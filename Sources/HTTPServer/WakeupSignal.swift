import CSystemShims
import Glibc

/// An eventfd that another thread writes to so that an event loop blocked in epoll_wait returns.
/// Signals coalesce: however many arrive before `reset()`, the loop wakes once.
struct WakeupSignal {
    let descriptor: Int32

    init() throws(SocketError) {
        descriptor = eventfd(0, Int32(EFD_CLOEXEC | EFD_NONBLOCK))
        guard descriptor >= 0 else { throw SocketError(operation: "eventfd", errno: errno) }
    }

    /// Any thread. Cannot block: the counter would have to reach 2^64 - 1 first.
    func signal() {
        var one: UInt64 = 1
        _ = Glibc.write(descriptor, &one, MemoryLayout<UInt64>.size)
    }

    /// On the loop's thread, once woken: zeroes the counter so the descriptor stops being readable.
    func reset() {
        var count: UInt64 = 0
        _ = Glibc.read(descriptor, &count, MemoryLayout<UInt64>.size)
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
