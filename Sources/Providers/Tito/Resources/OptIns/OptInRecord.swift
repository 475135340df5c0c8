import Emulation

/// An opt-in (spec §12.8): a consent question shown for some releases. Its slug follows its name.
struct OptInRecord {
    static let slugLength = 40

    var id: Int64 = 0
    var eventID: Int64 = 0
    var slug = ""
    var name = ""
    var description: String?
    var releaseIDs: [Int64] = []
    var acceptanceCount: Int64 = 0
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    init() {}

    init(row: Row) {
        self.init(identityOf: row)
        slug = row.string("slug") ?? ""
        name = row.string("name") ?? ""
        description = row.string("description")
        releaseIDs = JSONColumn.ids(row.string("release_ids"))
        acceptanceCount = Int64(row.int("acceptance_count") ?? 0)
    }

    /// Applies the attributes sent (O3, O4); a new name re-derives the slug (spec §11.8).
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors, in database: Database) throws {
        switch attributes.string("name") {
        case .absent: break
        case .value(let text) where !text.isBlank:
            if text != name {
                name = text
                slug = try derivedSlug(in: database)
            }
        default: errors.add("name", ValidationErrors.blank)
        }
        switch attributes.string("description") {
        case .absent: break
        case .value(let text): description = text
        default: description = nil
        }
        if let ids = try IDListInput.releases(attributes, event: eventID, errors: &errors, in: database) { releaseIDs = ids }
    }

    /// `parameterize(name)` cut to 40 characters without a trailing `-`; `-2`, `-3`… on a clash.
    private func derivedSlug(in database: Database) throws -> String {
        var base = String(Identifiers.parameterize(name).prefix(Self.slugLength))
        while base.hasSuffix("-") { base.removeLast() }
        if base.isEmpty { base = try Identifiers.fallbackSlug(in: database) }
        return try Identifiers.uniqueSlug(base) { candidate in
            try database.queryOne(
                "SELECT 1 FROM tito_opt_ins WHERE event_id = ? AND slug = ? AND id != ?", eventID, candidate, id) != nil
        }
    }

    func insert(into database: Database) throws {
        try database.run(
            """
            INSERT INTO tito_opt_ins (id, event_id, slug, name, description, release_ids, acceptance_count, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            id, eventID, slug, name, description, JSONColumn.text(ids: releaseIDs), acceptanceCount, createdAt, updatedAt)
    }

    func update(in database: Database) throws {
        try database.run(
            "UPDATE tito_opt_ins SET slug = ?, name = ?, description = ?, release_ids = ?, updated_at = ? WHERE id = ?",
            slug, name, description, JSONColumn.text(ids: releaseIDs), updatedAt, id)
    }

    /// Short in lists; extended adds `view`, `translations` and the releases as extended objects.
    func json(view: View, embedded: EmbeddedRecords) -> JSONValue {
        let short: JSONValue = [
            "_type": "opt_in", "id": .int(id), "slug": .string(slug), "name": .string(name),
            "description": .string(description), "release_ids": .array(releaseIDs.map(JSONValue.int)),
            "acceptance_count": .int(acceptanceCount), "created_at": .string(TitoFormats.timestamp(milliseconds: createdAt)),
            "updated_at": .string(TitoFormats.timestamp(milliseconds: updatedAt)),
        ]
        guard view.isExtended, var object = short.objectValue else { return short }
        object.append("view", "extended")
        object.append("translations", ["en": ["name": .string(name), "description": .string(description)]])
        object.append("releases", .array(embedded.releases(releaseIDs, view: .extended)))
        return .object(object)
    }
}

extension OptInRecord: EventScopedRecord {
    static let table = "tito_opt_ins"
    static let wrapper = "opt_in"

    /// `{opt_in_slug}`: a slug or an id within the event.
    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> OptInRecord {
        OptInRecord(row: try row(slugOrID: request.parameter("opt_in_slug"), scope, in: database))
    }
}
