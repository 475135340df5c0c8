import Crypto
import Emulation
import Foundation

/// Ids the emulator creates. They look like the real ones (`p_` + 11 of `[0-9a-z]`, 24-hex
/// ObjectIds) but come from the world's sequences, so the same requests after a reset give
/// the same ids.
enum GeneratedIDs {
    /// `p_v7k8jsvoj2o`-style: a prefix and `length` base-36 characters derived from the next
    /// value of `sequence`.
    static func prefixed(_ prefix: String, sequence: String, length: Int = 11, in database: Database) throws -> String {
        let value = try database.nextSequenceValue(sequence)
        let digest = Array(SHA256.hash(data: Data("\(sequence).\(value)".utf8)))
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        return prefix + String(digest.prefix(length).map { alphabet[Int($0) % alphabet.count] })
    }

    /// A 24-hex ObjectId: the creation second, then the next value of `sequence`.
    static func objectID(sequence: String, at date: Date, in database: Database) throws -> String {
        let value = try database.nextSequenceValue(sequence)
        let seconds = UInt32(clamping: max(0, Int64(date.timeIntervalSince1970)))
        return hex(UInt64(seconds), digits: 8) + hex(UInt64(value), digits: 16)
    }

    /// `count` hex characters derived from the next value of `sequence` (claim-link tokens).
    static func hexToken(sequence: String, count: Int, in database: Database) throws -> String {
        let value = try database.nextSequenceValue(sequence)
        let digest = SHA256.hash(data: Data("\(sequence).\(value)".utf8))
        return String(digest.map { hex(UInt64($0), digits: 2) }.joined().prefix(count))
    }

    static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
