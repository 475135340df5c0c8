import Emulation

/// The event balance (spec §8.2): what an event's placed orders brought in, less payouts (none
/// in the mock), on a separate internal API with its own token and its own error constants
/// (`NotAuthorized`, `SOATokenNotFound`, `BadParams`, `NotFound`, `ServerError`).
///
/// The seed's caller is the service token `SOA_TOKEN`. It also names a permission,
/// `event.billing.payouts_summary`: a user token is admitted when its user holds it in the
/// organization (an owner holds every permission) and is otherwise `SOATokenNotFound`, as no
/// service token was presented (§8.2 maps user tokens to that constant).
enum Balance: EventbriteResourceGroup {
    static let permission = "event.billing.payouts_summary"

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.service(
                "GET", "/balance/{public_organization_id}/events/{public_event_id}/", example: "/balance/5130962065/events/751490729/"
            ) { request, caller in
                guard let organizationID = EventbriteID.parse(request.parameter("public_organization_id")),
                    let eventID = EventbriteID.parse(request.parameter("public_event_id"))
                else { throw BalanceError(status: 400, code: "BadParams", description: "The organization and event ids must be numbers.") }
                return try request.read { database in
                    guard try Organizations.exists(organizationID, in: database), let event = try Event.find(eventID, in: database) else {
                        throw BalanceError(status: 404, code: "NotFound", description: "The organization or event does not exist.")
                    }
                    if case .user(let user) = caller.kind, try !holdsPermission(user.userID, organizationID, in: database) {
                        throw BalanceError(status: 403, code: "SOATokenNotFound", description: "No service token was found for this request.")
                    }
                    guard event.organizationID == organizationID else {
                        throw BalanceError(status: 403, code: "NotAuthorized", description: "The event does not belong to this organization.")
                    }
                    return try balance(of: event, in: database)
                }
            },
        ]
    }

    /// Whether the user holds the balance permission in the organization.
    static func holdsPermission(_ userID: Int64, _ organizationID: Int64, in database: Database) throws -> Bool {
        guard let member = try database.fetchOne(Member.self, where: "organization_id = ? AND user_id = ?", organizationID, userID) else {
            return false
        }
        if member.isOwner { return true }
        let roles = member.roleIDs.compactMap(EventbriteID.parse)
        guard !roles.isEmpty else { return false }
        return try database.fetchAll(Role.self, where: "organization_id = ?", organizationID).contains {
            roles.contains($0.id) && $0.permissions.contains(permission)
        }
    }

    /// `{"balance": {currency, event_id, latest_order_id, latest_timestamp, organization_id,
    /// value}}`: `value` in minor units, the latest order's time as a naive local datetime.
    private static func balance(of event: Event, in database: Database) throws -> HTTPResponse {
        let total = try database.queryOne(
            """
            SELECT COALESCE(SUM(base_price + eventbrite_fee + payment_fee + tax), 0) AS value
            FROM eventbrite_orders WHERE event_id = ? AND status = 'placed'
            """, event.id)?.int("value") ?? 0
        let latest = try database.fetchAll(
            Order.self, where: "event_id = ? AND status = 'placed'", orderBy: "created DESC, id DESC LIMIT 1", event.id
        ).first
        var balance = JSONObject()
        balance.append("currency", .string(event.currency))
        balance.append("event_id", .string(String(event.id)))
        balance.append("latest_order_id", latest.map { .string(String($0.id)) } ?? .null)
        balance.append(
            "latest_timestamp", latest.map { .string(EventbriteFormats.localText($0.created.value, timezone: event.startTimezone)) } ?? .null)
        balance.append("organization_id", .string(String(event.organizationID)))
        balance.append("value", .int(total))
        return EventbriteResponse.json(["balance": .object(balance)])
    }
}

/// An error of the Balance API (§8.2): `{"error", "error_description", "status_code"}` with its
/// own constants (the seed misspells the last key `satus_code`; the mock writes `status_code`, A20).
struct BalanceError: ResponseError {
    let status: Int
    let code: String
    let description: String

    var response: HTTPResponse {
        .json(
            ["error": .string(code), "error_description": .string(description), "status_code": .int(status)], status: status,
            contentType: "application/json")
    }
}
