import Emulation

/// Tickets: the table and its kept counts, the seed (with the generated bulk event) and T1–T6.
enum Tickets: TitoResourceGroup {
    static let schema = Ticket.table.schema + TicketCounts.byRelease.schema

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        try Ticket.loadSeed(seed, "tickets.json", key: "tickets", into: database)
        try BulkData.generate(into: database)
        try Identifiers.start("tickets", at: 3_068_932, in: database)
    }

    static var routes: [Route<TitoPrincipal>] { TicketEndpoints.routes }
}
