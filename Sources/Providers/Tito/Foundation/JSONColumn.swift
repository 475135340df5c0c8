import Emulation

/// JSON stored in a TEXT column (id lists, metadata objects): written compactly, read leniently.
enum JSONColumn {
    static func text(_ value: JSONValue) -> String { JSONWriter.string(value) }

    static func text(ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }

    static func value(_ text: String?) -> JSONValue {
        guard let text, let value = try? JSONParser.parse(Array(text.utf8)) else { return .null }
        return value
    }

    /// Writes a column's JSON as stored, or null: every writer stores it through `text(_:)`, so
    /// it is valid compact JSON and list pages need not parse and re-encode it per row.
    static func write(_ text: String?, to json: inout JSONBuilder) {
        guard let text else { return json.null() }
        json.encodedValue(Array(text.utf8))
    }

    static func ids(_ text: String?) -> [Int64] {
        value(text).arrayValue?.compactMap(\.intValue) ?? []
    }

    static func strings(_ text: String?) -> [String] {
        value(text).arrayValue?.compactMap(\.stringValue) ?? []
    }

    static func object(_ text: String?) -> JSONObject {
        value(text).objectValue ?? JSONObject()
    }
}
