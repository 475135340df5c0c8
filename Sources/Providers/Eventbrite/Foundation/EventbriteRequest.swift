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

    init(_ request: ProviderRequest, caller: UserCaller, settings: EventbriteSettings) {
        http = request
        self.caller = caller
        self.settings = settings
        // Already checked by authentication, which runs first.
        switches = (try? APISwitches(headers: request.headers)) ?? .none
        expansions = ExpansionRequest(query: request.query)
    }

    var query: QueryParameters { http.query }

    func parameter(_ name: String) -> String { http.parameter(name) }

    /// A path id (`{event_id}`…), or the 404 of `subject` when it is not a number (spec §6.3).
    func id(_ name: String, orNotFound subject: NotFoundSubject) throws(EventbriteError) -> Int64 {
        guard let id = EventbriteID.parse(http.parameter(name)) else { throw EventbriteError.notFound(subject) }
        return id
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
        let (found, response) = try request.read { database in
            var found = false
            let response = try json { json in
                found = try presenter.writeOne(
                    where: condition, arguments, context: request.context(database, type: presenter.type), to: &json)
            }
            return (found, response)
        }
        guard found else { throw notFound }
        return response
    }

    /// A record under a wrapper key (`{"question": {…}}`), for the few endpoints the seed documents so.
    static func wrapped(
        _ key: String, _ presenter: Presenter, where condition: String, _ arguments: [any SQLiteBindable],
        _ request: EventbriteRequest, notFound: EventbriteError
    ) throws -> HTTPResponse {
        let (found, response) = try request.read { database in
            var found = false
            let response = try json { json in
                try json.object { json in
                    json.key(escaping: key)
                    found = try presenter.writeOne(
                        where: condition, arguments, context: request.context(database, type: presenter.type), to: &json)
                }
            }
            return (found, response)
        }
        guard found else { throw notFound }
        return response
    }
}
