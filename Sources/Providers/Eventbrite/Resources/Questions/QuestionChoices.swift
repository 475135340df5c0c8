import Emulation

/// The choices of a question as bodies send them (spec §9.18: `[{"answer": {"html": "Choice
/// 1"}, "quantity_available": 250}]`; a plain string is taken as a choice's text), and the
/// question a choice id belongs to.
enum QuestionChoices {
    struct Input: Equatable {
        var html: String
        var quantityAvailable: Int64?
    }

    /// The choices under `key`; `null` is none. Nil when absent, or (with `INVALID` reported)
    /// when one is malformed.
    static func read(_ fields: inout BodyFields, _ key: String) -> [Input]? {
        guard let items = fields.elements(key) else { return nil }
        var choices: [Input] = []
        for item in items {
            guard let choice = input(item) else {
                fields.invalid(key)
                return nil
            }
            choices.append(choice)
        }
        return choices
    }

    private static func input(_ item: JSONValue) -> Input? {
        switch item {
        case .string(let text) where !text.isEmpty:
            return Input(html: MultipartText.html(fromPlain: text), quantityAvailable: nil)
        case .object(let object):
            let html: String?
            switch object["answer"] {
            case .string(let text)?: html = MultipartText.html(fromPlain: text)
            case .object(let answer)?: html = answer["html"]?.stringValue ?? answer["text"]?.stringValue.map(MultipartText.html(fromPlain:))
            default: html = nil
            }
            guard let html, !MultipartText.text(fromHTML: html).isEmpty else { return nil }
            var quantity: Int64?
            switch object["quantity_available"] {
            case nil, .null?: quantity = nil
            case let value?:
                guard let number = value.intValue ?? value.stringValue.flatMap({ Int64($0) }), number >= 0 else { return nil }
                quantity = number
            }
            return Input(html: html, quantityAvailable: quantity)
        default:
            return nil
        }
    }

    /// How many sold tickets' answers picked each choice of the event's questions (spec §10.2:
    /// a choice's `quantity_sold` counts the answers selecting it), by choice id. It reads only
    /// the event's attendees who answered something, through their index.
    ///
    /// `json_each` has no column named like the attendee's, so `Attendee.isSold` reads
    /// unqualified; a written answer's `choice_ids` is null, which `json_each` reads as one NULL.
    static func sales(eventID: Int64, in database: Database) throws -> [Int64: Int64] {
        var sold: [Int64: Int64] = [:]
        try database.forEachRow(
            """
            SELECT c.value, COUNT(*) FROM eventbrite_attendees a, json_each(a.answers) x, json_each(x.value, '$.choice_ids') c
            WHERE a.event_id = ? AND json_array_length(a.answers) > 0 AND \(Attendee.isSold) AND c.value IS NOT NULL
            GROUP BY c.value
            """, arguments: [eventID]
        ) { row in sold[row.int64(at: 0)] = row.int64(at: 1) }
        return sold
    }

    /// `sales(eventID:in:)` once per response.
    static func sales(eventID: Int64, _ context: RenderContext) throws -> [Int64: Int64] {
        try context.memo.value("choice-sales:\(eventID)") { try sales(eventID: eventID, in: context.database) }
    }

    /// The custom question of the event that has the choice `id`, if any.
    static func owner(ofChoice id: Int64, eventID: Int64, in database: Database) throws -> Int64? {
        try database.queryOne(
            """
            SELECT q.id AS id FROM eventbrite_custom_questions q, json_each(q.choices) c
            WHERE q.event_id = ? AND json_extract(c.value, '$.id') = ? LIMIT 1
            """, eventID, id
        )?.int("id").map(Int64.init)
    }
}
