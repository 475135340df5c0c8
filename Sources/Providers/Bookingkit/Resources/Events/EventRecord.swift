import Emulation

/// An event (spec §6.3). One bookable experience is several records (§7.2): its main event,
/// further durations of it (`kind` duration, `main_event_id` the main one) and pricelist
/// children (`kind` pricelist, `root_event_id` the parent), each with its own price group.
/// Dates belong to main and duration events only. Prices are `PriceRecord`s; `categories` is the
/// resolved path of each assigned category (they never change), and `EventCategoryRecord` indexes
/// every id of those paths for the category filters.
struct EventRecord: StoredRecord {
    enum Kind: String, ColumnCodable {
        case main, duration, pricelist
    }

    var id = ""
    var vendorID = ""
    var kind = Kind.main
    var mainEventID = ""
    var rootEventID = ""
    var priceGroupID = ""
    var priceGroupName = "Standard prices"
    var active: Int64 = 1
    var title = ""
    var description = ""
    var type = "BOOKING"
    var duration: Int64 = 0
    var preTime: Int64 = 0
    var maxParticipants: Int64 = 0
    var timezone = "Europe/Berlin"
    var location = ""
    var locationPlaceID = ""
    var locationLng = ""
    var locationLat = ""
    var meetingLocation = ""
    var meetingLocationLng = ""
    var meetingLocationLat = ""
    var meetingLocationPlaceID = ""
    var bring = ""
    var advice = ""
    var hint = ""
    var participantHint = ""
    var youtubeVideoID = ""
    var voucherCheckoutURL = ""
    var images: [String] = []
    var highlights: [String] = []
    /// `[{"id": 351, "title": "…"}, …]`, as rendered.
    var categories: JSONValue = []
    /// The id of the last category of `categories` (`order=category_id`, §3.2).
    var deepestCategoryID: Int64?
    var tags: JSONValue = []
    var minParticipants: Int64 = 0
    var latestBookingTime: Int64 = 0
    var updatedAt = DateTime(seconds: 0)

    static let table = RecordTable(
        "bookingkit_events", of: EventRecord.self,
        constraints: [.references("vendor_id", "bookingkit_vendors")],
        indexes: ["vendor_id", "root_event_id", "main_event_id", "updated_at"])
}
