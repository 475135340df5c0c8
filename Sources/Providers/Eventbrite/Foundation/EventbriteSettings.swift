import Emulation

/// Eventbrite's settings from the environment (spec §12 "Config"), read once at start-up. A
/// value that cannot be used stops the server with the reason when the seed loads.
struct EventbriteSettings: Sendable {
    enum TrailingSlashMode: String, Sendable {
        /// GET and HEAD without the documented trailing slash get a 301 to it (spec §1.3).
        case redirect
        /// Every path matches with or without the slash.
        case lenient
    }

    var trailingSlashMode = TrailingSlashMode.redirect
    /// The status of `INVALID_AUTH`: 401, as production answers, or the seed table's 400 (A1).
    var invalidAuthStatus = 401
    /// Unknown fields inside a body's wrapper are `Unknown parameter` argument errors (A23).
    var strictUnknownParameters = true
    /// The statuses `GET /organizations/{id}/events/` lists when the query names none (A6).
    var organizationEventsDefaultStatus = ["live", "started"]
    /// `GET /events/search/` answers as it did before 2019-12-12 instead of the path's 404 (A7).
    var legacySearch = false
    /// `/webhooks/` and the other legacy user endpoints: `deny` (403, the default) or `allow` (A8).
    var legacyEndpointsAllowed = false
    /// The host and base of every `resource_uri`.
    var resourceURIBase = "https://www.eventbriteapi.com/v3/"
    /// The user OAuth grants are issued for.
    var oauthUserID: Int64 = 12345

    private(set) var problems: [String] = []

    init(environment: [String: String] = [:]) {
        var problems: [String] = []
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingWhitespace(), !text.isEmpty else { return nil }
            return text
        }
        func flag(_ name: String) -> Bool? {
            guard let text = value(name) else { return nil }
            switch text.lowercased() {
            case "true", "1", "yes", "on": return true
            case "false", "0", "no", "off": return false
            default:
                problems.append("\(name) must be true or false, not \"\(text)\"")
                return nil
            }
        }
        if let text = value("EVENTBRITE_TRAILING_SLASH_MODE") {
            if let mode = TrailingSlashMode(rawValue: text.lowercased()) {
                trailingSlashMode = mode
            } else {
                problems.append("EVENTBRITE_TRAILING_SLASH_MODE must be redirect or lenient, not \"\(text)\"")
            }
        }
        if let text = value("EVENTBRITE_INVALID_AUTH_STATUS") {
            if text == "400" || text == "401" {
                invalidAuthStatus = Int(text)!
            } else {
                problems.append("EVENTBRITE_INVALID_AUTH_STATUS must be 400 or 401, not \"\(text)\"")
            }
        }
        if let strict = flag("EVENTBRITE_STRICT_UNKNOWN_PARAMS") { strictUnknownParameters = strict }
        if let text = value("EVENTBRITE_ORG_EVENTS_DEFAULT_STATUS") {
            let statuses = text.split(separator: ",").map { $0.trimmingWhitespace().lowercased() }
            if statuses.allSatisfy(EventStatusFilter.names.contains) {
                organizationEventsDefaultStatus = statuses
            } else {
                problems.append("EVENTBRITE_ORG_EVENTS_DEFAULT_STATUS must list event statuses, not \"\(text)\"")
            }
        }
        if let legacy = flag("EVENTBRITE_ENABLE_LEGACY_SEARCH") { legacySearch = legacy }
        if let text = value("EVENTBRITE_LEGACY_ENDPOINTS") {
            switch text.lowercased() {
            case "allow": legacyEndpointsAllowed = true
            case "deny": legacyEndpointsAllowed = false
            default: problems.append("EVENTBRITE_LEGACY_ENDPOINTS must be allow or deny, not \"\(text)\"")
            }
        }
        if let text = value("EVENTBRITE_RESOURCE_URI_BASE") {
            resourceURIBase = text.hasSuffix("/") ? text : text + "/"
        }
        if let text = value("EVENTBRITE_OAUTH_USER_ID") {
            if let id = EventbriteID.parse(text) {
                oauthUserID = id
            } else {
                problems.append("EVENTBRITE_OAUTH_USER_ID must be a user id, not \"\(text)\"")
            }
        }
        self.problems = problems
    }

    /// The reason the server must not start, if a setting is unusable.
    var configurationError: SeedError? {
        problems.isEmpty ? nil : SeedError(file: "environment", reason: problems.joined(separator: "; "))
    }
}
