extension QueryParameters {
    /// How a parameter given more than once reads, which differs by server framework: Rack and
    /// this kit's subscript take the first value, Django's `QueryDict.get` and PHP the last, and
    /// a JSON-schema validator refuses the array a repeated key becomes.
    public enum Repeats: Sendable {
        case firstWins
        case lastWins
        case rejected
    }

    /// The one value of `name`, as given (possibly empty); nil when absent.
    public func single(_ name: String, repeats: Repeats = .firstWins) throws(QueryParameterError) -> String? {
        let values = values(for: name)
        guard let first = values.first else { return nil }
        switch repeats {
        case .firstWins: return first
        case .lastWins: return values.last
        case .rejected:
            guard values.count == 1 else { throw QueryParameterError(name: name, value: first, problem: .repeated) }
            return first
        }
    }

    /// `name` as a base-10 integer (optional sign, surrounding spaces and tabs ignored) within
    /// `bounds`; nil when absent. An empty value is not an integer.
    public func integer(
        _ name: String, in bounds: ClosedRange<Int> = Int.min...Int.max, repeats: Repeats = .firstWins
    ) throws(QueryParameterError) -> Int? {
        guard let text = try single(name, repeats: repeats) else { return nil }
        guard let value = Int(text.trimmingWhitespace()) else {
            throw QueryParameterError(name: name, value: text, problem: .notAnInteger)
        }
        guard bounds.contains(value) else { throw QueryParameterError(name: name, value: text, problem: .outOfBounds(bounds)) }
        return value
    }

    /// `name` as a boolean: `true`, `false`, `1` or `0`; nil when absent.
    public func boolean(_ name: String, repeats: Repeats = .firstWins) throws(QueryParameterError) -> Bool? {
        guard let text = try single(name, repeats: repeats) else { return nil }
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: throw QueryParameterError(name: name, value: text, problem: .notABoolean)
        }
    }
}
