import Emulation

/// Loads `seed/letsdothis/` (the fixture of spec §9 plus a bulk organiser) into the records and
/// generates the bulk entries. Records are read in the API's camelCase spelling.
enum LetsDoThisSeed {
    static func load(from seed: SeedDirectory, settings: LetsDoThisSettings, into database: Database) throws {
        let organisers = try seed.json("organisers.json")
        for organiser in try SeedRecord.array("organisers", in: organisers, file: "organisers.json") {
            try database.insert(try organiser.record(Organiser.self))
        }
        for token in try SeedRecord.array("tokens", in: organisers, file: "organisers.json") {
            try database.insert(try token.record(ReadyMadeToken.self))
        }
        for value in organisers["revoked"]?.arrayValue ?? [] {
            guard let text = value.stringValue else { throw SeedError(file: "organisers.json", reason: "\"revoked\" holds a non-string") }
            var revocation = Revocation()
            revocation.value = text
            try database.insertIfAbsent(revocation)
        }

        let events = try seed.json("events.json")
        for event in try SeedRecord.array("events", in: events, file: "events.json") {
            // Occurrences, races and starts are written inside their event and race.
            let eventRecord = try event.record(Event.self)
            try database.insert(eventRecord)
            for occurrence in try event.records("occurrences") {
                var occurrenceRecord = try occurrence.record(Occurrence.self)
                occurrenceRecord.eventID = eventRecord.id
                try database.insert(occurrenceRecord)
            }
            for race in try event.records("races") {
                var raceRecord = try race.record(Race.self)
                raceRecord.eventID = eventRecord.id
                try database.insert(raceRecord)
                for start in try race.records("starts") {
                    var startRecord = try start.record(RaceStart.self)
                    startRecord.raceID = raceRecord.id
                    try database.insert(startRecord)
                }
            }
        }
        for ticket in try SeedRecord.array("tickets", in: events, file: "events.json") {
            try database.insert(try ticket.record(Ticket.self))
        }

        for partner in try seed.records(Partner.self, "partners.json", key: "partners") {
            try database.insert(partner.folded())
        }
        for group in try seed.seedRecords("reserved-entries.json", key: "reservedEntryGroups") {
            try database.insert(try ReservedEntryGroup.seeded(group, in: database))
        }
        for record in try seed.seedRecords("applications.json", key: "applications") {
            try database.insert(try Entry.seeded(record, kind: .application))
        }
        for record in try seed.seedRecords("participants.json", key: "participants") {
            try database.insert(try Entry.seeded(record, kind: .participant))
        }
        for record in try seed.seedRecords("line-items.json", key: "lineItems") {
            try database.insert(try LineItem.seeded(record))
        }

        try BulkEntries(seed: try SeedRecord(value: try seed.json("bulk.json"), file: "bulk.json"), settings: settings)
            .generate(into: database)
    }
}

extension SeedRecord {
    /// The object under `key` (`{"organiserId", …, "<key>": body}`, the seed form of the records
    /// the API embeds), with the wrapper's members `carried` copied into it, then `adding`.
    func unwrapped(_ key: String, carrying carried: [String], adding added: [String: JSONValue] = [:]) throws -> SeedRecord {
        guard var fields = self[key]?.objectValue else { throw invalid(key, "an object") }
        for member in carried { fields[member] = self[member] }
        for (member, value) in added { fields[member] = value }
        return SeedRecord(fields: fields, file: file)
    }
}
