import CSQLite
import CSystemShims
import Glibc

/// The bytes of a whole database file behind a file descriptor (a file nobody changes in place,
/// or an anonymous memory file), for connections that map it instead of copying it: a world is
/// a copy-on-write mapping of its seed's image (`Database(copyOnWriteOf:)`), so the pages it
/// never writes stay the one copy the kernel keeps for every world and process mapping the
/// same image, and opening one costs no copy at all.
public final class DatabaseImage: Sendable {
    let descriptor: Int32
    /// The image's length in bytes: the database's page count times its page size.
    public let size: Int

    /// The database file at `path`. It must not change in place while the image is used; a
    /// file replaced by a rename or deleted is fine, as the descriptor keeps the old one.
    public init(file path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DatabaseImageError(operation: "open \(path)", code: errno) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw DatabaseImageError(operation: "stat \(path)", code: code)
        }
        self.descriptor = descriptor
        size = Int(status.st_size)
    }

    /// A copy of `database`'s main database, in anonymous memory.
    public init(copying database: Database) throws {
        var length: sqlite3_int64 = 0
        guard let bytes = sqlite3_serialize(database.handle, "main", &length, 0) else {
            throw SQLiteError(code: SQLITE_NOMEM, message: "could not serialize the database")
        }
        defer { sqlite3_free(bytes) }
        let descriptor = shims_anonymous_memory_file("understudy-database-image")
        guard descriptor >= 0 else { throw DatabaseImageError(operation: "memfd_create", code: errno) }
        do {
            try Self.writeAll(UnsafeRawBufferPointer(start: bytes, count: Int(length)), to: descriptor)
        } catch {
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
        size = Int(length)
    }

    deinit {
        close(descriptor)
    }

    /// Writes the image to a new file at `path` (an existing one is replaced).
    public func write(to path: String) throws {
        let output = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw DatabaseImageError(operation: "create \(path)", code: errno) }
        defer { close(output) }
        let mapping = try ImageMapping(readOnly: self)
        try Self.writeAll(UnsafeRawBufferPointer(start: mapping.base, count: size), to: output)
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw DatabaseImageError(operation: "write", code: errno) }
            offset += written
        }
    }
}

/// A system call on an image's file failed.
public struct DatabaseImageError: Error, CustomStringConvertible {
    public let operation: String
    public let code: Int32

    public var description: String { "\(operation): \(String(cString: strerror(code)))" }
}

/// An image mapped into this process: shared and read-only, or private (copy-on-write) with
/// address space reserved past its end for the database to grow into.
final class ImageMapping {
    let base: UnsafeMutableRawPointer
    /// Bytes of address space mapped: the image, and the room to grow for a private mapping.
    let length: Int

    /// The image shared with every other reader, never written.
    init(readOnly image: DatabaseImage) throws {
        length = max(Self.roundedToPages(image.size), Self.pageSize)
        let mapped = mmap(nil, length, PROT_READ, MAP_SHARED, image.descriptor, 0)
        guard let mapped, mapped != MAP_FAILED else { throw DatabaseImageError(operation: "mmap", code: errno) }
        base = mapped
    }

    /// The image mapped copy-on-write, followed by `growth` bytes of zeroed anonymous memory that
    /// take physical pages only once written. Fails (with nothing left mapped) when the system
    /// will not reserve the address space.
    init(privateCopyOf image: DatabaseImage, growth: Int) throws {
        let imageLength = Self.roundedToPages(image.size)
        length = imageLength + Self.roundedToPages(growth)
        let reserved = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        guard let reserved, reserved != MAP_FAILED else { throw DatabaseImageError(operation: "mmap", code: errno) }
        if imageLength > 0 {
            let file = mmap(reserved, imageLength, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, image.descriptor, 0)
            guard file == reserved else {
                let code = errno
                munmap(reserved, length)
                throw DatabaseImageError(operation: "mmap", code: code)
            }
        }
        base = reserved
    }

    deinit {
        munmap(base, length)
    }

    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    private static func roundedToPages(_ bytes: Int) -> Int {
        (bytes + pageSize - 1) / pageSize * pageSize
    }
}
