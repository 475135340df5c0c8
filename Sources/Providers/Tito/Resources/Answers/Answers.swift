import Emulation

/// Answers to questions, one per ticket and question: the table and seed (N1 lists them; tickets
/// create, update and delete them).
enum Answers: TitoResourceGroup {
    static let schema = Answer.table.schema

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        try Answer.loadSeed(seed, "answers.json", key: "answers", into: database)
        try Identifiers.start("answers", at: 1002, in: database)
    }
}
