import Emulation

/// An account (spec §12.1): owns events; tokens are granted accounts by slug.
struct AccountRecord {
    let id: Int64
    let slug: String
    let name: String
    let description: String?

    init(row: Row) {
        id = Int64(row.int("id") ?? 0)
        slug = row.string("slug") ?? ""
        name = row.string("name") ?? ""
        description = row.string("description")
    }

    static func find(slug: String, in database: Database) throws -> AccountRecord? {
        try database.queryOne("SELECT id, slug, name, description FROM tito_accounts WHERE slug = ?", slug)
            .map(AccountRecord.init(row:))
    }

    func encode(to json: inout JSONBuilder) {
        json.object { json in
            json.field("_type", "account")
            json.field("id", id)
            json.field("slug", slug)
            json.field("name", name)
            json.field("description", description)
        }
    }
}
