import Emulation
import Foundation
import Testing
import TestSupport
import UnderstudyServer

/// Every route of every provider, as `/_understudy/routes` lists it, called with the provider's
/// demo credentials and odd input: strange path parameters, strange values for every documented
/// query parameter, malformed bodies and documented body fields of the wrong type. Whatever
/// arrives, the answer is below 500, a 4xx body is the provider's own error shape, accepted
/// writes leave a readable record, and the server keeps serving. Inputs come from a fixed seed
/// (see `HostileInputTests.SeededGenerator`), so a failure replays exactly.
@Suite struct ProviderHostileInputTests {
    /// Values put in place of one path parameter (already percent-encoded where needed).
    static let pathValues = [
        "", "%20", "0", "-1", "1.5", "1e308", "-9223372036854775809", "9223372036854775808",
        "99999999999999999999999999999", "%00", "a%00b", "%2F", "x%2Fy", "..%2F..", "%2e%2e", "caf%C3%A9",
        "%F0%9F%98%80", "%FF%FE", "%ZZ", "%", "null", "true", "%5B%5D", "%7Bid%7D", "%27%20OR%201=1--", "%22", "%5C",
        String(repeating: "9", count: 400), String(repeating: "a", count: 3000),
    ]

    /// Values for query parameters (already percent-encoded where needed).
    static let queryValues = [
        "", "0", "-1", "1.9", "-0.5", "1e308", "-1e308", "NaN", "Infinity", "99999999999999999999",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "abc", "true", "%00", "%E2%28",
        "2024-13-45", "2024-13-45T99:99:99Z", "99999-01-01T00:00:00Z", "0000-00-00", "-0001-01-01T00:00:00Z",
        "2019-01-01T09:00:00+UTC", "%5B%5D", "%7B%7D", "caf%C3%A9", String(repeating: "q", count: 2000),
        "1,2,,3", "-1%20", "%2B1",
    ]

    /// Documented query parameters by provider (each spec's pagination, filter and sort sections).
    static let queryParameters: [String: [String]] = [
        "goevent": ["page", "limit", "eventId"],
        "letsdothis": [
            "page[size]", "page[after]", "page[before]", "sort[updatedAt]", "sort[createdAt]", "createdAt[after]",
            "createdAt[before]", "updatedAt[after]", "updatedAt[before]", "extendMetadata", "eventOccurrenceId", "search",
            "externalId",
        ],
        "tito": [
            "page", "page[number]", "page[size]", "view", "expand", "version", "q", "search[q]", "search[sort]",
            "search[direction]", "search[states]", "search[states][]", "search[types][]", "search[release_ids][]",
            "search[activity_ids][]", "search[created_at][gt]", "search[created_at][gte]", "search[updated_at][lt]",
            "search[updated_at][lte]",
        ],
        "eventbrite": [
            "page", "page_size", "continuation", "expand", "expand.event", "token", "status", "order_by", "time_filter",
            "series_filter", "show_series_parent", "name_filter", "venue_filter", "event_ids", "start_date.range_start",
            "only_public", "q", "price", "location.latitude", "location.within", "response_type", "client_id", "redirect_uri",
            "include_all", "as_owner", "purpose", "width", "height", "type", "text_codes", "locale", "event_id", "venue_id",
            "venue_name_filter", "start_date.range_end",
            "scope", "code", "code_filter", "event_id", "type", "changed_since", "last_item_seen", "attendee_ids", "pos", "category",
            "include_holds", "hold_id", "seatmap_number", "count_against_event_capacity", "term", "event_ids", "group_by",
            "date_facet", "filter_by", "period", "country", "currency", "plan", "only_emails", "refund_request_statuses",
        ],
        "bookingkit": [
            "limit", "offset", "accept", "exclude", "fields", "with_count", "order", "match", "delta_since", "type", "category",
            "categories", "accept_vendors", "exclude_vendors", "preferred_categories", "available_from", "available_until",
            "geolocation", "with_private_prices", "only_root_events", "only_main_duration", "min_price", "max_price", "available",
            "start_date", "end_date", "accept_events", "exclude_events", "ignore_latest_booking_time", "requires_shipping",
            "with_private_products", "status", "start_event_date", "end_event_date", "accept_external_reference", "accept_code",
            "exclude_code", "accept_dates", "vendor_id", "event_id", "active", "method", "access_token",
        ],
    ]

    /// Body fields the specs document, sent besides the fields a record shows on reads, so
    /// write-only and create-only fields are exercised too.
    static let documentedBodyFields: [String: [String]] = [
        "goevent": ["eventId", "tickets", "participant", "ticket_id", "quantity", "participantId"],
        "letsdothis": [
            "name", "description", "externalIds", "type", "contacts", "defaultMarketing", "specificMarketings",
            "canCreateSubPartners", "emailAddress", "reservedEntryId", "settings", "maxCapacity", "tickets", "partnerId",
        ],
        "tito": [
            "title", "slug", "currency", "start_date", "end_date", "start_time", "end_time", "date", "name", "capacity",
            "release_ids", "question_ids", "activity_ids", "email", "first_name", "last_name", "line_items", "quantity",
            "release_id", "discount_code", "manual", "value", "type", "code", "start_at", "end_at", "price", "resell",
            "url", "included_triggers", "description", "live", "test_mode", "time_zone", "location", "tags",
        ],
        "eventbrite": [
            "name", "summary", "description", "start", "end", "currency", "venue_id", "organizer_id", "capacity", "listed",
            "invite_only", "password", "is_series", "online_event", "start_date", "end_date", "timezone", "address",
            "age_restriction", "grant_type", "code", "client_id", "client_secret", "occurrence_duration", "recurrence_rule",
            "question", "canned_type", "required", "type", "respondent", "choices", "ticket_classes", "parent_id",
            "parent_choice_id", "display_answer_on_order", "waiver", "show_start_date", "terminology", "show_remaining",
            "confirmation_message", "redirect_url", "survey_respondent", "survey_time_limit", "survey_ticket_classes", "modules",
            "widgets", "publish", "purpose", "access_type", "strings", "locale", "source_seatmap_id", "upload_token",
            "crop_mask", "endpoint_url", "actions", "event_id",
            "age_restriction", "grant_type", "code", "client_id", "client_secret",
            "cost", "quantity_total", "donation", "free", "sales_channels", "sales_end_relative", "sales_start_after",
            "inventory_tier_id", "holds", "capacity_total", "amount_off", "percent_off", "ticket_class_ids", "hold_ids",
            "event_ticket_ids", "ticket_group_ids", "inventory_tiers", "public_event_id", "base_price", "scope", "tickets",
        ],
        "bookingkit": [
            "grant_type", "client_id", "client_secret", "scope", "active", "root_event_id", "title", "description", "type", "duration",
            "pre_time", "max_participants", "timezone", "location", "location_lng", "location_lat", "meeting_location",
            "meeting_location_lng", "meeting_location_lat", "vendor_id", "images", "highlights", "categories", "prices", "tags",
            "min_participants", "latest_booking_time", "event_id", "date", "available_slots", "total_slots", "date_id", "name", "total",
            "available", "price", "currency", "shipping_address", "dependencies", "status", "lang", "email", "tickets", "voucherOrders",
            "products", "flexTickets", "expire_date", "payment_date", "cancellation_date", "additional_discount", "additional_information",
            "payment_method", "value", "appointment_id", "redemption_strategy",
        ],
    ]

    /// JSON texts put in place of one body field: wrong types, extremes, bad dates.
    static let fieldValues = [
        "null", "\"\"", "\"   \"", "0", "-1", "1.5", "1e308", "-1e308", "9223372036854775808", "-9223372036854775809",
        "123456789012345678901234567890", "true", "false", "[]", "[1,2]", "[null]", "[{}]", "[[]]", "[\"x\"]", "{}",
        "{\"a\":{\"b\":[1e308]}}", "\"2024-13-45\"", "\"2024-02-30T25:61:61Z\"", "\"99999-01-01\"",
        "\"99999-01-01T00:00:00Z\"", "\"0000-00-00\"", "\"-1\"", "\"1e308\"", "\"NaN\"", "\"abc\"", "\"true\"",
        "\"\\u0000\"", "\"caf\\u00e9 \\ud83d\\ude00\"", "\"\(String(repeating: "x", count: 10_000))\"",
        "\"'; DROP TABLE users; --\"", "\"1' OR '1'='1\"", "\"<script>alert(1)</script>\"", "\"{{7*7}}\"",
        "\"${jndi:ldap://127.0.0.1/x}\"", "\"../../../../etc/passwd\"", "\"%00%n%s\"", "\"\\u202e\\ufeff\\u0000x\"",
        "[\(Array(repeating: "{\"ticketId\":1,\"release_id\":\"x\",\"quantity\":1e308}", count: 3).joined(separator: ","))]",
    ]

    /// Fields whose documented effect on an update is that reads no longer find the record
    /// (bookingkit's `active: 0` deactivates an event, spec §5.2 E10): updates of a new record
    /// leave them out, since each update is followed by a read that must find it.
    static let hidingFields: [String: Set<String>] = ["bookingkit": ["active"]]

    /// Whole bodies that are not what any route expects.
    static let wholeBodies = [
        "", " ", "{", "}", "[]", "null", "\"text\"", "42", "-1e400", "true", "{}", "{\"a\":", "{\"a\" 1}", "[1,]",
        "{\"a\":1,}", "\u{FEFF}{}", "{\"a\":\"\\ud800\"}", "{\"__proto__\":{\"x\":1}}", String(repeating: "[", count: 5000),
        String(repeating: "{\"a\":", count: 2000), "[" + Array(repeating: "{}", count: 2000).joined(separator: ",") + "]",
    ]

    struct Route {
        let method: String
        let template: String
        let example: String
    }

    /// What one provider's run did, printed at the end.
    struct Tally {
        var requests = 0
        var byStatus: [Int: Int] = [:]
        var creates = 0
        var failures = 0
        var routesCovered = 0
    }

    /// One provider's run: its server, credentials, random source and error-shape check.
    final class Run {
        let provider: String
        let server: TestServer
        let headers: [(String, String)]
        var random: HostileInputTests.SeededGenerator
        var tally = Tally()
        let deadline: Date
        let requestBudget: Int
        /// How many times the base number of random cases each route gets (small providers get
        /// more, so each provider's run takes about as long).
        let intensity: Int

        init(provider: String, seed: UInt64, intensity: Int, requestBudget: Int, seconds: Double) throws {
            self.provider = provider
            self.intensity = intensity
            server = try TestServer()
            random = HostileInputTests.SeededGenerator(state: seed)
            deadline = Date().addingTimeInterval(seconds)
            self.requestBudget = requestBudget
            let credentials = try server.request("GET", "/_understudy/credentials").json
            guard case .object(let headerObject)? = credentials["providers"]?[provider]?["headers"] else {
                throw HostileInputError("no demo headers for \(provider)")
            }
            headers = headerObject.map { ($0.key, $0.value.stringValue ?? "") }
        }

        var exhausted: Bool { tally.requests >= requestBudget || Date() > deadline || tally.failures > 20 }

        func pick<T>(_ values: [T]) -> T { values.randomElement(using: &random)! }

        /// The provider's routes with a concrete path each. Writes have no example in the
        /// listing: their parameters are filled from the examples of routes that share the
        /// template up to that parameter (a release write gets the example event's and release's
        /// slugs). Query strings of examples are dropped.
        func routes() throws -> [Route] {
            let listing = try server.request("GET", "/_understudy/routes?provider=\(provider)").json
            let listed: [(method: String, template: String, example: String?)] = (listing["routes"]?.arrayValue ?? []).compactMap { route in
                guard let method = route["method"]?.stringValue, let template = route["template"]?.stringValue else { return nil }
                return (method, template, route["example"]?.stringValue.map { String($0.prefix { $0 != "?" }) })
            }
            // Template prefix ("/v3/{account_slug}/{event_slug}") → the concrete path it stands for.
            var known: [String: String] = [:]
            var mount = ""
            for route in listed {
                guard let example = route.example else { continue }
                let templateSegments = route.template.split(separator: "/", omittingEmptySubsequences: false)
                let exampleSegments = example.split(separator: "/", omittingEmptySubsequences: false)
                let offset = exampleSegments.count - templateSegments.count
                guard offset >= 0 else { continue }
                mount = exampleSegments[...offset].joined(separator: "/")
                for end in templateSegments.indices.dropFirst() {
                    known[templateSegments[...end].joined(separator: "/")] =
                        exampleSegments[(offset + 1)...(offset + end)].joined(separator: "/")
                }
            }
            return listed.compactMap { route in
                if let example = route.example { return Route(method: route.method, template: route.template, example: example) }
                let segments = route.template.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                var concrete: [String] = []
                for end in segments.indices.dropFirst() {
                    if !segments[end].hasPrefix("{") {
                        concrete.append(segments[end])
                    } else if let path = known[segments[...end].joined(separator: "/")] {
                        concrete.append(String(path.split(separator: "/").last ?? ""))
                    } else {
                        return nil
                    }
                }
                return Route(method: route.method, template: route.template, example: mount + "/" + concrete.joined(separator: "/"))
            }
        }

        /// Sends one request, checks the answer, and returns it (nil when the server did not
        /// answer: a crash or a hang, recorded as a failure).
        @discardableResult
        func send(_ method: String, _ target: String, body: String? = nil, note: String = "") -> TestResponse? {
            send(method, target, bytes: body.map { Array($0.utf8) }, note: note)
        }

        @discardableResult
        func send(_ method: String, _ target: String, bytes body: [UInt8]?, note: String = "") -> TestResponse? {
            tally.requests += 1
            var requestHeaders = headers
            if body != nil { requestHeaders.append(("Content-Type", "application/json")) }
            let shownBody = body.map { String(decoding: $0.prefix(300), as: UTF8.self) } ?? ""
            let described = "\(provider): \(method) \(target.prefix(300)) \(shownBody) \(note)"
            do {
                let response = try TestHTTPClient.send(port: server.port, method: method, target: target, headers: requestHeaders, body: body)
                tally.byStatus[response.status, default: 0] += 1
                if response.status >= 500 {
                    fail("\(described) → \(response.status) \(response.text.prefix(500))")
                } else if response.status >= 400, let problem = errorShapeProblem(response) {
                    fail("\(described) → \(response.status): \(problem): \(response.text.prefix(500))")
                }
                return response
            } catch {
                fail("\(described) → no answer: \(error)")
                return nil
            }
        }

        func fail(_ message: String) {
            tally.failures += 1
            Issue.record(Comment(rawValue: message))
        }

        /// Why a 4xx body is not one of the provider's documented error shapes (nil when it is).
        func errorShapeProblem(_ response: TestResponse) -> String? {
            let status = response.status
            let contentType = response.header("Content-Type") ?? ""
            if provider == "goevent" && status == 404 && contentType.hasPrefix("text/html") {
                return response.text.contains("<pre>Cannot ") ? nil : "not Express's 404 page"
            }
            guard case .object(let body) = response.json else { return "body is not a JSON object" }
            switch provider {
            case "goevent":
                return body["success"] == .bool(false) && body["message"]?.stringValue != nil ? nil : "not {success:false,message}"
            case "letsdothis":
                guard body["statusCode"] == .int(status), body["error"]?.stringValue != nil, body["message"]?.stringValue != nil
                else { return "not {statusCode,error,message}" }
                return nil
            case "tito":
                switch status {
                case 401:
                    return body["message"] == "Unauthorized" && body["errors"]?["api_token"] != nil ? nil : "not Tito's 401 body"
                case 403:
                    return body["errors"]?["detail"]?.stringValue != nil ? nil : "not Tito's 403 body"
                case 422:
                    guard case .object(let errors)? = body["errors"], !errors.isEmpty,
                        errors.allSatisfy({ $0.value.arrayValue?.allSatisfy { $0.stringValue != nil } == true })
                    else { return "not {errors:{attribute:[messages]}}" }
                    return nil
                default:
                    return body["status"] == .int(status) && body["error"]?.stringValue != nil ? nil : "not {status,error}"
                }
            case "eventbrite":
                if body["status_code"] == .int(status), body["error"]?.stringValue != nil, body["error_description"]?.stringValue != nil {
                    return nil
                }
                // The OAuth endpoints answer RFC 6749's bodies.
                if body["status_code"] == nil, body["error"]?.stringValue != nil, body["error_description"]?.stringValue != nil {
                    return nil
                }
                return "not {status_code,error_description,error}"
            case "bookingkit":
                return ProviderHostileInputTests.bookingkitErrorShapeProblem(response, body)
            default:
                // A provider without a check of its own here: its errors must at least be JSON.
                return nil  // (the guard above already required a JSON object)
            }
        }

        func stillHealthy(after what: String) {
            do {
                let health = try server.request("GET", "/_understudy/health")
                if health.status != 200 { fail("\(provider): health is \(health.status) after \(what)") }
            } catch {
                fail("\(provider): health does not answer after \(what): \(error)")
            }
        }
    }

    struct HostileInputError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// bookingkit's two error shapes (spec §4): the API's `{message, code, user_message}` with a code
    /// that starts with the status, and the OAuth library's `{error, error_description}`.
    static func bookingkitErrorShapeProblem(_ response: TestResponse, _ body: JSONObject) -> String? {
        if let code = body["code"]?.stringValue {
            guard body.keys == ["message", "code", "user_message"], body["message"]?.stringValue != nil,
                body["user_message"]?.stringValue != nil, code.count == 5, code.hasPrefix(String(response.status))
            else { return "not {message, code, user_message}" }
            return nil
        }
        guard body["error"]?.stringValue != nil, body["error_description"]?.stringValue != nil else {
            return "neither bookingkit's error body nor the OAuth one"
        }
        return nil
    }

    // MARK: - The runs

    /// Every provider the server serves, so providers added later are covered without a change here.
    static let providers: [String] = {
        do {
            return try ProviderCatalog.providers(environment: [:]).map(\.name)
        } catch {
            preconditionFailure("the provider catalog cannot be built without settings: \(error)")
        }
    }()

    /// How many times the base number of random cases each route gets: providers with few
    /// routes get more, so each provider's run takes about as long (1 for any other).
    static let intensities = ["goevent": 10, "letsdothis": 4, "tito": 1]

    /// A fixed random seed per provider, so a failure replays exactly.
    static func seed(_ provider: String) -> UInt64 {
        provider.utf8.reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1)) &* 1099511628211 }
    }

    @Test(arguments: providers)
    func everyRouteSurvivesHostileInput(provider: String) throws {
        let intensity = Self.intensities[provider] ?? 1
        let run = try Run(provider: provider, seed: Self.seed(provider), intensity: intensity, requestBudget: 2500, seconds: 9)
        let routes = try run.routes()
        #expect(!routes.isEmpty)
        #expect(routes.count == (try run.server.request("GET", "/_understudy/routes?provider=\(provider)").json["routes"]?.arrayValue?.count))
        for route in routes where !run.exhausted {
            hostilePaths(route, run)
            hostileQueries(route, run)
            if ["POST", "PUT", "PATCH"].contains(route.method) { hostileBodies(route, routes, run) }
            run.stillHealthy(after: "\(route.method) \(route.template)")
            if !run.exhausted { run.tally.routesCovered += 1 }
        }
        for route in routes where route.method == "POST" && !run.exhausted {
            createThenUpdateThenDelete(route, routes, run)
        }
        for route in routes where ["POST", "PUT", "PATCH"].contains(route.method) {
            invalidUTF8Bodies(route, routes, run)
        }
        run.stillHealthy(after: "the whole run")
        let statuses = run.tally.byStatus.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")
        print("hostile input, \(provider): \(run.tally.routesCovered)/\(routes.count) routes, \(run.tally.requests) requests, \(run.tally.creates) creates; statuses \(statuses)")
    }

    // MARK: - Paths

    /// The example path with the segment of one template parameter replaced.
    static func parameterSlots(_ route: Route) -> (segments: [String], slots: [Int]) {
        let exampleSegments = route.example.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let templateSegments = route.template.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // The example may carry a mount prefix the template lacks: align them from the end.
        let offset = exampleSegments.count - templateSegments.count
        guard offset >= 0 else { return (exampleSegments, []) }
        let slots = templateSegments.indices.filter { templateSegments[$0].hasPrefix("{") }.map { $0 + offset }
        return (exampleSegments, slots)
    }

    func hostilePaths(_ route: Route, _ run: Run) {
        let (segments, slots) = Self.parameterSlots(route)
        for slot in slots {
            for _ in 0..<(3 * run.intensity) where !run.exhausted {
                let value = run.pick(Self.pathValues)
                var changed = segments
                changed[slot] = value
                let body = ["POST", "PUT", "PATCH"].contains(route.method) ? "{}" : nil
                run.send(route.method, changed.joined(separator: "/"), body: body, note: "(path parameter)")
            }
        }
    }

    // MARK: - Queries

    func hostileQueries(_ route: Route, _ run: Run) {
        // Queries on writes that delete would remove the example record; the rest are safe to repeat.
        guard route.method != "DELETE" else { return }
        let parameters = Self.queryParameters[run.provider] ?? []
        let body = ["POST", "PUT", "PATCH"].contains(route.method) ? "{}" : nil
        let rounds = (route.method == "GET" ? 10 : 2) * run.intensity
        for _ in 0..<rounds where !run.exhausted {
            let parts = (0..<Int.random(in: 1...3, using: &run.random)).map { _ in
                Self.queryPart(name: run.pick(parameters), value: run.pick(Self.queryValues), random: &run.random)
            }
            run.send(route.method, route.example + "?" + parts.joined(separator: "&"), body: body, note: "(query)")
        }
    }

    /// One `key=value` in one of the shapes clients send: plain, brackets encoded, array,
    /// repeated, bare key.
    static func queryPart(name: String, value: String, random: inout HostileInputTests.SeededGenerator) -> String {
        let encodedName = name.replacingOccurrences(of: "[", with: "%5B").replacingOccurrences(of: "]", with: "%5D")
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return "\(encodedName)=\(value)"
        case 1: return "\(name)[]=\(value)&\(name)[]=1"
        case 2: return "\(name)=\(value)&\(name)=2"
        case 3: return "\(name)"
        case 4: return "\(name)[x]=\(value)"
        default: return "\(name)=\(value)"
        }
    }

    // MARK: - Bodies

    /// A record as reads show it, for building bodies: the object at the example path of the
    /// route's read (or the first item of its list), and the key a write wraps it in (Tito).
    static func sample(for route: Route, _ routes: [Route], _ run: Run) -> (wrapper: String?, fields: JSONObject) {
        guard routes.contains(where: { $0.method == "GET" && $0.template == route.template }),
            let response = try? run.server.request("GET", route.example, headers: run.headers), response.status == 200
        else { return (nil, JSONObject()) }
        func record(_ value: JSONValue?) -> JSONObject? {
            if case .object(let object)? = value { return object }
            if case .array(let items)? = value, case .object(let first)? = items.first { return first }
            return nil
        }
        // A bare array of records (bookingkit's lists).
        if case .array = response.json { return (nil, record(response.json) ?? JSONObject()) }
        guard case .object(let body) = response.json else { return (nil, JSONObject()) }
        if run.provider == "tito" {
            for (_, value) in body {
                if let object = record(value), let type = object["_type"]?.stringValue { return (type, object) }
            }
            return (nil, JSONObject())
        }
        return (nil, record(body["data"]) ?? body)
    }

    static func encode(_ object: JSONObject) -> String {
        String(decoding: JSONWriter.encode(.object(object)), as: UTF8.self)
    }

    /// `fields` with `name` set to a raw JSON text, wrapped when the provider wraps.
    static func body(_ fields: JSONObject, setting name: String, to raw: String, wrapper: String?) -> String {
        var others = fields
        others[name] = nil
        let rest = encode(others).dropFirst().dropLast()
        let key = String(decoding: JSONWriter.encode(.string(name)), as: UTF8.self)
        let inner = "{\(key):\(raw)\(rest.isEmpty ? "" : ",")\(rest)}"
        return wrapper.map { "{\"\($0)\":\(inner)}" } ?? inner
    }

    func hostileBodies(_ route: Route, _ routes: [Route], _ run: Run) {
        let target = route.example
        for _ in 0..<(4 * run.intensity) where !run.exhausted {
            run.send(route.method, target, body: run.pick(Self.wholeBodies), note: "(whole body)")
        }
        let (sampleWrapper, fields) = Self.sample(for: route, routes, run)
        // Tito and Eventbrite wrap a record in its singular name (`{"release": …}`, `{"event": …}`).
        let wrapper = sampleWrapper ?? (["tito", "eventbrite"].contains(run.provider) ? Self.titoWrapper(route.template) : nil)
        if let wrapper {
            for _ in 0..<3 where !run.exhausted {
                let raw = run.pick(["null", "\"x\"", "1", "[]", "[{}]", "true", "{}", "\"\"", "[null]"])
                run.send(route.method, target, body: "{\"\(wrapper)\":\(raw)}", note: "(wrapper)")
            }
        }
        let names = Array(Set(fields.keys.filter { !$0.hasPrefix("_") } + (Self.documentedBodyFields[run.provider] ?? []))).sorted()
        for _ in 0..<(14 * run.intensity) where !run.exhausted {
            let base = Bool.random(using: &run.random) ? fields : JSONObject()
            run.send(
                route.method, target, body: Self.body(base, setting: run.pick(names), to: run.pick(Self.fieldValues), wrapper: wrapper),
                note: "(field)")
        }
        // Whatever the writes did, a record the route reads is still readable.
        if route.method != "POST", routes.contains(where: { $0.method == "GET" && $0.template == route.template }),
            let response = run.send("GET", target, note: "(read after hostile writes)"), response.status != 200,
            response.status != 404
        {
            run.fail("\(run.provider): GET \(target) after hostile writes → \(response.status)")
        }
    }

    /// Tito's wrapper for a collection with no record to copy from: the singular of its last
    /// literal segment (`/releases` → `release`).
    static func titoWrapper(_ template: String) -> String? {
        guard let last = template.split(separator: "/").last(where: { !$0.hasPrefix("{") }) else { return nil }
        let name = String(last).replacingOccurrences(of: "-", with: "_")
        return name.hasSuffix("ies") ? String(name.dropLast(3)) + "y" : name.hasSuffix("s") ? String(name.dropLast()) : name
    }

    // MARK: - Create, update, delete

    /// A create with a record copied from a read, then hostile updates on the new record (each
    /// followed by a read that must still work), then its delete and a read that must be a 4xx.
    func createThenUpdateThenDelete(_ route: Route, _ routes: [Route], _ run: Run) {
        let memberTemplatePrefix = route.template + "/{"
        let members = routes.filter {
            $0.template.hasPrefix(memberTemplatePrefix) && !$0.template.dropFirst(memberTemplatePrefix.count).contains("/")
        }
        guard !members.isEmpty else { return }
        let readable = Route(method: "GET", template: route.template, example: route.example)
        var (wrapper, fields) = Self.sample(for: readable, routes, run)
        guard !fields.isEmpty else { return }
        for key in ["id", "slug", "_type", "createdAt", "updatedAt", "created_at", "updated_at"] { fields[key] = nil }
        if run.provider == "letsdothis", fields["contacts"] == nil || fields["contacts"] == .array([]) {
            fields["contacts"] = [["emailAddress": "hostile@example.com"]]
        }
        let createBody = wrapper.map { Self.encode(JSONObject([($0, .object(fields))])) } ?? Self.encode(fields)
        guard let created = run.send("POST", route.example, body: createBody, note: "(valid-looking create)"),
            (200..<300).contains(created.status)
        else { return }
        let record = wrapper.flatMap { created.json[$0] } ?? created.json
        guard let id = Self.id(of: record) else { return }
        run.tally.creates += 1
        let path = route.example + "/" + id
        let names = Array(Set(fields.keys + (Self.documentedBodyFields[run.provider] ?? [])))
            .filter { !(Self.hidingFields[run.provider] ?? []).contains($0) }.sorted()
        for member in members where ["PUT", "PATCH"].contains(member.method) {
            for _ in 0..<(6 * run.intensity) where !run.exhausted {
                run.send(member.method, path, body: Self.body(JSONObject(), setting: run.pick(names), to: run.pick(Self.fieldValues), wrapper: wrapper),
                    note: "(update of a new record)")
                if let read = run.send("GET", path, note: "(read after update)"), read.status != 200 {
                    run.fail("\(run.provider): GET \(path) after an update → \(read.status) \(read.text.prefix(300))")
                }
            }
        }
        guard members.contains(where: { $0.method == "DELETE" }),
            let deleted = run.send("DELETE", path, note: "(delete of a new record)"), (200..<300).contains(deleted.status)
        else { return }
        if members.contains(where: { $0.method == "GET" }), let read = run.send("GET", path, note: "(read after delete)"),
            !(400..<500).contains(read.status)
        {
            run.fail("\(run.provider): GET \(path) after its delete → \(read.status)")
        }
    }

    // MARK: - Bytes that are not UTF-8

    /// Bodies whose JSON strings hold bytes that are not UTF-8 (a lone continuation byte, an
    /// overlong slash, an encoded surrogate, 0xFF): a 4xx, or a record stored with replacements.
    static let invalidUTF8Strings: [[UInt8]] = [[0xFF, 0xFE], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]]

    func invalidUTF8Bodies(_ route: Route, _ routes: [Route], _ run: Run) {
        let (sampleWrapper, fields) = Self.sample(for: route, routes, run)
        let wrapper = sampleWrapper ?? (run.provider == "tito" ? Self.titoWrapper(route.template) : nil)
        let names = Array(Set(fields.keys.filter { !$0.hasPrefix("_") } + (Self.documentedBodyFields[run.provider] ?? []))).sorted()
        for bad in Self.invalidUTF8Strings {
            let name = run.pick(names.isEmpty ? ["name"] : names)
            let placeholder = "@@BAD@@"
            let text = Self.body(fields, setting: name, to: "\"a\(placeholder)b\"", wrapper: wrapper)
            let parts = text.components(separatedBy: placeholder)
            let bytes = Array(parts[0].utf8) + bad + Array(parts[1...].joined(separator: placeholder).utf8)
            run.send(route.method, route.example, bytes: bytes, note: "(invalid UTF-8 in \(name))")
        }
    }

    // MARK: - What was stored reads back

    /// Strings a client might send that a careless store changes: a NUL, quotes and SQL, markup,
    /// template and path syntax, bidirectional controls, astral characters, and 1 MB of text.
    static let storedStrings = [
        "Jo\u{0}hn Smith", "'; DROP TABLE users; --", "1' OR '1'='1", "Robert\"); DELETE FROM x; --", "<script>alert(1)</script>",
        "{{7*7}} ${7*7} %s %n", "../../../../etc/passwd", "\u{202E}abc\u{FEFF}", "caf\u{E9} \u{1F600} \u{10FFFF}", "\\\\ \\u0000",
        String(repeating: "x", count: 1_048_576),
    ]

    /// For every create: each string field of a record read from the provider is sent with each
    /// of `storedStrings`; when the create is accepted, a later read of the new record must
    /// hold what the create answered, and what it answered must not be the sent text cut short
    /// (fields the provider derives or ignores, such as a share URL, may differ altogether).
    /// Creates the generic pairing cannot read back are checked through `createsReadElsewhere`.
    @Test(arguments: providers)
    func storedStringsReadBackExactly(provider: String) throws {
        // Listed pairs send 1 MB per string field and read it back: each gets time of its own.
        let listed = Self.createsReadElsewhere[provider] ?? []
        let run = try Run(provider: provider, seed: Self.seed(provider) &+ 1, intensity: 1, requestBudget: 1500, seconds: 20 + 8 * Double(listed.count))
        let routes = try run.routes()
        var checked = 0
        for route in routes where route.method == "POST" && !run.exhausted {
            let memberTemplatePrefix = route.template + "/{"
            guard routes.contains(where: {
                $0.method == "GET" && $0.template.hasPrefix(memberTemplatePrefix)
                    && !$0.template.dropFirst(memberTemplatePrefix.count).contains("/")
            }) else { continue }
            var (wrapper, fields) = Self.sample(for: Route(method: "GET", template: route.template, example: route.example), routes, run)
            for key in ["id", "slug", "_type", "createdAt", "updatedAt", "created_at", "updated_at"] { fields[key] = nil }
            if run.provider == "letsdothis", fields["contacts"] == nil || fields["contacts"] == .array([]) {
                fields["contacts"] = [["emailAddress": "hostile@example.com"]]
            }
            let stringFields = fields.filter { $0.value.stringValue != nil }.map(\.key).sorted().prefix(6)
            for field in stringFields {
                for value in Self.storedStrings where !run.exhausted {
                    var sent = fields
                    sent[field] = .string(value)
                    let body = wrapper.map { Self.encode(JSONObject([($0, .object(sent))])) } ?? Self.encode(sent)
                    guard let created = run.send("POST", route.example, body: body, note: "(stored string in \(field))"),
                        (200..<300).contains(created.status)
                    else { continue }
                    let record = wrapper.flatMap { created.json[$0] } ?? created.json
                    let answered = record[field] ?? record["data"]?[field]
                    guard let id = Self.id(of: record) ?? Self.id(of: record["data"]),
                        let read = run.send("GET", route.example + "/" + id, note: "(read back \(field))"), read.status == 200
                    else { continue }
                    let readRecord = wrapper.flatMap { read.json[$0] } ?? read.json
                    checked += 1
                    Self.compare(sent: value, answered: answered, stored: readRecord[field] ?? readRecord["data"]?[field],
                        field: field, of: route.template, run)
                }
            }
        }
        for pair in listed where !run.exhausted {
            checked += readBackElsewhere(pair, routes, run)
        }
        run.stillHealthy(after: "the stored strings")
        print("stored strings, \(provider): \(run.tally.requests) requests, \(checked) records read back")
    }

    /// What a create answered for a field must be what a later read shows, and must not be the
    /// sent text cut short.
    static func compare(
        sent value: String, answered: JSONValue?, stored: JSONValue?, field: String, of template: String, _ run: Run,
        member: String? = nil, keepsPrefix: Int? = nil
    ) {
        if stored != answered {
            run.fail("\(run.provider): \(field) of a new \(template) answered \(String(describing: answered).prefix(80)) but reads back \(String(describing: stored).prefix(80))")
        }
        let answeredText = (member.map { Self.value(at: $0, in: answered) } ?? answered)?.stringValue
        if let keepsPrefix, let answeredText {
            if answeredText != String(value.prefix(keepsPrefix)) {
                run.fail("\(run.provider): \(field) of a new \(template) was sent as \(value.prefix(40).debugDescription) and stored as \(answeredText.prefix(40).debugDescription), not its first \(keepsPrefix) characters")
            }
        } else if let answered = answeredText, answered != value, !answered.isEmpty, value.utf8.starts(with: answered.utf8) {
            run.fail("\(run.provider): \(field) of a new \(template) was sent as \(value.prefix(40).debugDescription)… (\(value.utf8.count) bytes) and stored as \(answered.prefix(40).debugDescription)… (\(answered.utf8.count) bytes)")
        }
    }

    // MARK: - Creates read back elsewhere

    /// Where a record sits in a response.
    enum RecordPlace {
        case bare
        case wrapped(String)
        /// The first element of a JSON array (Eventbrite's text overrides).
        case firstElement
    }

    /// A create whose new record is read at another route than the create's template + `/{id}`,
    /// with a body its spec documents. `read` may hold `{id}` (the new record's id) and any
    /// parameter of `create` (taken from the create's example path). `strings` maps the dotted
    /// path of each string field in the body (numbers index arrays) to the dotted path of the
    /// member a read shows it as; the whole top-level field must read back as the create
    /// answered, and that member must not be the sent text cut short.
    struct CreateReadElsewhere: Sendable {
        let create: String
        let read: String
        let body: JSONValue
        let strings: [(sent: String, read: String)]
        /// Where the record sits in the create's answer and in the read's.
        var answered = RecordPlace.bare
        var readBack = RecordPlace.bare
        /// Text put before the hostile string (a URL field needs a scheme and host).
        var prefix: [String: String] = [:]
        /// Fields the spec truncates to this many characters (Eventbrite's ticket group names);
        /// characters as Swift counts them, as the provider does (the spec only says "chars").
        var keepsPrefix: [String: Int] = [:]
        /// A DELETE (a template like `read`) sent after each read, for creates that cannot be
        /// repeated while their record exists.
        var undo: String?
    }

    /// Eventbrite creates under a parent (`POST /v3/organizations/{organization_id}/venues/`), reads
    /// at the top (`GET /v3/venues/{venue_id}/`), and wraps bodies in the resource's name (spec §1.4),
    /// so its pairs are listed. Multipart text is sent as `{"html": …}`; the whole object
    /// (`text` and `html`) must read back as the create answered it, and the cut-short check
    /// looks at `html`, which keeps what was sent (`text` is derived from it with the markup
    /// stripped, so it is shorter by design).
    /// Not listed: schedules, seat maps, media and structured content (no free text that a read
    /// of the created record shows), and organizers (Eventbrite has no organizer create).
    static let createsReadElsewhere: [String: [CreateReadElsewhere]] = [
        "eventbrite": [
            CreateReadElsewhere(
                create: "/v3/organizations/{organization_id}/venues/", read: "/v3/venues/{id}/",
                body: ["venue": [
                    "name": "Hostile Hall",
                    "address": ["address_1": "1 Main St", "address_2": "Suite 4", "city": "Springfield", "region": "CA", "postal_code": "94102", "country": "US"],
                ]],
                strings: [
                    ("venue.name", "name"), ("venue.address.address_1", "address.address_1"), ("venue.address.address_2", "address.address_2"),
                    ("venue.address.city", "address.city"), ("venue.address.region", "address.region"), ("venue.address.postal_code", "address.postal_code"),
                ]),
            CreateReadElsewhere(
                create: "/v3/organizations/{organization_id}/events/", read: "/v3/events/{id}/", body: eventbriteEventBody,
                strings: [("event.name.html", "name.html"), ("event.summary", "summary"), ("event.description.html", "description.html")]),
            CreateReadElsewhere(
                create: "/v3/events/", read: "/v3/events/{id}/", body: eventbriteEventBody, strings: [("event.name.html", "name.html")]),
            // A copy's `name` is plain text: it reads back as `name.text`.
            CreateReadElsewhere(
                create: "/v3/events/{event_id}/copy/", read: "/v3/events/{id}/", body: ["name": "Hostile Copy"],
                strings: [("name", "name.text"), ("summary", "summary")]),
            CreateReadElsewhere(
                create: "/v3/events/{event_id}/ticket_classes/", read: "/v3/events/{event_id}/ticket_classes/{id}/",
                // The example event is tiered, so a ticket class names its tier (spec §8.13).
                body: ["ticket_class": ["name": "Hostile Admission", "description": "Entry", "free": true, "capacity": 10, "inventory_tier_id": "1234"]],
                strings: [
                    ("ticket_class.name", "name"), ("ticket_class.description", "description"),
                    ("ticket_class.order_confirmation_message", "order_confirmation_message"),
                ]),
            CreateReadElsewhere(
                create: "/v3/organizations/{organization_id}/discounts/", read: "/v3/discounts/{id}/",
                body: ["discount": ["type": "coded", "code": "HOSTILE", "percent_off": "10.00"]], strings: [("discount.code", "code")]),
            CreateReadElsewhere(
                create: "/v3/events/{event_id}/discounts/", read: "/v3/events/{event_id}/discounts/{id}/",
                body: ["discount": ["code": "HOSTILE-EVENT", "percent_off": "10.00"]], strings: [("discount.code", "code")]),
            CreateReadElsewhere(
                create: "/v3/organizations/{organization_id}/webhooks/", read: "/v3/webhooks/{id}/",
                body: ["endpoint_url": "https://hooks.example.com/eventbrite", "actions": "order.placed"],
                strings: [("endpoint_url", "endpoint_url")], prefix: ["endpoint_url": "https://hooks.example.com/"]),
            CreateReadElsewhere(
                create: "/v3/organizations/{organization_id}/ticket_groups/", read: "/v3/ticket_groups/{id}/",
                body: ["ticket_group": ["name": "Hostile Group", "status": "live"]],
                strings: [("ticket_group.name", "name")], keepsPrefix: ["ticket_group.name": 20]),
            CreateReadElsewhere(
                create: "/v3/events/{event_id}/questions/", read: "/v3/events/{event_id}/questions/{id}/",
                body: ["question": [
                    "question": ["html": "Hostile question?"], "type": "dropdown", "respondent": "ticket_buyer", "required": false,
                    "choices": [["answer": ["html": "Hostile choice"]]],
                ]],
                strings: [("question.question.html", "question.html"), ("question.choices.0.answer.html", "choices.0.answer.html")]),
            // A canned type is enabled once: each create is undone before the next.
            CreateReadElsewhere(
                create: "/v3/events/{event_id}/canned_questions/", read: "/v3/event/{event_id}/canned_questions/{id}",
                body: ["question": ["canned_type": "company", "question": ["html": "Company"]]],
                strings: [("question.question.html", "question.html")], readBack: .wrapped("question"),
                undo: "/v3/event/{event_id}/canned_questions/{id}"),
            CreateReadElsewhere(
                create: "/v3/events/{event_id}/inventory_tiers/", read: "/v3/events/{event_id}/inventory_tiers/{id}/",
                body: ["inventory_tier": ["name": "Hostile Tier", "quantity_total": 10]],
                strings: [("inventory_tier.name", "name")], answered: .wrapped("inventory_tier"), readBack: .wrapped("inventory_tier")),
            CreateReadElsewhere(
                create: "/v3/events/{event_id}/teams/create/", read: "/v3/events/{event_id}/teams/{id}/",
                body: ["public_event_id": "{event_id}", "name": "Hostile Team"], strings: [("name", "name")]),
            // No id: the override of one text code is read by that code.
            CreateReadElsewhere(
                create: "/v3/organizations/{organization_id}/text_overrides/",
                read: "/v3/organizations/{organization_id}/text_overrides/?text_codes=event_postponed",
                body: ["strings": [["text_code": "event_postponed", "message": "Moved"]]],
                strings: [("strings.0.message", "message")], answered: .firstElement, readBack: .firstElement),
        ]
    ]

    /// An event create's body: the required fields (spec §8.6).
    static let eventbriteEventBody: JSONValue = ["event": [
        "name": ["html": "Hostile Night"],
        "start": ["timezone": "America/Los_Angeles", "utc": "2031-01-01T10:00:00Z"],
        "end": ["timezone": "America/Los_Angeles", "utc": "2031-01-01T11:00:00Z"],
        "currency": "USD",
    ]]

    /// Each string field of the pair's body sent with each of `storedStrings`, each accepted
    /// create read back; returns how many records were read back.
    func readBackElsewhere(_ pair: CreateReadElsewhere, _ routes: [Route], _ run: Run) -> Int {
        guard let create = routes.first(where: { $0.method == "POST" && $0.template == pair.create }) else {
            run.fail("\(run.provider): no route POST \(pair.create) to read back")
            return 0
        }
        let parameters = Self.pathParameters(create)
        let mount = Self.mount(of: create)
        /// A path of the pair's with the create's parameters and the new record's id.
        func target(_ template: String, id: String?) -> String {
            Self.filled(mount + template, parameters).replacingOccurrences(of: "{id}", with: id ?? "")
        }
        // The listed body as it is must be accepted, or no hostile value below could be.
        let plain = String(decoding: JSONWriter.encode(Self.filled(pair.body, parameters)), as: UTF8.self)
        if let created = run.send("POST", create.example, body: plain, note: "(the listed body)") {
            if !(200..<300).contains(created.status) {
                run.fail("\(run.provider): POST \(create.example) with the listed body → \(created.status) \(created.text.prefix(300))")
            } else if let undo = pair.undo {
                run.send("DELETE", target(undo, id: Self.id(of: Self.record(in: created.json, pair.answered))), note: "(undo)")
            }
        }
        var checked = 0
        for (sentPath, readPath) in pair.strings {
            for hostile in Self.storedStrings where !run.exhausted {
                let value = (pair.prefix[sentPath] ?? "") + hostile
                let body = Self.setting(sentPath, to: .string(value), in: Self.filled(pair.body, parameters))
                guard let created = run.send("POST", create.example, body: String(decoding: JSONWriter.encode(body), as: UTF8.self),
                    note: "(stored string in \(sentPath))"), (200..<300).contains(created.status)
                else { continue }
                let record = Self.record(in: created.json, pair.answered)
                let id = Self.id(of: record)
                if id == nil && pair.read.contains("{id}") {
                    run.fail("\(run.provider): POST \(pair.create) answered no id: \(created.text.prefix(200))")
                    continue
                }
                let readTarget = target(pair.read, id: id)
                guard let read = run.send("GET", readTarget, note: "(read back \(sentPath))") else { continue }
                if let undo = pair.undo { run.send("DELETE", target(undo, id: id), note: "(undo)") }
                guard read.status == 200 else {
                    run.fail("\(run.provider): GET \(readTarget) after POST \(pair.create) → \(read.status) \(read.text.prefix(200))")
                    continue
                }
                let field = String(readPath.prefix { $0 != "." })
                let member = readPath.contains(".") ? String(readPath.drop { $0 != "." }.dropFirst()) : nil
                checked += 1
                Self.compare(
                    sent: value, answered: record?[field], stored: Self.record(in: read.json, pair.readBack)?[field], field: readPath,
                    of: pair.create, run, member: member, keepsPrefix: pair.keepsPrefix[sentPath])
            }
        }
        return checked
    }

    static func record(in body: JSONValue, _ place: RecordPlace) -> JSONValue? {
        switch place {
        case .bare: return body
        case .wrapped(let key): return body[key]
        case .firstElement: return body.arrayValue?.first
        }
    }

    static func id(of record: JSONValue?) -> String? {
        record?["id"].flatMap { $0.stringValue ?? $0.intValue.map { String($0) } }
    }

    /// The mount prefix of a route's example (`/eventbrite`).
    static func mount(of route: Route) -> String {
        let exampleSegments = route.example.split(separator: "/", omittingEmptySubsequences: false)
        let templateSegments = route.template.split(separator: "/", omittingEmptySubsequences: false)
        return exampleSegments.prefix(exampleSegments.count - templateSegments.count + 1).joined(separator: "/")
    }

    /// The template's parameters (`{event_id}`) with their values in the route's example.
    static func pathParameters(_ route: Route) -> [String: String] {
        let (segments, slots) = parameterSlots(route)
        let templateSegments = route.template.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let offset = segments.count - templateSegments.count
        return Dictionary(slots.map { (templateSegments[$0 - offset], segments[$0]) }, uniquingKeysWith: { first, _ in first })
    }

    /// `text` with each `{parameter}` replaced by its value.
    static func filled(_ text: String, _ parameters: [String: String]) -> String {
        parameters.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }

    /// `value` with each string that is exactly a `{parameter}` replaced by its value.
    static func filled(_ value: JSONValue, _ parameters: [String: String]) -> JSONValue {
        switch value {
        case .string(let text): return .string(parameters[text] ?? text)
        case .array(let elements): return .array(elements.map { filled($0, parameters) })
        case .object(let object): return .object(JSONObject(object.members.map { ($0.key, filled($0.value, parameters)) }))
        default: return value
        }
    }

    /// `value` with the member at a dotted path (numbers index arrays) set, objects created on the way.
    static func setting(_ path: String, to newValue: JSONValue, in value: JSONValue) -> JSONValue {
        let segments = path.split(separator: ".", maxSplits: 1).map(String.init)
        let rest = segments.count > 1 ? segments[1] : nil
        func inner(_ current: JSONValue?) -> JSONValue { rest.map { setting($0, to: newValue, in: current ?? .object(JSONObject())) } ?? newValue }
        if case .array(var elements) = value, let index = Int(segments[0]), elements.indices.contains(index) {
            elements[index] = inner(elements[index])
            return .array(elements)
        }
        var object = value.objectValue ?? JSONObject()
        object[segments[0]] = inner(object[segments[0]])
        return .object(object)
    }

    /// The member at a dotted path (numbers index arrays), or nil.
    static func value(at path: String, in value: JSONValue?) -> JSONValue? {
        path.split(separator: ".").reduce(value) { current, segment in
            if let index = Int(segment), let elements = current?.arrayValue { return elements.indices.contains(index) ? elements[index] : nil }
            return current?[String(segment)]
        }
    }
}
