import Emulation

/// The response shapes the resources share (spec §4): `{"<singular>": {…}}` for one record,
/// `{"<plural>": […], "meta": {…}}` for a page, 204 with no body for a delete.
enum ResourceResponse {
    /// A body already written.
    static func body(_ bytes: [UInt8], status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/json; charset=utf-8")]), body: bytes)
    }

    /// A page under `key`: `items` writes its elements, `meta` the pagination keys, `extraMeta`
    /// what follows them (by default the empty `filter_options` most lists show). `capacity` is
    /// the body's expected size: large pages would otherwise grow and copy it a dozen times.
    static func list(
        _ key: StaticString, meta: PageMeta, capacity: Int = 16_384,
        extraMeta: (inout JSONBuilder) -> Void = ListMeta.writeEmptyFilterOptions,
        items: (inout JSONBuilder) throws -> Void
    ) rethrows -> HTTPResponse {
        var json = JSONBuilder(capacity: capacity)
        try json.object { json in
            try json.field(key, array: items)
            json.object("meta") { json in
                meta.write(to: &json)
                extraMeta(&json)
            }
        }
        return body(json.takeBytes())
    }

    static let deleted = HTTPResponse.empty(status: 204)
}

extension ProviderRequest {
    /// The emulated time in milliseconds since the epoch, the form Tito tables store.
    var nowMilliseconds: Int64 { TitoFormats.milliseconds(now) }

    /// The view a single-record response uses: extended unless `?view=short`.
    var singleView: View { View.resolve(query, default: .extended) }

    /// The view a list uses: short unless `?view=extended`.
    var listView: View { View.resolve(query, default: .short) }
}
