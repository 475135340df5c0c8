import Glibc

/// A failed socket system call, with the `errno` it left.
public struct SocketError: Error, CustomStringConvertible, Sendable {
    /// What was being done, e.g. `bind to 127.0.0.1:8080`.
    public let operation: String
    public let errno: Int32

    public init(operation: String, errno: Int32) {
        self.operation = operation
        self.errno = errno
    }

    public var description: String {
        "\(operation) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}
