import Emulation

/// The fields of a `{"ticket_class": {…}}` body (spec §8.12 create and update), read in the
/// order of §3.4: argument errors (`MISSING`, `INVALID`, `Unknown parameter`) first, then the
/// endpoint's own constants (`TicketClassRules`). Only fields the body names are set.
struct TicketClassChanges {
    static let fields: Set<String> = [
        "name", "description", "sorting", "capacity", "quantity_total", "cost", "donation", "free", "include_fee", "split_fee",
        "hide_description", "hide_sale_dates", "sales_channels", "sales_start", "sales_end", "sales_end_relative",
        "sales_start_after", "minimum_quantity", "maximum_quantity", "auto_hide", "auto_hide_before", "auto_hide_after",
        "has_pdf_ticket", "hidden", "order_confirmation_message", "delivery_methods", "inventory_tier_id", "image_id",
        "secondary_assignment_enabled",
        // Not in the create fields, but INVALID_EVENT_ID speaks of a ticket naming another event.
        "event_id",
    ]
    /// The boolean fields.
    static let flagNames = [
        "donation", "free", "include_fee", "split_fee", "hide_description", "hide_sale_dates", "auto_hide", "has_pdf_ticket",
        "hidden", "secondary_assignment_enabled",
    ]

    var name: String?
    var description: Provided<String> = .absent
    var sorting: Int64?
    var capacity: Provided<Int64> = .absent
    var cost: Provided<Money> = .absent
    var flags: [String: Bool] = [:]
    var salesChannels: [String]?
    var deliveryMethods: [String]?
    var salesStart: Provided<Int64> = .absent
    var salesEnd: Provided<Int64> = .absent
    var salesEndRelative: Provided<TicketClass.SalesEndRelative> = .absent
    var salesStartAfter: Provided<Int64> = .absent
    var autoHideBefore: Provided<Int64> = .absent
    var autoHideAfter: Provided<Int64> = .absent
    var minimumQuantity: Int64?
    var maximumQuantity: Provided<Int64> = .absent
    var orderConfirmationMessage: Provided<String> = .absent
    var inventoryTierID: Provided<Int64> = .absent
    var imageID: Provided<Int64> = .absent
    var eventID: Int64?

    /// Reads the wrapper; `creating` makes `name` required (A33). Ids that must exist (image,
    /// tier, `sales_start_after`) are checked against `event`'s records.
    init(_ fields: BodyFields, creating: Bool, event: Event, in database: Database) throws {
        var fields = fields
        fields.rejectUnknown(allowed: Self.fields)
        switch fields.string("name") {
        case .value(let text) where !text.trimmingWhitespace().isEmpty: name = text
        case .value, .null: fields.missing("name")
        case .absent: if creating && !fields.has("name") { fields.missing("name") }
        }
        description = fields.string("description")
        sorting = Self.count(&fields, "sorting", minimum: 0).value
        // `quantity_total` is the deprecated spelling of `capacity`; `capacity` wins.
        let capacityKey = fields.has("capacity") ? "capacity" : "quantity_total"
        capacity = Self.count(&fields, capacityKey, minimum: 0)
        cost = fields.money("cost")
        if case .value(let money) = cost, money.value > FeeSchedule.maximumPrice {
            fields.invalid("cost")
            cost = .absent
        }
        for flag in Self.flagNames { if let value = fields.bool(flag).value { flags[flag] = value } }
        salesChannels = Self.names(&fields, "sales_channels", allowed: TicketClass.salesChannelNames)
        // Unknown delivery methods are an endpoint constant (INVALID_DELIVERY_METHOD), not an argument error.
        if case .value(let values) = fields.list("delivery_methods") {
            deliveryMethods = values.map { $0.stringValue ?? "" }
        }
        salesStart = Self.utc(&fields, "sales_start")
        salesEnd = Self.utc(&fields, "sales_end")
        autoHideBefore = Self.utc(&fields, "auto_hide_before")
        autoHideAfter = Self.utc(&fields, "auto_hide_after")
        salesEndRelative = Self.relativeEnd(&fields)
        minimumQuantity = Self.count(&fields, "minimum_quantity", minimum: 0).value
        maximumQuantity = Self.count(&fields, "maximum_quantity", minimum: 1)
        orderConfirmationMessage = fields.string("order_confirmation_message")
        salesStartAfter = fields.id("sales_start_after")
        if case .value(let id) = salesStartAfter,
            try database.queryOne(
                "SELECT 1 FROM eventbrite_ticket_classes WHERE event_id = ? AND id = ? AND NOT is_deleted", event.id, id) == nil
        {
            fields.invalid("sales_start_after")
        }
        inventoryTierID = fields.id("inventory_tier_id")
        imageID = fields.id("image_id")
        if case .value(let id) = imageID,
            try !Image.isUsable(id, byOrganization: event.organizationID, in: database)
        {
            fields.invalid("image_id")
        }
        switch fields.id("event_id") {
        case .value(let id): eventID = id
        case .null: fields.invalid("event_id")
        case .absent: break
        }
        try fields.check()
    }

    private static func count(_ fields: inout BodyFields, _ key: String, minimum: Int64) -> Provided<Int64> {
        let value = fields.integer(key)
        if case .value(let number) = value, number < minimum || number > EventInventory.maximumQuantity {
            fields.invalid(key)
            return .absent
        }
        return value
    }

    private static func utc(_ fields: inout BodyFields, _ key: String) -> Provided<Int64> {
        switch fields.string(key) {
        case .value(let text):
            if text.isEmpty { return .null }
            guard let date = Timestamp.parse(text) else {
                fields.invalid(key)
                return .absent
            }
            return .value(EpochSeconds(date).value)
        case .null: return .null
        case .absent: return .absent
        }
    }

    private static func names(_ fields: inout BodyFields, _ key: String, allowed: Set<String>) -> [String]? {
        guard case .value(let values) = fields.list(key) else { return nil }
        let names = values.compactMap(\.stringValue)
        guard names.count == values.count, !names.isEmpty, names.allSatisfy(allowed.contains) else {
            fields.invalid(key)
            return nil
        }
        return names
    }

    private static func relativeEnd(_ fields: inout BodyFields) -> Provided<TicketClass.SalesEndRelative> {
        switch fields.object("sales_end_relative") {
        case .value(var nested):
            nested.rejectUnknown(allowed: ["relative_to_event", "offset"])
            var relative = TicketClass.SalesEndRelative()
            switch nested.string("relative_to_event") {
            case .value(let anchor) where ["start_time", "end_time"].contains(anchor): relative.relativeToEvent = anchor
            case .value: nested.invalid("relative_to_event")
            case .null, .absent: nested.missing("relative_to_event")
            }
            switch nested.integer("offset") {
            case .value(let offset) where offset >= 0: relative.offset = offset
            case .value: nested.invalid("offset")
            case .null, .absent: nested.missing("offset")
            }
            fields.absorb(nested)
            return .value(relative)
        case .null: return .null
        case .absent: return .absent
        }
    }

    func flag(_ name: String) -> Bool? { flags[name] }

    /// Applies the changes to `ticketClass` (a new one's defaults, or the stored one).
    func apply(to ticketClass: inout TicketClass) {
        if let name { ticketClass.name = name }
        description.update(&ticketClass.description)
        if let sorting { ticketClass.sorting = sorting }
        capacity.update(&ticketClass.capacity)
        switch cost {
        case .value(let money):
            ticketClass.costValue = money.value
            ticketClass.currency = money.currency
        case .null: ticketClass.costValue = 0
        case .absent: break
        }
        if let value = flag("donation") { ticketClass.donation = value }
        if let value = flag("free") { ticketClass.free = value }
        if let value = flag("include_fee") { ticketClass.includeFee = value }
        if let value = flag("split_fee") { ticketClass.splitFee = value }
        if let value = flag("hide_description") { ticketClass.hideDescription = value }
        if let value = flag("hide_sale_dates") { ticketClass.hideSaleDates = value }
        if let value = flag("auto_hide") { ticketClass.autoHide = value }
        if let value = flag("has_pdf_ticket") { ticketClass.hasPdfTicket = value }
        if let value = flag("hidden") { ticketClass.hidden = value }
        if let value = flag("secondary_assignment_enabled") { ticketClass.secondaryAssignmentEnabled = value }
        if let salesChannels { ticketClass.salesChannels = salesChannels }
        if let deliveryMethods { ticketClass.deliveryMethods = deliveryMethods }
        salesStart.map(EpochSeconds.init).update(&ticketClass.salesStart)
        salesEnd.map(EpochSeconds.init).update(&ticketClass.salesEnd)
        salesEndRelative.update(&ticketClass.salesEndRelative)
        salesStartAfter.update(&ticketClass.salesStartAfter)
        autoHideBefore.map(EpochSeconds.init).update(&ticketClass.autoHideBefore)
        autoHideAfter.map(EpochSeconds.init).update(&ticketClass.autoHideAfter)
        if let minimumQuantity { ticketClass.minimumQuantity = minimumQuantity }
        maximumQuantity.update(&ticketClass.maximumQuantity)
        orderConfirmationMessage.update(&ticketClass.orderConfirmationMessage)
        inventoryTierID.update(&ticketClass.inventoryTierID)
        imageID.update(&ticketClass.imageID)
    }
}
