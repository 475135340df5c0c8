import Emulation
import Foundation

/// What an Eventbrite handler gets: the request, the user it acts for, and the pieces every
/// endpoint reads the same way (expansions, the page, the body).
struct EventbriteRequest {
    let http: ProviderRequest
    let caller: UserCaller
    let settings: EventbriteSettings
    let switches: APISwitches
    let expansions: ExpansionRequest

    init(_ request: ProviderRequest, caller: UserCaller, switches: APISwitches, settings: EventbriteSettings) {
        http = request
        self.caller = caller
        self.settings = settings
        self.switches = switches
        expansions = ExpansionRequest(query: request.query)
    }

    var query: QueryParameters { http.query }

    func parameter(_ name: String) -> String { http.parameter(name) }

    /// A path id (`{event_id}`…), or the 404 of `subject` when it is not a number (spec §6.3).
    func id(_ name: String, orNotFound subject: NotFoundSubject) throws(EventbriteError) -> Int64 {
        guard let id = EventbriteID.parse(http.parameter(name)) else { throw EventbriteError.notFound(subject) }
        return id
    }

    /// The record whose id is the path's `{name}`, among those `condition` finds (its first
    /// placeholder is the id, `arguments` fill the rest): the 404 of `subject` when the id is not
    /// a number or no such row exists (spec §6.3). Access checks stay with the caller.
    func record<Record: StoredRecord>(
        _ type: Record.Type, _ name: String, where condition: String = "id = ?", _ arguments: any SQLiteBindable...,
        notFound subject: NotFoundSubject, in database: Database
    ) throws -> Record {
        let id = try id(name, orNotFound: subject)
        guard let record = try database.fetchAll(type, where: condition + " LIMIT 1", arguments: [id] + arguments).first else {
            throw EventbriteError.notFound(subject)
        }
        return record
    }

    /// The emulated time in whole seconds.
    var now: Int64 { Int64(http.now.timeIntervalSince1970.rounded(.down)) }

    /// The page the query asks for (spec §4.1).
    func page() throws(EventbriteError) -> PageRequest { try PageRequest(query: query) }

    /// The context top-level objects of `type` render with.
    func context(_ database: Database, type: String) -> RenderContext {
        RenderContext(
            database: database, caller: caller, expansions: expansions.scope(for: type), now: now, switches: switches,
            settings: settings)
    }

    func read<T>(_ body: (Database) throws -> T) rethrows -> T { try http.read(body) }

    func write<T>(_ body: (Database) throws -> T) throws -> T { try http.write(body) }
}

/// Responses every endpoint answers with, in Eventbrite's form: always `application/json` (§1.6).
enum EventbriteResponse {
    static func json(_ value: JSONValue, status: Int = 200) -> HTTPResponse {
        .json(value, status: status, contentType: "application/json")
    }

    static func json(_ build: (inout JSONBuilder) throws -> Void) rethrows -> HTTPResponse {
        try HTTPResponse.json(contentType: "application/json", build)
    }

    /// A single record, bare (spec §8: single-resource responses are not wrapped), or its 404.
    static func one(
        _ presenter: Presenter, id: Int64, _ request: EventbriteRequest, notFound: NotFoundSubject
    ) throws -> HTTPResponse {
        try one(presenter, where: "\(presenter.alias).id = ?", [id], request, notFound: .notFound(notFound))
    }

    static func one(
        _ presenter: Presenter, where condition: String, _ arguments: [any SQLiteBindable], _ request: EventbriteRequest,
        notFound: EventbriteError
    ) throws -> HTTPResponse {
        try record(presenter, where: condition, arguments, request, notFound: notFound, wrapper: nil)
    }

    /// The record of `type` (the presenter's table) `condition` finds, read once: decoded from
    /// the row its view is written from, it passes `check` (which throws the endpoint's 403 or a
    /// later 404) before anything is written; none is `notFound`.
    static func one<Record: StoredRecord>(
        _ presenter: Presenter, as type: Record.Type, where condition: String, _ arguments: [any SQLiteBindable],
        _ request: EventbriteRequest, notFound: EventbriteError, check: @escaping (Record, Database) throws -> Void
    ) throws -> HTTPResponse {
        try record(presenter, where: condition, arguments, request, notFound: notFound, wrapper: nil) { cursor, database in
            try check(try Record(row: cursor), database)
        }
    }

    /// A record under a wrapper key (`{"question": {…}}`), for the few endpoints the seed documents so.
    static func wrapped(
        _ key: String, _ presenter: Presenter, where condition: String, _ arguments: [any SQLiteBindable],
        _ request: EventbriteRequest, notFound: EventbriteError
    ) throws -> HTTPResponse {
        try record(presenter, where: condition, arguments, request, notFound: notFound, wrapper: key)
    }

    /// The record `condition` finds, bare or under `wrapper`, or the `notFound` error.
    private static func record(
        _ presenter: Presenter, where condition: String, _ arguments: [any SQLiteBindable], _ request: EventbriteRequest,
        notFound: EventbriteError, wrapper: String?, check: ((StatementCursor, Database) throws -> Void)? = nil
    ) throws -> HTTPResponse {
        let (found, response) = try request.read { database in
            let context = request.context(database, type: presenter.type)
            let checking = check.map { check in { (cursor: StatementCursor) in try check(cursor, database) } }
            var found = false
            let response = try json { json in
                guard let wrapper else {
                    found = try presenter.writeOne(where: condition, arguments, context: context, checking: checking, to: &json)
                    return
                }
                try json.object { json in
                    json.key(escaping: wrapper)
                    found = try presenter.writeOne(where: condition, arguments, context: context, checking: checking, to: &json)
                }
            }
            return (found, response)
        }
        guard found else { throw notFound }
        return response
    }
}
