import Emulation

/// The response shapes the event sub-resources share (spec §4): `{"<singular>": {…}}` for one
/// record, `{"<plural>": […], "meta": {…}}` for a page, 204 with no body for a delete.
enum ResourceResponse {
    static func single(_ key: String, _ object: JSONValue, status: Int = 200) -> HTTPResponse {
        .json(.object(JSONObject([(key: key, value: object)])), status: status)
    }

    /// A page of `items` under `key`; `extraMeta` writes what follows the pagination keys (by
    /// default the empty `filter_options` most lists show).
    static func list(
        _ key: StaticString, items: [JSONValue], meta: PageMeta,
        extraMeta: (inout JSONBuilder) -> Void = ListMeta.writeEmptyFilterOptions
    ) -> HTTPResponse {
        .json { json in
            json.object { json in
                json.field(key, elements: items)
                json.object("meta") { json in
                    meta.write(to: &json)
                    extraMeta(&json)
                }
            }
        }
    }

    static let deleted = HTTPResponse.empty(status: 204)

    /// A JSON body written into a buffer reserved up front: large pages (orders run to a few
    /// kilobytes a record) would otherwise grow and copy it a dozen times.
    static func json(capacity: Int, _ build: (inout JSONBuilder) throws -> Void) rethrows -> HTTPResponse {
        var json = JSONBuilder(capacity: capacity)
        try build(&json)
        return HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "application/json; charset=utf-8")]), body: json.bytes)
    }
}

extension JSONValue {
    /// The object with `"view": "extended"` appended when `view` is extended (spec §6).
    func marked(_ view: View) -> JSONValue {
        guard view.isExtended, var object = objectValue else { return self }
        object.append("view", "extended")
        return .object(object)
    }
}

extension ProviderRequest {
    /// The emulated time in milliseconds since the epoch, the form Tito tables store.
    var nowMilliseconds: Int64 { TitoFormats.milliseconds(now) }

    /// The view a single-record response uses: extended unless `?view=short`.
    var singleView: View { View.resolve(query, default: .extended) }

    /// The view a list uses: short unless `?view=extended`.
    var listView: View { View.resolve(query, default: .short) }
}
