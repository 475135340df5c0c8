import Emulation

/// Path parameters that name a record by its slug or by its numeric id (spec §10): within one
/// parent (an event, an account, an RSVP list), a record whose slug matches wins; otherwise a
/// numeric key is taken as the id.
enum SlugOrID {
    /// The row `key` names. `select` is the query up to its `WHERE` (e.g. `SELECT * FROM
    /// tito_releases`); `parent` the column holding the parent's id, qualified like `slug` and
    /// `id` by `alias` (e.g. `"e."`) when the query joins tables.
    static func row(
        _ key: String, select: String, parent column: String, _ parent: Int64, alias: String = "", in database: Database
    ) throws -> Row? {
        if let row = try database.queryOne("\(select) WHERE \(alias)\(column) = ? AND \(alias)slug = ?", parent, key) {
            return row
        }
        guard let id = Int64(key) else { return nil }
        return try database.queryOne("\(select) WHERE \(alias)\(column) = ? AND \(alias)id = ?", parent, id)
    }
}
