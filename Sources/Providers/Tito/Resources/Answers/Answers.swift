import Emulation

/// Answers to questions, one per ticket and question: the table and seed (N1 lists them; tickets
/// create, update and delete them).
enum Answers: TitoResourceGroup {
    static let tables = [GroupTable(Answer.self, nextID: 1002)]

}
