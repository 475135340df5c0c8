import Emulation

/// Turns a request body into one JSON object: JSON as it is, `application/x-www-form-urlencoded`
/// fields as strings; dotted keys expanded either way (spec §1.4).
enum BodyDecoding {
    static func object(of request: HTTPRequest) throws(EventbriteError) -> JSONObject {
        let raw: JSONObject
        switch request.mediaType {
        case "application/x-www-form-urlencoded"?:
            raw = JSONObject(QueryParameters(String(decoding: request.body, as: UTF8.self)).items.map { ($0.name, .string($0.value)) })
        default:
            let value: JSONValue?
            do {
                value = try request.jsonBody()
            } catch {
                throw EventbriteError.invalidBody
            }
            guard let value else { return JSONObject() }
            guard let object = value.objectValue else { throw EventbriteError.invalidBody }
            raw = object
        }
        return expandingDottedKeys(raw)
    }

    /// `{"event.name.html": "x"}` → `{"event": {"name": {"html": "x"}}}`, recursively; objects
    /// merge, and a leaf given twice keeps the last value.
    static func expandingDottedKeys(_ object: JSONObject) -> JSONObject {
        var result = JSONObject()
        for (key, value) in object {
            let path = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let expanded: JSONValue = value.objectValue.map { .object(expandingDottedKeys($0)) } ?? value
            if path.contains(where: \.isEmpty) {
                insert(expanded, at: [key], into: &result)
            } else {
                insert(expanded, at: path[...], into: &result)
            }
        }
        return result
    }

    private static func insert(_ value: JSONValue, at path: ArraySlice<String>, into object: inout JSONObject) {
        guard let key = path.first else { return }
        if path.count == 1 {
            if case .object(let incoming) = value, case .object(var existing)? = object[key] {
                for (name, member) in incoming { insert(member, at: [name], into: &existing) }
                object[key] = .object(existing)
            } else {
                object[key] = value
            }
            return
        }
        var nested = object[key]?.objectValue ?? JSONObject()
        insert(value, at: path.dropFirst(), into: &nested)
        object[key] = .object(nested)
    }
}
