import Emulation

/// An amount with two decimals — money, and VAT percentages — kept as hundredths in an INTEGER
/// column, so sums are exact. bookingkit writes it two ways (spec §9.4): a JSON number on the
/// catalogue side (event prices `100`, product prices `19.99`) and a two-decimal string on the
/// order side (`"139.80"`, `"0.00"`).
struct Amount: ColumnCodable, Comparable, Hashable {
    static let columnStorage = ColumnStorage.integer
    static let zero = Amount(hundredths: 0)

    var hundredths: Int64

    init(hundredths: Int64) {
        self.hundredths = hundredths
    }

    /// A number or a numeric string (`19.99`, `"5.00"`, `"12.7"`); nil for anything else, and for
    /// values no bookable amount reaches.
    init?(_ value: JSONValue) {
        switch value {
        case .int(let number):
            guard abs(number) < 1_000_000_000_000 else { return nil }
            hundredths = number * 100
        case .double(let number):
            guard number.isFinite, abs(number) < 1e12 else { return nil }
            hundredths = Int64((number * 100).rounded())
        case .string(let text):
            guard let parsed = Amount(text: text) else { return nil }
            self = parsed
        default:
            return nil
        }
    }

    /// `"50"`, `"50.5"`, `"-5.00"`: digits with at most two decimals (more are rounded).
    init?(text: String) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.count < 20,
            trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
            let number = Double(trimmed), number.isFinite
        else { return nil }
        hundredths = Int64((number * 100).rounded())
    }

    static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.hundredths < rhs.hundredths }
    // Saturating: a client may send amounts whose sums no real order reaches.
    static func + (lhs: Amount, rhs: Amount) -> Amount { Amount(hundredths: lhs.hundredths.saturatingAdd(rhs.hundredths)) }
    static func - (lhs: Amount, rhs: Amount) -> Amount { Amount(hundredths: lhs.hundredths.saturatingAdd(-rhs.hundredths)) }
    static func * (lhs: Amount, rhs: Int64) -> Amount { Amount(hundredths: lhs.hundredths.saturatingMultiply(rhs)) }

    /// An amount SQLite computed as REAL (`TOTAL(…)`, which cannot overflow), back in range.
    init(totalHundredths value: Double) {
        hundredths = value.isNaN ? 0 : Int64(max(-9.2e18, min(9.2e18, value.rounded())))
    }

    /// `"139.80"`.
    var text: String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `100`, `19.99`.
    var number: JSONValue {
        hundredths % 100 == 0 ? .int(hundredths / 100) : .double(Double(hundredths) / 100)
    }

    /// In a row: the hundredths. In a seed or a JSON column: the amount as written.
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if decoder is JSONValueDecoder {
            let value: JSONValue
            if let number = try? container.decode(Int64.self) {
                value = .int(number)
            } else if let number = try? container.decode(Double.self) {
                value = .double(number)
            } else {
                value = .string(try container.decode(String.self))
            }
            guard let amount = Amount(value) else { throw RecordDecodingError(description: "\(value) is not an amount") }
            self = amount
        } else {
            hundredths = try container.decode(Int64.self)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if encoder is JSONValueEncoder { try container.encode(text) } else { try container.encode(hundredths) }
    }
}

extension ColumnFormat {
    /// An `Amount` column as a two-decimal string (`"50.00"`); NULL as `""`.
    static let amountText = ColumnFormat { row, index, json in
        if row.isNull(at: index) { json.string("") } else { json.string(Amount(hundredths: row.int64(at: index)).text) }
    }

    /// An `Amount` column as a JSON number (`100`, `19.99`); NULL as `""`.
    static let amountNumber = ColumnFormat { row, index, json in
        if row.isNull(at: index) { json.string("") } else { json.value(Amount(hundredths: row.int64(at: index)).number) }
    }
}

extension Amount: SQLiteBindable {
    var sqliteValue: SQLiteValue { .integer(hundredths) }
}

extension Int64 {
    /// The sum, or the nearest bound when it does not fit.
    func saturatingAdd(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    /// The product, or the nearest bound when it does not fit.
    func saturatingMultiply(_ other: Int64) -> Int64 {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? ((self < 0) == (other < 0) ? .max : .min) : product
    }
}
