/// List parameters as form and query conventions write them (Eventbrite's spec §1.4 and §1.5):
/// repeated keys (`status=live&status=draft`), comma-separated values (`status=live,draft`) or a
/// JSON array (`status=["live","draft"]`), in any mix.
public enum ListValues {
    /// The items of every value given for one name, in order. Items are trimmed and empty ones
    /// dropped (`a,,b` is two items); JSON array elements that are not strings are kept as their
    /// JSON text (`[1,2]` gives `"1"`, `"2"`).
    public static func items(_ values: [String]) -> [String] {
        values.flatMap { value -> [String] in
            let trimmed = value.trimmingWhitespace()
            if trimmed.hasPrefix("["), case .array(let elements)? = try? JSONParser.parse(trimmed) {
                return elements.map { $0.stringValue ?? JSONWriter.string($0) }
            }
            return trimmed.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        }
    }
}

extension QueryParameters {
    /// The items of the list parameter `name` (see `ListValues`); empty when absent.
    public func list(_ name: String) -> [String] {
        ListValues.items(values(for: name))
    }
}

extension RequestBody {
    /// The items of the list form field `name` (see `ListValues`); empty when absent.
    public func list(_ name: String) -> [String] {
        ListValues.items(values(for: name))
    }
}
