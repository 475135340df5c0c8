import Emulation

/// T1: the tickets of an event (spec §7.2, §11.15). Void tickets and tickets of archived
/// releases are hidden unless asked for.
enum TicketList {
    static let sort = SortSpec(
        default: .init("created_at", "tickets.created_at", sql: "t.created_at", direction: .desc),
        others: [
            .init("first_name", sql: "t.first_name COLLATE NOCASE"), .init("last_name", sql: "t.last_name COLLATE NOCASE"),
            .init("updated_at", sql: "t.updated_at", direction: .desc), .init("price", sql: "t.price"),
            .init("reference", sql: "t.reference"), .init("number", sql: "t.number"),
        ],
        idColumn: "t.id")

    static let sortOptions: [(label: String, attr: String, direction: String, isDefault: Bool)] = [
        ("First name A-Z", "first_name", "asc", false), ("First name Z-A", "first_name", "desc", false),
        ("Last name A-Z", "last_name", "asc", false), ("Last name Z-A", "last_name", "desc", false),
        ("Ticket date, earliest first", "tickets.created_at", "asc", false),
        ("Ticket date, newest first", "tickets.created_at", "desc", true),
        ("Price, least first", "price", "asc", false), ("Price, most first", "price", "desc", false),
        ("Reference", "reference", "asc", false), ("Number", "number", "asc", false),
    ]

    static let stateOptions: [(label: String, value: String)] = [
        ("Complete", "complete"), ("Incomplete", "incomplete"), ("Unassigned", "unassigned"), ("Void", "void"),
        ("Changes Locked", "changes_locked"), ("Changes Allowed", "changes_allowed"),
    ]

    static let stateConditions: [String: String] = [
        "complete": "t.state = 'complete'",
        "incomplete": "t.state IN ('incomplete', 'new', 'reminder')",
        "unassigned": "COALESCE(TRIM(t.email), '') = '' AND t.state != 'void'",
        "void": "t.state = 'void'",
    ]

    static let source = "tito_tickets AS t"
    /// With the registrations joined, for the `search[types]` filter only.
    static let sourceWithRegistrations = "tito_tickets AS t JOIN tito_registrations AS g ON g.id = t.registration_id"

    /// The list; its totals come from the kept counts (`TicketCounts`), and the page from the
    /// index in its order, so a page costs what it costs in a small event.
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: "tickets", in: database)
            let query = request.query
            var filter = SQLFilter("t.event_id = ?", scope.event.id)
            scope.addVisibility(alias: "t", to: &filter)
            // An event has a handful of releases: the release conditions (archived, changes
            // locked) become id lists, so counting and paging read the tickets alone.
            let releases = try ReleaseOption.all(event: scope.event.id, in: database)
            let archivedReleases = releases.filter(\.archived).map(\.id)
            let requested = ListQuery.states(query)
            let mainStates = (requested ?? []).filter { stateConditions[$0] != nil }
            // Whether the list is narrower than the default one, whose total the counts hold.
            var narrowed = !mainStates.isEmpty
            if mainStates.isEmpty {
                filter.add("t.state != 'void'")
            } else {
                filter.add(anyOf: mainStates.compactMap { stateConditions[$0] }.map { SQLFilter($0) })
            }
            let locked = requested?.contains("changes_locked") ?? false
            let allowed = requested?.contains("changes_allowed") ?? false
            if locked != allowed {
                filter.add("t.release_id", in: releases.filter { $0.lockChanges == locked }.map(\.id))
                narrowed = true
            }
            let withArchived = requested?.contains("archived") ?? false
            if !withArchived { filter.add("t.release_id", notIn: archivedReleases) }
            narrowed = narrowed || (withArchived && !archivedReleases.isEmpty)
            var source = Self.source
            let beforeOthers = filter.conditions.count
            if let types = ListQuery.values(query, "search[types]") {
                var conditions: [SQLFilter] = []
                if types.contains("manual") { conditions.append(SQLFilter("g.registration_type IN ('manual', 'imported')")) }
                if types.contains("standard") { conditions.append(SQLFilter("g.registration_type NOT IN ('manual', 'imported')")) }
                if !conditions.isEmpty {
                    filter.add(anyOf: conditions)
                    source = Self.sourceWithRegistrations
                }
            }
            if let releaseNames = ListQuery.values(query, "search[release_ids]"), !releaseNames.isEmpty {
                let ids = try releaseNames.compactMap { try SlugOrID.find(Release.self, $0, parent: "event_id", scope.event.id, in: database)?.id }
                filter.add("t.release_id", in: ids)
            }
            let activities = try ActivityOption.all(event: scope.event.id, in: database)
            if let activityIDs = ListQuery.values(query, "search[activity_ids]"), !activityIDs.isEmpty {
                let ids = Set(activities.filter { activityIDs.contains(String($0.id)) }.flatMap(\.releaseIDs))
                filter.add("t.release_id", in: Array(ids))
            }
            ListQuery.addTimeFilters(query, alias: "t", to: &filter)
            if let text = ListQuery.searchText(query) {
                filter.add(
                    containing: text,
                    inAnyOf: [
                        "t.first_name", "t.last_name", "(COALESCE(t.first_name, '') || ' ' || COALESCE(t.last_name, ''))",
                        "t.phone_number", "t.slug", "t.reference", "t.company_name", "t.tags", "t.email",
                    ])
            }
            narrowed = narrowed || filter.conditions.count > beforeOthers
            // `overall_total` is every ticket the token sees; the default list hides void ones and
            // those of archived releases.
            var countFilter = scope.countsFilter(TicketCounts.byRelease)
            let all = try TicketCounts.byRelease.sums(where: countFilter, in: database)
            countFilter.add("release_id", notIn: archivedReleases)
            let shown = try TicketCounts.byRelease.sums(where: countFilter, in: database)["tickets"] ?? 0
            let overall = (all["tickets"] ?? 0) + (all["voided"] ?? 0)
            let page = try database.listPage(
                PageRequest(query), from: source, alias: "t", where: filter, order: sort.order(query), total: narrowed ? nil : shown)
            var context = RenderContext(request, scope, view: request.listView)
            try TicketView.prepare(&context, tickets: "SELECT value FROM json_each(?)", [page.idList], scope, in: database)
            // A ticket with its registration and release runs to about 4 KB.
            return try ResourceResponse.list("tickets", meta: page.meta(overallTotal: overall), capacity: 4096 * (page.ids.count + 2)) {
                json in
                ListMeta.writeHidden(requested == nil ? overall - shown : 0, states: ["void"], to: &json)
                ListMeta.writeSortOptions(sortOptions, to: &json)
                json.object("filter_options") { json in
                    json.key("types")
                    ListMeta.writeOptions([("Added manually", "manual"), ("Ordered by customer", "standard")], to: &json)
                    json.key("release_ids")
                    ListMeta.writeOptions(releases.map { ($0.title, $0.slug) }, to: &json)
                    json.key("activity_ids")
                    ListMeta.writeOptions(activities.map { ($0.name, String($0.id)) }, to: &json)
                    json.field("upgrade_ids", array: { _ in })
                    ListMeta.writeSections(
                        [("states", "Status"), ("types", "Type"), ("release_ids", "Tickets"), ("activity_ids", "Activities"),
                         ("upgrade_ids", "Upgrades")], to: &json)
                    json.field("collection", false)
                    ListMeta.writeStates(
                        options: stateOptions, selected: requested ?? stateOptions.map(\.value).filter { $0 != "void" }, to: &json)
                }
            } items: { json in
                try page.write(
                    TicketView.view, select: TicketView.select, from: TicketView.source, alias: "t", context: context, in: database,
                    to: &json)
            }
        }
    }

    /// What the list reads of each of the event's releases: ids and flags for its filters, titles
    /// and slugs for its filter options. A handful of columns rather than whole records, which
    /// cost more to decode than the rest of the list's meta.
    private struct ReleaseOption {
        let id: Int64
        let slug: String
        let title: String
        let archived: Bool
        let lockChanges: Bool

        /// The event's releases in position order.
        static func all(event: Int64, in database: Database) throws -> [ReleaseOption] {
            var releases: [ReleaseOption] = []
            try database.forEachRow(
                "SELECT id, slug, title, archived, lock_changes FROM tito_releases WHERE event_id = ? ORDER BY position, id",
                arguments: [event]
            ) { row in
                releases.append(ReleaseOption(
                    id: row.integer(at: 0), slug: row.string(at: 1), title: row.string(at: 2), archived: row.integer(at: 3) != 0,
                    lockChanges: row.integer(at: 4) != 0))
            }
            return releases
        }
    }

    /// What the list reads of each of the event's activities: the filter's releases, the
    /// filter options' names.
    private struct ActivityOption {
        let id: Int64
        let name: String
        let releaseIDs: [Int64]

        /// The event's activities in id order.
        static func all(event: Int64, in database: Database) throws -> [ActivityOption] {
            var activities: [ActivityOption] = []
            try database.forEachRow("SELECT id, name, release_ids FROM tito_activities WHERE event_id = ? ORDER BY id", arguments: [event]) {
                row in
                activities.append(
                    ActivityOption(id: row.integer(at: 0), name: row.string(at: 1), releaseIDs: row.withUTF8(at: 2, IntegerList.values(in:))))
            }
            return activities
        }
    }
}
