import Emulation

/// The ticket classes a question is limited to, as questions show them:
/// `[{"id": "12345", "name": "General Admission"}]` (spec §9.18.1), in the order stored. Ticket
/// classes that no longer exist are left out.
enum QuestionTicketClasses {
    /// `ids` is a JSON array column of ids (numbers or digit strings); NULL reads as none.
    static func write(eventID: Int64, ids: String?, in database: Database, to json: inout JSONBuilder) throws {
        let values = ids.flatMap { try? JSONParser.parse($0) }?.arrayValue ?? []
        let wanted = values.compactMap(EventbriteID.parse)
        let names = try self.names(of: wanted, eventID: eventID, in: database)
        json.array { json in
            for id in wanted {
                guard let name = names[id] else { continue }
                json.object { json in
                    json.field("id", String(id))
                    json.field("name", name)
                }
            }
        }
    }

    /// Reads a body's `ticket_classes` (`[{"id": "1234"}]`, or plain ids): the ids, each a ticket
    /// class of the event; `null` is none. Nil when absent, or (with `INVALID` reported) when one
    /// is not a ticket class of the event.
    static func read(_ fields: inout BodyFields, _ key: String, eventID: Int64, in database: Database) throws -> [Int64]? {
        guard let items = fields.elements(key) else { return nil }
        var ids: [Int64] = []
        for item in items {
            guard let id = EventbriteID.parse(item["id"] ?? item) else {
                fields.invalid(key)
                return nil
            }
            if !ids.contains(id) { ids.append(id) }
        }
        guard try names(of: ids, eventID: eventID, in: database).count == ids.count else {
            fields.invalid(key)
            return nil
        }
        return ids
    }

    /// The names of those of `ids` that are ticket classes of the event (not deleted), read in one query.
    private static func names(of ids: [Int64], eventID: Int64, in database: Database) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var filter = SQLFilter("event_id = ? AND NOT is_deleted", eventID)
        filter.add("id", in: ids)
        var names: [Int64: String] = [:]
        for row in try database.query("SELECT id, name FROM eventbrite_ticket_classes WHERE \(filter.clause)", arguments: filter.arguments) {
            if let id = row.int("id") { names[Int64(id)] = row.string("name") ?? "" }
        }
        return names
    }
}
