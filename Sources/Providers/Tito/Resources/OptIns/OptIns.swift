import Emulation

/// Opt-ins: the table, the seed and the endpoints O1–O5 (spec §11.8). The docs' endpoint line
/// spells the get path `/opt_in/{opt_in_slug}`; both spellings are served (spec §15 A9).
enum OptIns: TitoResourceGroup {
    static let tables = [GroupTable(OptIn.self, nextID: 167)]

    /// O1–O5: A-Z by name by default; `name` is required and the slug follows it, so a name change
    /// moves the opt-in to a new slug (the old one then answers 404).
    static let endpoints = EventRecordEndpoints<OptIn>(
        path: "opt_ins", resource: "opt_ins", listKey: "opt_ins", singleKey: "opt_in", rendering: OptInView.rendering,
        sort: SortSpec(default: .init("name", sql: "o.name"), idColumn: "o.id"),
        example: ("opt_ins", "do-you-consent-to-receiving-marketing-em"),
        extraMeta: { json in
            ListMeta.writeSortOptions([("A-Z", "name", "asc", true), ("Z-A", "name", "desc", false)], to: &json)
            ListMeta.writeEmptyFilterOptions(to: &json)
        },
        requireFields: { optIn, errors in if optIn.name.isBlank { errors.add("name", ValidationErrors.blank) } })

    static var routes: [Route<TitoPrincipal>] {
        endpoints.routes + [
            Route("GET", "/{account_slug}/{event_slug}/opt_in/{opt_in_slug}",
                  example: "/biscuit-box/2018/opt_in/do-you-consent-to-receiving-marketing-em", endpoints.show)
        ]
    }

    /// Copies the opt-ins of a duplicated event (E8): same slugs (slugs are per event), copied
    /// releases, no acceptances yet.
    static func duplicate(_ copy: inout EventCopy, in database: Database) throws {
        try OptIn.copyAll(&copy, in: database) { optIn, copy, _ in
            optIn.releaseIDs = copy.remap("releases", optIn.releaseIDs)
            optIn.acceptanceCount = 0
        }
    }
}
