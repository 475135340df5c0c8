import Emulation

/// An event category (spec §6.15), global to every client. Categories form a tree; an event's
/// `categories` is the path from the top-level category down to the one assigned.
struct CategoryRecord: StoredRecord {
    var id: Int64 = 0
    var title = ""
    var parentID: Int64?

    static let table = RecordTable("bookingkit_categories", of: CategoryRecord.self)

    static let view = RecordView<Void>(table, [.column("id"), .column("title")])

    /// The path from the top-level category to `id`, top level first; nil when `id` is unknown.
    static func path(to id: Int64, in database: Database) throws -> [CategoryRecord]? {
        var path: [CategoryRecord] = []
        var next: Int64? = id
        while let current = next, path.count < 32 {
            guard let category = try database.fetchOne(CategoryRecord.self, where: "id = ?", current) else {
                return path.isEmpty ? nil : path.reversed()
            }
            path.append(category)
            next = category.parentID
        }
        return path.reversed()
    }
}
