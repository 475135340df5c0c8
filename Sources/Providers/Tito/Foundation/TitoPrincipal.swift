import Emulation

/// Whether a token reads and writes live or test tickets and registrations (spec §2.2).
public enum LookupMode: String, Sendable {
    case live
    case test
}

/// What an authenticated request acts as: its token, the token's mode, the accounts it may use
/// (in configured order) and the resources it is denied (spec §2.2, §2.5).
public struct TitoPrincipal: Sendable {
    public let token: String
    public let lookupMode: LookupMode
    public let accounts: [String]
    public let denied: Set<String>
    /// Whether `price`, `total`, `price_ex_tax` and `total_less_tax` are written as JSON numbers
    /// (`TITO_MONEY_AS_NUMBERS`). A setting of the provider, carried by the principal because it
    /// is what reaches every handler.
    var moneyAsNumbers = false

    /// How the money the setting governs is written for this request.
    var moneyFormat: ColumnFormat { moneyAsNumbers ? TitoFormats.moneyNumber : TitoFormats.moneyString }

    /// Throws the documented 403 when the token is denied `resource` (e.g. `refunds`).
    func requireAccess(to resource: String) throws {
        if denied.contains(resource) { throw TitoError.forbidden("You are not authorized to access \(resource)") }
    }

    /// The `test_mode` values of tickets and registrations this token sees in `event` (spec §2.2,
    /// §15 A7): a test token only test records; a live token live ones, and everything of an
    /// event that is itself in test mode.
    func visibleTestModes(in event: Event) -> [Bool] {
        switch lookupMode {
        case .test: return [true]
        case .live: return event.testMode ? [false, true] : [false]
        }
    }

    /// The `test_mode` new tickets and registrations get in `event`.
    func newRecordsAreTest(in event: Event) -> Bool {
        lookupMode == .test || event.testMode
    }
}
