import Emulation

/// Reads a request's query parameters the way bookingkit validates them (spec §3.1), through the
/// kit's readers: each typed read refuses a malformed value with the `40023` body naming the
/// parameter. Unknown parameters are ignored; a parameter given twice counts with its first value.
struct QueryReader {
    let query: QueryParameters

    static let dateTimePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
    static let geolocationPattern = "^([0-9\\.]+),([0-9\\.]+),([0-9\\.]+),([0-9\\.]+)$"

    /// The raw value; nil when absent.
    func text(_ name: String) -> String? { query[name] }

    /// A non-empty value with surrounding spaces removed; nil when absent or empty.
    func value(_ name: String) -> String? {
        guard let text = query[name]?.trimmingWhitespace(), !text.isEmpty else { return nil }
        return text
    }

    /// A base-10 integer ≥ 0.
    func integer(_ name: String) throws -> Int? {
        do {
            return try query.integer(name, in: 0...Int.max)
        } catch {
            throw Self.typeError(name, "integer")
        }
    }

    /// `true`, `false`, `1` or `0`.
    func boolean(_ name: String) throws -> Bool? {
        do {
            return try query.boolean(name)
        } catch {
            throw Self.typeError(name, "boolean")
        }
    }

    /// An integer that must be 0 or 1 (products' `available`, flex offers' `active`); `2` is
    /// also accepted where [RAML] documents it as "all".
    func flag(_ name: String, allowingAll: Bool = false) throws -> Int? {
        guard let number = try integer(name) else { return nil }
        guard number <= (allowingAll ? 2 : 1) else {
            throw BookingkitError.invalidParameter("The parameter \"\(name)\" must be one of \(allowingAll ? "0, 1, 2" : "0, 1")")
        }
        return number
    }

    /// A date-time in the strict `YYYY-MM-DDThh:mm:ssZ` form.
    func dateTime(_ name: String) throws -> DateTime? {
        guard let text = query[name] else { return nil }
        guard let dateTime = DateTime(strict: text) else {
            throw BookingkitError.invalidParameter("The parameter \"\(name)\" must match the pattern \"\(Self.dateTimePattern)\"")
        }
        return dateTime
    }

    /// One of `allowed` (exact spelling).
    func choice(_ name: String, _ allowed: [String]) throws -> String? {
        guard let text = query[name] else { return nil }
        guard allowed.contains(text) else { throw Self.choiceError(name, allowed) }
        return text
    }

    /// A comma-separated list, items trimmed, empty ones dropped; nil when absent or empty.
    func list(_ name: String) -> [String]? {
        guard let items = query.list(name), !items.isEmpty else { return nil }
        return items
    }

    /// A comma-separated list of integers (category ids).
    func integerList(_ name: String) throws -> [Int64]? {
        guard let items = list(name) else { return nil }
        return try items.map { item in
            guard item.utf8.count <= 18, let number = Int64(item), number >= 0 else { throw Self.typeError(name, "integer") }
            return number
        }
    }

    /// A number (`min_price`, `max_price`), as an amount.
    func amount(_ name: String) throws -> Amount? {
        guard let text = query[name] else { return nil }
        guard let amount = Amount(text: text) else { throw Self.typeError(name, "number") }
        return amount
    }

    /// `minLat,minLng,maxLat,maxLng`, unsigned decimals as the seed's pattern demands (§3.1).
    func geolocation(_ name: String) throws -> (minLat: Double, minLng: Double, maxLat: Double, maxLng: Double)? {
        guard let text = query[name] else { return nil }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { part -> Double? in
            guard !part.isEmpty, part.utf8.count < 40, part.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return nil }
            return Double(part)
        }
        guard parts.count == 4, numbers.count == 4 else {
            throw BookingkitError.invalidParameter("The parameter \"\(name)\" must match the pattern \"\(Self.geolocationPattern)\"")
        }
        return (numbers[0], numbers[1], numbers[2], numbers[3])
    }

    static func typeError(_ name: String, _ type: String) -> BookingkitError {
        .invalidParameter("The parameter \"\(name)\" must be of type \"\(type)\"")
    }

    static func choiceError(_ name: String, _ allowed: [String]) -> BookingkitError {
        .invalidParameter("The parameter \"\(name)\" must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))")
    }
}

extension ProviderRequest {
    /// `fields` of a single-item request (§3.5: accepted there too); nil for all.
    var fieldSelection: Set<String>? {
        QueryReader(query: query).list("fields").flatMap { $0.contains("all") ? nil : Set($0) }
    }
}
