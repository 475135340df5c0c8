import Crypto
import Emulation

/// The EventWrite body (spec §5.2 E05/E08/E10) applied to an event: every field a create
/// requires must be there, an update takes any subset (following [RAML]'s `event_patch.json`).
/// Read-only fields (`id`, `vendor_name`, `voucher_checkout_url`, `first_date`, `commission`)
/// are ignored, so the seed's samples — placeholder `first_date` included — replay verbatim.
/// Fields are checked in the schema's order; the first problem is the answer.
struct EventDraft {
    let fields: BodyFields
    let creating: Bool
    /// The prices the body sends, to write once the event row exists.
    private(set) var prices: [PriceInput]?
    /// The category paths the body assigns.
    private(set) var categoryIDs: [Int64]?
    var vendorID: String?

    struct PriceInput {
        let id: Int64?
        let title: String
        let value: Amount
        let currency: String
        let category: String
        let vat: Amount
        let entryUnits: JSONValue
        let isPublic: Int64
    }

    static let priceCategories = ["Adult", "Senior", "Youth", "Child", "Infant", "Student", "Group", "Other"]

    init(_ fields: BodyFields, creating: Bool) {
        self.fields = fields
        self.creating = creating
    }

    /// Reads the body into `event`; `vendorID` is what the body names.
    mutating func apply(to event: inout EventRecord) throws {
        func string(_ key: String, _ path: WritableKeyPath<EventRecord, String>, required: Bool = false, maxLength: Int? = nil) throws {
            if let text = try fields.string(key, maxLength: maxLength) {
                event[keyPath: path] = text
            } else if required && creating {
                throw fields.required(key)
            }
        }
        func integer(_ key: String, _ path: WritableKeyPath<EventRecord, Int64>, required: Bool = false, minimum: Int64? = 0) throws {
            if let number = try fields.integer(key, minimum: minimum, lenient: true) {
                event[keyPath: path] = number
            } else if required && creating {
                throw fields.required(key)
            }
        }
        func coordinate(_ key: String, _ path: WritableKeyPath<EventRecord, String>) throws {
            if let text = try fields.coordinate(key) {
                event[keyPath: path] = text
            } else if creating {
                throw fields.required(key)
            }
        }
        if let active = try fields.integer("active", minimum: 0, maximum: 1, lenient: true) { event.active = active }
        if let root = try fields.string("root_event_id") { event.rootEventID = root }
        try string("title", \.title, required: true, maxLength: 255)
        try string("description", \.description, required: true)
        if let type = try fields.oneOf("type", ["BOOKING", "REQUEST"]) { event.type = type }
        try integer("duration", \.duration, required: true)
        try integer("pre_time", \.preTime)
        try integer("max_participants", \.maxParticipants, required: true)
        try string("timezone", \.timezone)
        try string("location", \.location, required: true)
        try string("location_place_id", \.locationPlaceID)
        try coordinate("location_lng", \.locationLng)
        try coordinate("location_lat", \.locationLat)
        try string("meeting_location", \.meetingLocation, required: true)
        try coordinate("meeting_location_lng", \.meetingLocationLng)
        try coordinate("meeting_location_lat", \.meetingLocationLat)
        try string("meeting_location_place_id", \.meetingLocationPlaceID)
        vendorID = try fields.string("vendor_id")
        if creating && (vendorID ?? "").isEmpty { throw fields.required("vendor_id") }
        try string("bring", \.bring)
        try string("advice", \.advice)
        try string("hint", \.hint)
        try string("participant_hint", \.participantHint)
        try string("youtubeVideoId", \.youtubeVideoID)
        if let images = try strings("images", unique: true, minimum: 1) {
            event.images = images.map { Self.imageURL($0, vendor: vendorID ?? event.vendorID) }
        } else if creating {
            throw fields.required("images")
        }
        if let highlights = try strings("highlights", unique: true, maximum: 10) { event.highlights = highlights }
        categoryIDs = try categories()
        if creating && categoryIDs == nil { throw fields.required("categories") }
        prices = try readPrices()
        if creating && prices == nil { throw fields.required("prices") }
        if let tags = try tags() { event.tags = tags }
        try integer("min_participants", \.minParticipants)
        try integer("latest_booking_time", \.latestBookingTime, minimum: nil)
    }

    /// An image is kept when it is a URL; base64 data becomes the URL bookingkit would serve it
    /// from (§7.5).
    static func imageURL(_ image: String, vendor: String) -> String {
        if image.hasPrefix("http://") || image.hasPrefix("https://") { return image }
        let digest = Insecure.SHA1.hash(data: Array(image.utf8)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        return "https://app.bookingkit.de/images/vendors/\(vendor)/detail/\(digest.prefix(12)).jpg"
    }

    private func strings(_ key: String, unique: Bool, minimum: Int = 0, maximum: Int? = nil) throws -> [String]? {
        guard let elements = try fields.array(key) else { return nil }
        let texts = try elements.map { element -> String in
            guard let text = element.stringValue else {
                throw BookingkitError.invalidProperty("The property \"\(fields.name(key))\" must contain strings only")
            }
            return text
        }
        if texts.count < minimum {
            throw BookingkitError.invalidProperty("The property \"\(fields.name(key))\" must contain at least \(minimum) item")
        }
        if let maximum, texts.count > maximum {
            throw BookingkitError.invalidProperty("The property \"\(fields.name(key))\" must contain at most \(maximum) items")
        }
        if unique && Set(texts).count != texts.count {
            throw BookingkitError.invalidProperty("The property \"\(fields.name(key))\" must contain unique items")
        }
        return texts
    }

    /// `[{"id": 351, "title": …}, …]` (or bare ids): the ids assigned.
    private func categories() throws -> [Int64]? {
        guard let elements = try fields.array("categories") else { return nil }
        return try elements.enumerated().map { index, element in
            if let id = element.intValue { return id }
            guard let id = element["id"]?.intValue else { throw BookingkitError.invalidProperty("The property \"categories[\(index)].id\" is required") }
            return id
        }
    }

    private func readPrices() throws -> [PriceInput]? {
        guard let items = try fields.objects("prices") else { return nil }
        return try items.map { item in
            PriceInput(
                id: try item.integer("id"), title: try item.requiredString("title"), value: try item.requiredAmount("value"),
                currency: try requiredCode(item, "currency", length: 3),
                category: try item.oneOf("category", Self.priceCategories) ?? "Adult", vat: try item.amount("vat") ?? .zero,
                entryUnits: try entryUnits(item), isPublic: try item.integer("public", minimum: 0, maximum: 1, lenient: true) ?? 1)
        }
    }

    private func requiredCode(_ item: BodyFields, _ key: String, length: Int) throws -> String {
        guard let code = try item.code(key, length: length) else { throw item.required(key) }
        return code
    }

    private func entryUnits(_ item: BodyFields) throws -> JSONValue {
        guard let units = try item.objects("entry_units") else { return [["type": "ADULT"]] }
        return .array(try units.map { unit in ["type": .string(try unit.requiredString("type"))] })
    }

    private func tags() throws -> JSONValue? {
        guard let items = try fields.objects("tags") else { return nil }
        return .array(try items.map { tag in
            let values = try tag.array("values")?.enumerated().map { index, value -> JSONValue in
                guard value.stringValue != nil else { throw tag.wrongType("values[\(index)]", "string") }
                return value
            } ?? []
            return ["title": .string(try tag.requiredString("title")), "values": .array(values)]
        })
    }

    /// Writes the body's prices for `event`: a price with the id of one of the event's keeps it
    /// and changes; others get new ids (from 10000, §6.1); the event's prices the body leaves out
    /// go (§5.2 E10).
    func writePrices(of eventID: String, in database: Database) throws {
        guard let prices else { return }
        var kept: [Int64] = []
        for input in prices {
            var price = PriceRecord()
            if let id = input.id, try database.fetchOne(PriceRecord.self, where: "id = ? AND event_id = ?", id, eventID) != nil {
                price.id = id
            } else {
                price.id = try PriceIDs.next(in: database)
            }
            price.eventID = eventID
            price.title = input.title
            price.value = input.value
            price.currency = input.currency
            price.`public` = input.isPublic
            price.category = input.category
            price.vat = input.vat
            price.entryUnits = input.entryUnits
            if kept.contains(price.id) { continue }
            if input.id == price.id { try database.update(price) } else { try database.insert(price) }
            kept.append(price.id)
        }
        try database.run(
            "DELETE FROM bookingkit_prices WHERE event_id = ? AND id NOT IN (SELECT value FROM json_each(?))", eventID,
            JSONWriter.string(.array(kept.map(JSONValue.int))))
    }

    /// Resolves and stores the categories the body assigned (`Category "…" not found`, §4.2).
    func writeCategories(to event: inout EventRecord, in database: Database) throws {
        guard let categoryIDs else { return }
        let paths = try EventCategories.paths(categoryIDs, in: database) { id in
            BookingkitError.businessRule("Category \"\(id)\" not found")
        }
        EventCategories.assign(paths, to: &event)
    }
}

/// Ids of new prices: integers from 10000 on (§6.1), skipping any id a price already has.
enum PriceIDs {
    static let sequence = "bookingkit.prices"

    /// Where the seed leaves the sequence.
    static func start(in database: Database) throws {
        try database.ids.start(sequence, at: 10_000)
    }

    static func next(in database: Database) throws -> Int64 {
        try database.ids.integer(sequence) { id in try database.fetchOne(PriceRecord.self, where: "id = ?", id) != nil }
    }
}
