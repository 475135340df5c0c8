import Emulation

/// An application or a participant (spec §7.1, §7.2): an entry of an event, read-only through the
/// API. Both kinds share the keys up to `tracking` and one table; each kind's own keys stay null
/// on the other's rows. Columns are the response keys in the spec's order, spelled snake_case
/// (the views write them in camelCase), then what the API does not show.
struct Entry: StoredRecord {
    enum Kind: String, ColumnCodable {
        case application
        case participant

        var resourceName: String { self == .application ? "Application" : "Participant" }
    }

    var id = ""
    var participantIndex: Int64 = 0
    var bookingID = ""
    var transactionID = ""
    var eventOccurrenceID = ""
    var eventID = ""
    var raceID = ""
    var ticketTitle = ""
    var ticketID = ""
    var createdAt = EpochMilliseconds(0)
    var updatedAt = EpochMilliseconds(0)
    var waves: JSONValue = []
    var fields: JSONValue = []
    var booker: JSONValue = [:]
    var bookerType = ""
    var originalTicketPrice: JSONValue = [:]
    var incrementalStatus = ""
    var bibNumber: String?
    var bookingCodesUsed: JSONValue = [:]
    var reservedEntryURL: String?
    var partnerMarketingOptIns: JSONValue = []
    var tags: JSONValue = []
    var gdprRedacted = false
    var statusDetails: JSONValue = []
    var tracking: JSONValue = [:]
    // Applications only.
    var approvalStatus: String?
    var applicationResolutionType: String?
    var ballotDraw: String?
    // Participants only.
    var applicationID: String?
    var raceDayDetails: JSONValue = .null
    var resultSubmission: JSONValue = .null
    var team: JSONValue = .null
    // Not part of the body.
    var kind = Kind.participant
    var organiserID = ""
    /// The reserved entry group the entry was booked through, shown as metadata (spec §8.1).
    var reservedEntryGroupCode: String?
    /// The newest status is CANCELLED: the entry is not counted as sold (spec §8.2).
    var cancelled = false

    /// Every list reads one of the `DateIndexes` of its scope.
    static let keyStyle = JSONKeyStyle.camelCase
    static let table = RecordTable(
        "letsdothis_entries", of: Entry.self, primaryKey: ["kind", "id"],
        indexes: [
            ListIndexes.organiserKind.created, ListIndexes.organiserKind.updated,
            ListIndexes.eventKind.created, ListIndexes.eventKind.updated,
            ListIndexes.raceKind.created, ListIndexes.raceKind.updated,
            ListIndexes.occurrenceKind.created, ListIndexes.occurrenceKind.updated,
        ])

    /// The columns of each list's index, by scope.
    enum ListIndexes {
        static let organiserKind = DateIndexes(scope: "organiser_id, kind")
        static let eventKind = DateIndexes(scope: "event_id, kind")
        static let raceKind = DateIndexes(scope: "race_id, kind")
        static let occurrenceKind = DateIndexes(scope: "race_id, event_occurrence_id, kind")
    }

    /// An entry from a seed file: `{"organiserId", "reservedEntryGroupCode", "<kind>": body}`.
    static func seeded(_ seed: SeedRecord, kind: Kind) throws -> Entry {
        let body = try seed.unwrapped(
            kind.rawValue, carrying: ["organiserId", "reservedEntryGroupCode"], adding: ["kind": .string(kind.rawValue)])
        var entry = try body.record(Entry.self)
        let references = [
            ("id", entry.id), ("eventId", entry.eventID), ("raceId", entry.raceID), ("eventOccurrenceId", entry.eventOccurrenceID),
            ("ticketId", entry.ticketID),
        ]
        for (key, value) in references where value.isEmpty {
            throw SeedError(file: seed.file, reason: "\"\(key)\" of \(entry.id.isEmpty ? "an entry" : entry.id) must be a non-empty string")
        }
        entry.cancelled = isCancelled(entry.statusDetails)
        return entry
    }

    /// Whether the newest of `statusDetails` is CANCELLED.
    static func isCancelled(_ statusDetails: JSONValue) -> Bool {
        statusDetails.arrayValue?.last?["status"]?.stringValue == "CANCELLED"
    }
}
