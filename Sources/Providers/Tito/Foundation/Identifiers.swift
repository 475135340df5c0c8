import Emulation
import Foundation

/// Ids, random slug bodies and references the server creates (spec §13.9). All come from the
/// world's sequences, so the same requests after a reset produce the same values.
enum Identifiers {
    /// The next id for a table: its sequence `tito.<table>` (started by the seed at the value of
    /// spec §14.7), skipping ids already in use.
    static func next(_ table: String, in database: Database) throws -> Int64 {
        for _ in 0..<10_000 {
            let candidate = try database.nextSequenceValue("tito.\(table)")
            if try database.queryOne("SELECT 1 FROM tito_\(table) WHERE id = ?", candidate) == nil { return candidate }
        }
        throw TitoError.rails(500, "Internal Server Error")
    }

    /// Makes `tito.<table>` hand out `start` next (the seed calls this).
    static func start(_ table: String, at start: Int64, in database: Database) throws {
        try database.run(
            "INSERT INTO understudy_sequences (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = ?2",
            "tito.\(table)", start - 1)
    }

    private static let base62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    private static let lowercaseAlphanumerics = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    private static let uppercaseAlphanumerics = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// `d` + 22 base62 characters, like every slug body in the docs.
    static func randomSlugBody(in database: Database) throws -> String {
        "d" + (try randomCharacters(22, from: base62, in: database))
    }

    /// `count` characters drawn from `alphabet` by a generator seeded from the world's sequence.
    static func randomCharacters(_ count: Int, from alphabet: [Character], in database: Database) throws -> String {
        var generator = SplitMix64(seed: UInt64(bitPattern: try database.nextSequenceValue("tito.random")) &* 0x9E37_79B9)
        return String((0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }

    /// A 4-character registration reference, unique in the event.
    static func registrationReference(event: Int64, in database: Database) throws -> String {
        for _ in 0..<1000 {
            let reference = try randomCharacters(4, from: uppercaseAlphanumerics, in: database)
            if try database.queryOne(
                "SELECT 1 FROM tito_registrations WHERE event_id = ? AND reference = ?", event, reference) == nil
            {
                return reference
            }
        }
        throw TitoError.rails(500, "Internal Server Error")
    }

    /// Eleven random lowercase characters, for a title that parameterizes to nothing.
    static func fallbackSlug(in database: Database) throws -> String {
        try randomCharacters(11, from: lowercaseAlphanumerics, in: database)
    }

    /// Rails' `parameterize`: ASCII, lowercase, runs of anything else become one `-`, trimmed.
    static func parameterize(_ text: String) -> String {
        // Canonical decomposition splits "é" into "e" and a combining accent, which is then dropped.
        let folded = text.decomposedStringWithCanonicalMapping
        var result = ""
        var pendingDash = false
        for scalar in folded.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else if scalar.properties.generalCategory != .nonspacingMark {
                pendingDash = true
            }
        }
        return result
    }

    /// `base`, or `base-2`, `base-3`… : the first that `isTaken` says is free.
    static func uniqueSlug(_ base: String, isTaken: (String) throws -> Bool) throws -> String {
        if try !isTaken(base) { return base }
        var counter = 2
        while try isTaken("\(base)-\(counter)") { counter += 1 }
        return "\(base)-\(counter)"
    }
}

/// A small, fast, seedable generator (Steele et al.'s SplitMix64): deterministic "random" values.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
