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
        var all = errors
        for other in others { for (field, codes) in other.errors.fields { for code in codes { all.add(field, code) } } }
        try all.check()
    }

    // MARK: Readers

    private func raw(_ key: String) -> Provided<JSONValue> {
        guard let value = object[key] else { return .absent }
        return value == .null ? .null : .value(value)
    }

    mutating func string(_ key: String) -> Provided<String> {
        switch raw(key) {
        case .absent: return .absent
        case .null: return .null
        case .value(.string(let text)): return .value(text)
        case .value(.int(let number)): return .value(String(number))
        default:
            invalid(key)
            return .absent
        }
    }

    mutating func bool(_ key: String) -> Provided<Bool> {
        switch raw(key) {
        case .absent: return .absent
        case .null: return .null
        case .value(.bool(let flag)): return .value(flag)
        case .value(.int(let number)) where number == 0 || number == 1: return .value(number == 1)
        case .value(.string(let text)):
            switch text.lowercased() {
            case "true", "1": return .value(true)
            case "false", "0": return .value(false)
            default: break
            }
        default: break
        }
        invalid(key)
        return .absent
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
        switch raw(key) {
        case .absent: return .absent
        case .null: return .null
        case .value(let value):
            if let number = value.intValue { return .value(number) }
            if let text = value.stringValue, let number = Int64(text.trimmingWhitespace()) { return .value(number) }
            invalid(key)
            return .absent
        }
    }

    /// An id: a digit string or an integer; an empty string reads as `null` (form fields that clear).
    mutating func id(_ key: String) -> Provided<Int64> {
        switch raw(key) {
        case .absent: return .absent
        case .null: return .null
        case .value(.string("")): return .null
        case .value(let value):
            if let id = EventbriteID.parse(value) { return .value(id) }
            invalid(key)
            return .absent
        }
    }

    /// A nested object (`start`, `address`) as fields of its own, its path continuing this one's.
    /// A form may send it as JSON text.
    mutating func object(_ key: String) -> Provided<BodyFields> {
        switch raw(key) {
        case .absent: return .absent
        case .null: return .null
        case .value(.object(let object)): return .value(BodyFields(prefix: path(key), object: object, strict: strict))
        case .value(.string(let text)):
            if let object = (try? JSONParser.parse(text))?.objectValue {
                return .value(BodyFields(prefix: path(key), object: object, strict: strict))
            }
        default: break
        }
        invalid(key)
        return .absent
    }

    /// A list: a JSON array, a JSON array as text, or a comma-separated string (spec §1.4).
    mutating func list(_ key: String) -> Provided<[JSONValue]> {
        switch raw(key) {
        case .absent: return .absent
        case .null: return .null
        case .value(.array(let elements)): return .value(elements)
        case .value(.string(let text)):
            if text.hasPrefix("["), let elements = (try? JSONParser.parse(text))?.arrayValue { return .value(elements) }
            return .value(text.split(separator: ",").map { .string($0.trimmingWhitespace()) })
        default:
            invalid(key)
            return .absent
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
        switch raw(key) {
        case .absent: return .absent
        case .null: return .null
        case .value(.string(let text)):
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            if parts.count == 2, let currency = Currency.code(String(parts[0])), let value = Int64(parts[1].trimmingWhitespace()),
                value >= 0
            {
                return .value(Money(currency: currency, value: value))
            }
        case .value(.object(let object)):
            if let currency = object["currency"]?.stringValue.flatMap(Currency.code), let value = object["value"]?.intValue, value >= 0 {
                return .value(Money(currency: currency, value: value))
            }
        default: break
        }
        invalid(key)
        return .absent
    }

    private static func merged(_ first: ArgumentErrors, _ second: ArgumentErrors) -> ArgumentErrors {
        var result = first
        for (field, codes) in second.fields { for code in codes { result.add(field, code) } }
        return result
    }

    /// Takes over the errors another reader of a nested object found.
    mutating func absorb(_ nested: BodyFields) { errors = Self.merged(errors, nested.errors) }
}
