import Emulation
import Testing

/// A record of an API that spells its fields in camelCase, with a JSON column, a moment in
/// milliseconds and a column the API does not show.
private struct Booking: StoredRecord, Equatable {
    var id = ""
    var eventOccurrenceID = ""
    var bibNumber: String?
    var externalIDs: JSONValue = [:]
    var gdprRedacted = false
    var createdAt = EpochMilliseconds(0)
    var ownerID = ""

    static let keyStyle = JSONKeyStyle.camelCase
    static let table = RecordTable("test_bookings", of: Booking.self, indexes: ["owner_id, created_at, id"])
    static let view = RecordView<Void>(
        table,
        RecordView.columns(of: table, keys: .camelCase, except: ["owner_id"], formats: ["created_at": .utcTimestamp()],
            inserting: ["bib_number": [.derived("bibLength") { row, _, json in json.int(Int64(row.optionalString("bib_number")?.count ?? 0)) }]]))
}

@Suite struct CamelCaseRecordTests {
    private func makeDatabase() throws -> Database {
        let database = try Database(.memory)
        try database.execute(Booking.table.schema)
        return database
    }

    private func rendered(_ database: Database) throws -> String {
        var json = JSONBuilder()
        try json.array { json in
            try database.write(Booking.view, "SELECT \(Booking.table.selectList()) FROM test_bookings ORDER BY id", arguments: [], context: (), to: &json)
        }
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test func columnsAreSnakeCaseAndTheAPINamesCamelCase() {
        #expect(Booking.table.columns.map(\.name) == [
            "id", "event_occurrence_id", "bib_number", "external_ids", "gdpr_redacted", "created_at", "owner_id",
        ])
        #expect(Booking.table.index(on: "owner_id, created_at, id") == "test_bookings_by_owner_id_created_at_id")
        #expect(Booking.table.schema.contains("CREATE INDEX IF NOT EXISTS test_bookings_by_owner_id_created_at_id ON test_bookings"))
    }

    @Test func readsCamelCaseSeedsAndWritesCamelCaseViews() throws {
        let database = try makeDatabase()
        let seed = try JSONParser.parse(Array(#"""
            {"id": "b1", "eventOccurrenceId": "o\"1", "bibNumber": "2041", "externalIds": {"justGiving": "2050", "n": 1.50},
             "gdprRedacted": true, "createdAt": "2026-05-08T11:30:00.123Z", "ownerId": "me", "unknownKey": 1}
            """#.utf8))
        let booking = try Booking(seed: seed.objectValue!)
        #expect(booking.eventOccurrenceID == "o\"1")
        #expect(booking.ownerID == "me")
        #expect(booking.createdAt == EpochMilliseconds(1_778_239_800_123))
        try database.insert(booking)
        var bare = Booking()
        bare.id = "b2"
        try database.insert(bare)
        #expect(try database.fetchOne(Booking.self, where: "id = ?", "b1") == booking)
        // Nested keys keep their spelling and order; the hidden column is left out; the derived
        // member follows the column it is keyed by.
        #expect(try rendered(database) == """
            [{"id":"b1","eventOccurrenceId":"o\\"1","bibNumber":"2041","bibLength":4,"externalIds":{"justGiving":"2050","n":1.5},\
            "gdprRedacted":true,"createdAt":"2026-05-08T11:30:00.123Z"},\
            {"id":"b2","eventOccurrenceId":"","bibNumber":null,"bibLength":0,"externalIds":{},"gdprRedacted":false,\
            "createdAt":"1970-01-01T00:00:00.000Z"}]
            """)
    }

    @Test func appliesAPatchBodyKeepingTheOtherColumns() throws {
        var booking = Booking()
        booking.id = "b1"
        booking.bibNumber = "7"
        booking.createdAt = EpochMilliseconds(5)
        let body = try JSONParser.parse(Array(#"{"externalIds": {"enthuse": "x"}, "gdprRedacted": true, "bibNumber": null}"#.utf8))
        let updated = try booking.updated(with: body.objectValue!)
        #expect(updated.externalIDs == ["enthuse": "x"])
        #expect(updated.gdprRedacted)
        #expect(updated.bibNumber == nil)
        #expect(updated.id == "b1" && updated.createdAt == EpochMilliseconds(5))
        let wrongType = try JSONParser.parse(Array(#"{"gdprRedacted": "yes"}"#.utf8))
        #expect(throws: RecordDecodingError.self) { try booking.updated(with: wrongType.objectValue!) }
    }

    @Test func seedErrorsNameTheFileTheRecordAndTheField() throws {
        let seed = SeedRecord(fields: try JSONParser.parse(Array(#"{"id": "b9", "createdAt": "yesterday"}"#.utf8)).objectValue!, file: "bookings.json")
        #expect(throws: SeedError.self) { try seed.record(Booking.self) }
        do {
            _ = try seed.record(Booking.self)
        } catch {
            #expect("\(error)" == #"seed file bookings.json: the Booking of b9: "yesterday" is not an ISO 8601 date-time"#)
        }
    }

    @Test func insertsOnlyWhatIsAbsent() throws {
        let database = try makeDatabase()
        var booking = Booking()
        booking.id = "b1"
        #expect(try database.insertIfAbsent(booking))
        booking.ownerID = "other"
        #expect(try !database.insertIfAbsent(booking))
        #expect(try database.fetchAll(Booking.self).map(\.ownerID) == [""])
    }
}
