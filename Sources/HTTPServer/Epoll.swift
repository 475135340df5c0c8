import CSystemShims
import Glibc

/// A thin wrapper over one epoll instance, used level-triggered: a descriptor is reported for
/// as long as it is ready, so a handler may stop early (to be fair to other connections) and is
/// simply called again, and a spurious report only costs a read that returns EAGAIN.
///
/// Not thread-safe by itself: `EventLoop` uses it only on its own thread.
struct Epoll {
    /// What a registered descriptor is watched for. Errors and hang-ups are always reported.
    enum Interest {
        case readable
        case writable

        var events: UInt32 {
            switch self {
            case .readable: EPOLLIN.rawValue
            case .writable: EPOLLOUT.rawValue
            }
        }
    }

    let descriptor: Int32

    init() throws(SocketError) {
        descriptor = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard descriptor >= 0 else { throw SocketError(operation: "epoll_create1", errno: errno) }
    }

    func add(_ watched: Int32, for interest: Interest) throws(SocketError) {
        try control(EPOLL_CTL_ADD, watched, interest.events, operation: "epoll_ctl(ADD)")
    }

    func change(_ watched: Int32, to interest: Interest) throws(SocketError) {
        try control(EPOLL_CTL_MOD, watched, interest.events, operation: "epoll_ctl(MOD)")
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) and returns how many events were stored
    /// at the start of `events`; 0 on timeout or interruption by a signal.
    func wait(into events: UnsafeMutableBufferPointer<epoll_event>, timeoutMilliseconds: Int32) -> Int {
        let count = epoll_wait(descriptor, events.baseAddress, Int32(events.count), timeoutMilliseconds)
        // EINTR is the only error a valid instance can report; the caller just waits again.
        return max(0, Int(count))
    }

    func close() {
        _ = Glibc.close(descriptor)
    }

    private func control(_ operation: Int32, _ watched: Int32, _ events: UInt32, operation name: String) throws(SocketError) {
        var event = epoll_event()
        event.events = events
        event.data.fd = watched
        guard epoll_ctl(descriptor, operation, watched, &event) == 0 else {
            throw SocketError(operation: name, errno: errno)
        }
    }
}
