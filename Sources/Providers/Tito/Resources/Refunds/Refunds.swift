import Emulation

/// Refunds: the table, the seed and F1–F2 (R7 creates them).
enum Refunds: TitoResourceGroup {
    static let schema = Refund.table.schema

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        try Refund.loadSeed(seed, "refunds.json", key: "refunds", into: database)
        try Identifiers.start("refunds", at: 123_457, in: database)
    }

    static var routes: [Route<TitoPrincipal>] { RefundEndpoints.routes }
}
