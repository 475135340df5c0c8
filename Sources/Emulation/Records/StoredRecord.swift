import Foundation

/// A resource kept in one table, one row per value. Declare the properties (each is a column,
/// named by `ColumnName`'s rule, with a default so `init()` exists) and `table`; the storage
/// calls below, seed reading and `RecordView` rendering come with it.
///
///     struct CheckinList: StoredRecord {
///         var id: Int64 = 0
///         var eventID: Int64 = 0          // column event_id
///         var title = ""
///         var releaseIDs: [Int64] = []    // JSON text column release_ids
///         var expiresAt: Int64?           // nullable
///         static let table = RecordTable(
///             "tito_checkin_lists", of: CheckinList.self,
///             constraints: [.references("event_id", "tito_events")], indexes: ["event_id, id"])
///     }
public protocol StoredRecord: Codable, Sendable {
    /// A record with every property at its default.
    init()
    static var table: RecordTable { get }
    /// How the API spells the record's keys in its seed files and request bodies (default: as
    /// its columns, snake_case).
    static var keyStyle: JSONKeyStyle { get }
    /// A seed member as its column reads it: the place for the forms a provider's seed files
    /// write that the property's type does not read (a timestamp as text for a column of
    /// milliseconds, a decimal string for one of cents). The default takes the value as it is.
    static func seedValue(_ value: JSONValue, for column: RecordColumn) throws -> JSONValue
}

extension StoredRecord {
    public static var keyStyle: JSONKeyStyle { .snakeCase }
    public static func seedValue(_ value: JSONValue, for column: RecordColumn) throws -> JSONValue { value }

    /// The record in a result row whose first columns are `table.selectList()`.
    public init(row: some ColumnValues) throws {
        self = try RowDecoder.decode(Self.self, from: row, layout: Self.table)
    }

    /// The values of the record's columns, in layout order.
    public func columnValues() throws -> [SQLiteValue] {
        try RowEncoder.values(of: self, layout: Self.table)
    }

    /// The record read from a seed object: its members are columns by name, each read through
    /// `seedValue(_:for:)`; a missing member keeps the property's default, and members that
    /// name no column are left for the provider to read.
    public init(seed object: JSONObject) throws {
        guard case .object(var merged) = try JSONValueEncoder.encode(Self(), keys: Self.keyStyle) else {
            throw RecordDecodingError(description: "\(Self.self) does not encode as an object")
        }
        for column in Self.table.columns {
            let key = Self.keyStyle.key(column: column.name)
            guard let value = object[key] else { continue }
            merged[key] = try Self.seedValue(value, for: column)
        }
        try self.init(from: JSONValueDecoder(value: .object(merged), keys: Self.keyStyle))
    }
}

/// What an INSERT does when the row would break a uniqueness constraint.
public enum InsertConflict: String, Sendable {
    /// Fail with the constraint error (SQLite's default).
    case abort = "INSERT"
    /// Keep the row already there and change nothing.
    case ignore = "INSERT OR IGNORE"
    /// Replace the row already there.
    case replace = "INSERT OR REPLACE"
}

extension Database {
    public func insert<Record: StoredRecord>(_ record: Record, onConflict conflict: InsertConflict = .abort) throws {
        let table = Record.table
        let sql = conflict == .abort ? table.insertSQL : conflict.rawValue + table.insertSQL.dropFirst("INSERT".count)
        try run(sql, arguments: try record.columnValues())
    }

    /// Stores every column of an existing record, found by its primary key.
    public func update<Record: StoredRecord>(_ record: Record) throws {
        try run(Record.table.updateSQL, arguments: Record.table.updateArguments(try record.columnValues()))
    }

    /// The records a condition matches (`where` is a SQL expression over the table's columns).
    public func fetchAll<Record: StoredRecord>(
        _ type: Record.Type, where condition: String = "1", orderBy order: String? = nil, _ arguments: any SQLiteBindable...
    ) throws -> [Record] {
        try fetchAll(type, where: condition, orderBy: order, arguments: arguments)
    }

    public func fetchAll<Record: StoredRecord>(
        _ type: Record.Type, where condition: String = "1", orderBy order: String? = nil, arguments: [any SQLiteBindable]
    ) throws -> [Record] {
        let table = Record.table
        let orderClause = order.map { " ORDER BY \($0)" } ?? ""
        var records: [Record] = []
        try forEachRow("SELECT \(table.selectList()) FROM \(table.name) WHERE \(condition)\(orderClause)", arguments: arguments) {
            records.append(try Record(row: $0))
        }
        return records
    }

    /// The first record a condition matches, or nil.
    public func fetchOne<Record: StoredRecord>(
        _ type: Record.Type, where condition: String, _ arguments: any SQLiteBindable...
    ) throws -> Record? {
        try fetchAll(type, where: condition + " LIMIT 1", arguments: arguments).first
    }

    /// Deletes the records a condition matches; returns how many.
    @discardableResult
    public func delete<Record: StoredRecord>(
        _ type: Record.Type, where condition: String, _ arguments: any SQLiteBindable...
    ) throws -> Int {
        try run("DELETE FROM \(Record.table.name) WHERE \(condition)", arguments: arguments)
        return changes
    }
}

extension SeedRecord {
    /// The seed object read as a record (`StoredRecord.init(seed:)`); members the record has no
    /// column for (embedded links, say) are left for the caller.
    public func record<Record: StoredRecord>(_ type: Record.Type) throws -> Record {
        do {
            return try Record(seed: fields)
        } catch let error as SeedError {
            throw error
        } catch {
            let id = fields["id"].flatMap { $0.stringValue ?? $0.intValue.map(String.init) }.map { " of \($0)" } ?? ""
            throw SeedError(file: file, reason: "the \(Record.self)\(id): \(error)")
        }
    }
}

extension SeedDirectory {
    /// The records of the array `key` in the seed file `name`, each read with `StoredRecord.init(seed:)`;
    /// an error names the file, the record's position and the field.
    public func records<Record: StoredRecord>(_ type: Record.Type, _ name: String, key: String) throws -> [Record] {
        let document = try json(name)
        guard let array = document[key]?.arrayValue else { throw SeedError(file: name, reason: "has no array \"\(key)\"") }
        return try array.enumerated().map { position, value in
            guard let object = value.objectValue else {
                throw SeedError(file: name, reason: "\(key)[\(position)] is not an object")
            }
            do {
                return try Record(seed: object)
            } catch {
                throw SeedError(file: name, reason: "\(key)[\(position)]: \(error)")
            }
        }
    }
}
