import Emulation
import Foundation

/// How the live service (Node/Express) reads loosely typed input, for the few places where a
/// client can tell: which values count as "missing" and how a value reads inside a message.
enum JavaScriptSemantics {
    /// JavaScript truthiness: absent, `null`, `false`, `0`, `NaN` and `""` are falsy. The live
    /// service's `if (!body.eventId)`-style checks treat all of these as missing.
    static func isTruthy(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: return false
        case .bool(let flag)?: return flag
        case .int(let number)?: return number != 0
        case .double(let number)?: return number != 0 && !number.isNaN
        case .string(let text)?: return !text.isEmpty
        case .array?, .object?: return true
        }
    }

    /// `String(value)` as JavaScript writes it (what `${value}` puts in a message).
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return numberText(number)
        case .string(let text): return text
        // Array.prototype.toString joins the elements' strings, writing null as "".
        case .array(let elements): return elements.map { $0 == .null ? "" : text($0) }.joined(separator: ",")
        case .object: return "[object Object]"
        }
    }

    /// A scalar read into a string field the way a Mongoose `String` path casts it: strings as
    /// they are, numbers and booleans as their text; nil for null, arrays and objects.
    static func stringCast(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: return text
        case .int?, .double?, .bool?: return value.map(text)
        default: return nil
        }
    }

    /// JavaScript's white space and line terminators (`\s`, what `parseInt` skips): Unicode's
    /// White_Space except U+0085, plus the byte-order mark U+FEFF.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.properties.isWhitespace && scalar != "\u{85}") || scalar == "\u{FEFF}"
    }

    private static func numberText(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        if number.rounded() == number && abs(number) < 1e21 {
            return String(format: "%.0f", number)
        }
        return String(number)
    }
}
