import Emulation

/// Questions: the table and seed (the endpoints Q1–Q5 build on them).
enum Questions: TitoResourceGroup {
    static let schema = Question.table.schema

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        try Question.loadSeed(seed, "questions.json", key: "questions", into: database)
        try Identifiers.start("questions", at: 1_041_932, in: database)
    }

    static func duplicate(_ copy: inout EventCopy, in database: Database) throws {
        try Question.copyAll(&copy, as: "questions", in: database)
    }
}
