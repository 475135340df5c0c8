import Emulation

/// The attributes of an L3/L4 body (spec §11.12) applied to a release, with Rails' coercion.
extension Release {
    /// The settings a body may set, by attribute, each read as its type.
    static var booleanSettings: [(String, WritableKeyPath<Release, Bool?>)] {
        [
            ("card_payments", \.cardPayments), ("enable_super_combo_summary", \.enableSuperComboSummary), ("invoice", \.invoice),
            ("not_a_ticket", \.notATicket), ("request_company_name", \.requestCompanyName),
            ("request_vat_number", \.requestVatNumber), ("require_billing_address", \.requireBillingAddress),
            ("require_company_name", \.requireCompanyName),
            ("require_credit_card_for_sold_out_waiting_list", \.requireCreditCardForSoldOutWaitingList),
            ("show_price", \.showPrice), ("waiting_list_enabled_during_locked", \.waitingListEnabledDuringLocked),
            ("show_discount_code_field_here", \.showDiscountCodeFieldHere),
        ]
    }
    static var integerSettings: [(String, WritableKeyPath<Release, Int64?>)] {
        [
            ("default_quantity", \.defaultQuantity), ("max_tickets_per_person", \.maxTicketsPerPerson),
            ("min_tickets_per_person", \.minTicketsPerPerson), ("termset_id", \.termsetID), ("ticket_group_id", \.ticketGroupID),
        ]
    }
    static var decimalSettings: [(String, WritableKeyPath<Release, Int64?>)] {
        [
            ("max_donation", \.maxDonation), ("min_donation", \.minDonation), ("suggested_donation", \.suggestedDonation),
        ]
    }

    /// EventRecordHandlers' form, for a body that is an update (the release exists).
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors, in database: Database) throws {
        _ = try apply(attributes, isCreate: false, errors: &errors, in: database)
    }

    /// Applies an L3/L4 body; returns the slug the client asked for, if any.
    mutating func apply(_ input: Attributes, isCreate: Bool, errors: inout ValidationErrors, in database: Database) throws -> String? {
        switch input.string("title") {
        case .value(let text): title = text.trimmingWhitespace()
        case .null, .invalid: title = ""
        case .absent: break
        }
        if (isCreate || input.has("title")) && title.isBlank { errors.add("title", ValidationErrors.blank) }
        input.string("description").assignIfReadable(to: &description)
        input.string("success_message").assignIfReadable(to: &successMessage)
        for (key, path) in [("secret", \Release.secret), ("require_email", \.requireEmail), ("require_name", \.requireName),
                            ("waiting_list_enabled_during_sold_out", \.waitingListEnabledDuringSoldOut)] {
            input.bool(key).assignNonNull(to: &self[keyPath: path], key: key, orAdd: ValidationErrors.notIncluded, to: &errors)
        }
        input.bool("lock_changes").assign(to: &lockChanges, key: "lock_changes", orAdd: ValidationErrors.notIncluded, to: &errors)
        for (key, path) in Self.booleanSettings {
            input.bool(key).assign(to: &self[keyPath: path], key: key, orAdd: ValidationErrors.notIncluded, to: &errors)
        }
        input.int("quantity").assignNonNegative(to: &quantity, key: "quantity", to: &errors)
        for (key, path) in Self.integerSettings {
            input.int(key).assignNonNegative(to: &self[keyPath: path], key: key, to: &errors)
        }
        let priceChanged = input.has("price")
        input.cents("price").assignNonNegative(to: &price, key: "price", to: &errors)
        for (key, path) in Self.decimalSettings {
            input.cents(key).assignNonNegative(to: &self[keyPath: path], key: key, to: &errors)
        }
        input.string("price_degressive").assignIfReadable(to: &priceDegressive)
        // `payment_type` is the deprecated name of `pricing_type`; the current name wins.
        let pricingKey = input.has("pricing_type") ? "pricing_type" : "payment_type"
        var type: String? = pricingType
        switch input.string(pricingKey) {
        case .value(let requested) where Self.pricingTypes.contains(requested): type = requested
        case .absent: if isCreate || (priceChanged && (pricingType == "free" || pricingType == "paid")) { type = nil }
        default: errors.add(pricingKey, ValidationErrors.notIncluded)
        }
        pricingType = type ?? ((price ?? 0) > 0 ? "paid" : "free")
        if let state = input["state"] {
            switch state {
            case .int(100), .string("100"), .string("on_sale"): offSale = false
            case .int(404), .string("404"), .string("off_sale"): offSale = true
            default: errors.add("state", ValidationErrors.notIncluded)
            }
        }
        for (key, path) in [("start_at", \Release.startAt), ("end_at", \Release.endAt)] {
            input.timestamp(key).assign(to: &self[keyPath: path], key: key, orAdd: ValidationErrors.invalid, to: &errors)
        }
        input.jsonObject("metadata").assignIfReadable(to: &metadata)
        switch input.jsonObject("translations") {
        case .value(let value) where value.objectValue != nil: translations = value
        case .null: translations = nil
        case .absent: break
        default: errors.add("translations", ValidationErrors.invalid)
        }
        switch input.array("question_ids") {
        case .value(let references):
            var ids: [Int64] = []
            for reference in references {
                guard let question = try Question.find(reference: reference, event: eventID, in: database) else {
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
        return input.requestedSlug(errors: &errors)
    }
}
