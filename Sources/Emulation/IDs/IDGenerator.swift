import Crypto
import Foundation

/// The ids, codes and tokens a provider creates, each in its provider's format, all drawn from
/// the world's named counters (`Database.nextSequenceValue`). The counters live with the data, so
/// the same requests after a reset give the same ids and test suites can snapshot responses.
/// Name sequences `provider.what` (`tito.events`, `goevent.objectId`): a provider's reset then
/// restores its own. Use it inside the request's transaction: `try database.ids.hex(…)`.
public struct IDGenerator {
    private let database: Database

    public init(_ database: Database) {
        self.database = database
    }

    /// The sequence's next value: 1, 2, 3…, or on from where `start` put it.
    public func integer(_ sequence: String) throws -> Int64 {
        try database.nextSequenceValue(sequence)
    }

    /// The next value that `isTaken` does not refuse (an id the seed data already uses).
    public func integer(_ sequence: String, skipping isTaken: (Int64) throws -> Bool) throws -> Int64 {
        for _ in 0..<10_000 {
            let candidate = try integer(sequence)
            if try !isTaken(candidate) { return candidate }
        }
        throw IDGeneratorError(sequence: sequence)
    }

    /// Makes the sequence hand out `first` next (a seed continues after the ids it holds).
    public func start(_ sequence: String, at first: Int64) throws {
        try database.run(
            "INSERT INTO understudy_sequences (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = ?2",
            sequence, first - 1)
    }

    /// The next value in decimal digits (Eventbrite's string ids).
    public func digits(_ sequence: String) throws -> String {
        String(try integer(sequence))
    }

    /// `leading`, then the next value in lower-case hex, zero-padded to `width` characters in all:
    /// 24 for MongoDB ObjectIds (GoEvent's `68000000…`), 32 for bookingkit's ids.
    public func hex(_ sequence: String, width: Int, leading: String = "") throws -> String {
        leading + Self.hex(UInt64(bitPattern: try integer(sequence)), width: width - leading.count)
    }

    /// `prefix`, then `count` characters of `alphabet` that look random (Tito's `d…` slug bodies,
    /// OAuth codes): a SplitMix64 generator seeded from the sequence's next value. The seed does
    /// not depend on the sequence's name, so a provider draws all such text from one sequence
    /// (e.g. `tito.random`): two sequences would hand out the same text for the same value.
    public func characters(_ sequence: String, count: Int, alphabet: String, prefix: String = "") throws -> String {
        let characters = Array(alphabet)
        var generator = SplitMix64(seed: UInt64(bitPattern: try integer(sequence)) &* 0x9E37_79B9)
        return prefix + String((0..<count).map { _ in characters[Int(generator.next() % UInt64(characters.count))] })
    }

    /// `prefix`, then `count` (at most 32) characters of `alphabet`, one from each byte of the
    /// SHA-256 of the sequence's name and next value (Let's Do This's `p_…` and `re_…` ids).
    public func digestCharacters(_ sequence: String, count: Int, alphabet: String, prefix: String = "") throws -> String {
        precondition(count <= 32, "a SHA-256 digest has 32 bytes")
        let characters = Array(alphabet)
        return prefix + String(try digest(sequence).prefix(count).map { characters[Int($0) % characters.count] })
    }

    /// The first `count` (at most 64) hex digits of that digest: a token that looks like a hash
    /// (Let's Do This's claim-link tokens; bookingkit's 40-hex access tokens).
    public func digestHex(_ sequence: String, count: Int) throws -> String {
        precondition(count <= 64, "a SHA-256 digest has 64 hex digits")
        return String(try digest(sequence).map { Self.hex(UInt64($0), width: 2) }.joined().prefix(count))
    }

    /// `value` in lower-case hex, zero-padded to `width` digits.
    public static func hex(_ value: UInt64, width: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private func digest(_ sequence: String) throws -> [UInt8] {
        let value = try integer(sequence)
        return Array(SHA256.hash(data: Data("\(sequence).\(value)".utf8)))
    }
}

/// Alphabets of generated ids, in the order their characters are picked by.
public enum IDAlphabet {
    public static let base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    /// Digits, then lower-case letters.
    public static let base36 = "0123456789abcdefghijklmnopqrstuvwxyz"
    /// Lower-case letters, then digits.
    public static let lowercaseAlphanumerics = "abcdefghijklmnopqrstuvwxyz0123456789"
    /// Upper-case letters, then digits.
    public static let uppercaseAlphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    public static let hexDigits = "0123456789abcdef"
}

/// A sequence whose next ten thousand values were all taken; the provider answers it as a 500.
public struct IDGeneratorError: Error, CustomStringConvertible {
    public let sequence: String

    public var description: String { "no free id left in sequence \(sequence)" }
}

extension Database {
    /// Ids, codes and tokens drawn from this world's sequences.
    public var ids: IDGenerator { IDGenerator(self) }
}
