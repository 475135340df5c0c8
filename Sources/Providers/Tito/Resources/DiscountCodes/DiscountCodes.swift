import Emulation

/// Discount codes: the table and seed (the endpoints D1–D5 build on them; registrations apply them).
enum DiscountCodes: TitoResourceGroup {
    static let schema = DiscountCode.table.schema

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        try DiscountCode.loadSeed(seed, "discount_codes.json", key: "discount_codes", into: database)
        try Identifiers.start("discount_codes", at: 5_319_079, in: database)
    }

    static func duplicate(_ copy: inout EventCopy, in database: Database) throws {
        try DiscountCode.copyAll(&copy, as: "discount_codes", in: database) { code, copy, _ in
            code.releaseIDs = copy.remap("releases", code.releaseIDs)
        }
    }

    static func releaseDeleted(_ releaseID: Int64, event eventID: Int64, in database: Database) throws {
        try database.removeID(releaseID, fromList: "release_ids", of: "tito_discount_codes", event: eventID)
    }
}
