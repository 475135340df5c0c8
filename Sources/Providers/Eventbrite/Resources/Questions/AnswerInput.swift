import Emulation

/// The answers a line of a mock order brings (`POST /_understudy/eventbrite/orders`, spec §12),
/// read against the event's custom questions: `{"<question_id>": "answer", …}` or
/// `[{"question_id": "…", "answer": "…"}, …]`. A question answered from choices names its
/// choices by their text: one for a dropdown or radio question; any number for a checkbox one,
/// as an array or joined by `|`. Each stored answer carries the question's text and answer type
/// as asked, and the ids of the choices picked, which their `quantity_sold` counts.
enum AnswerInput {
    /// The answers, ordered as the questions are; nil when one names no question of the event
    /// asked for `ticketClassID`, or answers it with something it cannot take.
    static func read(_ value: JSONValue, ticketClassID: Int64, eventID: Int64, in database: Database) throws -> [Attendee.Answer]? {
        let pairs: [(id: JSONValue, answer: JSONValue)]
        switch value {
        case .null: return []
        case .object(let object): pairs = object.members.map { (.string($0.key), $0.value) }
        case .array(let elements):
            var read: [(JSONValue, JSONValue)] = []
            for element in elements {
                guard let object = element.objectValue, object.keys.allSatisfy(["question_id", "answer"].contains),
                    let id = object["question_id"], let answer = object["answer"]
                else { return nil }
                read.append((id, answer))
            }
            pairs = read
        default: return nil
        }
        let questions = try database.fetchAll(CustomQuestion.self, where: "event_id = ?", orderBy: "sorting, id", eventID)
        var answered: [(sorting: Int, answer: Attendee.Answer)] = []
        for (id, value) in pairs {
            guard let id = EventbriteID.parse(id), let index = questions.firstIndex(where: { $0.id == id }),
                !answered.contains(where: { $0.answer.questionID == String(id) })
            else { return nil }
            let question = questions[index]
            guard question.ticketClassIDs.isEmpty || question.ticketClassIDs.contains(ticketClassID),
                let answer = answer(question, value)
            else { return nil }
            answered.append((index, answer))
        }
        return answered.sorted { $0.sorting < $1.sorting }.map(\.answer)
    }

    private static func answer(_ question: CustomQuestion, _ value: JSONValue) -> Attendee.Answer? {
        var answer = Attendee.Answer()
        answer.questionID = String(question.id)
        answer.question = MultipartText.text(fromHTML: question.questionHTML)
        answer.type = SurveyQuestion.answerType(custom: question.type)
        guard CustomQuestion.choiceTypes.contains(question.type) else {
            guard let text = value.stringValue else { return nil }
            answer.answer = text
            return answer
        }
        let texts: [String]
        switch value {
        case .string(let text): texts = question.type == "checkbox" ? text.split(separator: "|").map { $0.trimmingWhitespace() } : [text]
        case .array(let elements):
            let strings = elements.compactMap(\.stringValue)
            guard strings.count == elements.count else { return nil }
            texts = strings
        default: return nil
        }
        var picked: [CustomQuestion.Choice] = []
        for text in texts {
            let wanted = text.trimmingWhitespace().lowercased()
            guard let choice = question.choices.first(where: { MultipartText.text(fromHTML: $0.answerHTML).lowercased() == wanted }),
                !picked.contains(where: { $0.id == choice.id })
            else { return nil }
            picked.append(choice)
        }
        guard !picked.isEmpty, question.type == "checkbox" || picked.count == 1 else { return nil }
        answer.answer = picked.map { MultipartText.text(fromHTML: $0.answerHTML) }.joined(separator: " | ")
        answer.choiceIDs = picked.map(\.id)
        return answer
    }

    /// Whether the choices the new tickets pick (each line's answers, once per ticket) still
    /// have room under their `quantity_available`, next to what sold tickets picked already.
    static func fitStock(_ lines: [(answers: [Attendee.Answer], quantity: Int64)], eventID: Int64, in database: Database) throws -> Bool {
        var picks: [Int64: Int64] = [:]
        for line in lines {
            for choice in line.answers.flatMap({ $0.choiceIDs ?? [] }) { picks[choice, default: 0] += line.quantity }
        }
        guard !picks.isEmpty else { return true }
        let sold = try QuestionChoices.sales(eventID: eventID, in: database)
        for question in try database.fetchAll(CustomQuestion.self, where: "event_id = ?", eventID) {
            for choice in question.choices {
                guard let available = choice.quantityAvailable, let wanted = picks[choice.id] else { continue }
                if (sold[choice.id] ?? 0) + wanted > available { return false }
            }
        }
        return true
    }
}
