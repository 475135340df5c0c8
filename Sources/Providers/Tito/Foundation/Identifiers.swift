import Emulation
import Foundation

/// Tito's ids, random slug bodies and references (spec §13.9), drawn from the world's sequences
/// through the kit's `IDGenerator`, so the same requests after a reset produce the same values.
/// What is Tito's here: a table's ids come from `tito.<table>`, and all random-looking text from
/// the one sequence `tito.random`.
enum Identifiers {
    /// The next id for a table: its sequence `tito.<table>` (started by the seed at the value of
    /// spec §14.7), skipping ids already in use.
    static func next(_ table: String, in database: Database) throws -> Int64 {
        try database.ids.integer("tito.\(table)") { candidate in
            try database.queryOne("SELECT 1 FROM tito_\(table) WHERE id = ?", candidate) != nil
        }
    }

    /// Makes `tito.<table>` hand out `start` next (the seed calls this).
    static func start(_ table: String, at start: Int64, in database: Database) throws {
        try database.ids.start("tito.\(table)", at: start)
    }

    /// `d` + 22 base62 characters, like every slug body in the docs.
    static func randomSlugBody(in database: Database) throws -> String {
        try randomCharacters(22, from: IDAlphabet.base62, prefix: "d", in: database)
    }

    /// `count` characters of `alphabet` that look random, from the world's `tito.random` sequence.
    static func randomCharacters(_ count: Int, from alphabet: String, prefix: String = "", in database: Database) throws -> String {
        try database.ids.characters("tito.random", count: count, alphabet: alphabet, prefix: prefix)
    }

    /// A 4-character registration reference, unique in the event.
    static func registrationReference(event: Int64, in database: Database) throws -> String {
        for _ in 0..<1000 {
            let reference = try randomCharacters(4, from: IDAlphabet.uppercaseAlphanumerics, in: database)
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
        try randomCharacters(11, from: IDAlphabet.lowercaseAlphanumerics, in: database)
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

    /// The slug of a record being created: `requested` once `check` has looked at it, or else
    /// one made from `title` (random for a title that parameterizes to nothing) that `isTaken`
    /// does not report; nil for a blank title, whose error is the title's.
    static func slugForNew(
        requested: String?, title: String, check: (String) throws -> Void, isTaken: (String) throws -> Bool, in database: Database
    ) throws -> String? {
        if let requested {
            try check(requested)
            return requested
        }
        guard !title.isBlank else { return nil }
        var base = parameterize(title)
        if base.isEmpty { base = try fallbackSlug(in: database) }
        return try uniqueSlug(base, isTaken: isTaken)
    }

    /// `base`, or `base-2`, `base-3`… : the first that `isTaken` says is free.
    static func uniqueSlug(_ base: String, isTaken: (String) throws -> Bool) throws -> String {
        if try !isTaken(base) { return base }
        var counter = 2
        while try isTaken("\(base)-\(counter)") { counter += 1 }
        return "\(base)-\(counter)"
    }
}
