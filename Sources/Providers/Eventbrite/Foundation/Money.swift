import Emulation

/// An amount of money in minor units (spec §10.6).
struct Money: Sendable, Equatable {
    var currency: String
    var value: Int64

    /// `{"currency", "value", "major_value", "display"}`; `display` with the currency's symbol
    /// (`$45.00`, as real order and ticket class costs show it) or, for `ticket_availability` and
    /// the Balance endpoint, as `45.00 USD` (ambiguity A12).
    func write(to json: inout JSONBuilder, symbolDisplay: Bool = true) {
        let major = Currency.majorValue(value, currency: currency)
        json.object { json in
            json.field("currency", currency)
            json.field("value", value)
            json.field("major_value", major)
            if symbolDisplay, let symbol = Currency.symbols[currency] {
                json.field("display", (value < 0 ? "-" : "") + symbol + Currency.majorValue(abs(value), currency: currency))
            } else {
                json.field("display", "\(major) \(currency)")
            }
        }
    }
}

/// `json.field("cost", money)` writes a currency object with the symbol display.
extension Money: JSONEncodable {
    func encode(to json: inout JSONBuilder) { write(to: &json) }
}

/// ISO 4217 currencies: which codes exist, their minor-unit exponents and display symbols.
enum Currency {
    /// Codes Eventbrite sells in (its supported pricing currencies) and other common ones.
    static let exponents: [String: Int] = [
        "USD": 2, "CAD": 2, "GBP": 2, "EUR": 2, "AUD": 2, "NZD": 2, "MXN": 2, "BRL": 2, "ARS": 2, "CHF": 2, "DKK": 2,
        "SEK": 2, "NOK": 2, "PLN": 2, "CZK": 2, "HUF": 2, "ILS": 2, "SGD": 2, "HKD": 2, "PHP": 2, "MYR": 2, "THB": 2,
        "TWD": 2, "INR": 2, "ZAR": 2, "CLP": 0, "COP": 2, "PEN": 2, "JPY": 0, "KRW": 0,
    ]

    static let symbols: [String: String] = [
        "USD": "$", "GBP": "£", "EUR": "€", "CAD": "CA$", "AUD": "A$", "NZD": "NZ$", "MXN": "MX$", "BRL": "R$", "JPY": "¥",
        "ARS": "$",
    ]

    /// The country a currency is usually sold in, for checkout settings that name one.
    static let country: [String: String] = [
        "USD": "US", "CAD": "CA", "GBP": "GB", "EUR": "IE", "AUD": "AU", "NZD": "NZ", "MXN": "MX", "BRL": "BR", "ARS": "AR",
    ]

    /// The upper-cased code when it is a currency the mock knows, else nil.
    static func code(_ text: String) -> String? {
        let code = text.trimmingWhitespace().uppercased()
        return exponents[code] != nil ? code : nil
    }

    /// `4.32` for 432 cents; `2311` for 2311 yen.
    static func majorValue(_ value: Int64, currency: String) -> String {
        let exponent = exponents[currency] ?? 2
        guard exponent > 0 else { return String(value) }
        var divisor: Int64 = 1
        for _ in 0..<exponent { divisor *= 10 }
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let fraction = String(magnitude % UInt64(divisor))
        return sign + String(magnitude / UInt64(divisor)) + "." + String(repeating: "0", count: exponent - fraction.count) + fraction
    }
}
