import Emulation

/// Check-in lists: the table, the seed and the endpoints C1–C5 (spec §11.5).
enum CheckinLists: TitoResourceGroup {
    static let tables = [GroupTable(CheckinList.self, nextID: 3)]

    /// C1–C5: in id order; `title` is required; the slug is `chk_` and a random body, and never changes.
    static let endpoints = EventRecordEndpoints<CheckinList>(
        path: "checkin_lists", resource: "checkin_lists", listKey: "checkin_lists", singleKey: "checkin_list",
        rendering: CheckinListView.rendering, sort: SortSpec(idColumn: "c.id"), example: ("checkin_lists", "chk_d90KqwJIp9rfgkVzOCCTdMQ"),
        requireFields: { list, errors in if list.title.isBlank { errors.add("title", ValidationErrors.blank) } },
        prepareInsert: { list, _, database in list.slug = "chk_" + (try Identifiers.randomSlugBody(in: database)) })

    static var routes: [Route<TitoPrincipal>] { endpoints.routes }

    /// Copies the lists of a duplicated event (E8) with new slugs, pointing at the copied records.
    static func duplicate(_ copy: inout EventCopy, in database: Database) throws {
        try CheckinList.copyAll(&copy, in: database) { list, copy, database in
            list.slug = "chk_" + (try Identifiers.randomSlugBody(in: database))
            list.activityIDs = copy.remap("activities", list.activityIDs)
            list.questionIDs = copy.remap("questions", list.questionIDs)
            list.releaseIDs = copy.remap("releases", list.releaseIDs)
        }
    }
}
