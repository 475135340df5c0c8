import Emulation

/// Writes releases (spec §12.9) with their derived counters and flags. `embedded` releases (in a
/// ticket, an event…) have their association arrays emptied (spec §12 embedding rule).
struct ReleaseRenderer {
    let event: EventRecord
    let counters: [Int64: ReleaseCounters]
    let now: Int64
    /// Embedded question and activity objects by release id, for top-level releases.
    var questions: [Int64: [JSONValue]] = [:]
    var activities: [Int64: [JSONValue]] = [:]

    init(scope: EventScope, now: Int64, in database: Database) throws {
        event = scope.event
        counters = try ReleaseCounters.load(event: scope.event.id, testModes: scope.visibleTestModes, in: database)
        self.now = now
    }

    /// Loads what top-level (non-embedded) releases list under `questions` and `activities`.
    mutating func loadAssociations(in database: Database) throws {
        let releases = try ReleaseRecord.all(event: event.id, in: database)
        let questionsByID = Dictionary(
            try QuestionRecord.all(event: event.id, in: database).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for release in releases {
            questions[release.id] = release.questionIDs.compactMap { questionsByID[$0]?.json }
        }
        for activity in try ActivityRecord.all(event: event.id, in: database) {
            for releaseID in activity.releaseIDs {
                activities[releaseID, default: []].append(activity.embeddedJSON(event: event))
            }
        }
    }

    func encode(_ release: ReleaseRecord, view: View, embedded: Bool, to json: inout JSONBuilder) {
        let counts = counters[release.id] ?? .none
        let soldOut = release.quantity.map { counts.tickets >= $0 } ?? false
        let expired = release.endAt.map { $0 <= now } ?? false
        let upcoming = release.startAt.map { $0 > now } ?? false
        let allocatable = !release.archived && !release.offSale && !soldOut && !expired && !upcoming
        json.object { json in
            json.field("_type", "release")
            json.field("id", release.id)
            json.field("event_id", release.eventID)
            json.field("created_at", milliseconds: release.createdAt)
            json.field("updated_at", milliseconds: release.updatedAt)
            json.field("slug", release.slug)
            json.field("title", release.title)
            json.field("description", release.description)
            json.field("archived", release.archived)
            json.field("card_payments", release.attribute("card_payments"))
            json.field("default_quantity", release.attribute("default_quantity"))
            json.field("donation", release.pricingType == "donation")
            json.field("enable_super_combo_summary", release.attribute("enable_super_combo_summary"))
            json.field("end_at", milliseconds: release.endAt)
            json.field("has_success_message", !(release.successMessage ?? "").isBlank)
            json.field("has_fail_message", false)
            json.field("invoice", release.attribute("invoice"))
            json.field("max_donation", release.attribute("max_donation"))
            json.field("max_tickets_per_person", release.attribute("max_tickets_per_person"))
            json.key("metadata")
            JSONColumn.write(release.metadata, to: &json)
            json.field("min_tickets_per_person", release.attribute("min_tickets_per_person"))
            json.field("min_donation", release.attribute("min_donation"))
            json.field("not_a_ticket", release.attribute("not_a_ticket"))
            json.field("show_qr_code", release.attribute("show_qr_code"))
            json.field("only_issue_combos", release.attribute("only_issue_combos"))
            json.field("pricing_type", release.pricingType)
            json.field("payment_type", release.pricingType)
            json.field("position", release.position)
            json.field("price", cents: release.price)
            json.field("price_ex_tax", cents: release.price ?? 0)
            json.field("tax_exclusive", release.attribute("tax_exclusive"))
            json.field("price_degressive", release.attribute("price_degressive"))
            json.key("price_degressive_list")
            json.array { json in
                for price in Self.degressivePrices(release.attribute("price_degressive").stringValue) { json.string(price) }
            }
            json.field("quantity", release.quantity)
            json.field("request_company_name", release.attribute("request_company_name"))
            json.field("request_vat_number", release.attribute("request_vat_number"))
            json.field("require_vat_number", release.attribute("require_vat_number"))
            json.field("require_billing_address", release.attribute("require_billing_address"))
            json.field(
                "require_credit_card_for_sold_out_waiting_list",
                release.attribute("require_credit_card_for_sold_out_waiting_list"))
            json.field("require_email", release.requireEmail)
            json.field("require_name", release.requireName)
            json.field("secret", release.secret)
            json.field("show_price", release.attribute("show_price"))
            json.field("suggested_donation", release.attribute("suggested_donation"))
            json.field("lock_changes", release.lockChanges)
            json.field("state_name", release.offSale ? "off_sale" : "on_sale")
            json.field("start_at", milliseconds: release.startAt)
            json.field("waiting_list_enabled_during_locked", release.attribute("waiting_list_enabled_during_locked"))
            json.field("waiting_list_enabled_during_sold_out", release.waitingListDuringSoldOut)
            json.key("share_url")
            json.string(concatenating: "https://ti.to/", event.accountSlug, "/", event.slug, "/with/", release.slug)
            json.field("tickets_count", counts.tickets)
            json.field("locked", false)
            json.field("waiting_list", release.waitingListDuringSoldOut && soldOut)
            json.field("sold_out", soldOut)
            json.field("off_sale", release.offSale)
            json.field("expired", expired)
            json.field("upcoming", upcoming)
            json.field("allocatable", allocatable)
            if view.isExtended { json.field("view", "extended") }
            json.field("changes_locked", release.lockChanges == true)
            json.field("question_ids", ids: release.questionIDs)
            json.field("gross_income", cents: counts.grossIncome)
            json.field("full_price_tickets_count", counts.fullPrice)
            json.field("free_tickets_count", counts.free)
            json.field("discounted_tickets_count", counts.discounted)
            json.field("voided_tickets_count", counts.voided)
            json.field("pending_waiting_list", false)
            json.field("show_company_name", release.attribute("request_company_name").boolValue == true)
            json.field("require_company_name", release.attribute("require_company_name"))
            json.field("show_vat_number", release.attribute("request_vat_number").boolValue == true)
            json.field("show_discount_code_field_here", release.attribute("show_discount_code_field_here"))
            json.field("show_phone_number", false)
            json.field("tax_description", nil as String?)
            json.key("translations")
            let translations = release.attribute("translations")
            if translations != .null {
                json.value(translations)
            } else {
                json.object { json in
                    json.object("en") { json in
                        json.field("description", release.description)
                        json.field("fail_message", release.attribute("fail_message").stringValue)
                        json.field("success_message", release.successMessage)
                        json.field("title", release.title)
                    }
                }
            }
            json.object("warnings") { _ in }
            json.field("termset_id", release.attribute("termset_id"))
            json.field("ticket_group_id", release.attribute("ticket_group_id"))
            json.key("activities")
            json.value(.array(embedded ? [] : activities[release.id] ?? []))
            json.field("combo_releases", array: { _ in })
            json.key("questions")
            json.value(.array(embedded ? [] : questions[release.id] ?? []))
            json.field("tax_types", array: { _ in })
            json.field("tax_components", array: { _ in })
            json.field("termset", nil as String?)
            json.field("ticket_group", nil as String?)
        }
    }

    /// `"100, 75, 25"` → `["100.0", "75.0", "25.0"]`.
    static func degressivePrices(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(separator: ",").compactMap { TitoFormats.cents(.string(String($0))) }.map(TitoFormats.money(cents:))
    }

    /// The price of the first step of a degressive price list, in hundredths.
    static func firstDegressivePrice(_ text: String?) -> Int64? {
        guard let text, let first = text.split(separator: ",").first else { return nil }
        return TitoFormats.cents(.string(String(first)))
    }
}
