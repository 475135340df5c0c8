import Emulation

/// An opt-in (spec §12.8): a consent question shown for some releases. Its slug follows its name.
struct OptIn: EventScopedRecord {
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

    static let table = RecordTable(
        "tito_opt_ins", of: OptIn.self,
        constraints: [.references("event_id", "tito_events"), .unique(["event_id", "slug"])], indexes: ["event_id, name, id"])
    static let wrapper = "opt_in"
    static let pathParameter = "opt_in_slug"

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
        attributes.string("description").assignOrClear(to: &description)
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
}

/// How opt-ins render (spec §12.8): short in lists; extended adds `view`, `translations` and
/// the releases as extended objects.
enum OptInView {
    static let view = RecordView<RenderContext>(OptIn.table, [
        .constant("_type", "opt_in"),
        .column("id"), .column("slug"), .column("name"), .column("description"), .column("release_ids"),
        .column("acceptance_count"), .time("created_at"), .time("updated_at"),
        .extendedMarker,
        .derived("translations") { row, _, json in EnglishTranslations.write(row, columns: ["name", "description"], to: &json) }
            .when { _, context in context.isExtended },
        .embeddedArray("releases", ids: "release_ids", in: { $0.releases }).when { _, context in context.isExtended },
    ])

    /// Short objects carry no releases, so only the extended view renders them.
    static let rendering = RecordRendering(
        view: view, alias: "o",
        prepare: { context, scope, _, database in
            guard context.isExtended else { return }
            context.releases = try ReleaseView.render(
                where: "r.event_id = ?", [scope.event.id], scope.principal, context: context.forEmbedded(view: .extended),
                keyedBy: "id", in: database)
        })
}
