import Emulation

/// One resource group of the API (events, releases, tickets…): its tables, its seed, its routes,
/// and how it takes part in event duplication and release deletion. `TitoProvider.groups` lists
/// every group once; the provider derives its schema, seed and route table from that list.
protocol TitoResourceGroup: Sendable {
    /// `CREATE TABLE IF NOT EXISTS tito_…` / `CREATE INDEX IF NOT EXISTS …` statements (default:
    /// none, for a group that only serves endpoints). A table with an `event_id` column is
    /// emptied of an event's rows when the event is deleted (E7).
    static var schema: String { get }
    /// Fills the group's tables from `seed/tito/` (runs after the groups listed before it).
    static func loadSeed(from seed: SeedDirectory, into database: Database) throws
    static var routes: [Route<TitoPrincipal>] { get }
    /// Copies the group's records of an event being duplicated (E8), in `groups` order; record
    /// which new id each copied record got in `copy` so later groups can remap their id lists.
    static func duplicate(_ copy: inout EventCopy, in database: Database) throws
    /// A release was deleted (L5): drop its id from the group's `release_ids` lists.
    static func releaseDeleted(_ releaseID: Int64, event eventID: Int64, in database: Database) throws
}

extension TitoResourceGroup {
    static var schema: String { "" }
    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {}
    static var routes: [Route<TitoPrincipal>] { [] }
    static func duplicate(_ copy: inout EventCopy, in database: Database) throws {}
    static func releaseDeleted(_ releaseID: Int64, event eventID: Int64, in database: Database) throws {}
}

/// An event duplication in progress: the source and the copy, and the id of each copied record
/// by resource (`"releases"`, `"questions"`, …) so id lists can point at the copies.
struct EventCopy {
    let sourceEventID: Int64
    let copyEventID: Int64
    let now: Int64
    private(set) var idMaps: [String: [Int64: Int64]] = [:]

    init(sourceEventID: Int64, copyEventID: Int64, now: Int64) {
        self.sourceEventID = sourceEventID
        self.copyEventID = copyEventID
        self.now = now
    }

    mutating func record(_ resource: String, original: Int64, copy: Int64) {
        idMaps[resource, default: [:]][original] = copy
    }

    /// `ids` pointing at the copies of `resource`; ids without a copy are dropped.
    func remap(_ resource: String, _ ids: [Int64]) -> [Int64] {
        ids.compactMap { idMaps[resource]?[$0] }
    }
}

extension Database {
    /// Removes `id` from the JSON id list in `column` of every row of `table` in the event.
    func removeID(_ id: Int64, fromList column: String, of table: String, event eventID: Int64) throws {
        try run(
            """
            UPDATE \(table) SET \(column) = (
                SELECT COALESCE(json_group_array(value), '[]') FROM json_each(\(table).\(column)) WHERE value != ?1)
            WHERE event_id = ?2 AND EXISTS (SELECT 1 FROM json_each(\(table).\(column)) WHERE value = ?1)
            """, id, eventID)
    }
}
