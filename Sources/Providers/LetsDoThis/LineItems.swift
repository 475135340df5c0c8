import Emulation

/// A line item (spec §7.5): one priced part of a booking. Read-only through the API; its
/// response JSON is stored as written at seed time.
struct LineItemRow {
    let id: String
    let organiserID: String
    let createdMilliseconds: Int64
    let updatedMilliseconds: Int64
    let body: String

    init(body: JSONObject, organiserID: String, file: String) throws {
        guard let id = body["id"]?.stringValue, !id.isEmpty,
            let created = body["createdAt"]?.stringValue.flatMap(Milliseconds.of),
            let updated = body["updatedAt"]?.stringValue.flatMap(Milliseconds.of)
        else { throw SeedError(file: file, reason: "a line item needs an id, createdAt and updatedAt") }
        self.init(id: id, organiserID: organiserID, created: created, updated: updated, body: JSONWriter.string(.object(body)))
    }

    init(id: String, organiserID: String, created: Int64, updated: Int64, body: String) {
        self.id = id
        self.organiserID = organiserID
        createdMilliseconds = created
        updatedMilliseconds = updated
        self.body = body
    }

    func insert(into database: Database) throws {
        try database.run(
            "INSERT INTO letsdothis_line_items (id, organiser_id, created_ms, updated_ms, body) VALUES (?, ?, ?, ?, ?)",
            id, organiserID, createdMilliseconds, updatedMilliseconds, body)
    }
}

/// `GET /line-items` and `GET /line-items/{id}` (spec §6.18, §6.19).
enum LineItems {
    static func list(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser, _ settings: LetsDoThisSettings) throws -> HTTPResponse {
        let (query, _) = try ListQuery.parse(request.query, extendMetadata: false, settings: settings)
        let collection = PagedCollection(
            table: "letsdothis_line_items", scope: [("organiser_id", organiser.id)], indexBase: "letsdothis_line_items_by",
            organiserID: organiser.id, countKey: ScopeCounts.lineItems(organiser: organiser.id), columns: "body")
        let page = try request.read { try CursorPage.fetch(collection, query, in: $0) }
        return page.envelope(page.rows.map(\.bodyBytes))
    }

    static func show(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let body = try request.read {
            try $0.queryOne(
                "SELECT body FROM letsdothis_line_items WHERE id = ? AND organiser_id = ?", request.parameter("id"), organiser.id
            )?.bodyBytes
        }
        guard let body else { throw LetsDoThisError.notFound("LineItem") }
        return DataEnvelope.object(body)
    }
}
