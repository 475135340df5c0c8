import Emulation

/// A release's stored columns while it is created or changed (spec §11.12 L3, L4).
struct ReleaseDraft {
    var id: Int64 = 0
    var eventID: Int64
    var slug = ""
    var title = ""
    var description: String?
    var position: Int64 = 0
    var archived = false
    var offSale = true
    var secret = false
    var quantity: Int64?
    var price: Int64?
    var pricingType: String?
    var startAt: Int64?
    var endAt: Int64?
    var lockChanges: Bool?
    var requireEmail = true
    var requireName = false
    var waitingListDuringSoldOut = false
    var successMessage: String?
    var questionIDs: [Int64] = []
    var metadata: String? = "{}"
    var attributes = JSONObject()
    var createdAt: Int64
    var updatedAt: Int64

    /// Settings a create stores explicitly: the seed's create example differs from the list defaults.
    static let createDefaults: [(String, JSONValue)] = [
        ("invoice", false), ("default_quantity", 0), ("show_price", true), ("require_vat_number", false),
        ("require_credit_card_for_sold_out_waiting_list", false), ("not_a_ticket", false),
    ]

    static let booleanAttributes = [
        "card_payments", "enable_super_combo_summary", "invoice", "not_a_ticket", "request_company_name",
        "request_vat_number", "require_billing_address", "require_company_name",
        "require_credit_card_for_sold_out_waiting_list", "show_price", "waiting_list_enabled_during_locked",
        "show_discount_code_field_here",
    ]
    static let integerAttributes = [
        "default_quantity", "max_tickets_per_person", "min_tickets_per_person", "termset_id", "ticket_group_id",
    ]
    static let decimalAttributes = ["max_donation", "min_donation", "suggested_donation"]
    static let pricingTypes: Set<String> = ["free", "paid", "donation", "degressive"]

    init(eventID: Int64, now: Int64) {
        self.eventID = eventID
        createdAt = now
        updatedAt = now
        for (key, value) in Self.createDefaults { attributes[key] = value }
    }

    init(_ release: ReleaseRecord) {
        id = release.id
        eventID = release.eventID
        slug = release.slug
        title = release.title
        description = release.description
        position = release.position
        archived = release.archived
        offSale = release.offSale
        secret = release.secret
        quantity = release.quantity
        price = release.price
        pricingType = release.pricingType
        startAt = release.startAt
        endAt = release.endAt
        lockChanges = release.lockChanges
        requireEmail = release.requireEmail
        requireName = release.requireName
        waitingListDuringSoldOut = release.waitingListDuringSoldOut
        successMessage = release.successMessage
        questionIDs = release.questionIDs
        metadata = release.metadata
        attributes = release.attributes
        createdAt = release.createdAt
        updatedAt = release.updatedAt
    }

    /// Applies an L3/L4 body; returns the slug the client asked for, if any.
    mutating func apply(_ input: Attributes, isCreate: Bool, errors: inout ValidationErrors, in database: Database) throws -> String? {
        switch input.string("title") {
        case .value(let text): title = text.trimmingWhitespace()
        case .null, .invalid: title = ""
        case .absent: break
        }
        if (isCreate || input.has("title")) && title.isBlank { errors.add("title", ValidationErrors.blank) }
        text(input, "description", into: &description)
        text(input, "success_message", into: &successMessage)
        flag(input, "secret", into: &secret, errors: &errors)
        flag(input, "require_email", into: &requireEmail, errors: &errors)
        flag(input, "require_name", into: &requireName, errors: &errors)
        flag(input, "waiting_list_enabled_during_sold_out", into: &waitingListDuringSoldOut, errors: &errors)
        switch input.bool("lock_changes") {
        case .value(let flag): lockChanges = flag
        case .null: lockChanges = nil
        case .invalid: errors.add("lock_changes", ValidationErrors.notIncluded)
        case .absent: break
        }
        for key in Self.booleanAttributes {
            switch input.bool(key) {
            case .value(let flag): attributes[key] = .bool(flag)
            case .null: attributes[key] = .null
            case .invalid: errors.add(key, ValidationErrors.notIncluded)
            case .absent: break
            }
        }
        switch input.int("quantity") {
        case .value(let number) where number < 0: errors.add("quantity", ValidationErrors.negative)
        case .value(let number): quantity = number
        case .null: quantity = nil
        case .invalid: errors.add("quantity", ValidationErrors.notANumber)
        case .absent: break
        }
        for key in Self.integerAttributes {
            switch input.int(key) {
            case .value(let number) where number < 0: errors.add(key, ValidationErrors.negative)
            case .value(let number): attributes[key] = .int(number)
            case .null: attributes[key] = .null
            case .invalid: errors.add(key, ValidationErrors.notANumber)
            case .absent: break
            }
        }
        let priceChanged = input.has("price")
        switch input.cents("price") {
        case .value(let cents) where cents < 0: errors.add("price", ValidationErrors.negative)
        case .value(let cents): price = cents
        case .null: price = nil
        case .invalid: errors.add("price", ValidationErrors.notANumber)
        case .absent: break
        }
        for key in Self.decimalAttributes {
            switch input.cents(key) {
            case .value(let cents) where cents < 0: errors.add(key, ValidationErrors.negative)
            case .value(let cents): attributes[key] = .string(TitoFormats.money(cents: cents))
            case .null: attributes[key] = .null
            case .invalid: errors.add(key, ValidationErrors.notANumber)
            case .absent: break
            }
        }
        switch input.string("price_degressive") {
        case .value(let text): attributes["price_degressive"] = .string(text)
        case .null: attributes["price_degressive"] = .null
        default: break
        }
        // `payment_type` is the deprecated name of `pricing_type`; the current name wins.
        let pricingKey = input.has("pricing_type") ? "pricing_type" : "payment_type"
        switch input.string(pricingKey) {
        case .value(let type) where Self.pricingTypes.contains(type): pricingType = type
        case .absent: if isCreate || (priceChanged && (pricingType == "free" || pricingType == "paid")) { pricingType = nil }
        default: errors.add(pricingKey, ValidationErrors.notIncluded)
        }
        if pricingType == nil { pricingType = (price ?? 0) > 0 ? "paid" : "free" }
        if let state = input["state"] {
            switch state {
            case .int(100), .string("100"), .string("on_sale"): offSale = false
            case .int(404), .string("404"), .string("off_sale"): offSale = true
            default: errors.add("state", ValidationErrors.notIncluded)
            }
        }
        for (key, keyPath) in [("start_at", \ReleaseDraft.startAt), ("end_at", \ReleaseDraft.endAt)] {
            switch input.timestamp(key) {
            case .value(let milliseconds): self[keyPath: keyPath] = milliseconds
            case .null: self[keyPath: keyPath] = nil
            case .invalid: errors.add(key, ValidationErrors.invalid)
            case .absent: break
            }
        }
        switch input.jsonObject("metadata") {
        case .value(let value): metadata = JSONColumn.text(value)
        case .null: metadata = nil
        default: break
        }
        switch input.jsonObject("translations") {
        case .value(let value) where value.objectValue != nil: attributes["translations"] = value
        case .null: attributes["translations"] = nil
        case .absent: break
        default: errors.add("translations", ValidationErrors.invalid)
        }
        switch input.array("question_ids") {
        case .value(let references):
            var ids: [Int64] = []
            for reference in references {
                guard let question = try QuestionRecord.find(reference: reference, event: eventID, in: database) else {
                    errors.add("question_ids", ValidationErrors.invalid)
                    break
                }
                if !ids.contains(question.id) { ids.append(question.id) }
            }
            questionIDs = ids
        case .null: questionIDs = []
        case .invalid: errors.add("question_ids", ValidationErrors.invalid)
        case .absent: break
        }
        switch input.string("slug") {
        case .value(let text): return text.trimmingWhitespace()
        case .null, .invalid:
            errors.add("slug", ValidationErrors.invalid)
            return nil
        case .absent: return nil
        }
    }

    private func text(_ input: Attributes, _ key: String, into value: inout String?) {
        switch input.string(key) {
        case .value(let text): value = text
        case .null: value = nil
        default: break
        }
    }

    private func flag(_ input: Attributes, _ key: String, into value: inout Bool, errors: inout ValidationErrors) {
        switch input.bool(key) {
        case .value(let flag): value = flag
        case .null, .invalid: errors.add(key, ValidationErrors.notIncluded)
        case .absent: break
        }
    }

    /// Whether another release of the event uses `slug`.
    func isTaken(_ slug: String, in database: Database) throws -> Bool {
        try database.queryOne("SELECT 1 FROM tito_releases WHERE event_id = ? AND slug = ? AND id != ?", eventID, slug, id) != nil
    }

    func save(in database: Database) throws {
        try database.run(
            """
            INSERT INTO tito_releases (id, event_id, slug, title, description, position, archived, off_sale,
                secret, quantity, price, pricing_type, start_at, end_at, lock_changes, require_email, require_name,
                waiting_list_enabled_during_sold_out, success_message, question_ids, metadata, attributes, created_at,
                updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET event_id = excluded.event_id, slug = excluded.slug, title = excluded.title,
                description = excluded.description, position = excluded.position, archived = excluded.archived,
                off_sale = excluded.off_sale, secret = excluded.secret, quantity = excluded.quantity,
                price = excluded.price, pricing_type = excluded.pricing_type, start_at = excluded.start_at,
                end_at = excluded.end_at, lock_changes = excluded.lock_changes, require_email = excluded.require_email,
                require_name = excluded.require_name,
                waiting_list_enabled_during_sold_out = excluded.waiting_list_enabled_during_sold_out,
                success_message = excluded.success_message, question_ids = excluded.question_ids,
                metadata = excluded.metadata, attributes = excluded.attributes, updated_at = excluded.updated_at
            """, id, eventID, slug, title, description, position, archived, offSale, secret, quantity, price,
            pricingType ?? "free", startAt, endAt, lockChanges, requireEmail, requireName, waitingListDuringSoldOut,
            successMessage, JSONColumn.text(ids: questionIDs), metadata, JSONColumn.text(.object(attributes)), createdAt,
            updatedAt)
    }
}
