import Emulation

extension Row {
    /// A column holding JSON text, parsed; `fallback` when it is null or unreadable.
    func json(_ column: String, default fallback: JSONValue) -> JSONValue {
        string(column).flatMap { try? JSONParser.parse($0) } ?? fallback
    }

    /// The `body` column: a response object stored as compact JSON, copied into responses as it is.
    var bodyBytes: [UInt8] { Array((string("body") ?? "{}").utf8) }
}
