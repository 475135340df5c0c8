import Emulation

/// bookingkit's settings from the environment (spec §2.1, §2.5, §8):
/// `BOOKINGKIT_ENFORCE_SCOPES` (default true) checks each endpoint's scope;
/// `BOOKINGKIT_TOKEN_REUSE_LIMIT` (default false) refuses a second token while a client's last
/// one is unexpired (429 `42901`); `BOOKINGKIT_BULK_DATES` and `BOOKINGKIT_BULK_ORDERS` size the
/// generated paging data.
struct BookingkitSettings: Sendable {
    var enforceScopes = true
    var tokenReuseLimit = false
    var bulk = BulkData.Sizes()

    init() {}

    init(environment: [String: String]) {
        func flag(_ name: String, _ defaultValue: Bool) -> Bool {
            switch environment[name]?.trimmingWhitespace().lowercased() {
            case "true", "1", "yes", "on": return true
            case "false", "0", "no", "off": return false
            default: return defaultValue
            }
        }
        enforceScopes = flag("BOOKINGKIT_ENFORCE_SCOPES", true)
        tokenReuseLimit = flag("BOOKINGKIT_TOKEN_REUSE_LIMIT", false)
        bulk.dates = environment["BOOKINGKIT_BULK_DATES"].flatMap { Int($0.trimmingWhitespace()) }.map { min(max($0, 0), 100_000) }
        bulk.orders = environment["BOOKINGKIT_BULK_ORDERS"].flatMap { Int($0.trimmingWhitespace()) }.map { min(max($0, 0), 200_000) }
    }
}
