import Emulation

/// The stored columns of a question while it is created or updated (spec §11.9).
struct QuestionDraft {
    static let fieldTypes = ["Checkboxes", "Country", "File", "Select", "Text", "Textarea"]

    var id: Int64 = 0
    var eventID: Int64 = 0
    var slug = ""
    var title = ""
    var fieldType = ""
    var description: String?
    var includeFreeTextField = false
    var options: [String] = []
    var optionsFreeTextField: String?
    var required: Bool? = false
    var position: Int64 = 0
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    init() {}

    init(_ record: QuestionRecord) {
        id = record.id
        eventID = record.eventID
        slug = record.slug
        title = record.title
        fieldType = record.fieldType
        description = record.description
        includeFreeTextField = record.includeFreeTextField
        options = record.options
        optionsFreeTextField = record.optionsFreeTextField
        required = record.required
        position = record.position
        createdAt = record.createdAt
        updatedAt = record.updatedAt
    }

    /// Applies the attributes sent (Q3, Q4); required ones are checked only when sent.
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors) {
        switch attributes.string("title") {
        case .absent: break
        case .value(let text) where !text.isBlank: title = text
        default: errors.add("title", ValidationErrors.blank)
        }
        switch attributes.string("field_type") {
        case .absent: break
        case .value(let text) where !text.isBlank:
            if Self.fieldTypes.contains(text) { fieldType = text } else { errors.add("field_type", ValidationErrors.notIncluded) }
        default: errors.add("field_type", ValidationErrors.blank)
        }
        for (key, path) in [("description", \QuestionDraft.description), ("options_free_text_field", \.optionsFreeTextField)] {
            switch attributes.string(key) {
            case .absent: break
            case .value(let text): self[keyPath: path] = text
            default: self[keyPath: path] = nil
            }
        }
        switch attributes.bool("include_free_text_field") {
        case .absent: break
        case .value(let flag): includeFreeTextField = flag
        default: errors.add("include_free_text_field", ValidationErrors.notIncluded)
        }
        switch attributes.bool("required") {
        case .absent: break
        case .null: required = nil
        case .invalid: errors.add("required", ValidationErrors.notIncluded)
        case .value(let flag): required = flag
        }
        // Newline-separated text, as the docs describe, or an array of strings.
        if let value = attributes["options"] {
            switch value {
            case .null: options = []
            case .string(let text):
                options = text.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            case .array(let elements) where elements.allSatisfy({ $0.stringValue != nil }):
                options = elements.compactMap(\.stringValue).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            default: errors.add("options", ValidationErrors.invalid)
            }
        }
    }

    /// `parameterize(title)`; on a clash in the event, `-` and a lowercase UUID v4 (spec §13.9).
    mutating func deriveSlug(in database: Database) throws {
        var base = Identifiers.parameterize(title)
        if base.isEmpty { base = try Identifiers.fallbackSlug(in: database) }
        slug = base
        while try database.queryOne("SELECT 1 FROM tito_questions WHERE event_id = ? AND slug = ?", eventID, slug) != nil {
            slug = base + "-" + (try Self.uuid(in: database))
        }
    }

    /// A version-4 UUID drawn from the world's deterministic generator.
    private static func uuid(in database: Database) throws -> String {
        var hex = Array(try Identifiers.randomCharacters(32, from: IDAlphabet.hexDigits, in: database))
        hex[12] = "4"
        hex[16] = Array("89ab")[Int(String(hex[16]), radix: 16)! % 4]
        let text = String(hex)
        let cuts = [8, 12, 16, 20]
        var parts: [Substring] = []
        var start = text.startIndex
        for cut in cuts {
            let end = text.index(text.startIndex, offsetBy: cut)
            parts.append(text[start..<end])
            start = end
        }
        parts.append(text[start...])
        return parts.joined(separator: "-")
    }

    /// Options belong to choice questions; other types show `[]` (spec §12.15).
    mutating func dropOptionsUnlessChoice() {
        if fieldType != "Select" && fieldType != "Checkboxes" { options = [] }
    }

    func insert(into database: Database) throws {
        try database.run(
            """
            INSERT INTO tito_questions (id, event_id, slug, title, field_type, description, include_free_text_field,
                options, options_free_text_field, required, position, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            id, eventID, slug, title, fieldType, description, includeFreeTextField,
            JSONColumn.text(.array(options.map(JSONValue.string))), optionsFreeTextField, required, position, createdAt,
            updatedAt)
    }

    func update(in database: Database) throws {
        try database.run(
            """
            UPDATE tito_questions SET title = ?, field_type = ?, description = ?, include_free_text_field = ?, options = ?,
                options_free_text_field = ?, required = ?, updated_at = ?
            WHERE id = ?
            """,
            title, fieldType, description, includeFreeTextField, JSONColumn.text(.array(options.map(JSONValue.string))),
            optionsFreeTextField, required, updatedAt, id)
    }
}

extension QuestionDraft: EventScopedRecord {
    static let table = "tito_questions"
    static let wrapper = "question"

    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> QuestionDraft {
        QuestionDraft(try QuestionEndpoints.find(request, scope, in: database))
    }

    /// `apply(_:errors:)`, then options dropped from a non-choice question so they are never
    /// stored (they cannot change what is checked, so the order against validation is free).
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors, in database: Database) throws {
        apply(attributes, errors: &errors)
        dropOptionsUnlessChoice()
    }
}
