import HTTPServer

/// `GET` and `DELETE /_understudy/requests`: the request journal.
enum JournalEndpoints {
    static let list: ControlAPI.Handler = { request in
        let limitText = request.query["limit"]
        let limit = limitText.flatMap(Int.init) ?? 100
        guard limit > 0 else { throw ControlError.badRequest("limit must be a positive integer") }
        let entries = request.world.journal.entries(
            provider: request.query["provider"], method: request.query["method"], path: request.query["path"],
            limit: limit)
        return ControlAPI.ok(["requests": .array(entries.map(json))])
    }

    static let clear: ControlAPI.Handler = { request in
        request.world.journal.clear()
        return .empty(status: 204)
    }

    private static func json(_ entry: JournalEntry) -> JSONValue {
        var headers = JSONObject()
        for header in entry.headers {
            // Repeated headers are joined as RFC 9110 §5.3 allows.
            if case .string(let earlier)? = headers[header.name] {
                headers[header.name] = .string(earlier + ", " + header.value)
            } else {
                headers[header.name] = .string(header.value)
            }
        }
        var object: JSONValue = [
            "id": .int(entry.id),
            "time": .string(Timestamp.iso8601Milliseconds(entry.time)),
            "method": .string(entry.method),
            "path": .string(entry.path),
            "query": .string(entry.query),
            "headers": .object(headers),
            "body": .string(entry.body),
            "status": .int(entry.status),
            "provider": .string(entry.provider),
            "route": .string(entry.route),
            "client": .string(entry.client),
        ]
        if let error = entry.error { object = object.adding("error", .string(error)) }
        return object
    }
}
