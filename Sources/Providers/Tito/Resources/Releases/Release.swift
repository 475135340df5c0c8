import Emulation

/// A release (ticket type) as stored (spec §12.9). Counters and flags are derived on every read
/// from the tickets the token sees (§13.4). The less used settings default to the value the
/// seed's list example shows; a create stores a few of them explicitly (`applyCreateDefaults`).
struct Release: PositionedRecord, SluggedRecord {
    var id: Int64 = 0
    var eventID: Int64 = 0
    var slug = ""
    var title = ""
    var description: String?
    /// 0-based, counting the event's releases.
    var position: Int64 = 0
    var archived = false
    var offSale = false
    var secret = false
    /// Nil for unlimited.
    var quantity: Int64?
    var price: Int64?
    var pricingType = "free"
    var startAt: Int64?
    var endAt: Int64?
    var lockChanges: Bool?
    var requireEmail = false
    var requireName = false
    var waitingListEnabledDuringSoldOut = false
    var successMessage: String?
    var questionIDs: [Int64] = []
    var metadata: JSONValue?
    var cardPayments: Bool? = true
    var defaultQuantity: Int64?
    var enableSuperComboSummary: Bool? = true
    var invoice: Bool?
    var maxDonation: Int64?
    var maxTicketsPerPerson: Int64?
    var minTicketsPerPerson: Int64?
    var minDonation: Int64?
    var notATicket: Bool? = false
    var showQrCode: Bool? = true
    var onlyIssueCombos: Bool? = false
    var taxExclusive: Bool? = false
    /// Comma-separated prices, `"100, 75, 25"`.
    var priceDegressive: String?
    var requestCompanyName: Bool?
    var requestVatNumber: Bool?
    var requireVatNumber: Bool? = false
    var requireBillingAddress: Bool?
    var requireCreditCardForSoldOutWaitingList: Bool? = false
    var showPrice: Bool?
    var suggestedDonation: Int64?
    var waitingListEnabledDuringLocked: Bool? = false
    var requireCompanyName: Bool? = false
    var showDiscountCodeFieldHere: Bool?
    var termsetID: Int64?
    var ticketGroupID: Int64?
    var failMessage: String?
    var translations: JSONValue?
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    static let table = RecordTable(
        "tito_releases", of: Release.self,
        constraints: [.references("event_id", "tito_events"), .unique(["event_id", "slug"])],
        indexes: ["event_id, position, id"])
    static let wrapper = "release"
    static let pathParameter = "release_slug"

    static let pricingTypes: Set<String> = ["free", "paid", "donation", "degressive"]

    /// The settings a create stores explicitly: the docs' create example differs from the list's defaults.
    mutating func applyCreateDefaults() {
        offSale = true
        requireEmail = true
        metadata = .object(JSONObject())
        invoice = false
        defaultQuantity = 0
        showPrice = true
        requireVatNumber = false
        requireCreditCardForSoldOutWaitingList = false
        notATicket = false
    }

    static func find(id: Int64, event: Int64, in database: Database) throws -> Release? {
        try database.fetchOne(Release.self, where: "event_id = ? AND id = ?", event, id)
    }

    /// A release named by an input value: an id (number or numeric string) or a slug.
    static func find(reference: JSONValue, event: Int64, in database: Database) throws -> Release? {
        if let id = reference.intValue { return try find(id: id, event: event, in: database) }
        guard let text = reference.stringValue, !text.isBlank else { return nil }
        return try SlugOrID.find(Release.self, text.trimmingWhitespace(), parent: "event_id", event, in: database)
    }

    /// All releases of an event in position order.
    static func all(event: Int64, in database: Database) throws -> [Release] {
        try database.fetchAll(Release.self, where: "event_id = ?", orderBy: "position, id", event)
    }

    /// A slug a client chooses: not blank, and no `/`.
    static func isWellFormed(_ slug: String) -> Bool { !slug.isBlank && !slug.contains("/") }

    /// Whether another release of the event uses `slug`.
    func isTaken(_ slug: String, in database: Database) throws -> Bool {
        try database.queryOne("SELECT 1 FROM tito_releases WHERE event_id = ? AND slug = ? AND id != ?", eventID, slug, id) != nil
    }

    /// The price of the first step of a degressive price list, in hundredths.
    var firstDegressivePrice: Int64? {
        guard let priceDegressive, let first = priceDegressive.split(separator: ",").first else { return nil }
        return TitoFormats.cents(.string(String(first)))
    }

    /// `"100, 75, 25"` → `["100.0", "75.0", "25.0"]`.
    static func degressivePrices(_ text: String) -> [String] {
        text.split(separator: ",").compactMap { TitoFormats.cents(.string(String($0))) }.map(TitoFormats.money(cents:))
    }
}
