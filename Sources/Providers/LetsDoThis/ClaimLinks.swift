import Emulation
import Foundation

/// A claim link `POST /partners/{id}/claim-link` sent (spec §6.11), kept for
/// `GET /_understudy/letsdothis/claim-links` in the order they were made.
struct ClaimLink: StoredRecord {
    var seq: Int64?
    var id = ""
    var partnerID = ""
    var reservedEntryID: String?
    var emailAddress = ""
    var url = ""
    var createdAt = ""
    var organiserID = ""

    static let keyStyle = JSONKeyStyle.camelCase
    static let table = RecordTable("letsdothis_claim_links", of: ClaimLink.self, primaryKey: ["seq"], constraints: [.unique(["id"])])
    static let view = RecordView<Void>(table, RecordView.columns(of: table, keys: .camelCase, except: ["seq", "organiser_id"]))
}

/// `POST /partners/{id}/claim-link`: the real service emails a link to the partner's dashboard
/// and answers with an empty body; the emulator records the link instead.
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
            var link = ClaimLink()
            link.id = try database.ids.hex("letsdothis.claimLink", width: 24, leading: IDGenerator.hex(second, width: 8))
            let token = try database.ids.digestHex("letsdothis.claimLinkToken", count: 32)
            link.partnerID = partner.id
            link.reservedEntryID = groupID
            link.emailAddress = emailAddress
            link.url = "https://www.letsdothis.com/partners/claim/\(token)"
            link.createdAt = Timestamp.iso8601Milliseconds(now)
            link.organiserID = organiser.id
            try database.insert(link)
        }
        return .empty(status: 200)
    }
}
