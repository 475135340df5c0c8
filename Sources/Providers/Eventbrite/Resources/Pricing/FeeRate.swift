import Emulation

/// One fee rule of Eventbrite's pricing (spec §9.25): a percentage and a fixed amount for a
/// country and currency, narrowed by plan, payment type, channel and item type (`any` where it
/// applies to every value). The mock's rates are a fixed, deterministic model (spec §8.26, A28),
/// seeded in `pricing.json`; `FeeSchedule` computes every fee the API shows from them.
struct FeeRate: StoredRecord {
    var id: Int64 = 0
    var country = ""
    var currency = ""
    /// `service_fee` or `payment_fee`.
    var feeName = ""
    var plan = "any"
    var paymentType = "any"
    var channel = "any"
    var itemType = "any"
    /// A two-decimal string, as the API writes it (`"3.70"`).
    var percent = "0.00"
    /// Minor units of `currency`.
    var fixed: Int64 = 0
    var minimum: Int64?
    var maximum: Int64?

    static let table = RecordTable("eventbrite_fee_rates", of: FeeRate.self, indexes: ["country, currency, id"])

    /// The percentage in hundredths of a percent (`"3.70"` → 370), for integer arithmetic.
    var basisPoints: Int64 {
        let parts = percent.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Int64(parts.first ?? "0") ?? 0
        let fraction = parts.count > 1 ? String(parts[1].prefix(2)).padding(toLength: 2, withPad: "0", startingAt: 0) : "00"
        return whole * 100 + (Int64(fraction) ?? 0)
    }

    static let presenter: Presenter = Presenter(
        type: "fee_rate",
        view: RecordView(table, [
            .derived("fixed") { row, _, json in
                Money(currency: row.string("currency"), value: row.integer("fixed")).write(to: &json)
            },
            .derived("maximum") { row, _, json in writeOptionalMoney(row, "maximum", to: &json) },
            .derived("minimum") { row, _, json in writeOptionalMoney(row, "minimum", to: &json) },
            .column("country"),
            .column("currency"),
            .column("fee_name"),
            .column("plan"),
            .column("payment_type"),
            .column("channel"),
            .column("item_type"),
            .column("percent"),
        ]),
        alias: "f")

    private static func writeOptionalMoney(_ row: ViewRow, _ column: String, to json: inout JSONBuilder) {
        guard let value = row.optionalInteger(column) else { return json.null() }
        Money(currency: row.string("currency"), value: value).write(to: &json)
    }
}
