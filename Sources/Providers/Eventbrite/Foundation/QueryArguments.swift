import Emulation

/// Reads list filters from a query the way spec §1.5 says: lists as comma-separated values,
/// repeated keys or a JSON array; booleans `true/false/1/0`; enums checked against their values.
/// Problems are collected as argument errors named after the parameter (`status - INVALID`).
struct QueryArguments {
    let query: QueryParameters
    var errors = ArgumentErrors()

    init(_ query: QueryParameters) { self.query = query }

    func has(_ name: String) -> Bool { query.contains(name) }

    func string(_ name: String) -> String? {
        guard let value = query[name]?.trimmingWhitespace(), !value.isEmpty else { return nil }
        return value
    }

    /// Every item of a list parameter (the kit's `ListValues`); nil when absent or empty.
    func list(_ name: String) -> [String]? {
        let items = query.list(name)
        return items.isEmpty ? nil : items
    }

    mutating func bool(_ name: String) -> Bool? {
        guard let text = string(name) else { return nil }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default:
            errors.invalid(name)
            return nil
        }
    }

    /// A value that must be one of `allowed`.
    mutating func choice(_ name: String, of allowed: Set<String>) -> String? {
        guard let text = string(name) else { return nil }
        guard allowed.contains(text) else {
            errors.invalid(name)
            return nil
        }
        return text
    }

    /// A list whose every value must be one of `allowed`.
    mutating func choices(_ name: String, of allowed: Set<String>) -> [String]? {
        guard let values = list(name) else { return nil }
        guard values.allSatisfy(allowed.contains) else {
            errors.invalid(name)
            return nil
        }
        return values
    }

    /// A list of ids; a value that is not one is `INVALID`.
    mutating func ids(_ name: String) -> [Int64]? {
        guard let values = list(name) else { return nil }
        let ids = values.compactMap(EventbriteID.parse)
        guard ids.count == values.count else {
            errors.invalid(name)
            return nil
        }
        return ids
    }

    /// A UTC datetime (`2031-01-01T10:00:00Z`), in seconds.
    mutating func utc(_ name: String) -> Int64? {
        guard let text = string(name) else { return nil }
        guard let date = Timestamp.parse(text) else {
            errors.invalid(name)
            return nil
        }
        return EpochSeconds(date).value
    }

    /// A local datetime (`2031-01-01T10:00:00`), compared as text with stored local times.
    mutating func localDateTime(_ name: String) -> String? {
        guard let text = string(name) else { return nil }
        let trimmed = text.hasSuffix("Z") ? String(text.dropLast()) : text
        guard Timestamp.parse(trimmed + "Z") != nil else {
            errors.invalid(name)
            return nil
        }
        // A bare date is the start of that day.
        return trimmed.count == 10 ? trimmed + "T00:00:00" : trimmed
    }
}

/// The WHERE clause of a list, built from the filters a request gives, with its arguments.
struct SQLConditions {
    private(set) var clauses: [String] = []
    private(set) var arguments: [any SQLiteBindable] = []

    init(_ clause: String? = nil, _ arguments: any SQLiteBindable...) {
        if let clause { add(clause, arguments: arguments) }
    }

    mutating func add(_ clause: String, _ arguments: any SQLiteBindable...) {
        add(clause, arguments: arguments)
    }

    mutating func add(_ clause: String, arguments: [any SQLiteBindable]) {
        clauses.append("(\(clause))")
        self.arguments += arguments
    }

    /// `column IN (?, ?, …)` over `values`; a clause that matches nothing for an empty list.
    mutating func add(_ column: String, in values: [any SQLiteBindable]) {
        guard !values.isEmpty else { return add("0") }
        add("\(column) IN (\(values.map { _ in "?" }.joined(separator: ", ")))", arguments: values)
    }

    mutating func add(_ column: String, notIn values: [any SQLiteBindable]) {
        guard !values.isEmpty else { return }
        add("\(column) NOT IN (\(values.map { _ in "?" }.joined(separator: ", ")))", arguments: values)
    }

    /// Any of the alternatives (each a clause with its arguments).
    mutating func addAny(_ alternatives: [(String, [any SQLiteBindable])]) {
        guard !alternatives.isEmpty else { return }
        add(alternatives.map { "(\($0.0))" }.joined(separator: " OR "), arguments: alternatives.flatMap(\.1))
    }

    var sql: String { clauses.isEmpty ? "1" : clauses.joined(separator: " AND ") }
}
