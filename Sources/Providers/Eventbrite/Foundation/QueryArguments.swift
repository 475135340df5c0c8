import Emulation

/// Reads list filters from a query the way spec §1.5 says, through the kit's query readers:
/// lists as comma-separated values, repeated keys or a JSON array; booleans `true/false/1/0`;
/// enums checked against their values. Problems are collected as argument errors named after
/// the parameter (`status - INVALID`), so one response reports them all.
struct QueryArguments {
    let query: QueryParameters
    var errors = ArgumentErrors()

    init(_ query: QueryParameters) { self.query = query }

    func has(_ name: String) -> Bool { query.contains(name) }

    func string(_ name: String) -> String? {
        guard let value = query[name]?.trimmingWhitespace(), !value.isEmpty else { return nil }
        return value
    }

    /// Every item of a list parameter (repeated, comma-separated or a JSON array, §1.5); nil
    /// when absent or empty.
    func list(_ name: String) -> [String]? {
        guard let items = query.list(name, spellings: [.commas, .jsonArray]), !items.isEmpty else { return nil }
        return items
    }

    /// `true`/`false`/`1`/`0` (§1.5).
    mutating func bool(_ name: String) -> Bool? {
        do {
            return try query.boolean(name)
        } catch {
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

    /// One id; given but empty or not an id is `INVALID`.
    mutating func id(_ name: String) -> Int64? {
        guard has(name) else { return nil }
        guard let text = string(name), let id = EventbriteID.parse(text) else {
            errors.invalid(name)
            return nil
        }
        return id
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
