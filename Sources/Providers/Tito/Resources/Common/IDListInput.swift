import Emulation

/// Reads the id lists request bodies carry (`release_ids`, `question_ids`, `activity_ids`):
/// each element an id, or a slug where the resource has one (spec §13.1, §15 A19). Blank
/// elements are skipped (Rails forms send `[""]`), repeats are dropped, and an element naming
/// no record of the event makes the attribute `is invalid`.
enum IDListInput {
    /// nil when the attribute was not sent (or was invalid, which is then in `errors`).
    static func read(
        _ attributes: Attributes, _ key: String, errors: inout ValidationErrors,
        resolve: (JSONValue) throws -> Int64?
    ) rethrows -> [Int64]? {
        switch attributes.array(key) {
        case .absent: return nil
        case .null: return []
        case .invalid:
            errors.add(key, ValidationErrors.invalid)
            return nil
        case .value(let elements):
            var ids: [Int64] = []
            for element in elements {
                if element == .null || element.stringValue?.isBlank == true { continue }
                guard let id = try resolve(element) else {
                    errors.add(key, ValidationErrors.invalid)
                    return nil
                }
                if !ids.contains(id) { ids.append(id) }
            }
            return ids
        }
    }

    static func releases(
        _ attributes: Attributes, _ key: String = "release_ids", event: Int64, errors: inout ValidationErrors,
        in database: Database
    ) throws -> [Int64]? {
        try read(attributes, key, errors: &errors) { try Release.find(reference: $0, event: event, in: database)?.id }
    }

    static func questions(
        _ attributes: Attributes, event: Int64, errors: inout ValidationErrors, in database: Database
    ) throws -> [Int64]? {
        try read(attributes, "question_ids", errors: &errors) {
            try Question.find(reference: $0, event: event, in: database)?.id
        }
    }

    static func activities(
        _ attributes: Attributes, event: Int64, errors: inout ValidationErrors, in database: Database
    ) throws -> [Int64]? {
        try read(attributes, "activity_ids", errors: &errors) { element in
            guard let id = integer(element) else { return nil }
            return try database.queryOne("SELECT id FROM tito_activities WHERE event_id = ? AND id = ?", event, id) == nil
                ? nil : id
        }
    }

    /// An integer id given as a number or a numeric string.
    static func integer(_ element: JSONValue) -> Int64? {
        if let id = element.intValue { return id }
        return element.stringValue.flatMap { Int64($0.trimmingWhitespace()) }
    }
}
