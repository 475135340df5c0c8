import Emulation
import Testing

/// A timestamp kept as an INTEGER column that reads seeds written as ISO 8601 text too.
private struct Millis: ColumnCodable, Equatable {
    static let columnStorage = ColumnStorage.integer
    var value: Int64

    init(_ value: Int64) { self.value = value }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            value = number
        } else {
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else { throw RecordDecodingError(description: "bad time \(text)") }
            value = Int64((date.timeIntervalSince1970 * 1000).rounded())
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

private enum Colour: String, ColumnCodable, CaseIterable {
    case red, green
}

private struct Gadget: StoredRecord, Equatable {
    var id: Int64 = 0
    var ownerID: Int64 = 0
    var title = ""
    var price = 0.0
    var isActive = true
    var colour = Colour.red
    var tagIDs: [Int64] = []
    var note: String?
    var expiresAt: Millis?
    var createdAt = Millis(0)

    static let table = RecordTable(
        "test_gadgets", of: Gadget.self, constraints: [.unique(["title"])], indexes: ["owner_id, id"])
}

/// A record whose seed files spell keys in camel case, as a camelCase API does.
private struct Show: StoredRecord, Equatable {
    var id = ""
    var coverImageID: String?
    var ticketTypeIDs: [String] = []

    static let table = RecordTable("test_shows", of: Show.self)
    static let keyStyle = JSONKeyStyle.camelCase
}

@Suite struct StoredRecordTests {
    private func makeDatabase() throws -> Database {
        let database = try Database(.memory)
        try database.execute(Gadget.table.schema)
        return database
    }

    @Test func derivesColumnsFromProperties() {
        let columns = Gadget.table.columns
        #expect(columns.map(\.name) == [
            "id", "owner_id", "title", "price", "is_active", "colour", "tag_ids", "note", "expires_at", "created_at",
        ])
        #expect(columns.map(\.storage) == [.integer, .integer, .text, .real, .boolean, .text, .json, .text, .integer, .integer])
        #expect(columns.map(\.isOptional) == [false, false, false, false, false, false, false, true, true, false])
        #expect(Gadget.table.schema.contains("id INTEGER PRIMARY KEY"))
        #expect(Gadget.table.schema.contains("owner_id INTEGER NOT NULL"))
        #expect(Gadget.table.schema.contains("note TEXT,"))
        #expect(Gadget.table.schema.contains("UNIQUE (title)"))
        #expect(Gadget.table.schema.contains("CREATE INDEX IF NOT EXISTS test_gadgets_by_owner_id_id ON test_gadgets (owner_id, id)"))
    }

    @Test func insertsUpdatesAndReadsBack() throws {
        let database = try makeDatabase()
        var gadget = Gadget()
        gadget.id = 7
        gadget.ownerID = 3
        gadget.title = "John's \"widget\""
        gadget.price = 12.5
        gadget.isActive = false
        gadget.colour = .green
        gadget.tagIDs = [4, 5]
        gadget.expiresAt = Millis(1_700_000_000_000)
        try database.insert(gadget)
        #expect(try database.fetchOne(Gadget.self, where: "id = ?", 7) == gadget)

        gadget.note = "changed"
        gadget.tagIDs = []
        gadget.expiresAt = nil
        try database.update(gadget)
        #expect(try database.fetchAll(Gadget.self, where: "owner_id = ?", 3) == [gadget])
        #expect(try database.query("SELECT tag_ids, is_active FROM test_gadgets")[0].string("tag_ids") == "[]")
        #expect(try database.delete(Gadget.self, where: "id = ?", 7) == 1)
        #expect(try database.fetchOne(Gadget.self, where: "id = ?", 7) == nil)
    }

    @Test func readsSeedObjectsWithDefaultsForMissingMembers() throws {
        let seed = try JSONParser.parse(Array(#"{"id": 9, "title": "T", "tag_ids": [1], "colour": "green", "created_at": "2025-01-02T03:04:05Z"}"#.utf8))
        let gadget = try Gadget(seed: seed.objectValue!)
        #expect(gadget.id == 9)
        #expect(gadget.title == "T")
        #expect(gadget.tagIDs == [1])
        #expect(gadget.colour == .green)
        #expect(gadget.isActive == true)
        #expect(gadget.note == nil)
        #expect(gadget.createdAt == Millis(1_735_787_045_000))
    }

    @Test func readsCamelCaseSeedsIntoSnakeCaseColumns() throws {
        let seed = try JSONParser.parse(Array(#"{"id": "s1", "coverImageId": "c", "ticketTypeIds": ["t"]}"#.utf8))
        #expect(try Show(seed: seed.objectValue!) == Show(id: "s1", coverImageID: "c", ticketTypeIDs: ["t"]))
        #expect(Show.table.columns.map(\.name) == ["id", "cover_image_id", "ticket_type_ids"])
    }

    @Test func seedErrorsNameTheField() throws {
        let seed = try JSONParser.parse(Array(#"{"id": "nine"}"#.utf8))
        #expect(throws: RecordDecodingError.self) { try Gadget(seed: seed.objectValue!) }
        do {
            _ = try Gadget(seed: seed.objectValue!)
        } catch {
            #expect("\(error)" == "\"id\" must be an integer")
        }
    }

    @Test func namesAbbreviationsAsWords() {
        struct Named: StoredRecord {
            var id: Int64 = 0
            var eventID: Int64 = 0
            var activityIDs: [Int64] = []
            var bannerURL = ""
            var notATicket = false
            var showQrCode = false
            var releaseIDsCount: Int64 = 0
            static let table = RecordTable("test_named", of: Named.self)
        }
        #expect(Named.table.columns.map(\.name) == [
            "id", "event_id", "activity_ids", "banner_url", "not_a_ticket", "show_qr_code", "release_ids_count",
        ])
    }

    @Test func keepsJSONValuesOfAnyShapeWithTheirKeys() throws {
        struct Note: StoredRecord, Equatable {
            var id: Int64 = 0
            var metadata: JSONValue?
            var answer: JSONValue = ""
            static let table = RecordTable("test_notes", of: Note.self)
        }
        #expect(Note.table.columns.map(\.storage) == [.integer, .json, .json])
        let database = try Database(.memory)
        try database.execute(Note.table.schema)
        let note = Note(id: 1, metadata: ["seatNumber": "A1", "tags": [1, "x"]], answer: ["Vegan", "Halal"])
        try database.insert(note)
        #expect(try database.fetchOne(Note.self, where: "id = ?", 1) == note)
        #expect(try database.query("SELECT metadata FROM test_notes")[0].string("metadata") == #"{"seatNumber":"A1","tags":[1,"x"]}"#)
        let seeded = try Note(seed: try JSONParser.parse(Array(#"{"id": 2, "metadata": {"camelKey": null}, "answer": "ok"}"#.utf8)).objectValue!)
        #expect(seeded.metadata == ["camelKey": nil])
        #expect(seeded.answer == "ok")
        let empty = try Note(seed: try JSONParser.parse(Array(#"{"id": 3, "metadata": null}"#.utf8)).objectValue!)
        #expect(empty.metadata == nil)
    }
}
