import Emulation

/// Path parameters that name a record by its slug or by its numeric id (spec §10): within one
/// parent (an event, an account, an RSVP list), a record whose slug matches wins; otherwise a
/// numeric key is taken as the id.
enum SlugOrID {
    /// The record `key` names among those whose `parent` column holds `parentID`.
    static func find<Record: StoredRecord>(
        _ type: Record.Type, _ key: String, parent column: String, _ parentID: Int64, in database: Database
    ) throws -> Record? {
        if let record = try database.fetchOne(type, where: "\(column) = ? AND slug = ?", parentID, key) { return record }
        guard let id = Int64(key) else { return nil }
        return try database.fetchOne(type, where: "\(column) = ? AND id = ?", parentID, id)
    }
}
