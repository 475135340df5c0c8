import Emulation
import Foundation

/// Loads `seed/letsdothis/` (the fixture of spec §9 plus a bulk organiser) and generates the
/// bulk entries. Everything is checked here so handlers can trust what they read.
enum LetsDoThisSeed {
    static func load(from seed: SeedDirectory, settings: LetsDoThisSettings, into database: Database) throws {
        let organisers = try seed.json("organisers.json")
        for organiser in try records(organisers, "organisers", file: "organisers.json") {
            try database.run(
                "INSERT INTO letsdothis_organisers (id, name) VALUES (?, ?)", try organiser.string("id"), try organiser.string("name"))
        }
        for token in try records(organisers, "tokens", file: "organisers.json") {
            try database.run(
                "INSERT INTO letsdothis_tokens (token, organiser_id, purpose, expected_status) VALUES (?, ?, ?, ?)",
                try token.string("token"), try token.optionalString("organiserId"), try token.string("purpose"),
                try token.integer("expect"))
        }
        for value in organisers["revoked"]?.arrayValue ?? [] {
            guard let text = value.stringValue else { throw SeedError(file: "organisers.json", reason: "\"revoked\" holds a non-string") }
            try database.run("INSERT OR IGNORE INTO letsdothis_revocations (value) VALUES (?)", text)
        }

        let events = try seed.json("events.json")
        for event in try records(events, "events", file: "events.json") {
            let eventID = try event.string("id")
            try database.run(
                "INSERT INTO letsdothis_events (id, organiser_id, name, location) VALUES (?, ?, ?, ?)",
                eventID, try event.string("organiserId"), try event.string("name"), try event.json("location"))
            for occurrence in try event.records("occurrences") {
                try database.run(
                    "INSERT INTO letsdothis_occurrences (id, event_id, title, start_date) VALUES (?, ?, ?, ?)",
                    try occurrence.string("id"), eventID, try occurrence.string("title"), try occurrence.timestamp("startDate"))
            }
            for race in try event.records("races") {
                let raceID = try race.string("id")
                try database.run(
                    """
                    INSERT INTO letsdothis_races
                        (id, event_id, name, sport_id, distance_id, distances, discipline_label, course, competitor_size)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    raceID, eventID, try race.string("name"), try race.string("sportId"), try race.string("distanceId"),
                    try race.json("distances"), try race.string("disciplineLabel"), try race.json("course"),
                    try race.integer("competitorSize"))
                for start in try race.records("starts") {
                    try database.run(
                        "INSERT INTO letsdothis_race_starts (race_id, occurrence_id, start_date) VALUES (?, ?, ?)",
                        raceID, try start.string("eventOccurrenceId"), try start.timestamp("startDate"))
                }
            }
        }
        for ticket in try records(events, "tickets", file: "events.json") {
            try Ticket.insert(ticket.fields, into: database)
        }

        for partner in try records(try seed.json("partners.json"), "partners", file: "partners.json") {
            try Partner(seed: partner).insert(organiserID: try partner.string("organiserId"), into: database)
        }
        for group in try records(try seed.json("reserved-entries.json"), "reservedEntryGroups", file: "reserved-entries.json") {
            let eventID = try group.string("eventId")
            guard let organiserID = try Events.organiser(ofEvent: eventID, in: database) else {
                throw SeedError(file: "reserved-entries.json", reason: "event \(eventID) is not in events.json")
            }
            try ReservedEntryGroup(seed: group).insert(organiserID: organiserID, into: database)
        }

        for record in try records(try seed.json("applications.json"), "applications", file: "applications.json") {
            let body = try record.object("application")
            try EntryRow(kind: .application, body: body, organiserID: try record.string("organiserId"),
                         reservedEntryGroupCode: try record.optionalString("reservedEntryGroupCode"), file: "applications.json")
                .insert(into: database)
        }
        for record in try records(try seed.json("participants.json"), "participants", file: "participants.json") {
            let body = try record.object("participant")
            try EntryRow(kind: .participant, body: body, organiserID: try record.string("organiserId"),
                         reservedEntryGroupCode: try record.optionalString("reservedEntryGroupCode"), file: "participants.json")
                .insert(into: database)
        }
        for record in try records(try seed.json("line-items.json"), "lineItems", file: "line-items.json") {
            let body = try record.object("lineItem")
            try LineItemRow(body: body, organiserID: try record.string("organiserId"), file: "line-items.json").insert(into: database)
        }

        try BulkEntries(seed: try SeedRecord(value: try seed.json("bulk.json"), file: "bulk.json"), settings: settings)
            .generate(into: database)
        try ScopeCounts.rebuild(in: database)
    }

    private static func records(_ value: JSONValue, _ key: String, file: String) throws -> [SeedRecord] {
        guard let array = value[key]?.arrayValue else { throw SeedError(file: file, reason: "has no array \"\(key)\"") }
        return try array.map { try SeedRecord(value: $0, file: file) }
    }
}

/// One object of a seed file, read field by field with errors that name the file and the field.
struct SeedRecord {
    let fields: JSONObject
    let file: String

    init(value: JSONValue, file: String) throws {
        guard let object = value.objectValue else { throw SeedError(file: file, reason: "holds a non-object where an object belongs") }
        fields = object
        self.file = file
    }

    func string(_ key: String) throws -> String {
        guard let value = fields[key]?.stringValue, !value.isEmpty else { throw invalid(key, "a non-empty string") }
        return value
    }

    func optionalString(_ key: String) throws -> String? {
        guard let value = fields[key], value != .null else { return nil }
        guard let text = value.stringValue else { throw invalid(key, "a string or null") }
        return text
    }

    func integer(_ key: String) throws -> Int64 {
        guard let value = fields[key]?.intValue else { throw invalid(key, "an integer") }
        return value
    }

    func bool(_ key: String) throws -> Bool {
        guard let value = fields[key]?.boolValue else { throw invalid(key, "true or false") }
        return value
    }

    /// A nested value, as compact JSON text.
    func json(_ key: String) throws -> String {
        guard let value = fields[key] else { throw invalid(key, "present") }
        return JSONWriter.string(value)
    }

    func object(_ key: String) throws -> JSONObject {
        guard let value = fields[key]?.objectValue else { throw invalid(key, "an object") }
        return value
    }

    func records(_ key: String) throws -> [SeedRecord] {
        guard let array = fields[key]?.arrayValue else { throw invalid(key, "an array") }
        return try array.map { try SeedRecord(value: $0, file: file) }
    }

    /// A date-time, in the one form the API writes: milliseconds and `Z`.
    func timestamp(_ key: String) throws -> String {
        guard let date = fields[key]?.stringValue.flatMap(Timestamp.parse) else { throw invalid(key, "an ISO 8601 date-time") }
        return Timestamp.iso8601Milliseconds(date)
    }

    func invalid(_ key: String, _ expected: String) -> SeedError {
        let id = fields["id"]?.stringValue.map { " of \($0)" } ?? ""
        return SeedError(file: file, reason: "\"\(key)\"\(id) must be \(expected)")
    }
}

/// Milliseconds since the epoch, the unit list ordering and date filters compare in.
enum Milliseconds {
    static func of(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }

    /// The instant of an API timestamp such as `2026-05-08T11:30:00.000Z`.
    static func of(_ text: String) -> Int64? { Timestamp.parse(text).map(of) }

    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
