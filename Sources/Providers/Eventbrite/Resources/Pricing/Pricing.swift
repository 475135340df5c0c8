import Emulation

/// Pricing (spec §8.26): what Eventbrite would charge on a price, and the fee rates behind it.
/// Both read the rate table (`FeeRate`); the calculation is hypothetical, so the scope's
/// identifier is not looked up (§8.26).
enum Pricing: EventbriteResourceGroup {
    static let tables = [FeeRate.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for rate in try seed.records(FeeRate.self, "pricing.json", key: "fee_rates") { try database.insert(rate) }
    }

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.post("/pricing/calculate_price_for_item/", calculatePrice),
            // The seed writes this path without its trailing slash; it matches either way.
            routes.get("/pricing/fee_rates", example: "/pricing/fee_rates?country=US&currency=USD", feeRates),
        ]
    }

    static let scopeTypes: Set<String> = ["organization", "event", "ticket_class", "assortment_plan"]
    static let plans: Set<String> = ["package1", "package2"]

    /// `POST /pricing/calculate_price_for_item/` → `{"item_pricing": {organizer_share,
    /// total_fees, total_taxes, total_price}}`; the total is always share + fees + taxes.
    static func calculatePrice(_ request: EventbriteRequest) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        var fields = body.unwrapped
        fields.rejectUnknown(allowed: [
            "base_price", "country", "scope", "absorb_fees", "absorb_taxes", "payment_type", "channel",
        ])
        var price: Money?
        switch fields.money("base_price") {
        case .value(let money) where money.value <= FeeSchedule.maximumPrice: price = money
        case .value: fields.invalid("base_price")
        case .null: fields.missing("base_price")
        case .absent: if !fields.has("base_price") { fields.missing("base_price") }
        }
        var country: String?
        switch fields.string("country") {
        case .value(let text) where text.count == 2 && text.allSatisfy({ $0.isASCII && $0.isLetter }): country = text.uppercased()
        case .value: fields.invalid("country")
        case .null, .absent: fields.missing("country")
        }
        var terms = FeeSchedule.Terms()
        switch fields.object("scope") {
        case .value(var scope):
            scope.rejectUnknown(allowed: ["type", "identifier"])
            let type = scope.string("type")
            switch type {
            case .value(let value) where scopeTypes.contains(value): break
            case .value: scope.invalid("type")
            case .null, .absent: scope.missing("type")
            }
            switch scope.string("identifier") {
            case .value(let identifier) where !identifier.trimmingWhitespace().isEmpty:
                if type.value == "assortment_plan" {
                    if plans.contains(identifier) { terms.plan = identifier } else { scope.invalid("identifier") }
                }
            case .value, .null, .absent: scope.missing("identifier")
            }
            fields.absorb(scope)
        case .null, .absent: fields.missing("scope")
        }
        let absorbFees = fields.bool("absorb_fees").value ?? false
        _ = fields.bool("absorb_taxes")
        if let paymentType = choice(&fields, "payment_type", of: ["eventbrite", "authnet", "paypal"]) { terms.paymentType = paymentType }
        if let channel = choice(&fields, "channel", of: ["web", "atd"]) { terms.channel = channel }
        try fields.check()
        guard let base = price, let country else { throw ArgumentErrors.single("base_price", ArgumentErrors.Code.missing) }
        let fees = try request.read { database -> Fees in
            guard try FeeSchedule.supports(country: country, currency: base.currency, in: database) else {
                throw EventbriteError.rule(
                    "INVALID_CURRENCY_COUNTRY_COMBINATION", "The provided currency/country combination is not supported by Eventbrite.")
            }
            return try FeeSchedule.fees(price: base.value, currency: base.currency, country: country, terms: terms, in: database)
        }
        if absorbFees && fees.total + fees.tax > base.value {
            throw EventbriteError.rule(
                "BASE_PRICE_TOO_LOW_TO_ABSORB", "The fees to absorb are bigger than the provided base price.")
        }
        let share = absorbFees ? base.value - fees.total - fees.tax : base.value
        let currency = base.currency
        return EventbriteResponse.json { json in
            json.object { json in
                json.key("item_pricing")
                json.object { json in
                    json.field("organizer_share", Money(currency: currency, value: share))
                    json.field("total_fees", Money(currency: currency, value: fees.total))
                    json.field("total_taxes", Money(currency: currency, value: fees.tax))
                    json.field("total_price", Money(currency: currency, value: share + fees.total + fees.tax))
                }
            }
        }
    }

    private static func choice(_ fields: inout BodyFields, _ key: String, of allowed: Set<String>) -> String? {
        switch fields.string(key) {
        case .value(let value) where allowed.contains(value): return value
        case .value, .null: fields.invalid(key)
        case .absent: break
        }
        return nil
    }

    /// `GET /pricing/fee_rates?country=US&currency=USD[&plan=…&payment_type=…&channel=…&item_type=…]`.
    /// `any` (the default) does not filter; a rule written for `any` applies to every value.
    static func feeRates(_ request: EventbriteRequest) throws -> HTTPResponse {
        var arguments = QueryArguments(request.query)
        let country = arguments.string("country")?.uppercased()
        let currency = arguments.string("currency")?.uppercased()
        if country == nil { arguments.errors.missing("country") }
        if currency == nil { arguments.errors.missing("currency") }
        var filter = SQLFilter("f.country = ? AND f.currency = ?", country ?? "", currency ?? "")
        let dimensions: [(String, Set<String>)] = [
            ("plan", ["any", "package1", "package2"]),
            ("payment_type", [
                "any", "eventbrite", "authnet", "moneris", "paypal", "google", "manual", "free", "offline", "cash", "check", "invoice",
            ]),
            ("channel", ["any", "atd", "web"]),
            ("item_type", ["any", "ticket", "product"]),
        ]
        for (name, allowed) in dimensions {
            if let value = arguments.choice(name, of: allowed), value != "any" {
                filter.add("(f.\(name) = ? OR f.\(name) = 'any')", value)
            }
        }
        let page = try request.page()
        try arguments.errors.check()
        let supported = try request.read { database in
            try FeeSchedule.supports(country: country ?? "", currency: currency ?? "", in: database)
        }
        guard supported else {
            throw EventbriteError.rule(
                "INVALID_CURRENCY_COUNTRY_COMBINATION", "The provided currency/country combination is not supported by Eventbrite.")
        }
        return try PaginatedList.respond(request, key: "fee_rates", FeeRate.presenter, where: filter, orderBy: "f.id", page: page)
    }
}
