import Emulation

/// Who an authenticated request acts for: a user with the organizations they belong to, or the
/// service token the Balance endpoint takes (spec §3.1). Handlers of user routes get a
/// `UserCaller`; the route builders in `EventbriteRoutes` turn a service token away from them.
public struct Caller: Sendable {
    enum Kind: Sendable {
        case user(UserCaller)
        /// `SOA_TOKEN`: accepted by the Balance endpoint only.
        case service
    }

    let token: String
    let kind: Kind
    /// The API switches the request turned on, read once while authenticating (§3.4).
    let switches: APISwitches
}

/// A user acting through a token. Membership decides access (spec §3.3): members read and write
/// everything their organizations own; others see public records only.
struct UserCaller: Sendable {
    let userID: Int64
    /// The organizations the user is a member of.
    let organizationIDs: Set<Int64>

    func isMember(of organizationID: Int64) -> Bool { organizationIDs.contains(organizationID) }

    /// 403 unless the user belongs to the organization.
    func requireMember(of organizationID: Int64) throws(EventbriteError) {
        guard isMember(of: organizationID) else { throw EventbriteError.notAuthorized }
    }

    /// `/users/{user_id}/…`: `me` or the caller's own id; an existing other user is 403, an
    /// unknown or malformed id 404 (spec §3.3, A30). `exists` is asked only for other ids.
    func requireSelf(_ parameter: String, exists: (Int64) throws -> Bool) throws -> Int64 {
        if parameter == "me" { return userID }
        guard let id = EventbriteID.parse(parameter), try exists(id) else { throw EventbriteError.notFound(.user) }
        guard id == userID else { throw EventbriteError.notAuthorized }
        return id
    }
}
