import Emulation
import Testing

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
}
