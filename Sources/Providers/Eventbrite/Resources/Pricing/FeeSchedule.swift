import Emulation

/// The fees of one price (spec §8.26): a service fee (percentage of the price plus a fixed
/// amount) and a payment processing fee (percentage of price plus service fee), each rounded
/// half up to the minor unit; no taxes. Ticket classes, orders, the pricing endpoints and the fee
/// rate list all read the same rules (`FeeRate`), so the figures agree everywhere (A28).
struct Fees: Equatable {
    var service: Int64 = 0
    var payment: Int64 = 0
    var tax: Int64 = 0

    var total: Int64 { service + payment }

    static let none = Fees()
}

enum FeeSchedule {
    /// The largest price (minor units) a body may name: 999,999,999.99 in a two-decimal currency,
    /// so that fee arithmetic stays within 64 bits.
    static let maximumPrice: Int64 = 99_999_999_999

    /// Where a price is sold and under which plan.
    struct Terms {
        var plan = "package2"
        /// `eventbrite`; other processors (`authnet`, `paypal`) charge their own fee, so
        /// Eventbrite's payment fee is 0 for them.
        var paymentType = "eventbrite"
        /// `web`, or `atd` (at the door: no service fee, a lower payment fee).
        var channel = "web"
    }

    /// The country whose rates a currency's tickets pay when no payout country is given: the
    /// first country the rate table lists for the currency.
    static func country(for currency: String, in database: Database) throws -> String? {
        if let preferred = Currency.country[currency],
            try database.queryOne("SELECT 1 FROM eventbrite_fee_rates WHERE country = ? AND currency = ? LIMIT 1", preferred, currency)
                != nil
        {
            return preferred
        }
        return try database.queryOne("SELECT country FROM eventbrite_fee_rates WHERE currency = ? ORDER BY id LIMIT 1", currency)?
            .string("country")
    }

    /// Whether Eventbrite sells in `currency` with payouts in `country` (the rate table's pairs).
    static func supports(country: String, currency: String, in database: Database) throws -> Bool {
        try database.queryOne("SELECT 1 FROM eventbrite_fee_rates WHERE country = ? AND currency = ? LIMIT 1", country, currency) != nil
    }

    /// The fees on `price` (minor units of `currency`). A currency the table does not list pays
    /// the US rates in its own minor units (the spec prices only its listed pairs, §11.2).
    static func fees(
        price: Int64, currency: String, country: String? = nil, terms: Terms = Terms(), in database: Database
    ) throws -> Fees {
        guard price > 0 else { return .none }
        let price = min(price, maximumPrice)
        var rates = try rules(country: country, currency: currency, in: database)
        if rates.isEmpty { rates = try rules(country: "US", currency: "USD", in: database) }
        let service = rates.first {
            $0.feeName == "service_fee" && $0.plan == terms.plan && $0.channel == terms.channel && $0.itemType != "product"
        }
        let payment = rates.first {
            $0.feeName == "payment_fee" && $0.paymentType == terms.paymentType && ($0.channel == terms.channel || $0.channel == "any")
        }
        var fees = Fees()
        if let service { fees.service = apply(service, to: price) }
        if let payment { fees.payment = apply(payment, to: price + fees.service) }
        return fees
    }

    private static func rules(country: String?, currency: String, in database: Database) throws -> [FeeRate] {
        guard let country = try country ?? self.country(for: currency, in: database) else { return [] }
        return try database.fetchAll(FeeRate.self, where: "country = ? AND currency = ?", orderBy: "id", country, currency)
    }

    /// `percent` of `base` rounded half up, plus the fixed part, within the rule's bounds.
    private static func apply(_ rule: FeeRate, to base: Int64) -> Int64 {
        var fee = (base * rule.basisPoints + 5_000) / 10_000 + rule.fixed
        if let minimum = rule.minimum { fee = max(fee, minimum) }
        if let maximum = rule.maximum { fee = min(fee, maximum) }
        return fee
    }
}
