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
        text(input, "description", into: &description)
        text(input, "success_message", into: &successMessage)
        flag(input, "secret", into: &secret, errors: &errors)
        flag(input, "require_email", into: &requireEmail, errors: &errors)
        flag(input, "require_name", into: &requireName, errors: &errors)
        flag(input, "waiting_list_enabled_during_sold_out", into: &waitingListEnabledDuringSoldOut, errors: &errors)
        switch input.bool("lock_changes") {
        case .value(let flag): lockChanges = flag
        case .null: lockChanges = nil
        case .invalid: errors.add("lock_changes", ValidationErrors.notIncluded)
        case .absent: break
        }
        for (key, path) in Self.booleanSettings {
            switch input.bool(key) {
            case .value(let flag): self[keyPath: path] = flag
            case .null: self[keyPath: path] = nil
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
        for (key, path) in Self.integerSettings {
            switch input.int(key) {
            case .value(let number) where number < 0: errors.add(key, ValidationErrors.negative)
            case .value(let number): self[keyPath: path] = number
            case .null: self[keyPath: path] = nil
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
        for (key, path) in Self.decimalSettings {
            switch input.cents(key) {
            case .value(let cents) where cents < 0: errors.add(key, ValidationErrors.negative)
            case .value(let cents): self[keyPath: path] = cents
            case .null: self[keyPath: path] = nil
            case .invalid: errors.add(key, ValidationErrors.notANumber)
            case .absent: break
            }
        }
        switch input.string("price_degressive") {
        case .value(let text): priceDegressive = text
        case .null: priceDegressive = nil
        default: break
        }
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
            switch input.timestamp(key) {
            case .value(let milliseconds): self[keyPath: path] = milliseconds
            case .null: self[keyPath: path] = nil
            case .invalid: errors.add(key, ValidationErrors.invalid)
            case .absent: break
            }
        }
        switch input.jsonObject("metadata") {
        case .value(let value): metadata = value
        case .null: metadata = nil
        default: break
        }
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
}
