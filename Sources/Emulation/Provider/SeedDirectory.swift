import Foundation

/// Why seed data could not be loaded: which file, and what was wrong.
public struct SeedError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "seed file \(file): \(reason)" }
}

/// One provider's folder of seed files, `seed/{provider}/`.
public struct SeedDirectory: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// Parses `name` (e.g. `events.json`) from the folder.
    public func json(_ name: String) throws -> JSONValue {
        let file = url.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw SeedError(file: file.path, reason: "cannot be read")
        }
        do {
            return try JSONParser.parse([UInt8](data))
        } catch {
            throw SeedError(file: file.path, reason: "is not valid JSON: \(error)")
        }
    }
}
