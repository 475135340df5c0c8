import Emulation

/// RSVP release invitations: the table, the seed and the endpoints W1–W5 (spec §11.14), each
/// under its RSVP list.
enum ReleaseInvitations: TitoResourceGroup {
    static let tables = [GroupTable(ReleaseInvitation.self, nextID: 124)]

    /// W2–W5; W1 has a filter and a shape of its own. `email` and `release_ids` are required;
    /// the slug is `rsvp_` and a random body; `redirect` defaults to false. A missing list is 404
    /// before the body is read.
    static let endpoints = EventRecordEndpoints<ReleaseInvitation>(
        path: "rsvp_lists/{rsvp_list_slug}/release_invitations", resource: "release_invitations",
        listKey: "release_invitations", singleKey: "release_invitation", rendering: ReleaseInvitationView.singleRendering,
        sort: SortSpec(idColumn: "ri.id"),
        example: ("rsvp_lists/rsvp_list_dmVQEoZtBPzqUQIa6vdFJYg/release_invitations", "rsvp_dsC6YWbMou0lABn4sZegEOA"),
        newRecord: { request, scope, database in
            ReleaseInvitation(
                eventID: scope.event.id, rsvpListID: try RsvpList.find(request, scope, in: database).id, now: request.nowMilliseconds)
        },
        requireFields: { invitation, errors in
            if invitation.email.isEmpty && !errors.has("email") { errors.add("email", ValidationErrors.blank) }
            if invitation.releaseIDs.isEmpty && !errors.has("release_ids") { errors.add("release_ids", ValidationErrors.blank) }
        },
        prepareInsert: { invitation, _, database in invitation.slug = "rsvp_" + (try Identifiers.randomSlugBody(in: database)) },
        customList: list)

    static var routes: [Route<TitoPrincipal>] { endpoints.routes }

    /// W1: id order; `search[states][]=redeemed` keeps only redeemed invitations.
    static func list(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try RsvpList.read(request, principal, resource: "release_invitations") { database, scope, list in
            let scopeFilter = SQLFilter("ri.rsvp_list_id = ?", list.id)
            var filter = scopeFilter
            let selected = (ListQuery.states(request.query) ?? []).filter { $0 == "redeemed" }
            if !selected.isEmpty { filter.add("ri.redeemed = 1") }
            let source = "tito_release_invitations AS ri"
            let page = try database.listPage(
                PageRequest(request.query), from: source, alias: "ri", where: filter, order: KeysetOrder([.init("ri.id")]))
            let overall = try database.count(from: source, where: scopeFilter)
            var context = RenderContext(request, scope, view: request.listView)
            try ReleaseInvitationView.listRendering.prepare(&context, for: page, scope, in: database)
            return try ResourceResponse.list("release_invitations", meta: page.meta(overallTotal: overall)) { json in
                ListMeta.writeStateFilter(options: [("Redeemed", "redeemed")], selected: selected, to: &json)
            } items: { json in
                try ReleaseInvitationView.listRendering.write(page, context: context, scope, in: database, to: &json)
            }
        }
    }
}
