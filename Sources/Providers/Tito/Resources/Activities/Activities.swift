import Emulation

/// Activities: the table and seed (the endpoints A1–A6 build on them).
enum Activities: TitoResourceGroup {
    static let schema = Activity.table.schema

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        try Activity.loadSeed(seed, "activities.json", key: "activities", into: database)
        try Identifiers.start("activities", at: 1_019_152, in: database)
    }

    /// Copies the activities of a duplicated event (E8) with their releases and questions
    /// pointing at the copies; venues are not copied, so the venue is dropped.
    static func duplicate(_ copy: inout EventCopy, in database: Database) throws {
        try Activity.copyAll(&copy, as: "activities", in: database) { activity, copy, _ in
            activity.releaseIDs = copy.remap("releases", activity.releaseIDs)
            activity.questionIDs = copy.remap("questions", activity.questionIDs)
            activity.venueID = nil
        }
    }

    static func releaseDeleted(_ releaseID: Int64, event eventID: Int64, in database: Database) throws {
        try database.removeID(releaseID, fromList: "release_ids", of: "tito_activities", event: eventID)
    }
}
