import Emulation
import Testing

@Suite struct ScopeCountsTests {
    private let counts = ScopeCounts("test_zz_counts", [
        .init("tickets by event", table: "test_tickets", key: "event_id", where: "state != 'void'"),
        .init("tickets by owner", table: "test_tickets", key: "owner"),
        .init("notes by event", table: "test_notes", key: "event_id"),
    ])

    private func makeDatabase() throws -> Database {
        let database = try Database(.memory)
        try database.execute(
            """
            CREATE TABLE test_tickets (id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL, owner TEXT, state TEXT NOT NULL);
            CREATE TABLE test_notes (id TEXT PRIMARY KEY, event_id INTEGER NOT NULL);
            """ + counts.schema)
        return database
    }

    private func snapshot(_ database: Database) throws -> [Int] {
        [
            try counts.count("tickets by event", 1, in: database), try counts.count("tickets by event", 2, in: database),
            try counts.count("tickets by owner", "ann", in: database), try counts.count("tickets by owner", "bob", in: database),
            try counts.count("notes by event", 1, in: database),
        ]
    }

    @Test func countsInsertsDeletesAndUpdatesOfEveryScope() throws {
        let database = try makeDatabase()
        #expect(try snapshot(database) == [0, 0, 0, 0, 0])
        for (event, owner, state) in [(1, "ann", "paid"), (1, "ann", "void"), (1, "bob", "paid"), (2, nil, "paid")] as [(Int, String?, String)] {
            try database.run("INSERT INTO test_tickets (event_id, owner, state) VALUES (?, ?, ?)", event, owner, state)
        }
        try database.run("INSERT INTO test_notes VALUES ('n1', 1), ('n2', 1)")
        // A void ticket counts for its owner but not for its event; no owner, no owner scope.
        #expect(try snapshot(database) == [2, 1, 2, 1, 2])

        // An update moves a row between scopes, and in or out of the condition.
        try database.run("UPDATE test_tickets SET event_id = 2, owner = 'bob' WHERE id = 1")
        try database.run("UPDATE test_tickets SET state = 'paid' WHERE id = 2")
        #expect(try snapshot(database) == [2, 2, 1, 2, 2])

        try database.run("DELETE FROM test_tickets WHERE owner = 'bob'")
        try database.run("DELETE FROM test_notes")
        #expect(try snapshot(database) == [1, 1, 1, 0, 0])
        #expect(try database.count(from: "test_tickets", where: SQLFilter("event_id = 1 AND state != 'void'")) == 1)
    }

    @Test func aRefillOfTheCountedTablesThenOfTheCountsEndsAtTheCopiedFigures() throws {
        // A per-provider reset empties and refills each table in name order, triggers on: the
        // counted tables come first, and the copy of the counts table has the last word.
        let database = try makeDatabase()
        try database.run("INSERT INTO test_tickets (event_id, owner, state) VALUES (1, 'ann', 'paid'), (1, 'bob', 'paid')")
        try database.execute(
            """
            CREATE TEMP TABLE saved_tickets AS SELECT * FROM test_tickets;
            CREATE TEMP TABLE saved_counts AS SELECT * FROM test_zz_counts;
            INSERT INTO test_tickets (event_id, owner, state) VALUES (1, 'cat', 'paid');
            """)
        #expect(try snapshot(database)[0] == 3)
        for table in ["test_tickets", "test_zz_counts"] {
            let saved = table == "test_tickets" ? "saved_tickets" : "saved_counts"
            try database.execute("DELETE FROM \(table); INSERT INTO \(table) SELECT * FROM \(saved) WHERE true;")
        }
        #expect(try snapshot(database) == [2, 0, 1, 1, 0])
    }
}
