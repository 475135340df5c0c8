import Emulation

/// The problems found with a request's arguments, collected field by field and thrown as one
/// `400 ARGUMENTS_ERROR` (spec §6.1):
///
///     {"status_code": 400,
///      "error_detail": {"ARGUMENTS_ERROR": {"event.name.html": ["MISSING"]}},
///      "error_description": "There are errors with your arguments: event.name.html - MISSING",
///      "error": "ARGUMENTS_ERROR"}
///
/// Field paths are the request's own names with the wrapper prefix and dots (`event.start.utc`,
/// `ticket_class.cost`, `page_size`). Fields keep the order they were reported in.
struct ArgumentErrors {
    /// The codes the spec uses; endpoint sections add their own (`MODULES_LIMIT_REACHED`).
    enum Code {
        static let missing = "MISSING"
        static let invalid = "INVALID"
        static let unknown = "Unknown parameter"
    }

    private(set) var fields: [(field: String, codes: [String])] = []

    var isEmpty: Bool { fields.isEmpty }

    mutating func add(_ field: String, _ code: String) {
        if let index = fields.firstIndex(where: { $0.field == field }) {
            if !fields[index].codes.contains(code) { fields[index].codes.append(code) }
        } else {
            fields.append((field, [code]))
        }
    }

    mutating func missing(_ field: String) { add(field, Code.missing) }
    mutating func invalid(_ field: String) { add(field, Code.invalid) }

    var error: EventbriteError {
        let items = fields.flatMap { entry in entry.codes.map { "\(entry.field) - \($0)" } }
        let detail = JSONObject(fields.map { (key: $0.field, value: .array($0.codes.map(JSONValue.string))) })
        return EventbriteError(
            status: 400, code: "ARGUMENTS_ERROR",
            description: "There are errors with your arguments: " + items.joined(separator: ", "),
            detail: ["ARGUMENTS_ERROR": .object(detail)])
    }

    /// Throws the collected errors, if any.
    func check() throws(EventbriteError) {
        if !isEmpty { throw error }
    }

    /// One field's error, thrown at once.
    static func single(_ field: String, _ code: String) -> EventbriteError {
        var errors = ArgumentErrors()
        errors.add(field, code)
        return errors.error
    }
}
