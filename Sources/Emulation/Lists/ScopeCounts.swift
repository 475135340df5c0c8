/// How many rows each scope of a list holds (the participants of one race, the partners of one
/// organiser), kept in a table by triggers on the counted tables, so the total of an unfiltered
/// list is one lookup (`PageTotal.known`) however long the list is, and no write has to
/// remember to keep it.
///
///     static let counts = ScopeCounts("tito_zz_counts", [
///         .init("tickets by event", table: "tito_tickets", key: "event_id", where: "state != 'void'"),
///     ])
///     schema: … + counts.schema
///     let total = try counts.count("tickets by event", eventID, in: database)
///
/// A trigger reads the written row back by its rowid, so a counted table must have one (not
/// WITHOUT ROWID). The counts table's name must sort after every counted table's: a
/// per-provider reset refills tables in name order, so the counted tables' triggers count the
/// seed rows once more, and the refill of the counts table then puts the seed's figures back.
public struct ScopeCounts: Sendable {
    /// One kind of scope: the rows of `table` that share a value of `key` (a column, or an
    /// expression over the table's columns) and meet `condition`.
    public struct Scope: Sendable {
        public let name: String
        public let table: String
        public let key: String
        public let condition: String

        public init(_ name: String, table: String, key: String, where condition: String = "1") {
            self.name = name
            self.table = table
            self.key = key
            self.condition = condition
        }

        /// `FROM … WHERE …` picking the row of `table` whose rowid is `rowid` (`NEW.rowid`) when it
        /// belongs to a scope of this kind.
        fileprivate func counted(_ rowid: String) -> String {
            "FROM \(table) WHERE rowid = \(rowid) AND (\(key)) IS NOT NULL AND (\(condition))"
        }
    }

    public let table: String
    public let scopes: [Scope]

    public init(_ table: String, _ scopes: [Scope]) {
        precondition(scopes.allSatisfy { $0.table < table }, "\(table) must sort after the tables it counts")
        precondition(Set(scopes.map(\.name)).count == scopes.count, "scope names must differ")
        self.table = table
        self.scopes = scopes
    }

    /// The counts table and the triggers that keep it: a row counts once inserted and until
    /// deleted; an update moves it from the scope it was in (BEFORE) to the one it is in (AFTER).
    public var schema: String {
        var sql = """
            CREATE TABLE IF NOT EXISTS \(table) (
                scope TEXT NOT NULL,
                value NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (scope, value)
            ) WITHOUT ROWID;

            """
        for (position, scope) in scopes.enumerated() {
            let name = "\(table)_\(position)"
            let scopeName = "'" + scope.name.replacingOccurrences(of: "'", with: "''") + "'"
            func add(_ rowid: String) -> String {
                "INSERT INTO \(table) (scope, value, count) SELECT \(scopeName), (\(scope.key)), 1 \(scope.counted(rowid)) ON CONFLICT (scope, value) DO UPDATE SET count = count + 1;"
            }
            func remove(_ rowid: String) -> String {
                "UPDATE \(table) SET count = count - 1 WHERE scope = \(scopeName) AND value = (SELECT (\(scope.key)) \(scope.counted(rowid)));"
            }
            sql += """
                CREATE TRIGGER IF NOT EXISTS \(name)_insert AFTER INSERT ON \(scope.table) BEGIN \(add("NEW.rowid")) END;
                CREATE TRIGGER IF NOT EXISTS \(name)_delete BEFORE DELETE ON \(scope.table) BEGIN \(remove("OLD.rowid")) END;
                CREATE TRIGGER IF NOT EXISTS \(name)_update_from BEFORE UPDATE ON \(scope.table) BEGIN \(remove("OLD.rowid")) END;
                CREATE TRIGGER IF NOT EXISTS \(name)_update_to AFTER UPDATE ON \(scope.table) BEGIN \(add("NEW.rowid")) END;

                """
        }
        return sql
    }

    /// The rows in the scope `name` whose key is `value` (0 for a scope nothing was counted in).
    public func count(_ name: String, _ value: any SQLiteBindable, in database: Database) throws -> Int {
        precondition(scopes.contains { $0.name == name }, "\(table) counts no scope \(name)")
        return try database.queryOne("SELECT count FROM \(table) WHERE scope = ? AND value = ?", name, value)?.int("count") ?? 0
    }
}
