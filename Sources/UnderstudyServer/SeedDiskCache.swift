import Emulation
import Foundation

/// Built seed snapshots kept on disk between processes, so a server starts by mapping one
/// instead of parsing and generating the seed. A file is named by a hash of everything the
/// snapshot is made from: the code (which fixes the schema), every file under the seed folder,
/// and the environment variables that may configure a provider. Any change there names another
/// file.
struct SeedDiskCache {
    let directory: URL

    /// Variables that configure the process, never a provider's seed: leaving them out keeps a
    /// shell's or a container's own variables from missing the cache.
    private static let ignoredVariables: Set<String> = [
        "PATH", "HOME", "PWD", "OLDPWD", "SHLVL", "_", "TERM", "COLORTERM", "HOSTNAME", "USER", "LOGNAME", "SHELL", "LANG",
        "LANGUAGE", "TZ", "TMPDIR", "MAIL", "DISPLAY", "COLUMNS", "LINES", "EDITOR", "PAGER", "LS_COLORS",
        // What a profiler or debugger sets for the dynamic loader and the C++ allocator (valgrind).
        "LD_PRELOAD", "LD_LIBRARY_PATH", "GLIBCPP_FORCE_NEW", "GLIBCXX_FORCE_NEW",
    ]
    private static let ignoredPrefixes = ["LC_", "XDG_", "SSH_", "UNDERSTUDY_", "VALGRIND_"]
    /// Cache files kept; older ones (other seeds, schemas or settings) are deleted.
    private static let filesKept = 4

    /// The file for this schema, seed folder and environment.
    func file(providers: [any Provider], seedRoot: URL, environment: [String: String]) throws -> URL {
        var hash = StableHash()
        hash.add("understudy seed cache 2")
        // The build ID names the code, and with it the schema, without working the schema out
        // from every record type (most of a cached start's time); without one, the schema does.
        hash.add(ExecutableBuildID.current.map { "build " + $0 } ?? SeedSnapshot.schema(of: providers))
        for (path, contents) in try Self.seedFiles(under: seedRoot) {
            hash.add(path)
            hash.add(contents)
        }
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) where Self.mayConfigureAProvider(name) {
            hash.add(name)
            hash.add(value)
        }
        return directory.appendingPathComponent("seed-\(hash.hex).sqlite")
    }

    /// Stores `snapshot` as `file` and deletes all but the newest few cache files.
    func store(_ snapshot: SeedSnapshot, as file: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try snapshot.write(to: file.path)
        let cached = (try? FileManager.default.contentsOfDirectory(
            at: directory, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
        let snapshots = cached.filter { $0.lastPathComponent.hasPrefix("seed-") }.sorted { Self.modified($0) > Self.modified($1) }
        for stale in snapshots.dropFirst(Self.filesKept) where stale != file {
            try? FileManager.default.removeItem(at: stale)
        }
    }

    private static func mayConfigureAProvider(_ name: String) -> Bool {
        !ignoredVariables.contains(name) && !ignoredPrefixes.contains { name.hasPrefix($0) }
    }

    private static func modified(_ url: URL) -> Date {
        (try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
    }

    /// Every regular file under `root`, by path relative to it, in a stable order. (Paths as
    /// strings: resolving a URL's resource values per file cost more than reading the files.)
    private static func seedFiles(under root: URL) throws -> [(String, Data)] {
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let fileManager = FileManager.default
        var files: [(String, Data)] = []
        for relative in try fileManager.subpathsOfDirectory(atPath: rootPath).sorted() {
            guard let contents = fileManager.contents(atPath: rootPath + "/" + relative) else { continue }  // a folder
            files.append((relative, contents))
        }
        return files
    }
}

/// 128 bits of two FNV-1a hashes with different offsets: enough to name cache files apart,
/// and stable across processes and builds (unlike `Hasher`).
private struct StableHash {
    private var first: UInt64 = 0xcbf2_9ce4_8422_2325
    private var second: UInt64 = 0x6c62_272e_07bb_0142

    mutating func add(_ text: String) { add(Data(text.utf8)) }

    mutating func add(_ data: Data) {
        // The length first, so that ("ab", "c") and ("a", "bc") differ.
        withUnsafeBytes(of: UInt64(data.count).littleEndian) { add($0) }
        data.withUnsafeBytes { add($0) }
    }

    private mutating func add(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes { mix(byte) }
    }

    private mutating func mix(_ byte: UInt8) {
        first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 ^ (second >> 29)
    }

    var hex: String { String(format: "%016llx%016llx", first, second) }
}
