import Emulation

/// An RSVP release invitation (spec §12.13): an e-mail invited to register for some releases.
/// Its `release_ids` may name releases that do not exist (spec §15 A13); `releases` lists only
/// those that do.
struct ReleaseInvitationRecord {
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

    init() {}

    init(eventID: Int64, rsvpListID: Int64, now: Int64) {
        self.init(eventID: eventID, now: now)
        self.rsvpListID = rsvpListID
    }

    init(row: Row) {
        self.init(identityOf: row)
        rsvpListID = Int64(row.int("rsvp_list_id") ?? 0)
        slug = row.string("slug") ?? ""
        firstName = row.string("first_name")
        lastName = row.string("last_name")
        email = row.string("email") ?? ""
        releaseIDs = JSONColumn.ids(row.string("release_ids"))
        discountCode = row.string("discount_code")
        expiresAt = row.int("expires_at").map(Int64.init)
        redirect = row.bool("redirect")
        status = row.string("status")
        redeemed = row.bool("redeemed") ?? false
        registrationID = row.int("registration_id").map(Int64.init)
    }

    /// Applies the attributes sent (W3, W4); `email` and `release_ids` are checked when sent.
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors, in database: Database) throws {
        switch attributes.string("email") {
        case .absent: break
        case .value(let text) where !text.isBlank:
            let trimmed = text.trimmingWhitespace()
            if EmailAddress.isPlausible(trimmed) { email = trimmed } else { errors.add("email", ValidationErrors.invalid) }
        default: errors.add("email", ValidationErrors.blank)
        }
        for (key, path) in [("first_name", \ReleaseInvitationRecord.firstName), ("last_name", \.lastName),
                            ("discount_code", \.discountCode)] {
            switch attributes.string(key) {
            case .absent: break
            case .value(let text): self[keyPath: path] = text
            default: self[keyPath: path] = nil
            }
        }
        switch attributes.timestamp("expires_at") {
        case .absent: break
        case .null: expiresAt = nil
        case .invalid: errors.add("expires_at", ValidationErrors.invalid)
        case .value(let milliseconds): expiresAt = milliseconds
        }
        switch attributes.bool("redirect") {
        case .absent: break
        case .null: redirect = nil
        case .invalid: errors.add("redirect", ValidationErrors.notIncluded)
        case .value(let flag): redirect = flag
        }
        // Ids are kept even when no release has them (the docs' own example sends [1,2,3]); a
        // slug must name a release of the event.
        let eventID = eventID
        let ids = try IDListInput.read(attributes, "release_ids", errors: &errors) { element in
            if let id = IDListInput.integer(element) { return id }
            return try ReleaseRecord.find(reference: element, event: eventID, in: database)?.id
        }
        if let ids {
            if ids.isEmpty { errors.add("release_ids", ValidationErrors.blank) } else { releaseIDs = ids }
        }
    }

    func insert(into database: Database) throws {
        try database.run(
            """
            INSERT INTO tito_release_invitations (id, event_id, rsvp_list_id, slug, first_name, last_name, email, release_ids,
                discount_code, expires_at, redirect, status, redeemed, registration_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            id, eventID, rsvpListID, slug, firstName, lastName, email, JSONColumn.text(ids: releaseIDs), discountCode, expiresAt,
            redirect, status, redeemed, registrationID, createdAt, updatedAt)
    }

    func update(in database: Database) throws {
        try database.run(
            """
            UPDATE tito_release_invitations SET first_name = ?, last_name = ?, email = ?, release_ids = ?, discount_code = ?,
                expires_at = ?, redirect = ?, updated_at = ?
            WHERE id = ?
            """,
            firstName, lastName, email, JSONColumn.text(ids: releaseIDs), discountCode, expiresAt, redirect, updatedAt, id)
    }

    /// `first last`, trimmed; null when neither is set.
    var name: String? {
        if firstName == nil && lastName == nil { return nil }
        return [firstName ?? "", lastName ?? ""].joined(separator: " ").trimmingWhitespace()
    }

    func uniqueURL(_ event: EventRecord) -> String { "https://ti.to/\(event.accountSlug)/\(event.slug)/rsvp/\(slug)" }

    /// The registration an invitation was redeemed with, as the invitation shows it.
    struct Registration {
        let slug: String?
        let reference: String?

        var url: String? { slug.map { "https://ti.to/registrations/\($0)" } }
    }

    func registration(in database: Database) throws -> Registration {
        guard let registrationID,
            let row = try database.queryOne("SELECT slug, reference FROM tito_registrations WHERE id = ?", registrationID)
        else { return Registration(slug: nil, reference: nil) }
        return Registration(slug: row.string("slug"), reference: row.string("reference"))
    }

    /// The list shape (spec §12.13a): releases as `{id, title, slug}`.
    func listJSON(event: EventRecord, embedded: EmbeddedRecords, view: View, in database: Database) throws -> JSONValue {
        let registration = try registration(in: database)
        let object: JSONValue = [
            "_type": "release_invitation", "id": .int(id), "slug": .string(slug), "first_name": .string(firstName),
            "last_name": .string(lastName), "email": .string(email), "name": .string(name),
            "unique_url": .string(uniqueURL(event)), "status": .string(status), "redeemed": .bool(redeemed),
            "registration_id": registrationID.map(JSONValue.int) ?? .null, "registration_slug": .string(registration.slug),
            "registration_url": .string(registration.url), "registration_reference": .string(registration.reference),
            "releases": .array(embedded.releaseSummaries(releaseIDs)),
        ]
        return object.marked(view)
    }

    /// The single shape (spec §12.13b): full release objects, plus the stored `release_ids`.
    func singleJSON(event: EventRecord, embedded: EmbeddedRecords, view: View, in database: Database) throws -> JSONValue {
        let registration = try registration(in: database)
        let object: JSONValue = [
            "_type": "release_invitation", "id": .int(id), "first_name": .string(firstName), "last_name": .string(lastName),
            "email": .string(email), "release_id": nil, "registration_id": registrationID.map(JSONValue.int) ?? .null,
            "slug": .string(slug), "created_at": .string(TitoFormats.timestamp(milliseconds: createdAt)),
            "updated_at": .string(TitoFormats.timestamp(milliseconds: updatedAt)), "event_id": .int(eventID),
            "importer_id": nil, "expires_at": .string(expiresAt.map(TitoFormats.timestamp(milliseconds:))),
            "rsvp_list_id": .int(rsvpListID), "redirect": redirect.map(JSONValue.bool) ?? .null,
            "discount_code": .string(discountCode), "auto": nil, "guest": nil, "status": .string(status),
            "message_delivery_id": nil, "name": .string(name), "unique_url": .string(uniqueURL(event)),
            "redeemed": .bool(redeemed), "registration_slug": .string(registration.slug),
            "registration_url": .string(registration.url), "releases": .array(embedded.releases(releaseIDs)),
            "release_ids": .array(releaseIDs.map(JSONValue.int)),
        ]
        return object.marked(view)
    }
}

extension ReleaseInvitationRecord: EventScopedRecord {
    static let table = "tito_release_invitations"
    static let wrapper = "release_invitation"

    /// `{release_invitation_slug}` within the list `{rsvp_list_slug}` names (a slug, or a numeric
    /// id); an invitation of another list is 404.
    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> ReleaseInvitationRecord {
        let listID = try ReleaseInvitations.rsvpListID(request, scope, in: database)
        guard let row = try SlugOrID.row(
            request.parameter("release_invitation_slug"), select: "SELECT * FROM tito_release_invitations",
            parent: "rsvp_list_id", listID, in: database)
        else { throw TitoError.notFound }
        return ReleaseInvitationRecord(row: row)
    }
}
