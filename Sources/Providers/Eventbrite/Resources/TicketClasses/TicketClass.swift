import Emulation

/// A ticket class of an event (spec §9.9), keyed by event and id: the docs reuse ticket class
/// `12345` under several events (ambiguity A5), and a series parent's ticket classes are copied
/// to its occurrences under the same id. What is sold and what is left are not stored: they
/// follow from the attendees, the tiers and the event's capacity (`EventInventory`).
struct TicketClass: StoredRecord {
    /// When sales end for a series parent's ticket: seconds before the start or end of each date.
    struct SalesEndRelative: Codable, Sendable, Equatable {
        /// `start_time` or `end_time`.
        var relativeToEvent = "start_time"
        var offset: Int64 = 0
    }

    var eventID: Int64 = 0
    var id: Int64 = 0
    var name = ""
    var description: String?
    var currency = "USD"
    /// The price in minor units; 0 for free and donation tickets.
    var costValue: Int64 = 0
    var free = false
    var donation = false
    /// Nil (or 0) means unlimited for donations and tiered tickets.
    var capacity: Int64?
    var hidden = false
    var salesStart: EpochSeconds?
    var salesEnd: EpochSeconds?
    var salesEndRelative: SalesEndRelative?
    /// The ticket class whose selling out starts this one's sales.
    var salesStartAfter: Int64?
    var sorting: Int64 = 0
    var minimumQuantity: Int64 = 1
    var maximumQuantity: Int64?
    var includeFee = false
    var splitFee = false
    var hideDescription = true
    var hideSaleDates = false
    var autoHide = false
    var autoHideBefore: EpochSeconds?
    var autoHideAfter: EpochSeconds?
    var hasPdfTicket = true
    var orderConfirmationMessage: String?
    var salesChannels = ["online", "atd"]
    var deliveryMethods = ["electronic"]
    var inventoryTierID: Int64?
    var imageID: Int64?
    var secondaryAssignmentEnabled = false
    /// `admission`, `add_on` (sold from a tier that does not count against the event's
    /// capacity) or `donation`.
    var category = "admission"
    var isDeleted = false

    static let table = RecordTable(
        "eventbrite_ticket_classes", of: TicketClass.self, primaryKey: ["event_id", "id"],
        constraints: [.references("event_id", "eventbrite_events")])

    /// Whether the ticket class charges money (donations count as free, §10.2).
    static let isPaid = "cost_value > 0 AND NOT donation"

    static let deliveryMethodNames: Set<String> = ["electronic", "will_call", "standard_shipping", "third_party_shipping"]
    static let salesChannelNames: Set<String> = ["online", "atd"]

    var isPaidTicket: Bool { costValue > 0 && !donation }

    /// The ticket class's `variant_id`, and the id of its one ticket variant.
    var variantID: String { "T\(id)" }
}
