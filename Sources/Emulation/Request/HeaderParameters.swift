/// A header value of the form `value; name=token; name="quoted \"string\""` (Content-Type,
/// Content-Disposition): the leading value and its parameters, names lower-cased.
///
/// Unquoted parameter values run to the next `;` and are trimmed, which also takes the
/// characters RFC 2045 would want quoted (curl and browsers send boundaries that way).
/// A quoted value ends at the first unescaped `"`; a backslash escapes the next character.
public struct HeaderParameters: Sendable, Equatable {
    /// The part before the first `;`, trimmed and lower-cased (`multipart/form-data`, `form-data`).
    public let value: String
    public let parameters: [(name: String, value: String)]

    /// Nil for an unterminated quoted string or a parameter without `=`.
    public init?(_ header: String) {
        var characters = Substring(header)
        value = String(characters.prefix { $0 != ";" }).trimmingWhitespace().lowercased()
        characters = characters.drop { $0 != ";" }
        var parameters: [(name: String, value: String)] = []
        while characters.first == ";" {
            characters = characters.dropFirst()
            let name = characters.prefix { $0 != "=" && $0 != ";" }.trimmingWhitespace().lowercased()
            characters = characters.drop { $0 != "=" && $0 != ";" }
            if name.isEmpty && characters.first != "=" { continue }  // `a;;b` or a trailing `;`
            guard characters.first == "=", !name.isEmpty else { return nil }
            characters = characters.dropFirst()
            while let first = characters.first, first == " " || first == "\t" { characters = characters.dropFirst() }
            if characters.first == "\"" {
                characters = characters.dropFirst()
                var text = ""
                var closed = false
                while let character = characters.popFirst() {
                    if character == "\\", let escaped = characters.popFirst() {
                        text.append(escaped)
                    } else if character == "\"" {
                        closed = true
                        break
                    } else {
                        text.append(character)
                    }
                }
                guard closed else { return nil }
                parameters.append((name, text))
                characters = characters.drop { $0 != ";" }
            } else {
                parameters.append((name, characters.prefix { $0 != ";" }.trimmingWhitespace()))
                characters = characters.drop { $0 != ";" }
            }
        }
        self.parameters = parameters
    }

    /// The first parameter called `name` (lower-case).
    public subscript(name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    public static func == (lhs: HeaderParameters, rhs: HeaderParameters) -> Bool {
        lhs.value == rhs.value && lhs.parameters.elementsEqual(rhs.parameters) { $0.name == $1.name && $0.value == $1.value }
    }
}
