@testable import Emulation
import Testing

private struct Ticket: StoredRecord {
    var id: Int64 = 0
    var title = ""
    var voucherID = ""
    var voucherCode = ""
    /// Kept exactly as given: keys in their spelling and order.
    var extras: JSONValue = [:]

    static let table = RecordTable("test_tickets", of: Ticket.self)

    static let view = RecordView<Void>(table, [
        .column("id"), .column("title"),
        .object("voucher", [.column("voucher_id", as: "id"), .column("voucher_code", as: "code")]),
        .column("extras"),
    ])
}

private struct Author: StoredRecord {
    var id: Int64 = 0
    var name = ""
    static let table = RecordTable("test_authors", of: Author.self)
}

private struct Book: StoredRecord {
    var id: Int64 = 0
    var authorID: Int64 = 0
    var title = ""
    /// Hundredths: seeds write them as decimal strings.
    var price: Int64 = 0
    var publishedAt: Int64?
    var tagIDs: [Int64] = []
    static let table = RecordTable("test_books", of: Book.self)

    /// The leniency a provider adds for its seed files: `"12.5"` for 1250 hundredths.
    static func seedValue(_ value: JSONValue, for column: RecordColumn) throws -> JSONValue {
        guard column.name == "price", let text = value.stringValue else { return value }
        guard let number = Double(text) else { throw RecordDecodingError(description: "\"price\" must be a decimal") }
        return .int(Int64((number * 100).rounded()))
    }
}

private struct Tag: StoredRecord {
    var id: Int64 = 0
    var label = ""
    static let table = RecordTable("test_tags", of: Tag.self)
}

/// What the views below read from their context: a setting and the records they embed.
private struct Page: Sendable {
    var pricesAsNumbers = false
    var authors: RenderedRecords?
    var books: RenderedRecords?
    var tags: RenderedRecords?
}

@Suite struct RecordViewTests {
    private static let cents = ColumnFormat { row, index, json in
        json.string(String(format: "%.2f", Double(row.integer(at: index)) / 100))
    }
    private static let centsAsNumber = ColumnFormat { row, index, json in json.double(Double(row.integer(at: index)) / 100) }

    private static let author = RecordView<Page>(Author.table, [.constant("_type", "author"), .column("id"), .column("name")])
    private static let tag = RecordView<Page>(Tag.table, [.column("label")])
    private static let book = RecordView<Page>(Book.table, computed: ["title_length"], [
        .constant("_type", "book"),
        .column("id"),
        .column("title"),
        .column("title_length"),
        .column("price", formattedBy: { $0.pricesAsNumbers ? centsAsNumber : cents }),
        .column("published_at", format: .utcTimestamp()),
        .embedded("author", by: "author_id", in: { $0.authors }),
        .embeddedArray("tags", ids: "tag_ids", in: { $0.tags }),
        .constant("bestseller", true).when { row, _ in row.integer("price") > 1000 },
    ])
    private static let authorWithBooks = RecordView<Page>(Author.table, [
        .column("name"), .embeddedArray("books", by: "id", in: { $0.books }),
    ])

    private func makeDatabase() throws -> Database {
        let database = try Database(.memory)
        try database.execute(Author.table.schema + Book.table.schema + Tag.table.schema)
        try database.insert(Author(id: 1, name: "Ada"))
        try database.insert(Author(id: 2, name: "Brian"))
        for (id, label) in [(7, "maths"), (8, "history")] { try database.insert(Tag(id: Int64(id), label: label)) }
        var book = Book()
        (book.id, book.authorID, book.title, book.price, book.publishedAt, book.tagIDs) = (10, 1, "Notes", 1250, 1_700_000_000_000, [8, 99, 7])
        try database.insert(book)
        (book.id, book.authorID, book.title, book.price, book.publishedAt, book.tagIDs) = (11, 1, "Sketch", 300, nil, [])
        try database.insert(book)
        return database
    }

    private func books(_ database: Database, _ page: Page) throws -> JSONValue {
        var json = JSONBuilder()
        try json.array { json in
            try database.write(
                Self.book, "SELECT \(Self.book.selectList(alias: "b", computed: ["length(b.title)"])) FROM test_books AS b ORDER BY b.id",
                arguments: [], context: page, to: &json)
        }
        return try JSONParser.parse(json.bytes)
    }

    @Test func rendersComputedColumnsContextualFormatsAndEmbeddedRecords() throws {
        let database = try makeDatabase()
        var page = Page()
        page.authors = try database.render(
            Self.author, "SELECT \(Author.table.selectList()) FROM test_authors", arguments: [], context: page, keyedBy: "id")
        page.tags = try database.render(
            Self.tag, "SELECT \(Tag.table.selectList()) FROM test_tags", arguments: [], context: page, keyedBy: "id")
        let ada: JSONValue = ["_type": "author", "id": 1, "name": "Ada"]
        #expect(try books(database, page) == [
            [
                "_type": "book", "id": 10, "title": "Notes", "title_length": 5, "price": "12.50",
                "published_at": "2023-11-14T22:13:20.000Z", "author": ada, "tags": [["label": "history"], ["label": "maths"]],
                "bestseller": true,
            ],
            [
                "_type": "book", "id": 11, "title": "Sketch", "title_length": 6, "price": "3.00", "published_at": nil,
                "author": ada, "tags": [],
            ],
        ])
        page.pricesAsNumbers = true
        #expect(try books(database, page).arrayValue?.first?["price"] == 12.5)
        // Without the records to embed, a single embed is null and an array is empty.
        let bare = try books(database, Page()).arrayValue?.first
        #expect(bare?["author"] == .null)
        #expect(bare?["tags"] == [])
    }

    @Test func groupsRecordsUnderTheKeyThatPointsAtThem() throws {
        let database = try makeDatabase()
        var page = Page()
        let titles = RecordView<Page>(Book.table, [.column("title")])
        page.books = try database.render(
            titles, "SELECT \(Book.table.selectList()) FROM test_books ORDER BY id DESC", arguments: [], context: page,
            keyedBy: "author_id")
        #expect(page.books?.objects(for: 1).map { String(decoding: $0, as: UTF8.self) } == #"{"title":"Sketch"},{"title":"Notes"}"#)
        var json = JSONBuilder()
        try json.array { json in
            try database.write(
                Self.authorWithBooks, "SELECT \(Author.table.selectList()) FROM test_authors ORDER BY id", arguments: [],
                context: page, to: &json)
        }
        #expect(try JSONParser.parse(json.bytes) == [
            ["name": "Ada", "books": [["title": "Sketch"], ["title": "Notes"]]], ["name": "Brian", "books": []],
        ])
    }

    @Test func writesRecordsInTheOrderOfTheirIDs() throws {
        let database = try makeDatabase()
        var book = Book()
        (book.id, book.title) = (12, "Third")
        try database.insert(book)
        let titles = RecordView<Page>(Book.table, [.column("id"), .column("title")])
        func write(_ ids: [Int64], _ sql: String) throws -> JSONValue {
            var json = JSONBuilder()
            try json.array { json in
                json.string("first")
                try database.write(titles, sql, inOrderOf: ids, context: Page(), to: &json)
                json.string("last")
            }
            return try JSONParser.parse(json.bytes)
        }
        let select = "SELECT \(Book.table.selectList(alias: "b")) FROM json_each(?) AS page CROSS JOIN test_books AS b WHERE b.id = page.value"
        let expected: JSONValue = ["first", ["id": 12, "title": "Third"], ["id": 10, "title": "Notes"], ["id": 11, "title": "Sketch"], "last"]
        #expect(try write([12, 10, 11], select) == expected)
        // Rows that come out of turn are put back in the order of the ids.
        #expect(try write([12, 10, 11], select + " ORDER BY b.id") == expected)
        #expect(try write([12, 10, 11], select + " ORDER BY b.title DESC") == expected)
        #expect(try write([], select) == ["first", "last"])
    }

    @Test func builtInFormatsWriteNullEmptyAndHundredths() throws {
        let database = try Database(.memory)
        let view = RecordView<Void>(Tag.table, computed: ["amount", "flag", "empty"], [
            .column("label"), .column("amount", format: .hundredths(quoted: true)), .column("amount", as: "number", format: .hundredths(quoted: false)),
            .column("flag", format: .boolean), .column("empty", format: .string),
        ])
        var json = JSONBuilder()
        try json.array { json in
            for (label, amount, flag, empty) in [("'a'", "1250", "1", "''"), ("NULL", "NULL", "NULL", "NULL"), ("'b'", "-5", "0", "'x'")] {
                try database.write(
                    view, "SELECT 1 AS id, \(label) AS label, \(amount) AS amount, \(flag) AS flag, \(empty) AS empty", arguments: [],
                    context: (), to: &json)
            }
        }
        #expect(try JSONParser.parse(json.bytes) == [
            ["label": "a", "amount": "12.5", "number": 12.5, "flag": true, "empty": ""],
            ["label": nil, "amount": nil, "number": nil, "flag": nil, "empty": nil],
            ["label": "b", "amount": "-0.05", "number": -0.05, "flag": false, "empty": "x"],
        ])
        var text = JSONBuilder()
        text.array { json in for value: Int64 in [0, 100_000, 1, 10, 99, -250] { json.hundredths(value, quoted: false) } }
        #expect(String(decoding: text.bytes, as: UTF8.self) == "[0.0,1000.0,0.01,0.1,0.99,-2.5]")
    }

    @Test func seedValuesPassThroughTheRecordsLeniency() throws {
        let seed = try JSONParser.parse(Array(#"{"id": 3, "title": "T", "price": "12.5", "note": "not a column"}"#.utf8))
        let book = try Book(seed: seed.objectValue!)
        #expect(book.price == 1250)
        #expect(book.title == "T")
        let bad = try JSONParser.parse(Array(#"{"id": 3, "price": "twelve"}"#.utf8))
        #expect(throws: RecordDecodingError.self) { try Book(seed: bad.objectValue!) }
    }

    @Test func readsIntegerListsFromTheirText() {
        func values(_ text: String) -> [Int64] {
            var text = text
            return text.withUTF8 { IntegerList.values(in: $0) }
        }
        #expect(values("[1,2,3]") == [1, 2, 3])
        #expect(values("[ 10, -4 ]") == [10, -4])
        #expect(values("[]") == [])
        #expect(values("") == [])
        #expect(values("[1,\"x\",2]") == [1])
    }

    private func render(keeping keys: Set<String>? = nil) throws -> JSONValue {
        let database = try Database(.memory)
        try database.execute(Ticket.table.schema)
        var ticket = Ticket()
        ticket.id = 1
        ticket.title = "Entry"
        ticket.voucherID = "v1"
        ticket.voucherCode = "ABC"
        ticket.extras = ["flexOffer": ["price_category_id": 475], "a": [1, 2.5]]
        try database.insert(ticket)
        var json = JSONBuilder()
        try json.array { json in
            try database.write(Ticket.view, "SELECT \(Ticket.table.selectList()) FROM test_tickets", arguments: [], context: (),
                keeping: keys, to: &json)
        }
        return try JSONParser.parse(json.bytes)
    }

    @Test func writesNestedObjectsFromTheRowsColumnsAndJSONColumnsAsGiven() throws {
        #expect(try render() == [[
            "id": 1, "title": "Entry", "voucher": ["id": "v1", "code": "ABC"], "extras": ["flexOffer": ["price_category_id": 475], "a": [1, 2.5]],
        ]])
    }

    @Test func keepsOnlyTheRequestedMembersInTheViewsOrder() throws {
        #expect(try render(keeping: ["voucher", "id", "unknown"]) == [["id": 1, "voucher": ["id": "v1", "code": "ABC"]]])
    }

    @Test func readsAJSONValueColumnBackWhole() throws {
        let database = try Database(.memory)
        try database.execute(Ticket.table.schema)
        var ticket = Ticket()
        ticket.extras = ["camelCase": [["x": nil]]]
        try database.insert(ticket)
        #expect(try database.fetchOne(Ticket.self, where: "id = 0")?.extras == ["camelCase": [["x": nil]]])
    }
}

private struct Note: StoredRecord {
    var id: Int64 = 0
    var title = ""
    var body: String?
    var score = 0.0
    var pinned = false
    var tags: JSONValue = []
    var editedAt: EpochMilliseconds?
    var parentID: Int64?

    static let table = RecordTable("test_notes", of: Note.self)
}

/// Views write columns by their own formats rather than `JSONBuilder`'s field calls; whichever
/// way a value goes, the bytes must be the same.
@Suite struct RecordViewValueTests {
    private func database(_ notes: [Note]) throws -> Database {
        let database = try Database(.memory)
        try database.execute(Note.table.schema)
        for note in notes { try database.insert(note) }
        return database
    }

    private func render<Context>(_ view: RecordView<Context>, _ sql: String, context: Context, in database: Database) throws -> String {
        var json = JSONBuilder()
        try json.array { json in try database.write(view, sql, arguments: [], context: context, to: &json) }
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// What `JSONBuilder` writes for the same values, field by field.
    private func expected(_ notes: [Note]) -> String {
        var json = JSONBuilder()
        json.array { json in
            for note in notes {
                json.object { json in
                    json.field("id", note.id)
                    json.field("title", note.title)
                    json.field("body", note.body)
                    json.key("score")
                    json.double(note.score)
                    json.field("pinned", note.pinned)
                    json.field("tags", note.tags)
                    json.key("editedAt")
                    if let edited = note.editedAt { json.string(Timestamp.iso8601Milliseconds(edited.date)) } else { json.null() }
                    json.key("parentId")
                    if let parent = note.parentID { json.int(parent) } else { json.null() }
                }
            }
        }
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test func writesEveryKindOfValueAsTheBuilderWould() throws {
        var notes: [Note] = []
        let titles = ["", "plain", "quote \" and \\ backslash", "tab\tnew\nline\u{1}", "naïve café 🎉", String(repeating: "long ", count: 3_000)]
        for (index, title) in titles.enumerated() {
            var note = Note()
            note.id = Int64(index) - 2
            note.title = title
            note.body = index % 2 == 0 ? nil : title + title
            note.score = [0, 1.5, -2, 1e20, 0.1, 3][index]
            note.pinned = index % 3 == 0
            note.tags = index == 4 ? ["a", ["b": [1, 2.5, nil]]] : []
            note.editedAt = index == 1 ? nil : EpochMilliseconds(1_778_239_800_123 + Int64(index))
            note.parentID = index == 3 ? Int64.min : (index == 5 ? Int64.max : nil)
            notes.append(note)
        }
        let database = try database(notes)
        let view = RecordView<Void>(
            Note.table,
            RecordView.columns(of: Note.table, keys: .camelCase, formats: ["edited_at": .utcTimestamp()]))
        let rendered = try render(view, "SELECT \(Note.table.selectList()) FROM test_notes ORDER BY id", context: (), in: database)
        #expect(rendered == expected(notes))
    }

    /// A builder keeps the digits of the last timestamp it wrote: the same instant again, in
    /// another form, or another instant must each come out as if written afresh.
    @Test func writesRepeatedTimestampsInEachForm() throws {
        let instants: [Int64?] = [1_778_239_800_123, 1_778_239_800_123, nil, 0, 1_778_239_800_123, -1]
        let notes = instants.enumerated().map { index, milliseconds in
            var note = Note()
            note.id = Int64(index)
            note.editedAt = milliseconds.map(EpochMilliseconds.init)
            return note
        }
        let database = try database(notes)
        let view = RecordView<Void>(Note.table, [
            .column("edited_at", format: .utcTimestamp()),
            .column("edited_at", as: "rails", format: .utcTimestamp(dateSeparator: " ", fraction: false, offset: " +0000")),
            .column("edited_at", as: "again", format: .utcTimestamp()),
        ])
        let rendered = try render(view, "SELECT \(Note.table.selectList()) FROM test_notes ORDER BY id", context: (), in: database)
        let expected = instants.map { milliseconds -> String in
            guard let milliseconds else { return #"{"edited_at":null,"rails":null,"again":null}"# }
            let time = UTCDateTime(milliseconds: milliseconds)
            let iso = time.text(dateSeparator: "T", fraction: true, offset: "Z")
            let rails = time.text(dateSeparator: " ", fraction: false, offset: " +0000")
            return #"{"edited_at":"\#(iso)","rails":"\#(rails)","again":"\#(iso)"}"#
        }
        #expect(rendered == "[" + expected.joined(separator: ",") + "]")
    }

    @Test func writesComputedColumnsFallbacksAndOptionalMembers() throws {
        var first = Note()
        first.id = 1
        first.title = "first"
        var second = Note()
        second.id = 2
        second.title = "second"
        second.parentID = 1
        let database = try database([first, second])
        let view = RecordView<String>(
            Note.table, computed: ["parent_title", "parent_tags"],
            [
                .column("id"),
                .column("parent_title", as: "parent"),
                .column("parent_tags", as: "parentTags", format: ColumnFormat.rawJSON.orWhenNull([])),
                .constant("kind", "note"),
                .column("parent_id", as: "parentId").whenNotNull("parent_id"),
                .derived("greeting") { row, context, json in json.string(context + row.string("title")) },
                .column("title").when { _, context in context == "hi " },
            ])
        let sql = """
            SELECT \(Note.table.selectList(alias: "n")), p.title AS parent_title, p.tags AS parent_tags
            FROM test_notes AS n LEFT JOIN test_notes AS p ON p.id = n.parent_id ORDER BY n.id
            """
        #expect(try render(view, sql, context: "hi ", in: database) == """
            [{"id":1,"parent":null,"parentTags":[],"kind":"note","greeting":"hi first","title":"first"},\
            {"id":2,"parent":"first","parentTags":[],"kind":"note","parentId":1,"greeting":"hi second","title":"second"}]
            """)
        #expect(try render(view, sql, context: "", in: database).contains(#""greeting":"first"}"#))
    }
}
