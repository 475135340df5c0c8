/// A WHERE clause built up condition by condition, its bound arguments kept in placeholder order.
///
///     var filter = SQLFilter("t.event_id = ?", eventID)
///     filter.add("t.release_id", in: releaseIDs)
///     filter.add(anyOf: [SQLFilter("t.state = ?", "void"), SQLFilter("t.email IS NULL")])
///     database.query("SELECT … WHERE \(filter.clause)", arguments: filter.arguments)
///
/// Conditions are joined by AND as written: parenthesise one whose top level is an OR, or build
/// it with `add(anyOf:)`, which does.
public struct SQLFilter: Sendable {
    public private(set) var conditions: [String] = []
    public private(set) var arguments: [any SQLiteBindable] = []

    public init() {}

    /// A filter of one condition whose `?` placeholders take `values`, in order.
    public init(_ condition: String, _ values: any SQLiteBindable...) {
        self.init(condition, arguments: values)
    }

    public init(_ condition: String, arguments values: [any SQLiteBindable]) {
        add(condition, arguments: values)
    }

    /// `column IN` the integers `ids`, bound as one argument (a JSON array read with
    /// `json_each`): however many ids a page holds, the statement is the same one, cached. One id
    /// is `column = ?`, which a single record's read (the commonest caller) plans best.
    public init(_ column: String, inList ids: [Int64]) {
        if ids.count == 1 {
            self.init("\(column) = ?", ids[0])
        } else {
            self.init("\(column) IN (SELECT value FROM json_each(?))", IntegerList.text(ids))
        }
    }

    /// Adds a condition whose `?` placeholders take `values`, in order.
    public mutating func add(_ condition: String, _ values: any SQLiteBindable...) {
        add(condition, arguments: values)
    }

    public mutating func add(_ condition: String, arguments values: [any SQLiteBindable]) {
        conditions.append(condition)
        arguments.append(contentsOf: values)
    }

    /// Adds every condition of `other` (AND).
    public mutating func add(_ other: SQLFilter) {
        conditions.append(contentsOf: other.conditions)
        arguments.append(contentsOf: other.arguments)
    }

    /// `column IN (?, ?, …)`; an empty list matches nothing.
    public mutating func add(_ column: String, in values: [any SQLiteBindable]) {
        guard !values.isEmpty else {
            conditions.append("0")
            return
        }
        add("\(column) IN (\(Self.placeholders(values.count)))", arguments: values)
    }

    /// `column NOT IN (?, ?, …)`; an empty list excludes nothing.
    public mutating func add(_ column: String, notIn values: [any SQLiteBindable]) {
        guard !values.isEmpty else { return }
        add("\(column) NOT IN (\(Self.placeholders(values.count)))", arguments: values)
    }

    /// The alternatives ORed together as one condition, each with its own arguments. No
    /// alternative at all matches nothing, as an empty `IN` list does.
    public mutating func add(anyOf alternatives: [SQLFilter]) {
        guard !alternatives.isEmpty else {
            conditions.append("0")
            return
        }
        conditions.append("(" + alternatives.map { "(" + $0.clause + ")" }.joined(separator: " OR ") + ")")
        for alternative in alternatives { arguments.append(contentsOf: alternative.arguments) }
    }

    /// A case-insensitive substring match of `text` on any of `columns` (a free-text search).
    /// `%`, `_` and `\` in the text match themselves.
    public mutating func add(containing text: String, inAnyOf columns: [String]) {
        let pattern = "%" + Self.escapingLikeWildcards(text.lowercased()) + "%"
        add(anyOf: columns.map { SQLFilter("lower(\($0)) LIKE ? ESCAPE '\\'", pattern) })
    }

    /// The conditions joined by AND (`1` when there are none).
    public var clause: String { conditions.isEmpty ? "1" : conditions.joined(separator: " AND ") }

    public var isEmpty: Bool { conditions.isEmpty }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    private static func escapingLikeWildcards(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
