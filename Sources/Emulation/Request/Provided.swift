/// What a request body says about one of its members: nothing (the member is not there), an
/// explicit `null`, or a value. A partial update tells the three apart: absent leaves a property
/// as it is, null clears it, a value replaces it.
public enum Provided<Value> {
    case absent
    case null
    case value(Value)

    /// The value, or nil for null and absent.
    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    public var isAbsent: Bool {
        if case .absent = self { return true }
        return false
    }

    public func map<T>(_ transform: (Value) throws -> T) rethrows -> Provided<T> {
        switch self {
        case .absent: return .absent
        case .null: return .null
        case .value(let value): return .value(try transform(value))
        }
    }

    /// Applies the member to an optional property: a value replaces it, null clears it, absent
    /// leaves it as it is.
    public func update(_ property: inout Value?) {
        switch self {
        case .absent: break
        case .null: property = nil
        case .value(let value): property = value
        }
    }
}

extension Provided: Sendable where Value: Sendable {}
extension Provided: Equatable where Value: Equatable {}
