import Emulation

/// A request body schema as the spec gives it (§6), checked the way Fastify's Ajv does:
/// required properties first in their listed order, then each property in schema order, the
/// first failure answering with Ajv's message (§5.2). Values are coerced as Ajv's
/// `coerceTypes: "array"` does, and the coerced body is returned.
struct BodySchema {
    enum Kind {
        /// A string; `name` rules add minLength 1 and the pattern `^(\S).+$`.
        case string
        case name
        case email
        case enumeration([String])
        /// A number with a minimum.
        case number(minimum: Double)
        case boolean
        /// An object stored and echoed verbatim.
        case object
        /// An array of objects, stored verbatim.
        case arrayOfObjects(minItems: Int)
    }

    let required: [String]
    let properties: [(name: String, kind: Kind)]

    func validate(_ body: JSONObject) throws -> JSONObject {
        for name in required where body[name] == nil {
            throw LetsDoThisError.validation("body must have required property '\(name)'")
        }
        var result = JSONObject()
        for (name, kind) in properties {
            guard let value = body[name] else { continue }
            result[name] = try Self.check(value, kind, path: "body/\(name)")
        }
        return result
    }

    private static func check(_ value: JSONValue, _ kind: Kind, path: String) throws -> JSONValue {
        switch kind {
        case .string:
            return .string(try string(value, path))
        case .name:
            let text = try string(value, path)
            guard !text.isEmpty else { throw LetsDoThisError.validation("\(path) must NOT have fewer than 1 characters") }
            guard matchesNamePattern(text) else { throw LetsDoThisError.validation("\(path) must match pattern \"^(\\S).+$\"") }
            return .string(text)
        case .email:
            let text = try string(value, path)
            guard isEmail(text) else { throw LetsDoThisError.validation("\(path) must match format \"email\"") }
            return .string(text)
        case .enumeration(let allowed):
            let text = try string(value, path)
            guard allowed.contains(text) else { throw LetsDoThisError.validation("\(path) must be equal to one of the allowed values") }
            return .string(text)
        case .number(let minimum):
            guard let number = self.number(value) else { throw LetsDoThisError.validation("\(path) must be number") }
            guard number.doubleValue ?? 0 >= minimum else {
                let bound = minimum.rounded() == minimum ? String(Int64(minimum)) : String(minimum)
                throw LetsDoThisError.validation("\(path) must be >= \(bound)")
            }
            return number
        case .boolean:
            guard let flag = boolean(value) else { throw LetsDoThisError.validation("\(path) must be boolean") }
            return .bool(flag)
        case .object:
            guard case .object = value else { throw LetsDoThisError.validation("\(path) must be object") }
            return value
        case .arrayOfObjects(let minItems):
            let elements: [JSONValue]
            switch value {
            case .array(let array): elements = array
            case .object: throw LetsDoThisError.validation("\(path) must be array")
            // Ajv wraps a scalar, null included, in an array; it then fails as an item.
            default: elements = [value]
            }
            guard elements.count >= minItems else {
                throw LetsDoThisError.validation("\(path) must NOT have fewer than \(minItems) items")
            }
            for (index, element) in elements.enumerated() {
                guard case .object = element else { throw LetsDoThisError.validation("\(path)/\(index) must be object") }
            }
            return .array(elements)
        }
    }

    /// A string, or a number or boolean written as one (`123` → `"123"`); a one-element array
    /// of those is unwrapped.
    private static func string(_ value: JSONValue, _ path: String) throws -> String {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return JSONWriter.string(.double(number))
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return ""
        case .array(let elements) where elements.count == 1:
            if case .array = elements[0] { break }
            if case .object = elements[0] { break }
            return try string(elements[0], path)
        default: break
        }
        throw LetsDoThisError.validation("\(path) must be string")
    }

    private static func number(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .int, .double: return value
        case .string(let text):
            // Ajv would let `Infinity` through; JSON has no way to answer it, so it is refused.
            guard !text.isEmpty, let number = ListQuery.javaScriptNumber(text), number.isFinite else { return nil }
            if number.rounded() == number, abs(number) < 9e15 { return .int(Int64(number)) }
            return .double(number)
        case .bool(let flag): return .int(flag ? 1 : 0)
        case .null: return .int(0)
        case .array(let elements) where elements.count == 1: return number(elements[0])
        default: return nil
        }
    }

    private static func boolean(_ value: JSONValue) -> Bool? {
        switch value {
        case .bool(let flag): return flag
        case .string("true"): return true
        case .string("false"): return false
        case .int(1): return true
        case .int(0): return false
        case .null: return false
        case .array(let elements) where elements.count == 1: return boolean(elements[0])
        default: return nil
        }
    }

    /// `^(\S).+$`: a first character that is not whitespace, then at least one more, none of
    /// them a line terminator (`.` does not match those).
    static func matchesNamePattern(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 2, !scalars[0].properties.isWhitespace, !isLineTerminator(scalars[0]) else { return false }
        return !scalars.dropFirst().contains(where: isLineTerminator)
    }

    private static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// Ajv's `email` format: a dot-atom local part, `@`, and dot-separated labels of letters,
    /// digits and inner hyphens.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-")
        let atoms = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard atoms.allSatisfy({ !$0.isEmpty && $0.allSatisfy(localAllowed.contains) }) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        let labelAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        return labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy(labelAllowed.contains) && label.first != "-" && label.last != "-"
        }
    }
}
