import Emulation
import Testing

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

/// Views write most columns through a buffer on the stack and fall back to `JSONBuilder` for the
/// rest; whichever way a value goes, the bytes must be the same.
@Suite struct RecordViewTests {
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
            RecordView.camelCaseColumns(of: Note.table, formats: ["edited_at": .iso8601Milliseconds]))
        let rendered = try render(view, "SELECT \(Note.table.selectList()) FROM test_notes ORDER BY id", context: (), in: database)
        #expect(rendered == expected(notes))
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
