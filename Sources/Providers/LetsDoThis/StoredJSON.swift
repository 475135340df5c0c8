import Emulation

extension Row {
    /// A column holding JSON text, parsed; `fallback` when it is null or unreadable.
    func json(_ column: String, default fallback: JSONValue) -> JSONValue {
        string(column).flatMap { try? JSONParser.parse($0) } ?? fallback
    }
}
