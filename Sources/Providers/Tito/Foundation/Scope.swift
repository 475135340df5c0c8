import Emulation

/// Where an account-scoped request acts (spec §2.5, §8 precedence): the account must exist (404)
/// and be one of the token's (403); then the token must not be denied the resource (403); then
/// the event must exist in the account (404).
struct EventScope {
    let principal: TitoPrincipal
    let account: Account
    let event: Event

    /// The `test_mode` values of tickets and registrations the token sees here.
    var visibleTestModes: [Bool] { principal.visibleTestModes(in: event) }

    /// Adds the token-mode visibility of tickets or registrations (aliased `alias`) to `filter`.
    func addVisibility(alias: String, to filter: inout SQLFilter) {
        let modes = visibleTestModes
        if modes.count == 1 { filter.add("\(alias).test_mode = ?", modes[0]) }
    }

    /// The rows of `counts` (kept per event and mode) that make up the token's view of the event.
    func countsFilter(_ counts: RowCounts) -> SQLFilter {
        var filter = SQLFilter("event_id = ?", event.id)
        addVisibility(alias: counts.table, to: &filter)
        return filter
    }

    /// The SQL condition on a `test_mode` column (of tickets, registrations or their kept counts)
    /// that keeps what the token sees in this event.
    func visibleModes(_ modeColumn: String) -> String {
        principal.visibleModes(modeColumn, eventTestMode: event.testMode ? "1" : "0")
    }

    /// Whether a ticket or registration with this `test_mode` is visible to the token.
    func isVisible(testMode: Bool) -> Bool { visibleTestModes.contains(testMode) }

    var newRecordsAreTest: Bool { principal.newRecordsAreTest(in: event) }
}

enum Scope {
    /// The account `{account_slug}` names, if the token may use it.
    static func account(_ request: ProviderRequest, _ principal: TitoPrincipal, in database: Database) throws -> Account {
        let slug = request.parameter("account_slug")
        guard let account = try database.fetchOne(Account.self, where: "slug = ?", slug) else { throw TitoError.notFound }
        guard principal.accounts.contains(account.slug) else {
            throw TitoError.forbidden("You are not authorized to access this account")
        }
        return account
    }

    /// The event of `{account_slug}/{event_slug}`, checked in the documented order; `resource`
    /// is the name a token may be denied (nil for endpoints no token is denied).
    static func event(
        _ request: ProviderRequest, _ principal: TitoPrincipal, resource: String?, in database: Database
    ) throws -> EventScope {
        let account = try self.account(request, principal, in: database)
        if let resource { try principal.requireAccess(to: resource) }
        guard let event = try SlugOrID.find(Event.self, request.parameter("event_slug"), parent: "account_id", account.id, in: database)
        else { throw TitoError.notFound }
        return EventScope(principal: principal, account: account, event: event)
    }
}
