import Emulation

/// Successful `/v3` responses: JSON bodies, `Content-Type: application/json` (spec §1).
enum BookingkitResponse {
    static func body(_ bytes: [UInt8], status: Int = 200, headers: [(String, String)] = []) -> HTTPResponse {
        var response = HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/json")]), body: bytes)
        for (name, value) in headers { response.headers.add(name, value) }
        return response
    }

    static func json(_ value: JSONValue, status: Int = 200) -> HTTPResponse {
        .json(value, status: status, contentType: "application/json")
    }

    /// The one row of the view's table that `condition` selects, as `single` below answers it.
    static func single<Context>(
        _ view: RecordView<Context>, where condition: String, arguments: [any SQLiteBindable], context: Context,
        keeping keys: Set<String>? = nil, status: Int = 200, in database: Database
    ) throws -> HTTPResponse {
        try single(
            view, "SELECT \(view.table.selectList()) FROM \(view.table.name) WHERE \(condition)", arguments: arguments,
            context: context, keeping: keys, status: status, in: database)
    }

    /// One record rendered with `view` from the first row of `sql`; 404 when there is none.
    static func single<Context>(
        _ view: RecordView<Context>, _ sql: String, arguments: [any SQLiteBindable], context: Context, keeping keys: Set<String>? = nil,
        status: Int = 200, in database: Database
    ) throws -> HTTPResponse {
        var json = JSONBuilder()
        guard try database.write(view, sql + " LIMIT 1", arguments: arguments, context: context, keeping: keys, to: &json) == 1 else {
            throw BookingkitError.notFound
        }
        return body(json.bytes, status: status)
    }
}
