import Emulation
import Foundation

/// Loads `seed/letsdothis/` (the fixture of spec §9 plus a bulk organiser) and generates the
/// bulk entries. Everything is checked here so handlers can trust what they read.
enum LetsDoThisSeed {
    static func load(from seed: SeedDirectory, settings: LetsDoThisSettings, into database: Database) throws {
        let organisers = try seed.json("organisers.json")
        for organiser in try SeedRecord.array("organisers", in: organisers, file: "organisers.json") {
            try database.run(
                "INSERT INTO letsdothis_organisers (id, name) VALUES (?, ?)", try organiser.string("id"), try organiser.string("name"))
        }
        for token in try SeedRecord.array("tokens", in: organisers, file: "organisers.json") {
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
        for event in try SeedRecord.array("events", in: events, file: "events.json") {
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
        for ticket in try SeedRecord.array("tickets", in: events, file: "events.json") {
            try Ticket.insert(ticket.fields, into: database)
        }

        for partner in try seed.seedRecords("partners.json", key: "partners") {
            try Partner(seed: partner).insert(organiserID: try partner.string("organiserId"), into: database)
        }
        for group in try seed.seedRecords("reserved-entries.json", key: "reservedEntryGroups") {
            let eventID = try group.string("eventId")
            guard let organiserID = try Events.organiser(ofEvent: eventID, in: database) else {
                throw SeedError(file: "reserved-entries.json", reason: "event \(eventID) is not in events.json")
            }
            try ReservedEntryGroup(seed: group).insert(organiserID: organiserID, into: database)
        }

        for record in try seed.seedRecords("applications.json", key: "applications") {
            let body = try record.object("application")
            try EntryRow(kind: .application, body: body, organiserID: try record.string("organiserId"),
                         reservedEntryGroupCode: try record.optionalString("reservedEntryGroupCode"), file: "applications.json")
                .insert(into: database)
        }
        for record in try seed.seedRecords("participants.json", key: "participants") {
            let body = try record.object("participant")
            try EntryRow(kind: .participant, body: body, organiserID: try record.string("organiserId"),
                         reservedEntryGroupCode: try record.optionalString("reservedEntryGroupCode"), file: "participants.json")
                .insert(into: database)
        }
        for record in try seed.seedRecords("line-items.json", key: "lineItems") {
            let body = try record.object("lineItem")
            try LineItemRow(body: body, organiserID: try record.string("organiserId"), file: "line-items.json").insert(into: database)
        }

        try BulkEntries(seed: try SeedRecord(value: try seed.json("bulk.json"), file: "bulk.json"), settings: settings)
            .generate(into: database)
        try ScopeCounts.rebuild(in: database)
    }
}

/// Let's Do This's own forms in seed files: nested JSON kept as text, and objects.
extension SeedRecord {
    /// A nested value, as compact JSON text.
    func json(_ key: String) throws -> String {
        guard let value = fields[key] else { throw invalid(key, "present") }
        return JSONWriter.string(value)
    }

    func object(_ key: String) throws -> JSONObject {
        guard let value = fields[key]?.objectValue else { throw invalid(key, "an object") }
        return value
    }
}

/// Milliseconds since the epoch, the unit list ordering and date filters compare in.
enum Milliseconds {
    static func of(_ date: Date) -> Int64 { date.millisecondsSince1970 }

    /// The instant of an API timestamp such as `2026-05-08T11:30:00.000Z`.
    static func of(_ text: String) -> Int64? { Timestamp.parse(text).map(of) }

    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
