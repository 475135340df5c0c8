/// List values as form and query conventions write them (Eventbrite's spec §1.4 and §1.5):
/// repeated keys (`status=live&status=draft`), comma-separated values (`status=live,draft`) or a
/// JSON array (`status=["live","draft"]`), in any mix.
public enum ListValues {
    /// The items of every value given for one name, in order, in the given spellings: each
    /// trimmed of spaces and tabs, empty ones dropped (`a,,b` is two items).
    public static func items(
        _ values: [String], spellings: QueryParameters.ListSpellings = [.commas, .jsonArray]
    ) -> [String] {
        values.flatMap { value -> [String] in
            let parts: [String]
            if spellings.contains(.jsonArray), let elements = jsonArrayElements(value) {
                parts = elements
            } else if spellings.contains(.commas) {
                parts = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            } else {
                parts = [value]
            }
            return parts.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        }
    }

    /// The elements of a JSON array of strings and integers, as text; nil for anything else.
    private static func jsonArrayElements(_ text: String) -> [String]? {
        guard text.trimmingWhitespace().hasPrefix("["), let array = (try? JSONParser.parse(text))?.arrayValue else { return nil }
        var elements: [String] = []
        for element in array {
            switch element {
            case .string(let string): elements.append(string)
            case .int(let integer): elements.append(String(integer))
            default: return nil
            }
        }
        return elements
    }
}

extension RequestBody {
    /// The items of the list form field `name` (see `ListValues`); empty when absent.
    public func list(_ name: String) -> [String] {
        ListValues.items(values(for: name))
    }
}
