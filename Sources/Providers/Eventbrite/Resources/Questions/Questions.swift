import Emulation

/// An event's questions (spec §8.18): the default (canned) ones every event has, and its custom
/// ones. Copies and series occurrences take the source's questions (custom ones with new ids).
enum Questions: EventbriteResourceGroup {
    static let tables = [CannedQuestion.table, CustomQuestion.table]

    /// Every event gets the canned types as a new event has them; `questions.json` then turns on
    /// the ones the docs show enabled and adds the custom questions.
    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        let file = "questions.json"
        for row in try database.query("SELECT id FROM eventbrite_events") {
            guard let id = row.int("id") else { continue }
            try eventCreated(Int64(id), in: database, now: 0)
        }
        for record in try seed.seedRecords(file, key: "canned_questions") {
            let eventID = try record.integer("event_id")
            let type = try record.string("id")
            guard var question = try database.fetchOne(CannedQuestion.self, where: "event_id = ? AND id = ?", eventID, type) else {
                throw record.invalid("id", "a canned type of a seeded event")
            }
            if record["include"] != nil { question.include = try record.bool("include") }
            if record["required"] != nil { question.required = try record.bool("required") }
            try database.update(question)
        }
        for question in try seed.records(CustomQuestion.self, file, key: "custom_questions") { try database.insert(question) }
    }

    static func eventCreated(_ eventID: Int64, in database: Database, now: Int64) throws {
        for type in CannedType.all { try database.insert(CannedQuestion.standard(type, eventID: eventID), onConflict: .ignore) }
    }

    static func eventCopied(from source: Int64, to copy: Int64, in database: Database, now: Int64) throws {
        for var question in try database.fetchAll(CannedQuestion.self, where: "event_id = ?", source) {
            question.eventID = copy
            try database.insert(question, onConflict: .replace)
        }
        try eventCreated(copy, in: database, now: now)
        // New ids for every question and choice (nothing is sold of the copy's choices);
        // parents and parent choices follow them.
        var questionIDs: [Int64: Int64] = [:]
        var choiceIDs: [Int64: Int64] = [:]
        var copies: [CustomQuestion] = []
        for var question in try database.fetchAll(CustomQuestion.self, where: "event_id = ?", orderBy: "sorting, id", source) {
            let id = try EventbriteID.next(in: database)
            questionIDs[question.id] = id
            question.id = id
            question.eventID = copy
            for index in question.choices.indices {
                let choiceID = try EventbriteID.next(in: database)
                choiceIDs[question.choices[index].id] = choiceID
                question.choices[index].id = choiceID
            }
            copies.append(question)
        }
        for var question in copies {
            question.parentID = question.parentID.flatMap { questionIDs[$0] }
            question.parentChoiceID = question.parentChoiceID.flatMap { choiceIDs[$0] }
            try database.insert(question)
        }
    }

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        CannedQuestions.routes(routes) + CustomQuestions.routes(routes)
    }
}
