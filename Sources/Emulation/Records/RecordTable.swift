/// The table a record type is stored in, worked out once from the type itself: its columns are
/// the record's properties (`ColumnProbe`), so a column is named in one place, the property, and
/// the table, the INSERT, UPDATE and SELECT, decoding, seed reading and default JSON all follow.
/// What a property cannot say (keys, references, indexes) is declared here, by column name.
public final class RecordTable: Sendable {
    public let name: String
    public let columns: [RecordColumn]
    public let primaryKey: [String]
    /// `CREATE TABLE …` and its indexes.
    public let schema: String
    let insertSQL: String
    let updateSQL: String
    /// The columns' names, comma-separated: `selectList()`, made once.
    private let columnList: String
    private let positionByProperty: [String: Int]
    private let positionByColumn: ColumnLookup

    /// A constraint beyond the columns' own types and nullability.
    public enum Constraint: Sendable {
        /// `column` holds a key of `table` (its `id` unless `target` is given).
        case references(_ column: String, _ table: String, target: String = "id", onDelete: String? = nil)
        case unique(_ columns: [String])
        /// A raw `CHECK (…)` expression.
        case check(_ expression: String)
    }

    public init<Record: StoredRecord>(
        _ name: String, of type: Record.Type, primaryKey: [String] = ["id"], constraints: [Constraint] = [],
        indexes: [String] = [], withoutRowID: Bool = false
    ) {
        self.name = name
        columns = ColumnProbe.columns(of: Record())
        self.primaryKey = primaryKey
        positionByProperty = Dictionary(columns.enumerated().map { ($1.property, $0) }, uniquingKeysWith: { first, _ in first })
        let positions = ColumnLookup(columns.map(\.name))
        positionByColumn = positions
        columnList = columns.map(\.name).joined(separator: ", ")
        func require(_ column: String) {
            precondition(positions.position(of: column) != nil, "\(name) has no column \(column) (columns come from \(Record.self)'s properties)")
        }
        primaryKey.forEach(require)

        var definitions: [String] = []
        let inlineKey = primaryKey.count == 1 ? primaryKey[0] : nil
        for column in columns {
            var definition = "\(column.name) \(column.storage.sqlType)"
            if column.name == inlineKey { definition += " PRIMARY KEY" } else if !column.isOptional { definition += " NOT NULL" }
            definitions.append(definition)
        }
        if inlineKey == nil { definitions.append("PRIMARY KEY (\(primaryKey.joined(separator: ", ")))") }
        for constraint in constraints {
            switch constraint {
            case .references(let column, let table, let target, let onDelete):
                require(column)
                definitions.append(
                    "FOREIGN KEY (\(column)) REFERENCES \(table) (\(target))" + (onDelete.map { " ON DELETE \($0)" } ?? ""))
            case .unique(let unique):
                unique.forEach(require)
                definitions.append("UNIQUE (\(unique.joined(separator: ", ")))")
            case .check(let expression):
                definitions.append("CHECK (\(expression))")
            }
        }
        var schema = "CREATE TABLE IF NOT EXISTS \(name) (\n    " + definitions.joined(separator: ",\n    ") + "\n)"
        schema += withoutRowID ? " WITHOUT ROWID;\n" : ";\n"
        for index in indexes {
            schema += "CREATE INDEX IF NOT EXISTS \(Self.indexName(name, index)) ON \(name) (\(index));\n"
        }
        self.schema = schema

        let names = columns.map(\.name)
        insertSQL = "INSERT INTO \(name) (\(names.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))"
        let settable = names.filter { !primaryKey.contains($0) }
        updateSQL = "UPDATE \(name) SET \(settable.map { "\($0) = ?" }.joined(separator: ", ")) WHERE "
            + primaryKey.map { "\($0) = ?" }.joined(separator: " AND ")
    }

    /// The columns for a SELECT, in layout order, qualified by `alias` when given (`e.id, e.name…`).
    public func selectList(alias: String? = nil) -> String {
        guard let alias else { return columnList }
        return columns.map { "\(alias).\($0.name)" }.joined(separator: ", ")
    }

    /// The name of the index declared on `columns` (as written in `indexes`), for `INDEXED BY`;
    /// a statement naming an index that was not declared fails when it is prepared.
    public func index(on columns: String) -> String {
        Self.indexName(name, columns)
    }

    /// "event_id, id" → tito_checkin_lists_by_event_id_id: letters, digits and underscores kept,
    /// commas become underscores (read byte by byte: lists name their index on every request).
    private static func indexName(_ table: String, _ columns: String) -> String {
        var name = Array(table.utf8) + Array("_by_".utf8)
        for byte in columns.utf8 {
            switch byte {
            case UInt8(ascii: ","): name.append(UInt8(ascii: "_"))
            case UInt8(ascii: "_"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...:
                name.append(byte)
            default: break
            }
        }
        return String(decoding: name, as: UTF8.self)
    }

    /// The position of a column in the layout (and in a `selectList` result row).
    public func position(ofColumn column: String) -> Int? { positionByColumn.position(of: column) }

    func position(ofProperty property: String) -> Int? { positionByProperty[property] }

    /// The values an UPDATE binds: every column but the key, then the key.
    func updateArguments(_ values: [SQLiteValue]) -> [SQLiteValue] {
        let keyPositions = primaryKey.compactMap { positionByColumn.position(of: $0) }
        let settable = values.indices.filter { !keyPositions.contains($0) }.map { values[$0] }
        return settable + keyPositions.map { values[$0] }
    }
}
