/// The parameters of a query string, decoded, in order, repeated keys kept.
///
/// Keys are percent-decoded before lookup, so a bracketed key matches whether the client sent
/// `page[size]=10` or `page%5Bsize%5D=10`.
public struct QueryParameters: Sendable {
    public let items: [(name: String, value: String)]

    public init(_ rawQuery: String) {
        guard !rawQuery.isEmpty else {
            items = []
            return
        }
        items = rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            if let equals = pair.firstIndex(of: "=") {
                return (
                    PercentDecoding.decode(pair[..<equals], plusAsSpace: true),
                    PercentDecoding.decode(pair[pair.index(after: equals)...], plusAsSpace: true)
                )
            }
            return (PercentDecoding.decode(pair, plusAsSpace: true), "")
        }
    }

    /// The first value given for `name`, or nil when absent.
    public subscript(name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// Every value given for `name`, in order.
    public func values(for name: String) -> [String] {
        items.filter { $0.name == name }.map(\.value)
    }

    public func contains(_ name: String) -> Bool {
        items.contains { $0.name == name }
    }

    public var isEmpty: Bool { items.isEmpty }
}
