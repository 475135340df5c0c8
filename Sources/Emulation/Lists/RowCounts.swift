/// Counts of a table's rows by group (per event and mode, per release…), kept in a table of
/// their own by triggers on every insert, update and delete of the counted table, so a list's
/// total, its `overall_total` or the rows it hides by default cost a lookup of a few rows rather
/// than a scan of every row of the group. Each count sums an expression over the group's rows: a
/// condition counts the rows where it holds, a column adds up its values. A row whose group has
/// a NULL column is in no group.
///
///     static let counts = RowCounts(
///         "tito_registrations", suffix: "counts", groupedBy: ["event_id", "test_mode"],
///         counts: [.init("registrations") { _ in "1" }, .init("cancelled") { "\($0).state = 'cancelled'" }])
///
/// The counts live in `<table>_<suffix>`, a name that sorts after the counted table's on purpose:
/// a per-provider reset refills tables in name order, so the counted table's delete and insert
/// triggers run first and the refill of the counts then writes the seed's values; the other
/// order would count the seed twice.
public struct RowCounts: Sendable {
    /// One count: `expression` of a row's columns, each qualified by the row name it is given
    /// (`NEW` or `OLD` in the triggers).
    public struct Count: Sendable {
        public let name: String
        public let expression: @Sendable (String) -> String

        public init(_ name: String, _ expression: @escaping @Sendable (String) -> String) {
            self.name = name
            self.expression = expression
        }
    }

    /// The counted table.
    public let source: String
    /// The table the counts are kept in.
    public let table: String
    public let groupColumns: [String]
    public let counts: [Count]
    /// `SELECT <each count summed> FROM <table> WHERE `, made once: a list reads its counts on
    /// every request.
    private let sumsQuery: String

    public init(_ source: String, suffix: String, groupedBy groupColumns: [String], counts: [Count]) {
        precondition(!groupColumns.isEmpty && !counts.isEmpty, "\(source): counts need a group and something to count")
        self.source = source
        table = "\(source)_\(suffix)"
        self.groupColumns = groupColumns
        self.counts = counts
        sumsQuery = "SELECT " + counts.map { "COALESCE(SUM(\($0.name)), 0)" }.joined(separator: ", ") + " FROM \(table) WHERE "
    }

    /// The counts table and the triggers that keep it.
    public var schema: String {
        // Group columns take their values as the counted table holds them (no type, no conversion).
        let groups = groupColumns.map { "\($0) NOT NULL" }
        let sums = counts.map { "\($0.name) INTEGER NOT NULL" }
        return """
            CREATE TABLE IF NOT EXISTS \(table) (
                \((groups + sums).joined(separator: ",\n    ")),
                PRIMARY KEY (\(groupColumns.joined(separator: ", ")))
            ) WITHOUT ROWID;
            CREATE TRIGGER IF NOT EXISTS \(table)_on_insert AFTER INSERT ON \(source) BEGIN
                \(add("NEW"))
            END;
            CREATE TRIGGER IF NOT EXISTS \(table)_on_delete AFTER DELETE ON \(source) BEGIN
                \(subtract("OLD"))
            END;
            CREATE TRIGGER IF NOT EXISTS \(table)_on_update AFTER UPDATE ON \(source) BEGIN
                \(subtract("OLD"))
                \(add("NEW"))
            END;

            """
    }

    /// Each count summed over the groups `filter` selects (a condition on the group columns,
    /// unqualified); 0 where no group matches.
    public func sums(where filter: SQLFilter, in database: Database) throws -> [String: Int] {
        var sums: [String: Int] = [:]
        sums.reserveCapacity(counts.count)
        // Sums without GROUP BY: always one row.
        try database.forEachRow(sumsQuery + filter.clause, arguments: filter.arguments) { row in
            for (index, count) in counts.enumerated() { sums[count.name] = Int(row.integer(at: index)) }
        }
        return sums
    }


    /// The count `name` of the one group whose columns hold `values` (in `groupColumns` order).
    public func sum(_ name: String, forGroup values: any SQLiteBindable..., in database: Database) throws -> Int {
        precondition(values.count == groupColumns.count && counts.contains { $0.name == name }, "\(table): no count \(name) for that group")
        var filter = SQLFilter()
        for (column, value) in zip(groupColumns, values) { filter.add("\(column) = ?", value) }
        return try sums(where: filter, in: database)[name] ?? 0
    }

    private func add(_ row: String) -> String {
        let names = (groupColumns + counts.map(\.name)).joined(separator: ", ")
        let values = (groupColumns.map { "\(row).\($0)" } + counts.map { "(\($0.expression(row)))" }).joined(separator: ", ")
        let sums = counts.map { "\($0.name) = \($0.name) + excluded.\($0.name)" }.joined(separator: ", ")
        let grouped = groupColumns.map { "\(row).\($0) IS NOT NULL" }.joined(separator: " AND ")
        return """
            INSERT INTO \(table) (\(names)) SELECT \(values) WHERE \(grouped)
                ON CONFLICT (\(groupColumns.joined(separator: ", "))) DO UPDATE SET \(sums);
            """
    }

    /// A NULL group column matches no group, so a row outside every group subtracts nothing.
    private func subtract(_ row: String) -> String {
        let differences = counts.map { "\($0.name) = \($0.name) - (\($0.expression(row)))" }.joined(separator: ", ")
        let group = groupColumns.map { "\($0) = \(row).\($0)" }.joined(separator: " AND ")
        return "UPDATE \(table) SET \(differences) WHERE \(group);"
    }
}
