/// How a record property is kept in its SQLite column.
public enum ColumnStorage: Sendable {
    /// INTEGER: whole numbers, and timestamps kept as numbers.
    case integer
    /// REAL.
    case real
    /// TEXT.
    case text
    /// INTEGER 0 or 1, read back and rendered as `false`/`true`.
    case boolean
    /// TEXT holding the JSON of a nested value (arrays, objects), written as is when rendered.
    case json

    var sqlType: String {
        switch self {
        case .integer, .boolean: return "INTEGER"
        case .real: return "REAL"
        case .text, .json: return "TEXT"
        }
    }
}

/// A value kept in one column as a single SQLite value (a timestamp wrapper, a string enum),
/// rather than as JSON text. Its `Codable` conformance must use a single-value container.
public protocol ColumnCodable: Codable, Sendable {
    static var columnStorage: ColumnStorage { get }
}

extension ColumnCodable where Self: RawRepresentable, RawValue == String {
    public static var columnStorage: ColumnStorage { .text }
}

extension ColumnCodable where Self: RawRepresentable, RawValue == Int {
    public static var columnStorage: ColumnStorage { .integer }
}

/// One column of a record's table, found by reading the record type's properties.
public struct RecordColumn: Sendable {
    /// The Swift property (its coding key).
    public let property: String
    /// The SQL column, also the key in seeds and default JSON.
    public let name: String
    public let storage: ColumnStorage
    public let isOptional: Bool
}
