import Emulation

/// A question asked of ticket holders (spec §11.9, §12.15); `answers_count` is derived.
struct Question: PositionedRecord {
    static let fieldTypes = ["Checkboxes", "Country", "File", "Select", "Text", "Textarea"]

    var id: Int64 = 0
    var eventID: Int64 = 0
    var slug = ""
    var title = ""
    /// Required on create; a seed without one asks for text.
    var fieldType = ""
    var description: String?
    var includeFreeTextField = false
    var options: [String] = []
    var optionsFreeTextField: String?
    var required: Bool? = false
    /// Creation order within the event, from 0.
    var position: Int64 = 0
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    static let table = RecordTable(
        "tito_questions", of: Question.self,
        constraints: [.references("event_id", "tito_events"), .unique(["event_id", "slug"])],
        indexes: ["event_id, position, id", "event_id, title, id"])
    static let wrapper = "question"
    static let pathParameter = "question_slug"

    /// A question named by an input value: an id or a slug.
    static func find(reference: JSONValue, event: Int64, in database: Database) throws -> Question? {
        if let id = reference.intValue { return try SlugOrID.find(Question.self, String(id), parent: "event_id", event, in: database) }
        guard let text = reference.stringValue, !text.isBlank else { return nil }
        return try SlugOrID.find(Question.self, text, parent: "event_id", event, in: database)
    }

    mutating func completeSeed() {
        if fieldType.isEmpty { fieldType = "Text" }
        if updatedAt == 0 { updatedAt = createdAt }
    }

    /// EventRecordHandlers' form: `apply(_:errors:)`, then options dropped from a non-choice
    /// question so they are never stored (they cannot change what is checked, so the order
    /// against validation is free).
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors, in database: Database) throws {
        apply(attributes, errors: &errors)
        dropOptionsUnlessChoice()
    }

    /// Applies the attributes sent (Q3, Q4); required ones are checked only when sent.
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors) {
        attributes.string("title").assignNonBlank(to: &title, key: "title", to: &errors)
        attributes.string("field_type").assignChoice(of: Self.fieldTypes, to: &fieldType, key: "field_type", to: &errors)
        for (key, path) in [("description", \Question.description), ("options_free_text_field", \.optionsFreeTextField)] {
            attributes.string(key).assignOrClear(to: &self[keyPath: path])
        }
        attributes.bool("include_free_text_field").assignNonNull(
            to: &includeFreeTextField, key: "include_free_text_field", orAdd: ValidationErrors.notIncluded, to: &errors)
        attributes.bool("required").assign(to: &required, key: "required", orAdd: ValidationErrors.notIncluded, to: &errors)
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
}
