import Emulation

/// `POST /partners/{id}/claim-link` (spec §6.11): the real service emails a link to the partner's
/// dashboard and answers with an empty body; the emulator records the link instead, for
/// `GET /_understudy/letsdothis/claim-links`.
enum ClaimLinks {
    static let schema = BodySchema(required: [], properties: [("emailAddress", .email), ("reservedEntryId", .string)])

    static func create(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let fields = try schema.validate(try RequestBody.object(of: request))
        let now = request.now
        try request.write { database in
            guard let partner = try Partner.find(request.parameter("id"), externalIDType: nil, organiser: organiser, in: database) else {
                throw Partner.notFound
            }
            let groupID = fields["reservedEntryId"]?.stringValue
            if let groupID {
                guard let group = try ReservedEntryGroup.find(groupID, organiserID: organiser.id, in: database) else {
                    throw ReservedEntryGroup.notFound
                }
                guard group.partnerID == partner.id else {
                    throw LetsDoThisError.badRequest("Reserved entry group is not assigned to this partner")
                }
            }
            // Without an address the link goes to the partner's first contact that has one.
            let contactAddress = partner.contacts.arrayValue?.lazy.compactMap { $0["emailAddress"]?.stringValue }.first { !$0.isEmpty }
            guard let emailAddress = fields["emailAddress"]?.stringValue ?? contactAddress else {
                throw LetsDoThisError.badRequest("emailAddress is required")
            }
            // An ObjectId: the creation second, then the world's counter.
            let second = UInt64(UInt32(clamping: max(0, Int64(now.timeIntervalSince1970))))
            let id = try database.ids.hex("letsdothis.claimLink", width: 24, leading: IDGenerator.hex(second, width: 8))
            let token = try database.ids.digestHex("letsdothis.claimLinkToken", count: 32)
            try database.run(
                """
                INSERT INTO letsdothis_claim_links (id, organiser_id, partner_id, reserved_entry_id, email_address, url, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                id, organiser.id, partner.id, groupID, emailAddress, "https://www.letsdothis.com/partners/claim/\(token)",
                Timestamp.iso8601Milliseconds(now))
        }
        return .empty(status: 200)
    }

    /// Every recorded claim link, oldest first.
    static func all(in database: Database) throws -> [JSONValue] {
        try database.query(
            "SELECT id, organiser_id, partner_id, reserved_entry_id, email_address, url, created_at FROM letsdothis_claim_links ORDER BY seq"
        ).map { row in
            [
                "id": .string(row.string("id")),
                "partnerId": .string(row.string("partner_id")),
                "reservedEntryId": .string(row.string("reserved_entry_id")),
                "emailAddress": .string(row.string("email_address")),
                "url": .string(row.string("url")),
                "createdAt": .string(row.string("created_at")),
            ]
        }
    }
}
