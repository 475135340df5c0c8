import Emulation

/// An RSVP release invitation (spec §12.13): an e-mail invited to register for some releases.
/// Its `release_ids` may name releases that do not exist (spec §15 A13); `releases` lists only
/// those that do.
struct ReleaseInvitation: EventScopedRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var rsvpListID: Int64 = 0
    var slug = ""
    var firstName: String?
    var lastName: String?
    var email = ""
    var releaseIDs: [Int64] = []
    var discountCode: String?
    var expiresAt: Int64?
    var redirect: Bool? = false
    var status: String?
    var redeemed = false
    var registrationID: Int64?
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    static let table = RecordTable(
        "tito_release_invitations", of: ReleaseInvitation.self,
        constraints: [.references("event_id", "tito_events"), .references("rsvp_list_id", "tito_rsvp_lists"), .unique(["slug"])],
        indexes: ["rsvp_list_id, id", "event_id"])
    static let wrapper = "release_invitation"
    static let pathParameter = "release_invitation_slug"

    init() {}

    init(eventID: Int64, rsvpListID: Int64, now: Int64) {
        self.init(eventID: eventID, now: now)
        self.rsvpListID = rsvpListID
    }

    /// `{release_invitation_slug}` within the list `{rsvp_list_slug}` names (a slug, or a numeric
    /// id); an invitation of another list is 404.
    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> ReleaseInvitation {
        let list = try RsvpList.find(request, scope, in: database)
        guard let invitation = try SlugOrID.find(
            ReleaseInvitation.self, request.parameter("release_invitation_slug"), parent: "rsvp_list_id", list.id, in: database)
        else { throw TitoError.notFound }
        return invitation
    }

    /// Applies the attributes sent (W3, W4); `email` and `release_ids` are checked when sent.
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors, in database: Database) throws {
        if let address = attributes.requiredEmail("email", errors: &errors) { email = address }
        for (key, path) in [("first_name", \ReleaseInvitation.firstName), ("last_name", \.lastName),
                            ("discount_code", \.discountCode)] {
            attributes.string(key).assignOrClear(to: &self[keyPath: path])
        }
        attributes.timestamp("expires_at").assign(to: &expiresAt, key: "expires_at", orAdd: ValidationErrors.invalid, to: &errors)
        attributes.bool("redirect").assign(to: &redirect, key: "redirect", orAdd: ValidationErrors.notIncluded, to: &errors)
        // Ids are kept even when no release has them (the docs' own example sends [1,2,3]); a
        // slug must name a release of the event.
        let eventID = eventID
        let ids = try IDListInput.read(attributes, "release_ids", errors: &errors) { element in
            if let id = IDListInput.integer(element) { return id }
            return try Release.find(reference: element, event: eventID, in: database)?.id
        }
        if let ids {
            if ids.isEmpty { errors.add("release_ids", ValidationErrors.blank) } else { releaseIDs = ids }
        }
    }
}

/// How release invitations render (spec §12.13): a list shape with releases as `{id, title,
/// slug}`, and a single shape with full release objects and the stored `release_ids`.
enum ReleaseInvitationView {
    static let computed = ["registration_slug", "registration_reference"]

    private static let name = RecordView<RenderContext>.Member.derived("name") { row, _, json in
        let first = row.optionalString("first_name")
        let last = row.optionalString("last_name")
        if first == nil && last == nil { return json.null() }
        json.string(((first ?? "") + " " + (last ?? "")).trimmingWhitespace())
    }
    private static let uniqueURL = RecordView<RenderContext>.Member.derived("unique_url") { row, context, json in
        json.string(concatenating: "https://ti.to/", context.accountSlug, "/", context.eventSlug, "/rsvp/", row.string("slug"))
    }
    private static let registrationURL = RecordView<RenderContext>.Member.derived("registration_url") { row, _, json in
        guard let slug = row.optionalString("registration_slug") else { return json.null() }
        json.string(concatenating: "https://ti.to/registrations/", slug)
    }

    static let list = RecordView<RenderContext>(ReleaseInvitation.table, computed: computed, [
        .constant("_type", "release_invitation"),
        .column("id"), .column("slug"), .column("first_name"), .column("last_name"), .column("email"), name, uniqueURL,
        // `created_at` follows `registration_id`, where the live service writes it.
        .column("status"), .column("redeemed"), .column("registration_id"), .time("created_at"), .column("registration_slug"),
        registrationURL, .column("registration_reference"),
        .embeddedArray("releases", ids: "release_ids", in: { $0.releaseSummaries }),
        .extendedMarker,
    ])

    static let single = RecordView<RenderContext>(ReleaseInvitation.table, computed: computed, [
        .constant("_type", "release_invitation"),
        .column("id"), .column("first_name"), .column("last_name"), .column("email"), .constant("release_id", nil),
        .column("registration_id"), .column("slug"), .time("created_at"), .time("updated_at"), .column("event_id"),
        .constant("importer_id", nil), .time("expires_at"), .column("rsvp_list_id"), .column("redirect"),
        .column("discount_code"), .constant("auto", nil), .constant("guest", nil), .column("status"),
        .constant("message_delivery_id", nil), name, uniqueURL, .column("redeemed"), .column("registration_slug"),
        registrationURL,
        .embeddedArray("releases", ids: "release_ids", in: { $0.releases }),
        .column("release_ids"),
        .extendedMarker,
    ])

    private static let joins = "LEFT JOIN tito_registrations AS rg ON rg.id = ri.registration_id"
    private static let computedSQL: @Sendable (EventScope) -> [String] = { _ in ["rg.slug", "rg.reference"] }

    /// The `{id, title, slug}` of every release of the event, filed by id.
    private static let summary = RecordView<RenderContext>(Release.table, [.column("id"), .column("title"), .column("slug")])

    static let listRendering = RecordRendering(
        view: list, alias: "ri", joins: joins, computed: computedSQL,
        prepare: { context, scope, _, database in
            context.releaseSummaries = try database.render(
                summary, "SELECT \(Release.table.selectList()) FROM tito_releases WHERE event_id = ?", arguments: [scope.event.id],
                context: context, keyedBy: "id")
        })

    static let singleRendering = RecordRendering(
        view: single, alias: "ri", joins: joins, computed: computedSQL,
        prepare: { context, scope, _, database in context.releases = try ReleaseView.embedded(scope, context: context, in: database) })
}
