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

    /// The sequence's next `count` values at once, to be taken in order (`SequenceBlock.take()`):
    /// the values `count` calls of `integer(_:)` would have handed out, for a seed that generates
    /// thousands of records without a statement per id.
    public func reserve(_ sequence: String, count: Int) throws -> SequenceBlock {
        guard count > 0 else { return SequenceBlock(sequence: sequence, next: 1, last: 0) }
        let last = try database.advanceSequence(sequence, by: Int64(count))
        return SequenceBlock(sequence: sequence, next: last - Int64(count) + 1, last: last)
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
        Self.characters(of: try integer(sequence), count: count, alphabet: alphabet, prefix: prefix)
    }

    /// What `characters(_:count:alphabet:prefix:)` makes of the sequence value `value`.
    public static func characters(of value: Int64, count: Int, alphabet: String, prefix: String = "") -> String {
        let characters = Array(alphabet)
        var generator = SplitMix64(seed: UInt64(bitPattern: value) &* 0x9E37_79B9)
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
        Self.digestHex(of: try integer(sequence), in: sequence, count: count)
    }

    /// What `digestHex(_:count:)` makes of the value `value` of `sequence`.
    public static func digestHex(of value: Int64, in sequence: String, count: Int) -> String {
        precondition(count <= 64, "a SHA-256 digest has 64 hex digits")
        let digits = Array(IDAlphabet.hexDigits.utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest(of: value, in: sequence) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text.prefix(count), as: UTF8.self)
    }

    /// `value` in lower-case hex, zero-padded to `width` digits.
    public static func hex(_ value: UInt64, width: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private func digest(_ sequence: String) throws -> [UInt8] {
        Self.digest(of: try integer(sequence), in: sequence)
    }

    private static func digest(of value: Int64, in sequence: String) -> [UInt8] {
        Array(SHA256.hash(data: Data("\(sequence).\(value)".utf8)))
    }
}

/// Values of one sequence reserved together (`IDGenerator.reserve`), handed out in order.
public struct SequenceBlock {
    public let sequence: String
    private var next: Int64
    private let last: Int64

    init(sequence: String, next: Int64, last: Int64) {
        self.sequence = sequence
        self.next = next
        self.last = last
    }

    /// The next value; reserving too few is a bug in the caller.
    public mutating func take() -> Int64 {
        precondition(next <= last, "\(sequence): more values taken than reserved")
        defer { next += 1 }
        return next
    }

    /// Whether every reserved value was taken (a caller checks its count was right).
    public var isUsedUp: Bool { next > last }
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
