import Emulation

/// Let's Do This's success bodies, with Fastify's `application/json; charset=utf-8`.
enum DataEnvelope {
    /// One object whose members `write` writes: `{"data": [items…]}`, with `"page": {…}` after
    /// the items for the paginated lists (spec §4.1).
    static func response(capacity: Int = 4_096, _ write: (inout JSONBuilder) throws -> Void) throws -> HTTPResponse {
        var json = JSONBuilder(capacity: capacity)
        try json.object(write)
        return object(json.bytes)
    }

    /// `{"data": [items…]}`: every row of `sql` written by `view`.
    static func list<Context>(
        _ view: RecordView<Context>, _ sql: String, _ arguments: any SQLiteBindable..., context: Context, in database: Database
    ) throws -> HTTPResponse {
        try response { json in
            try json.field("data", array: { json in
                try database.write(view, sql, arguments: arguments, context: context, to: &json)
            })
        }
    }

    /// One object, already encoded.
    static func object(_ bytes: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "application/json; charset=utf-8")]), body: bytes)
    }

    /// One object, already encoded, of a record the request names; `notFound` when there was none.
    static func object(_ bytes: [UInt8]?, orThrow notFound: LetsDoThisError) throws -> HTTPResponse {
        guard let bytes else { throw notFound }
        return object(bytes)
    }
}

extension Database {
    /// The first row of `sql` written by `view` as one object; nil when there is none.
    func render<Context>(_ view: RecordView<Context>, _ sql: String, _ arguments: any SQLiteBindable..., context: Context) throws -> [UInt8]? {
        try render(view, sql, arguments: arguments, context: context)
    }

    func render<Context>(_ view: RecordView<Context>, _ sql: String, arguments: [any SQLiteBindable], context: Context) throws -> [UInt8]? {
        var json = JSONBuilder(capacity: 2_048)
        let rows = try write(view, sql + " LIMIT 1", arguments: arguments, context: context, to: &json)
        return rows == 0 ? nil : json.bytes
    }

    /// The first record of the view's table that `condition` (SQL over its columns, an ORDER BY
    /// may follow) matches, written by `view`; nil when there is none.
    func render(_ view: RecordView<Void>, where condition: String, arguments: [any SQLiteBindable]) throws -> [UInt8]? {
        try render(view, "SELECT \(view.table.selectList()) FROM \(view.table.name) WHERE \(condition)", arguments: arguments, context: ())
    }

    func render(_ view: RecordView<Void>, where condition: String, _ arguments: any SQLiteBindable...) throws -> [UInt8]? {
        try render(view, where: condition, arguments: arguments)
    }
}
