import Emulation

extension JSONValue {
    /// The element at `index` of an array, or nil.
    public subscript(index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }
}

/// The keys of a JSON object, in order.
public func keys(_ value: JSONValue?) -> [String] { value?.objectValue?.keys ?? [] }
