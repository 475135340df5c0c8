import Emulation

/// One input attribute as a handler sees it: not sent, sent as null, sent with a usable value, or
/// sent with a value that cannot be read as the attribute's type.
enum Field<Value> {
    case absent
    case null
    case value(Value)
    case invalid

    var isAbsent: Bool {
        if case .absent = self { return true }
        return false
    }

    /// The value, or nil for null, absent and invalid.
    var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }
}

/// The attributes of a request body under its wrapper key (`{"event": {...}}`, spec §3), read
/// with the lenient string-to-type coercion Rails applies. A missing body, or one without the
/// wrapper, has no attributes; a malformed body is a 400 (thrown as `JSONBodyError`).
struct Attributes {
    let object: JSONObject

    init(_ object: JSONObject) {
        self.object = object
    }

    /// Reads the body of `request`; `wrapper` nil takes the top-level object itself.
    init(_ request: ProviderRequest, wrapper: String?) throws {
        guard let body = try request.http.jsonBody(), let top = body.objectValue else {
            object = JSONObject()
            return
        }
        guard let wrapper else {
            object = top
            return
        }
        object = top[wrapper]?.objectValue ?? JSONObject()
    }

    func has(_ key: String) -> Bool { object[key] != nil }

    subscript(key: String) -> JSONValue? { object[key] }

    /// Text; numbers and booleans are taken as their text, as Rails casts them.
    func string(_ key: String) -> Field<String> {
        guard let value = object[key] else { return .absent }
        switch value {
        case .null: return .null
        case .string(let text): return .value(text)
        case .int(let number): return .value(String(number))
        case .double(let number): return .value(String(number))
        case .bool(let flag): return .value(flag ? "true" : "false")
        default: return .invalid
        }
    }

    /// A boolean: `true`/`false`, `"true"`/`"false"`, `"1"`/`"0"`, `1`/`0` (spec §3).
    func bool(_ key: String) -> Field<Bool> {
        guard let value = object[key] else { return .absent }
        return Self.bool(value)
    }

    static func bool(_ value: JSONValue) -> Field<Bool> {
        switch value {
        case .null: return .null
        case .bool(let flag): return .value(flag)
        case .int(let number) where number == 0 || number == 1: return .value(number == 1)
        case .string(let text):
            switch text.trimmingWhitespace().lowercased() {
            case "true", "1", "t", "yes", "on": return .value(true)
            case "false", "0", "f", "no", "off": return .value(false)
            case "": return .null
            default: return .invalid
            }
        default: return .invalid
        }
    }

    /// A whole number; `"20"` and `20.0` count.
    func int(_ key: String) -> Field<Int64> {
        guard let value = object[key] else { return .absent }
        switch value {
        case .null: return .null
        case .int(let number): return .value(number)
        case .double: return value.intValue.map { .value($0) } ?? .invalid
        case .string(let text):
            let trimmed = text.trimmingWhitespace()
            if trimmed.isEmpty { return .null }
            return Int64(trimmed).map { .value($0) } ?? .invalid
        default: return .invalid
        }
    }

    /// Money or another decimal, in hundredths: `"50.0"`, `"0.25e2"`, `12.5`.
    func cents(_ key: String) -> Field<Int64> {
        guard let value = object[key] else { return .absent }
        if value == .null { return .null }
        if case .string(let text) = value, text.trimmingWhitespace().isEmpty { return .null }
        return TitoFormats.cents(value).map { .value($0) } ?? .invalid
    }

    /// A date `YYYY-MM-DD` (a full timestamp gives its date part).
    func date(_ key: String) -> Field<String> {
        parsedText(key) { text in
            let trimmed = text.trimmingWhitespace()
            if TitoFormats.isDate(trimmed) { return trimmed }
            guard trimmed.count > 10, let milliseconds = TitoFormats.parseTimestamp(trimmed) else { return nil }
            return String(TitoFormats.timestamp(milliseconds: milliseconds).prefix(10))
        }
    }

    /// A time of day, stored as `HH:MM`.
    func time(_ key: String) -> Field<String> { parsedText(key, TitoFormats.timeOfDay) }

    /// A date-time, in milliseconds since the epoch.
    func timestamp(_ key: String) -> Field<Int64> { parsedText(key, TitoFormats.parseTimestamp) }

    /// A string field read as a value: blank text is null, text `parse` rejects is invalid.
    private func parsedText<Value>(_ key: String, _ parse: (String) -> Value?) -> Field<Value> {
        switch string(key) {
        case .absent: return .absent
        case .null: return .null
        case .invalid: return .invalid
        case .value(let text):
            if text.trimmingWhitespace().isEmpty { return .null }
            return parse(text).map { .value($0) } ?? .invalid
        }
    }

    /// An email address that must not be blank when sent: trimmed, or nil with the field's
    /// error added (blank or invalid); nil and no error when it is not sent.
    func requiredEmail(_ key: String, errors: inout ValidationErrors) -> String? {
        switch string(key) {
        case .absent: return nil
        case .value(let text) where !text.isBlank:
            let trimmed = text.trimmingWhitespace()
            if EmailAddress.isPlausible(trimmed) { return trimmed }
            errors.add(key, ValidationErrors.invalid)
        default: errors.add(key, ValidationErrors.blank)
        }
        return nil
    }

    /// An array; a single scalar counts as a one-element array.
    func array(_ key: String) -> Field<[JSONValue]> {
        guard let value = object[key] else { return .absent }
        switch value {
        case .null: return .null
        case .array(let elements): return .value(elements)
        case .object: return .invalid
        default: return .value([value])
        }
    }

    /// An object (metadata and the like); any JSON value other than an object is invalid.
    func jsonObject(_ key: String) -> Field<JSONValue> {
        guard let value = object[key] else { return .absent }
        switch value {
        case .null: return .null
        case .object: return .value(value)
        default: return .value(value)
        }
    }
}

extension String {
    /// Whether the text is empty or only whitespace (Rails' `blank?`).
    var isBlank: Bool { allSatisfy { $0.isWhitespace } }
}
