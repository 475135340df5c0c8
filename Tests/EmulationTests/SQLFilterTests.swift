import Emulation
import Testing

@Suite struct SQLFilterTests {
    /// `things(id, kind, name)`: ids 1–6.
    private func makeDatabase() throws -> Database {
        let database = try Database(.memory)
        try database.execute(
            """
            CREATE TABLE things (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT);
            INSERT INTO things (id, kind, name) VALUES
                (1, 'book', 'Dune'), (2, 'book', '50% off'), (3, 'film', '500 Days'),
                (4, 'film', 'snake_case'), (5, 'game', 'back\\slash'), (6, 'game', NULL);
            """)
        return database
    }

    private func ids(_ filter: SQLFilter, in database: Database) throws -> [Int] {
        try database.query("SELECT id FROM things WHERE \(filter.clause) ORDER BY id", arguments: filter.arguments)
            .compactMap { $0.int("id") }
    }

    @Test func joinsConditionsWithAndKeepingArgumentsInPlaceholderOrder() throws {
        let database = try makeDatabase()
        var filter = SQLFilter("kind = ?", "film")
        filter.add("id > ? AND id < ?", 2, 4)
        #expect(filter.clause == "kind = ? AND id > ? AND id < ?")
        #expect(filter.arguments.map(\.sqliteValue) == [.text("film"), .integer(2), .integer(4)])
        #expect(try ids(filter, in: database) == [3])
    }

    @Test func anEmptyFilterMatchesEverything() throws {
        let filter = SQLFilter()
        #expect(filter.isEmpty)
        #expect(filter.clause == "1")
        #expect(try ids(filter, in: try makeDatabase()) == [1, 2, 3, 4, 5, 6])
    }

    @Test func inListsAndTheirEmptyCases() throws {
        let database = try makeDatabase()
        var included = SQLFilter()
        included.add("kind", in: ["book", "game"])
        #expect(try ids(included, in: database) == [1, 2, 5, 6])

        var noneIncluded = SQLFilter()
        noneIncluded.add("kind", in: [])
        #expect(try ids(noneIncluded, in: database) == [])

        var excluded = SQLFilter()
        excluded.add("id", notIn: [1, 2, 3])
        #expect(try ids(excluded, in: database) == [4, 5, 6])

        var noneExcluded = SQLFilter()
        noneExcluded.add("id", notIn: [])
        #expect(noneExcluded.isEmpty)
        #expect(try ids(noneExcluded, in: database) == [1, 2, 3, 4, 5, 6])
    }

    /// An id list is one bound argument whatever its length; one id is a plain comparison.
    @Test func idListsBindOneArgument() throws {
        let database = try makeDatabase()
        let several = SQLFilter("id", inList: [5, 2, 6])
        #expect(several.arguments.count == 1)
        #expect(try ids(several, in: database) == [2, 5, 6])
        let one = SQLFilter("id", inList: [3])
        #expect(one.clause == "id = ?")
        #expect(try ids(one, in: database) == [3])
        #expect(try ids(SQLFilter("id", inList: []), in: database) == [])
    }

    @Test func orGroupsBindEachAlternativesArguments() throws {
        let database = try makeDatabase()
        var filter = SQLFilter("id != ?", 5)
        filter.add(anyOf: [SQLFilter("kind = ?", "book"), SQLFilter("kind = ? AND id > ?", "game", 4)])
        #expect(filter.clause == "id != ? AND ((kind = ?) OR (kind = ? AND id > ?))")
        #expect(try ids(filter, in: database) == [1, 2, 6])

        var nothing = SQLFilter()
        nothing.add(anyOf: [])
        #expect(try ids(nothing, in: database) == [])
    }

    @Test func addsAnotherFiltersConditions() throws {
        var filter = SQLFilter("kind = ?", "film")
        var other = SQLFilter("id >= ?", 4)
        other.add("name IS NOT NULL")
        filter.add(other)
        #expect(filter.conditions == ["kind = ?", "id >= ?", "name IS NOT NULL"])
        #expect(try ids(filter, in: try makeDatabase()) == [4])
    }

    @Test func textSearchIsCaseInsensitiveAndTakesWildcardsLiterally() throws {
        let database = try makeDatabase()
        func search(_ text: String) throws -> [Int] {
            var filter = SQLFilter()
            filter.add(containing: text, inAnyOf: ["name", "kind"])
            return try ids(filter, in: database)
        }
        #expect(try search("DUNE") == [1])
        #expect(try search("50%") == [2])
        #expect(try search("%") == [2])
        #expect(try search("_") == [4])
        #expect(try search("\\") == [5])
        #expect(try search("GAME") == [5, 6])
        #expect(try search("zzz") == [])
    }
}
