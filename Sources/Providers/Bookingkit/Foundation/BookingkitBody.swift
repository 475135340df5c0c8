import Emulation

/// A JSON request body of the `/v3` API, read whatever its `Content-Type` says (spec §1). An
/// empty body is an empty object, so a create without fields fails on its first required one.
enum BookingkitBody {
    static func object(_ request: ProviderRequest) throws -> BodyFields {
        guard case .object(let object) = try parse(request, expecting: "object") else {
            throw BookingkitError.invalidBody(expecting: "object")
        }
        return BodyFields(object)
    }

    static func array(_ request: ProviderRequest) throws -> [JSONValue] {
        guard case .array(let elements) = try parse(request, expecting: "array") else { throw BookingkitError.invalidBody(expecting: "array") }
        return elements
    }

    private static func parse(_ request: ProviderRequest, expecting kind: String) throws -> JSONValue {
        do {
            return try request.http.readBody(.alwaysJSON).value
        } catch {
            throw BookingkitError.invalidBody(expecting: kind)
        }
    }
}

/// The members of a body object, read with bookingkit's validation messages (spec §4.1, code
/// `40001`): the first problem found is the one reported. `path` prefixes nested members, so an
/// element of a batch reports `[0].event_id` and a participant `tickets[0].participants[1].name`.
struct BodyFields {
    let object: JSONObject
    let path: String

    init(_ object: JSONObject, path: String = "") {
        self.object = object
        self.path = path
    }

    /// The seed's request samples put this text into date-time fields they mean to leave out (§1).
    static let dateTimePlaceholder = "format: YYYY-MM-DDThh:mm:ssZ, UTC"

    func name(_ key: String) -> String { path + key }

    func required(_ key: String) -> BookingkitError {
        .invalidProperty("The property \"\(name(key))\" is required")
    }

    func wrongType(_ key: String, _ type: String) -> BookingkitError {
        .invalidProperty("The property \"\(name(key))\" must be of type \"\(type)\"")
    }

    // MARK: Strings

    /// A string member; nil when absent or null. Numbers are not strings.
    func string(_ key: String, maxLength: Int? = nil) throws -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard let text = value.stringValue else { throw wrongType(key, "string") }
        if let maxLength, text.count > maxLength {
            throw BookingkitError.invalidProperty("The property \"\(name(key))\" must be at most \(maxLength) characters long")
        }
        return text
    }

    func requiredString(_ key: String, maxLength: Int? = nil) throws -> String {
        guard let text = try string(key, maxLength: maxLength) else { throw required(key) }
        return text
    }

    /// A string of exactly `length` characters (`lang`, `currency`).
    func code(_ key: String, length: Int) throws -> String? {
        guard let text = try string(key) else { return nil }
        guard text.count == length else {
            throw BookingkitError.invalidProperty("The property \"\(name(key))\" must be exactly \(length) characters long")
        }
        return text
    }

    func minimumLength(_ key: String, _ length: Int) throws -> String? {
        guard let text = try string(key) else { return nil }
        guard text.count >= length else {
            throw BookingkitError.invalidProperty("The property \"\(name(key))\" must be at least \(length) characters long")
        }
        return text
    }

    /// One of `allowed`; an empty string counts as absent (the seed's samples send `"status": ""`).
    func oneOf(_ key: String, _ allowed: [String]) throws -> String? {
        guard let text = try string(key), !text.isEmpty else { return nil }
        guard allowed.contains(text) else {
            let list = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
            throw BookingkitError.invalidProperty("The property \"\(name(key))\" must be one of \(list)")
        }
        return text
    }

    func email(_ key: String) throws -> String? {
        guard let text = try string(key) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !text.contains(" ") else {
            throw BookingkitError.invalidProperty("The property \"\(name(key))\" must be a valid email address")
        }
        return text
    }

    // MARK: Numbers

    /// An integer; with `lenient`, also a string of digits (`"active": "1"`).
    func integer(_ key: String, minimum: Int64? = nil, maximum: Int64? = nil, lenient: Bool = false) throws -> Int64? {
        guard let value = object[key], value != .null else { return nil }
        var number: Int64?
        switch value {
        case .int(let integer): number = integer
        case .double(let double) where double.rounded() == double && abs(double) < 9e15: number = Int64(double)
        case .string(let text) where lenient: number = Int64(text.trimmingWhitespace())
        default: number = nil
        }
        guard let number else { throw wrongType(key, "integer") }
        if let minimum, number < minimum {
            throw BookingkitError.invalidProperty("The property \"\(name(key))\" must be greater than or equal to \(minimum)")
        }
        if let maximum, number > maximum {
            throw BookingkitError.invalidProperty("The property \"\(name(key))\" must be less than or equal to \(maximum)")
        }
        return number
    }

    func requiredInteger(_ key: String, minimum: Int64? = nil, maximum: Int64? = nil, lenient: Bool = false) throws -> Int64 {
        guard let number = try integer(key, minimum: minimum, maximum: maximum, lenient: lenient) else { throw required(key) }
        return number
    }

    /// An amount: a number or a numeric string (`"5.00"`).
    func amount(_ key: String) throws -> Amount? {
        guard let value = object[key], value != .null else { return nil }
        guard let amount = Amount(value) else { throw wrongType(key, "number") }
        return amount
    }

    func requiredAmount(_ key: String) throws -> Amount {
        guard let amount = try amount(key) else { throw required(key) }
        return amount
    }

    /// A coordinate as bookingkit stores and writes it: the decimal text (`"12.7135121"`), from
    /// a number or a numeric string.
    func coordinate(_ key: String) throws -> String? {
        guard let value = object[key], value != .null else { return nil }
        switch value {
        case .int, .double:
            guard let number = value.doubleValue, number.isFinite, abs(number) <= 180 else { throw wrongType(key, "number") }
            return String(decoding: JSONWriter.encode(value), as: UTF8.self)
        case .string(let text):
            guard let number = Double(text.trimmingWhitespace()), number.isFinite, abs(number) <= 180 else {
                throw wrongType(key, "number")
            }
            return text.trimmingWhitespace()
        default:
            throw wrongType(key, "number")
        }
    }

    // MARK: Date-times

    /// A date-time (any RFC 3339 form, normalised to UTC); nil when absent, null, empty or the
    /// seed's placeholder text (§1).
    func dateTime(_ key: String) throws -> DateTime? {
        guard let value = object[key], value != .null else { return nil }
        guard let text = value.stringValue else { throw wrongType(key, "string") }
        if text.isEmpty || text == Self.dateTimePlaceholder { return nil }
        guard let dateTime = DateTime(lenient: text) else {
            throw BookingkitError.invalidProperty(
                "The property \"\(name(key))\" must be a date-time in the format \"YYYY-MM-DDThh:mm:ssZ\"")
        }
        return dateTime
    }

    func requiredDateTime(_ key: String) throws -> DateTime {
        guard let dateTime = try dateTime(key) else { throw required(key) }
        return dateTime
    }

    // MARK: Containers

    func array(_ key: String) throws -> [JSONValue]? {
        guard let value = object[key], value != .null else { return nil }
        guard let elements = value.arrayValue else { throw wrongType(key, "array") }
        return elements
    }

    /// The objects of an array member, each read with its own path (`tickets[0].`). A single
    /// object is taken as a one-element array when `wrapsSingle` (the seed sends `voucherOrders`
    /// that way, §9.4).
    func objects(_ key: String, wrapsSingle: Bool = false) throws -> [BodyFields]? {
        guard let value = object[key], value != .null else { return nil }
        let elements: [JSONValue]
        switch value {
        case .array(let array): elements = array
        case .object where wrapsSingle: elements = [value]
        default: throw wrongType(key, "array")
        }
        return try elements.enumerated().map { index, element in
            guard let object = element.objectValue else {
                throw BookingkitError.invalidProperty("The property \"\(name(key))[\(index)]\" must be of type \"object\"")
            }
            return BodyFields(object, path: "\(name(key))[\(index)].")
        }
    }

    /// An object member; a one-element array holding an object is taken as that object when
    /// `unwrapsSingle` (the seed sends `flexOffer` and `voucher` that way, §9.4).
    func nestedObject(_ key: String, unwrapsSingle: Bool = false) throws -> BodyFields? {
        guard let value = object[key], value != .null else { return nil }
        if let object = value.objectValue { return BodyFields(object, path: name(key) + ".") }
        if unwrapsSingle, let elements = value.arrayValue, elements.count == 1, let object = elements[0].objectValue {
            return BodyFields(object, path: name(key) + ".")
        }
        throw wrongType(key, "object")
    }

    /// A JSON value stored as given, if it is an array.
    func storedArray(_ key: String) throws -> JSONValue? {
        guard let elements = try array(key) else { return nil }
        return .array(elements)
    }
}
