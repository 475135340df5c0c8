import Emulation

/// The body of a write request (spec §1.4) as one object (the kit's `RequestBody`): JSON, or a
/// form whose values are strings; dotted keys (`"event.name": {"html": …}`, `event.name.html=…`)
/// expanded into nested objects. Empty bodies are `{}` (the Python SDK sends `"{}"` or nothing); a JSON body that does
/// not parse, or is not an object, is `400 INVALID_BODY`.
struct EventbriteBody {
    let object: JSONObject
    let settings: EventbriteSettings

    /// JSON (also when the Content-Type is missing or another), forms and multipart; dotted keys
    /// expanded in all three.
    static let reading = BodyReading(
        accepting: [.json, .form, .multipart], whenMissing: .json, whenUnknown: .json, requiresObject: true,
        expandsDottedKeys: true)

    init(_ request: EventbriteRequest) throws(EventbriteError) {
        do {
            object = try request.http.http.readBody(Self.reading).value.objectValue ?? JSONObject()
        } catch {
            throw EventbriteError.invalidBody
        }
        settings = request.settings
    }

    /// The fields inside the resource wrapper (`{"event": {…}}`); an absent or non-object wrapper
    /// reads as no fields, so required ones are reported `MISSING`.
    func wrapper(_ key: String) -> BodyFields {
        BodyFields(prefix: key, object: object[key]?.objectValue ?? JSONObject(), strict: settings.strictUnknownParameters)
    }

    /// The top-level fields, for the endpoints whose body has no wrapper (copy, webhooks…).
    var unwrapped: BodyFields { BodyFields(prefix: nil, object: object, strict: settings.strictUnknownParameters) }
}

/// The fields of one object of a body, read with the type coercions of spec §1.4 (form values
/// are strings: `"true"`, `"1"`, `"42"`) and collecting argument errors under their full dotted
/// paths (`event.start.utc`) rather than failing at the first.
struct BodyFields {
    let prefix: String?
    let object: JSONObject
    let strict: Bool
    var errors = ArgumentErrors()

    init(prefix: String?, object: JSONObject, strict: Bool) {
        self.prefix = prefix
        self.object = object
        self.strict = strict
    }

    func path(_ key: String) -> String { prefix.map { "\($0).\(key)" } ?? key }

    func has(_ key: String) -> Bool { object[key] != nil }

    var isEmpty: Bool { object.isEmpty }

    /// Every field not in `allowed` is `Unknown parameter` (A23), unless strictness is off.
    mutating func rejectUnknown(allowed: Set<String>) {
        guard strict else { return }
        for key in object.keys where !allowed.contains(key) { errors.add(path(key), ArgumentErrors.Code.unknown) }
    }

    mutating func missing(_ key: String) { errors.missing(path(key)) }
    mutating func invalid(_ key: String) { errors.invalid(path(key)) }

    /// Throws the argument errors found so far (merged with `other`'s).
    func check(merging others: [BodyFields] = []) throws(EventbriteError) {
        try others.reduce(errors) { Self.merged($0, $1.errors) }.check()
    }

    // MARK: Readers

    private func raw(_ key: String) -> Provided<JSONValue> {
        guard let value = object[key] else { return .absent }
        return value == .null ? .null : .value(value)
    }

    /// What every reader does: absent and `null` pass through; a value is converted, or reported
    /// invalid and then read as absent.
    private mutating func read<Value>(_ key: String, _ convert: (JSONValue) -> Value?) -> Provided<Value> {
        switch raw(key) {
        case .absent: return .absent
        case .null: return .null
        case .value(let value):
            if let converted = convert(value) { return .value(converted) }
            invalid(key)
            return .absent
        }
    }

    mutating func string(_ key: String) -> Provided<String> {
        read(key) { value in
            switch value {
            case .string(let text): text
            case .int(let number): String(number)
            default: nil
            }
        }
    }

    mutating func bool(_ key: String) -> Provided<Bool> {
        read(key) { value in
            switch value {
            case .bool(let flag): flag
            case .int(let number) where number == 0 || number == 1: number == 1
            case .string(let text) where ["true", "1"].contains(text.lowercased()): true
            case .string(let text) where ["false", "0"].contains(text.lowercased()): false
            default: nil
            }
        }
    }

    /// A boolean that may be left out but not cleared: nil when absent; `null` is invalid.
    mutating func nonNullBool(_ key: String) -> Bool? {
        let flag = bool(key)
        if case .null = flag { invalid(key) }
        return flag.value
    }

    /// A string that may be left out but, when given, is one of `allowed`: nil when absent; `null`
    /// or another value is invalid.
    mutating func oneOf(_ key: String, _ allowed: some Sequence<String>) -> String? {
        let text = string(key)
        guard case .value(let value) = text, allowed.contains(value) else {
            if !text.isAbsent { invalid(key) }
            return nil
        }
        return value
    }

    mutating func integer(_ key: String) -> Provided<Int64> {
        read(key) { value in value.intValue ?? value.stringValue.flatMap { Int64($0.trimmingWhitespace()) } }
    }

    /// An id: a digit string or an integer; an empty string reads as `null` (form fields that clear).
    mutating func id(_ key: String) -> Provided<Int64> {
        if object[key] == .string("") { return .null }
        return read(key) { EventbriteID.parse($0) }
    }

    /// An id naming another record: one `exists` refuses is invalid, and read as absent.
    mutating func reference(_ key: String, exists: (Int64) throws -> Bool) rethrows -> Provided<Int64> {
        let value = id(key)
        if case .value(let id) = value, try !exists(id) {
            invalid(key)
            return .absent
        }
        return value
    }

    /// A nested object (`start`, `address`) as fields of its own, its path continuing this one's.
    /// A form may send it as JSON text.
    mutating func object(_ key: String) -> Provided<BodyFields> {
        let (prefix, strict) = (path(key), strict)
        return read(key) { value in
            let text = value.stringValue.flatMap { try? JSONParser.parse($0) }
            return (value.objectValue ?? text?.objectValue).map { BodyFields(prefix: prefix, object: $0, strict: strict) }
        }
    }

    /// A list: a JSON array, a JSON array as text, or a comma-separated string (spec §1.4).
    mutating func list(_ key: String) -> Provided<[JSONValue]> {
        read(key) { value in
            switch value {
            case .array(let elements): return elements
            case .string(let text):
                if text.hasPrefix("["), let elements = (try? JSONParser.parse(text))?.arrayValue { return elements }
                return text.split(separator: ",").map { .string($0.trimmingWhitespace()) }
            default: return nil
            }
        }
    }

    /// A list where `null` means none: its elements, `[]` for `null`, nil when absent.
    mutating func elements(_ key: String) -> [JSONValue]? {
        switch list(key) {
        case .value(let elements): return elements
        case .null: return []
        case .absent: return nil
        }
    }

    /// Multipart text input (`{"html": "…"}`, spec §10.4): its html; a plain string is accepted as
    /// text and escaped. Reports `<key>.html - MISSING` for an object without html.
    mutating func html(_ key: String) -> Provided<String> {
        switch raw(key) {
        case .absent: return .absent
        case .null: return .null
        case .value(.string(let text)): return .value(MultipartText.html(fromPlain: text))
        case .value:
            guard case .value(var fields) = object(key) else { return .absent }
            fields.rejectUnknown(allowed: ["html", "text"])
            let html = fields.string("html")
            errors = Self.merged(errors, fields.errors)
            guard case .value(let text) = html else {
                errors.missing(fields.path("html"))
                return .absent
            }
            return .value(text)
        }
    }

    /// Money input (spec §10.6): `"USD,4500"` or `{"currency": "USD", "value": 4500}`; the value in
    /// minor units, an integer ≥ 0.
    mutating func money(_ key: String) -> Provided<Money> {
        read(key) { value in
            switch value {
            case .string(let text):
                let parts = text.split(separator: ",", omittingEmptySubsequences: false)
                if parts.count == 2, let currency = Currency.code(String(parts[0])), let value = Int64(parts[1].trimmingWhitespace()),
                    value >= 0
                {
                    return Money(currency: currency, value: value)
                }
            case .object(let object):
                if let currency = object["currency"]?.stringValue.flatMap(Currency.code), let value = object["value"]?.intValue, value >= 0 {
                    return Money(currency: currency, value: value)
                }
            default: break
            }
            return nil
        }
    }

    private static func merged(_ first: ArgumentErrors, _ second: ArgumentErrors) -> ArgumentErrors {
        var result = first
        for (field, codes) in second.fields { for code in codes { result.add(field, code) } }
        return result
    }

    /// Takes over the errors another reader of a nested object found.
    mutating func absorb(_ nested: BodyFields) { errors = Self.merged(errors, nested.errors) }
}
