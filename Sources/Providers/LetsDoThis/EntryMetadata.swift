import Emulation

/// The metadata keys `extendMetadata=true` appends to applications and participants (spec §8.1),
/// looked up from the current event, race, group and partner on every read (§8.3). Lookups are
/// remembered for the length of one response: a page's entries share a few events and races.
struct EntryMetadata {
    private let database: Database
    private var courseMembers: [String: [UInt8]] = [:]
    private var groupMembers: [String: [UInt8]] = [:]

    init(database: Database) {
        self.database = database
    }

    /// The entry row's stored body, with the metadata members when `extended`.
    mutating func body(_ row: Row, extended: Bool) throws -> [UInt8] {
        try extended ? extend(row) : row.bodyBytes
    }

    /// The entry row's stored body with the metadata members appended before its closing brace.
    private mutating func extend(_ row: Row) throws -> [UInt8] {
        var body = row.bodyBytes
        guard body.last == UInt8(ascii: "}") else { return body }
        body.removeLast()
        let eventID = row.string("event_id") ?? ""
        let raceID = row.string("race_id") ?? ""
        let occurrenceID = row.string("occurrence_id") ?? ""
        let raceKey = "\(eventID)\u{0}\(raceID)\u{0}\(occurrenceID)"
        if courseMembers[raceKey] == nil {
            courseMembers[raceKey] = try raceMembers(eventID: eventID, raceID: raceID, occurrenceID: occurrenceID)
        }
        body.append(UInt8(ascii: ","))
        body.append(contentsOf: courseMembers[raceKey]!)
        if let code = row.string("reserved_entry_group_code") {
            if groupMembers[code] == nil { groupMembers[code] = try reservedEntryMembers(code) }
            body.append(UInt8(ascii: ","))
            body.append(contentsOf: groupMembers[code]!)
        }
        body.append(UInt8(ascii: "}"))
        return body
    }

    /// `"eventName": …, …, "competitorSize": …` (no braces).
    private func raceMembers(eventID: String, raceID: String, occurrenceID: String) throws -> [UInt8] {
        let row = try database.queryOne(
            """
            SELECT e.name AS event_name, e.location, r.name AS race_name, r.sport_id, r.distance_id, r.distances,
                r.discipline_label, r.course, r.competitor_size,
                (SELECT start_date FROM letsdothis_race_starts WHERE race_id = r.id AND occurrence_id = ?) AS start_date
            FROM letsdothis_events AS e LEFT JOIN letsdothis_races AS r ON r.id = ? AND r.event_id = e.id
            WHERE e.id = ?
            """, occurrenceID, raceID, eventID)
        return members { json in
            json.field("eventName", row?.string("event_name"))
            json.field("raceName", row?.string("race_name"))
            json.field("raceStartDate", row?.string("start_date"))
            json.field("sportId", row?.string("sport_id"))
            json.field("distanceId", row?.string("distance_id"))
            json.field("distances", row?.json("distances", default: []) ?? [])
            json.field("disciplineLabel", row?.string("discipline_label"))
            json.field("course", row?.json("course", default: [:]) ?? [:])
            json.field("eventLocation", row?.json("location", default: [:]) ?? [:])
            json.field("competitorSize", Int64(row?.int("competitor_size") ?? 0))
        }
    }

    /// The four `reservedEntry*` members; the group's and partner's only while they exist.
    private func reservedEntryMembers(_ code: String) throws -> [UInt8] {
        let row = try database.queryOne(
            """
            SELECT g.name AS group_name, p.name AS partner_name, p.external_ids
            FROM letsdothis_reserved_entry_groups AS g LEFT JOIN letsdothis_partners AS p ON p.id = g.partner_id
            WHERE g.id = ?
            """, code)
        return members { json in
            json.field("reservedEntryGroupCode", code)
            guard let row else { return }
            json.field("reservedEntryGroupName", row.string("group_name"))
            guard let partnerName = row.string("partner_name") else { return }
            json.field("reservedEntryPartnerExternalIds", row.json("external_ids", default: [:]))
            json.field("reservedEntryPartnerName", partnerName)
        }
    }

    /// Object members written by `body`, without the surrounding braces.
    private func members(_ body: (inout JSONBuilder) -> Void) -> [UInt8] {
        var json = JSONBuilder(capacity: 512)
        json.object(body)
        return Array(json.bytes.dropFirst().dropLast())
    }
}
