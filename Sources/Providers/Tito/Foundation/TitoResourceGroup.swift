import Emulation

/// One resource group of the API (events, releases, tickets…): its tables, its seed, its routes,
/// and how it takes part in event duplication and release deletion. `TitoProvider.groups` lists
/// every group once; the provider derives its schema, seed and route table from that list.
protocol TitoResourceGroup: Sendable {
    /// The tables the group keeps, each from its record type; the schema and the seed follow
    /// from them unless the group says otherwise.
    static var tables: [GroupTable] { get }
    /// `CREATE TABLE IF NOT EXISTS tito_…` / `CREATE INDEX IF NOT EXISTS …` statements. A table
    /// with an `event_id` column is emptied of an event's rows when the event is deleted (E7).
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
    static var tables: [GroupTable] { [] }
    static var schema: String { tables.map(\.table.schema).joined() }

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for table in tables { try table.loadSeed(seed, database) }
    }

    static var routes: [Route<TitoPrincipal>] { [] }
    static func duplicate(_ copy: inout EventCopy, in database: Database) throws {}

    /// Drops the release from every `release_ids` column of the group's tables.
    static func releaseDeleted(_ releaseID: Int64, event eventID: Int64, in database: Database) throws {
        for table in tables.map(\.table) where table.position(ofColumn: "release_ids") != nil {
            try database.removeID(releaseID, fromList: "release_ids", of: table.name, event: eventID)
        }
    }
}

/// A table of a group, from its record type: its schema, and how its seed is read. By default
/// the seed is the array `<name>` of `<name>.json`, `<name>` being the table's name without
/// `tito_`, and new ids continue at `nextID` (spec §14.7). A table without a seed file says so
/// with `seeded: false`.
struct GroupTable: Sendable {
    let table: RecordTable
    let loadSeed: @Sendable (SeedDirectory, Database) throws -> Void

    init<Record: TitoRecord>(
        _ type: Record.Type, nextID: Int64? = nil, file: String? = nil, key: String? = nil, seeded: Bool = true
    ) {
        table = Record.table
        let name = String(Record.table.name.dropFirst("tito_".count))
        loadSeed = { seed, database in
            if seeded { try Record.loadSeed(seed, file ?? "\(name).json", key: key ?? name, into: database) }
            if let nextID { try Identifiers.start(name, at: nextID, in: database) }
        }
    }
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
