import Emulation

/// A line item (spec §7.5): one priced part of a booking, read-only through the API. Columns are
/// its keys in the spec's order, spelled snake_case, then its organiser.
struct LineItem: StoredRecord {
    var amount: Int64 = 0
    var attributedLineItemID = ""
    var attributedLineItemType = ""
    var bookerEmailAddress: String?
    var bookerName: String?
    var bookingID = ""
    var bookingType = ""
    var currencyCode = ""
    var eventID = ""
    var eventOccurrenceID = ""
    var eventOccurrenceTitle = ""
    var financialEntryID = ""
    var id = ""
    var incrementalStatus = ""
    var isRefund = false
    var ldtAmount: Int64 = 0
    var lineItemName = ""
    var itemID = ""
    var itemSelectionID = ""
    var lineItemType = ""
    var organizerAmount: Int64 = 0
    var participantID = ""
    var paymentCompletedAt = ""
    var paymentID = ""
    var paymentReference = ""
    var paymentRefundID: String?
    var paymentStatus = ""
    var payoutID: String?
    var quantity: Int64 = 0
    var raceTitle = ""
    var raceID = ""
    var startlistEntryID = ""
    var thirdPartyAmount: Int64 = 0
    var ticketID = ""
    var ticketTitle = ""
    var transactionAt = ""
    var createdAt = EpochMilliseconds(0)
    var updatedAt = EpochMilliseconds(0)
    var organiserID = ""

    static let indexes = DateIndexes(scope: "organiser_id")
    static let keyStyle = JSONKeyStyle.camelCase
    static let table = RecordTable(
        "letsdothis_line_items", of: LineItem.self, primaryKey: ["id"], indexes: [indexes.created, indexes.updated])
    static let view = RecordView<Void>(
        table,
        RecordView.columns(of: table, keys: .camelCase, except: ["organiser_id"],
            formats: DateIndexes.formats))
    static let listSource = ListSource(table, indexes: indexes)

    /// A line item from a seed file: `{"organiserId", "lineItem": body}`.
    static func seeded(_ seed: SeedRecord) throws -> LineItem {
        let body = try seed.unwrapped("lineItem", carrying: ["organiserId"])
        let item = try body.record(LineItem.self)
        guard !item.id.isEmpty, body["createdAt"] != nil, body["updatedAt"] != nil else {
            throw SeedError(file: seed.file, reason: "a line item needs an id, createdAt and updatedAt")
        }
        return item
    }
}

/// `GET /line-items` and `GET /line-items/{id}` (spec §6.18, §6.19).
enum LineItems {
    static func list(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser, _ settings: LetsDoThisSettings) throws -> HTTPResponse {
        let (query, _) = try ListQuery.parse(request.query, extendMetadata: false, settings: settings)
        let owned = SQLFilter("item.organiser_id = ?", organiser.id)
        let collection = PagedCollection(
            view: LineItem.view, source: LineItem.listSource, scope: owned, owned: owned,
            counted: KeptCount(counts: LetsDoThisCounts.lineItemsByOrganiser, name: "records", value: organiser.id))
        return try request.read { try CursorPagination.respond(collection, query, in: $0) }
    }

    static func show(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let body = try request.read {
            try $0.render(LineItem.view, where: "id = ? AND organiser_id = ?", request.parameter("id"), organiser.id)
        }
        return try DataEnvelope.object(body, orThrow: LetsDoThisError.notFound("LineItem"))
    }
}
