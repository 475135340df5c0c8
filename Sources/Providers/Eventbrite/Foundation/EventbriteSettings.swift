import Emulation

/// Eventbrite's settings from the environment (spec §12 "Config"), read once at start-up with
/// the kit's `SettingsReader`: an unusable value stops the server with every problem named.
struct EventbriteSettings: Sendable {
    enum TrailingSlashMode: String, Sendable, CaseIterable {
        /// GET and HEAD without the documented trailing slash get a 301 to it (spec §1.3).
        case redirect
        /// Every path matches with or without the slash.
        case lenient
    }

    /// `EVENTBRITE_TRAILING_SLASH_MODE`.
    var trailingSlashMode = TrailingSlashMode.redirect
    /// `EVENTBRITE_INVALID_AUTH_STATUS`: 401, as production answers, or the seed table's 400 (A1).
    var invalidAuthStatus = 401
    /// `EVENTBRITE_STRICT_UNKNOWN_PARAMS`: unknown fields inside a body's wrapper are
    /// `Unknown parameter` argument errors (A23).
    var strictUnknownParameters = true
    /// `EVENTBRITE_ORG_EVENTS_DEFAULT_STATUS`: what `GET /organizations/{id}/events/` lists when
    /// the query names no status (A6).
    var organizationEventsDefaultStatus = ["live", "started"]
    /// `EVENTBRITE_ENABLE_LEGACY_SEARCH`: `GET /events/search/` answers as before 2019-12-12 (A7).
    var legacySearch = false
    /// `EVENTBRITE_RESOURCE_URI_BASE`: the host and base of every `resource_uri`.
    var resourceURIBase = "https://www.eventbriteapi.com/v3/"
    /// `EVENTBRITE_OAUTH_USER_ID`: the user OAuth grants are issued for.
    var oauthUserID: Int64 = 12345
    /// `EVENTBRITE_LEGACY_ENDPOINTS=allow`: the user-level webhook endpoints retired in 2020
    /// (`GET`/`POST /webhooks/`) answer as they did, for the caller's organization (A8).
    var legacyEndpointsAllowed = false
    /// `EVENTBRITE_REQUIRE_S3_UPLOAD`: finishing a media upload whose file was never posted is
    /// `BAD_FILE` (§8.20); by default the image is made without it.
    var requireUploadedFile = false
    /// `EVENTBRITE_PUBLIC_BASE_URL`: how clients reach this server (`http://understudy:8080`), for
    /// the URLs it hands out that lead back to it; by default the request's `Host`.
    var publicBaseURL: String?

    init() {}

    init(_ reader: inout SettingsReader) {
        trailingSlashMode = reader.choice("EVENTBRITE_TRAILING_SLASH_MODE", default: .redirect)
        invalidAuthStatus = reader.choice("EVENTBRITE_INVALID_AUTH_STATUS", [("401", 401), ("400", 400)], default: 401)
        strictUnknownParameters = reader.flag("EVENTBRITE_STRICT_UNKNOWN_PARAMS", default: true)
        organizationEventsDefaultStatus =
            reader.value("EVENTBRITE_ORG_EVENTS_DEFAULT_STATUS", expecting: "a comma-separated list of event statuses") { text in
                let statuses = text.split(separator: ",").map { $0.trimmingWhitespace().lowercased() }
                return !statuses.isEmpty && statuses.allSatisfy(EventStatusFilter.names.contains) ? statuses : nil
            } ?? organizationEventsDefaultStatus
        legacySearch = reader.flag("EVENTBRITE_ENABLE_LEGACY_SEARCH", default: false)
        if let base = reader.string("EVENTBRITE_RESOURCE_URI_BASE")?.trimmingWhitespace() {
            resourceURIBase = base.hasSuffix("/") ? base : base + "/"
        }
        oauthUserID = reader.value("EVENTBRITE_OAUTH_USER_ID", expecting: "a user id") { EventbriteID.parse($0) } ?? oauthUserID
        legacyEndpointsAllowed = reader.choice("EVENTBRITE_LEGACY_ENDPOINTS", [("deny", false), ("allow", true)], default: false)
        requireUploadedFile = reader.flag("EVENTBRITE_REQUIRE_S3_UPLOAD", default: false)
        publicBaseURL = reader.value("EVENTBRITE_PUBLIC_BASE_URL", expecting: "an http or https URL") { text in
            let base = text.trimmingWhitespace()
            return AbsoluteURL.isValid(base) ? (base.hasSuffix("/") ? String(base.dropLast()) : base) : nil
        }
    }
}
