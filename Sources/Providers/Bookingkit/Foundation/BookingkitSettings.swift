import Emulation

/// bookingkit's settings from the environment (spec §2.1, §2.5, §8):
/// `BOOKINGKIT_ENFORCE_SCOPES` (default true) checks each endpoint's scope;
/// `BOOKINGKIT_TOKEN_REUSE_LIMIT` (default false) refuses a second token while a client's last
/// one is unexpired (429 `42901`); `BOOKINGKIT_BULK_DATES` and `BOOKINGKIT_BULK_ORDERS` size the
/// generated paging data.
struct BookingkitSettings: Sendable {
    let enforceScopes: Bool
    let tokenReuseLimit: Bool
    let bulk: BulkData.Sizes

    init(_ settings: inout SettingsReader) {
        enforceScopes = settings.flag("BOOKINGKIT_ENFORCE_SCOPES", default: true)
        tokenReuseLimit = settings.flag("BOOKINGKIT_TOKEN_REUSE_LIMIT", default: false)
        bulk = BulkData.Sizes(
            dates: settings.integer("BOOKINGKIT_BULK_DATES", in: 0...100_000),
            orders: settings.integer("BOOKINGKIT_BULK_ORDERS", in: 0...200_000))
    }
}
