import Emulation

/// RSVP lists: the table, the seed and the endpoints V1–V5 (spec §11.13).
enum RsvpLists: TitoResourceGroup {
    static let tables = [GroupTable(RsvpList.self, nextID: 124)]

    /// V1–V5: newest first, or `search[sort]` by created_at or title; `title` is required; the
    /// slug is `rsvp_list_` and a random body; a deleted list takes its invitations (spec §13.11).
    static let endpoints = EventRecordEndpoints<RsvpList>(
        path: "rsvp_lists", resource: "rsvp_lists", listKey: "rsvp_lists", singleKey: "rsvp_list", rendering: RsvpListView.rendering,
        sort: SortSpec(
            default: .init("created_at", sql: "l.created_at", direction: .desc), others: [.init("title", sql: "l.title")],
            idColumn: "l.id"),
        example: ("rsvp_lists", "rsvp_list_dmVQEoZtBPzqUQIa6vdFJYg"),
        extraMeta: { json in
            ListMeta.writeSortOptions(
                [("Created time, earliest first", "created_at", "asc", false),
                 ("Created time, latest first", "created_at", "desc", true),
                 ("Title A-Z", "title", "asc", false), ("Title Z-A", "title", "desc", false)], to: &json)
            ListMeta.writeEmptyFilterOptions(to: &json)
        },
        requireFields: { list, errors in
            if list.title.isBlank && !errors.has("title") { errors.add("title", ValidationErrors.blank) }
        },
        prepareInsert: { list, _, database in list.slug = "rsvp_list_" + (try Identifiers.randomSlugBody(in: database)) },
        removeDependents: { list, _, database in try database.delete(ReleaseInvitation.self, where: "rsvp_list_id = ?", list.id) },
        // V4: only a sent `title` is a change; a body without one leaves `updated_at` alone.
        isChange: { $0.has("title") })

    static var routes: [Route<TitoPrincipal>] { endpoints.routes }
}
