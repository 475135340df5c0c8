import Emulation

/// The fields of a `{"discount": {…}}` body (spec §8.5 create and update, and the SDK's event
/// discount create), checked in the order of §3.4: argument errors first, then the endpoint's
/// constants on the discount as it would be after the change.
enum DiscountChanges {
    static let fields: Set<String> = [
        "type", "code", "amount_off", "percent_off", "event_id", "ticket_class_ids", "quantity_available", "start_date",
        "start_date_relative", "end_date", "end_date_relative", "ticket_group_id", "hold_ids",
    ]

    /// Reads and checks the wrapper against the organization's events, ticket classes, groups and
    /// holds, and applies it to `discount` (the stored one, or a new one). `ticketIDsAlias`
    /// accepts the Python SDK's `ticket_ids` for `ticket_class_ids`.
    static func apply(
        _ fields: BodyFields, to discount: inout Discount, creating: Bool, ticketIDsAlias: Bool = false, in database: Database
    ) throws {
        var fields = fields
        fields.rejectUnknown(allowed: ticketIDsAlias ? Self.fields.union(["ticket_ids"]) : Self.fields)
        let organizationID = discount.organizationID
        switch fields.string("type") {
        case .value(let type) where Discount.types.contains(type): discount.type = type
        case .value, .null: fields.invalid("type")
        case .absent: if creating && !ticketIDsAlias { fields.missing("type") }
        }
        switch fields.string("code") {
        case .value(let code) where !code.trimmingWhitespace().isEmpty: discount.code = code
        case .value, .null: fields.missing("code")
        case .absent: if creating { fields.missing("code") }
        }
        discount.amountOff = decimal(&fields, "amount_off", range: 1...9_999_999, current: discount.amountOff)
        discount.percentOff = decimal(&fields, "percent_off", range: 100...10_000, current: discount.percentOff)
        try fields.reference("event_id") {
            try database.queryOne(
                "SELECT 1 FROM eventbrite_events WHERE id = ? AND organization_id = ? AND NOT is_deleted", $0, organizationID) != nil
        }.update(&discount.eventID)
        let ticketKey = ticketIDsAlias && fields.has("ticket_ids") ? "ticket_ids" : "ticket_class_ids"
        switch fields.list(ticketKey) {
        case .value(let values): discount.ticketClassIDs = try ticketClassIDs(values, &fields, ticketKey, event: discount.eventID, database)
        case .null: discount.ticketClassIDs = []
        case .absent: break
        }
        switch fields.integer("quantity_available") {
        case .value(let quantity):
            if quantity >= 0 && quantity <= EventInventory.maximumQuantity {
                discount.quantityAvailable = quantity
            } else {
                fields.invalid("quantity_available")
            }
        case .null: discount.quantityAvailable = 0
        case .absent: break
        }
        discount.startDate = localDate(&fields, "start_date", current: discount.startDate)
        discount.endDate = localDate(&fields, "end_date", current: discount.endDate)
        discount.startDateRelative = relative(&fields, "start_date_relative", current: discount.startDateRelative)
        discount.endDateRelative = relative(&fields, "end_date_relative", current: discount.endDateRelative)
        try fields.reference("ticket_group_id") {
            try database.queryOne(
                "SELECT 1 FROM eventbrite_ticket_groups WHERE id = ? AND organization_id = ? AND status <> 'deleted'", $0, organizationID)
                != nil
        }.update(&discount.ticketGroupID)
        switch fields.list("hold_ids") {
        case .value(let values):
            let ids = values.compactMap(\.stringValue)
            if ids.count == values.count, try ids.allSatisfy({ try holdExists($0, organizationID: organizationID, database) }) {
                discount.holdIDs = ids
            } else {
                fields.invalid("hold_ids")
            }
        case .null: discount.holdIDs = nil
        case .absent: break
        }
        // One discount covers an event or a ticket group, not both.
        if discount.eventID != nil && discount.ticketGroupID != nil { fields.invalid("ticket_group_id") }
        if !discount.code.isEmpty && !validCode(discount.code, public: discount.type == "public") { fields.invalid("code") }
        try fields.check()
    }

    /// The constants of §8.5, on the discount as it would be after the change.
    static func checkRules(_ discount: Discount, previous: Discount?, in database: Database) throws {
        if discount.amountOff != nil && discount.percentOff != nil {
            throw EventbriteError.rule(
                "AMOUNT_AND_PERCENT_OFF_PROVIDED", "Cannot provide discount.amount_off and discount.percent_off at the same time.")
        }
        if discount.endDate != nil && discount.endDateRelative != nil {
            throw EventbriteError.rule(
                "END_DATE_AND_END_DATE_RELATIVE_PROVIDED",
                "Cannot provide discount.end_date and discount.end_date_relative at the same time.")
        }
        if discount.startDate != nil && discount.startDateRelative != nil {
            throw EventbriteError.rule(
                "START_DATE_AND_START_DATE_RELATIVE_PROVIDED",
                "Cannot provide discount.start_date and discount.start_date_relative at the same time.")
        }
        if discount.type == "public" && discount.ticketGroupID != nil {
            throw EventbriteError.rule("PUBLIC_DISCOUNT_NOT_SUPPORTED", "Public discounts cannot apply to a ticket group.")
        }
        if discount.type == "public" && discount.eventID == nil {
            throw EventbriteError.rule(
                "MULTI_EVENT_DISCOUNT_NOT_SUPPORTED", "Creating Public, Cross-Event Discounts is forbidden at this time.")
        }
        if let previous, previous.type != discount.type, try quantitySold(previous.id, database) > 0 {
            throw ArgumentErrors.single("discount.type", ArgumentErrors.Code.invalid)
        }
        for hold in discount.holdIDs ?? [] where !(previous?.holdIDs ?? []).contains(hold) {
            let count = try database.queryOne(
                """
                SELECT COUNT(*) AS n FROM eventbrite_discounts d, json_each(d.hold_ids) h
                WHERE d.organization_id = ? AND NOT d.is_deleted AND d.id <> ? AND h.value = ?
                """, discount.organizationID, discount.id, hold)?.int("n") ?? 0
            if count >= 100 {
                throw EventbriteError.rule(
                    "EXCEED_MAXIMUM_DISCOUNTS_PER_HOLD", "Number of discounts per hold cannot exceed 100")
            }
        }
        // A code is unique within its event, or among the organization's discounts without one.
        let duplicate = try database.queryOne(
            """
            SELECT 1 FROM eventbrite_discounts WHERE organization_id = ? AND NOT is_deleted AND id <> ?
            AND code = ? COLLATE NOCASE AND event_id IS ?
            """, discount.organizationID, discount.id, discount.code, discount.eventID)
        if duplicate != nil { throw EventbriteError.alreadyExists }
    }

    static func quantitySold(_ id: Int64, _ database: Database) throws -> Int {
        try database.queryOne(
            "SELECT COUNT(*) AS n FROM eventbrite_orders WHERE discount_id = ? AND status = 'placed'", id)?.int("n") ?? 0
    }

    // MARK: Field readers

    /// A decimal with at most two decimals, as a string or a number, within `range` hundredths;
    /// written back with two decimals.
    private static func decimal(_ fields: inout BodyFields, _ key: String, range: ClosedRange<Int64>, current: String?) -> String? {
        guard let value = fields.object[key] else { return current }
        let text: String?
        switch value {
        case .null: return nil
        case .string(let string): text = string
        case .int(let number): text = String(number)
        case .double(let number) where number.isFinite: text = String(number)
        default: text = nil
        }
        guard let text, let hundredths = DecimalAmount.parse(text), range.contains(hundredths) else {
            fields.invalid(key)
            return current
        }
        return DecimalAmount.text(hundredths)
    }

    private static func localDate(_ fields: inout BodyFields, _ key: String, current: String?) -> String? {
        switch fields.string(key) {
        case .value(let text) where text.isEmpty: return nil
        case .value(let text):
            let trimmed = text.hasSuffix("Z") ? String(text.dropLast()) : text
            guard trimmed.count == 19, Timestamp.parse(trimmed + "Z") != nil else {
                fields.invalid(key)
                return current
            }
            return trimmed
        case .null: return nil
        case .absent: return current
        }
    }

    /// Seconds before the event starts: more than 59 and a multiple of 60 (§8.5).
    private static func relative(_ fields: inout BodyFields, _ key: String, current: Int64?) -> Int64? {
        switch fields.integer(key) {
        case .value(let seconds) where seconds > 59 && seconds % 60 == 0: return seconds
        case .value:
            fields.invalid(key)
            return current
        case .null: return nil
        case .absent: return current
        }
    }

    private static func ticketClassIDs(
        _ values: [JSONValue], _ fields: inout BodyFields, _ key: String, event: Int64?, _ database: Database
    ) throws -> [String] {
        let ids = values.compactMap(EventbriteID.parse)
        guard ids.count == values.count else {
            fields.invalid(key)
            return []
        }
        guard !ids.isEmpty else { return [] }
        // Ticket classes narrow an event discount, so they need the event and must be its own.
        guard let event else {
            fields.invalid(key)
            return []
        }
        for id in ids
        where try database.queryOne(
            "SELECT 1 FROM eventbrite_ticket_classes WHERE event_id = ? AND id = ? AND NOT is_deleted", event, id) == nil
        {
            fields.invalid(key)
            return []
        }
        return ids.map(String.init)
    }

    private static func holdExists(_ id: String, organizationID: Int64, _ database: Database) throws -> Bool {
        guard Hold.isWellFormed(id) else { return false }
        return try database.queryOne(
            """
            SELECT 1 FROM eventbrite_holds h JOIN eventbrite_events e ON e.id = h.event_id
            WHERE h.id = ? AND NOT h.is_deleted AND e.organization_id = ? LIMIT 1
            """, id, organizationID) != nil
    }

    /// Public discounts allow letters, digits, `-`, `_`, space, `(`, `)` and `/`; codes the same
    /// but the space (§8.5 notes).
    static func validCode(_ code: String, public: Bool) -> Bool {
        code.allSatisfy { character in
            character.isLetter || character.isNumber || "-_()/".contains(character) || (`public` && character == " ")
        }
    }
}
