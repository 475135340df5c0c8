import Emulation

/// RSVP release invitations: the table, the seed and the endpoints W1–W5 (spec §11.14), each
/// under its RSVP list.
enum ReleaseInvitations: TitoResourceGroup {
    static let resource = "release_invitations"

    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_release_invitations (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES tito_events (id),
            rsvp_list_id INTEGER NOT NULL REFERENCES tito_rsvp_lists (id),
            slug TEXT NOT NULL UNIQUE,
            first_name TEXT,
            last_name TEXT,
            email TEXT NOT NULL,
            release_ids TEXT NOT NULL DEFAULT '[]',
            discount_code TEXT,
            expires_at INTEGER,
            redirect INTEGER,
            status TEXT,
            redeemed INTEGER NOT NULL DEFAULT 0,
            registration_id INTEGER,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS tito_release_invitations_by_list ON tito_release_invitations (rsvp_list_id, id);
        CREATE INDEX IF NOT EXISTS tito_release_invitations_by_event ON tito_release_invitations (event_id);
        """

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for record in try SeedRecord.all(seed, "release_invitations.json", key: "release_invitations") {
            var invitation = ReleaseInvitationRecord(
                eventID: try record.id("event_id"), rsvpListID: try record.id("rsvp_list_id"),
                now: try record.requiredMilliseconds("created_at"))
            invitation.id = try record.id()
            invitation.slug = try record.requiredText("slug")
            invitation.firstName = record.text("first_name")
            invitation.lastName = record.text("last_name")
            invitation.email = try record.requiredText("email")
            invitation.releaseIDs = JSONColumn.ids(record.jsonText("release_ids"))
            invitation.discountCode = record.text("discount_code")
            invitation.expiresAt = try record.milliseconds("expires_at")
            invitation.redirect = record.optionalBool("redirect")
            invitation.status = record.text("status")
            invitation.redeemed = record.bool("redeemed", default: false)
            invitation.registrationID = record.int("registration_id")
            invitation.updatedAt = try record.milliseconds("updated_at", default: invitation.createdAt) ?? invitation.createdAt
            try invitation.insert(into: database)
        }
        try Identifiers.start("release_invitations", at: 124, in: database)
    }

    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}/release_invitations",
              example: "/biscuit-box/2018/rsvp_lists/rsvp_list_dmVQEoZtBPzqUQIa6vdFJYg/release_invitations", list),
        Route("GET", "/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}/release_invitations/{release_invitation_slug}",
              example: "/biscuit-box/2018/rsvp_lists/rsvp_list_dmVQEoZtBPzqUQIa6vdFJYg/release_invitations/rsvp_dsC6YWbMou0lABn4sZegEOA",
              show),
        Route("POST", "/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}/release_invitations", create),
        Route("PATCH", "/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}/release_invitations/{release_invitation_slug}",
              update),
        Route("DELETE", "/{account_slug}/{event_slug}/rsvp_lists/{rsvp_list_slug}/release_invitations/{release_invitation_slug}",
              delete),
    ]

    static func releaseDeleted(_ releaseID: Int64, event eventID: Int64, in database: Database) throws {
        try database.removeID(releaseID, fromList: "release_ids", of: "tito_release_invitations", event: eventID)
    }

    /// W1: id order; `search[states][]=redeemed` keeps only redeemed invitations.
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.read { database in
            let scope = try Scope.event(request, principal, resource: resource, in: database)
            let listID = try rsvpListID(request, scope, in: database)
            var scopeFilter = SQLFilter()
            scopeFilter.add("ri.rsvp_list_id = ?", listID)
            var filter = scopeFilter
            let selected = (ListQuery.states(request.query) ?? []).filter { $0 == "redeemed" }
            if !selected.isEmpty { filter.add("ri.redeemed = 1") }
            let page = PageRequest(request.query)
            let result = try database.page(
                select: "ri.*", from: "tito_release_invitations AS ri", where: filter, orderBy: "ri.id",
                window: page.window, total: .count)
            let overall = try database.count(from: "tito_release_invitations AS ri", where: scopeFilter)
            let invitations = result.items.map(ReleaseInvitationRecord.init(row:))
            let embedded = try EmbeddedRecords(
                scope: scope, now: request.nowMilliseconds, releaseIDs: invitations.flatMap(\.releaseIDs), in: database)
            let view = request.listView
            let items = try invitations.map {
                try $0.listJSON(event: scope.event, embedded: embedded, view: view, in: database)
            }
            return ResourceResponse.list(
                "release_invitations", items: items,
                meta: PageMeta(page: page, totalCount: result.total, overallTotal: overall)
            ) { json in
                json.object("filter_options") { json in
                    ListMeta.writeStatesSection(to: &json)
                    json.field("collection", false)
                    json.key("states")
                    ListMeta.writeOptions([("Redeemed", "redeemed")], to: &json)
                    json.key("selected_states")
                    ListMeta.writeStrings(selected, to: &json)
                }
            }
        }
    }

    /// W2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.show(ReleaseInvitationRecord.self, request, principal, resource: resource, respond: respond)
    }

    /// W3: `email` and `release_ids` are required; the slug is `rsvp_` and a random body;
    /// `redirect` defaults to false. A missing list is 404 before the body is read.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.create(
            request, principal, resource: resource,
            newRecord: { scope, database in
                ReleaseInvitationRecord(
                    eventID: scope.event.id, rsvpListID: try rsvpListID(request, scope, in: database), now: request.nowMilliseconds)
            },
            requireFields: { invitation, errors in
                if invitation.email.isEmpty && !errors.has("email") { errors.add("email", ValidationErrors.blank) }
                if invitation.releaseIDs.isEmpty && !errors.has("release_ids") { errors.add("release_ids", ValidationErrors.blank) }
            },
            prepareInsert: { invitation, _, database in invitation.slug = "rsvp_" + (try Identifiers.randomSlugBody(in: database)) },
            respond: respond)
    }

    /// W4: partial.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.update(ReleaseInvitationRecord.self, request, principal, resource: resource, respond: respond)
    }

    /// W5.
    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try EventRecordHandlers.delete(ReleaseInvitationRecord.self, request, principal, resource: resource)
    }

    /// The id of the list `{rsvp_list_slug}` names in the event; 404 when none does.
    static func rsvpListID(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> Int64 {
        try RsvpListRecord.find(request, scope, in: database).id
    }

    private static func respond(
        _ invitation: ReleaseInvitationRecord, status: Int, _ request: ProviderRequest, _ scope: EventScope,
        in database: Database
    ) throws -> HTTPResponse {
        let embedded = try EmbeddedRecords(
            scope: scope, now: request.nowMilliseconds, releaseIDs: invitation.releaseIDs, in: database)
        return ResourceResponse.single(
            "release_invitation",
            try invitation.singleJSON(event: scope.event, embedded: embedded, view: request.singleView, in: database),
            status: status)
    }
}
