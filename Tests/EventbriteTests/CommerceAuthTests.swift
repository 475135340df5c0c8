import Emulation
import TestSupport
import Testing

/// Spec §3: every ticketing and commerce endpoint needs a token, and what an organization owns
/// is for its members (§3.3) — another user gets `403 NOT_AUTHORIZED`, after the lookup's 404.
@Suite struct CommerceAuthTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    /// Member-only endpoints of the demo organization's records, read by Jane.
    static let membersOnly: [(String, String)] = [
        ("POST", "/events/12345/ticket_classes/"),
        ("POST", "/events/12345/ticket_classes/12345/"),
        ("DELETE", "/events/12345/ticket_classes/12345/"),
        ("GET", "/events/12345/inventory_tiers/"),
        ("GET", "/events/12345/inventory_tiers/1234/"),
        ("POST", "/events/12345/inventory_tiers/"),
        ("POST", "/events/12345/inventory_tiers/1234/"),
        ("DELETE", "/events/12345/inventory_tiers/1234/"),
        ("GET", "/events/5678/capacity_tier/"),
        ("POST", "/events/5678/capacity_tier/"),
        ("GET", "/discounts/12345/"),
        ("POST", "/discounts/12345/"),
        ("DELETE", "/discounts/99001/"),
        ("POST", "/organizations/12345/discounts/"),
        ("GET", "/organizations/12345/discounts/?scope=user"),
        ("GET", "/events/12345/discounts/"),
        ("POST", "/events/12345/discounts/"),
        ("GET", "/events/12345/discounts/12345/"),
        ("GET", "/ticket_groups/1/"),
        ("POST", "/ticket_groups/1/"),
        ("DELETE", "/ticket_groups/1/"),
        ("POST", "/organizations/1/ticket_groups/"),
        ("GET", "/organizations/1/ticket_groups/"),
        ("POST", "/organizations/1/events/123/ticket_classes/12345/ticket_groups/"),
        ("GET", "/events/12345/attendees/"),
        ("GET", "/events/12345/attendees/12345/"),
        ("GET", "/organizations/12345/attendees/"),
        ("GET", "/orders/12345/attendees/"),
        ("GET", "/orders/12345/"),
        ("GET", "/organizations/12345/orders/"),
        ("GET", "/events/12345/orders/"),
        ("GET", "/users/12345/orders/"),
        ("GET", "/users/12345/owned_event_orders/"),
        ("GET", "/users/12345/owned_event_attendees/"),
        ("GET", "/events/12345/teams/1/attendees/"),
        ("GET", "/reports/sales/?event_ids=12345"),
        ("GET", "/reports/attendees/?event_ids=12345"),
    ]

    @Test(arguments: membersOnly)
    func anotherUserIsNotAuthorized(method: String, path: String) throws {
        let response = try server.eventbrite(method, path, token: Seed.otherUserToken, json: method == "GET" ? nil : [:])
        #expect(response.status == 403)
        #expect(response.json == Bodies.notAuthorized)
    }

    @Test(arguments: membersOnly + [
        ("GET", "/events/12345/ticket_classes/"), ("GET", "/events/12345/ticket_classes/for_sale/"), ("GET", "/events/12345/teams/"),
        ("GET", "/events/12345/teams/search/?term=a"), ("POST", "/events/12345/teams/create/"),
        ("POST", "/events/12345/teams/1/check_password/"), ("GET", "/pricing/fee_rates?country=US&currency=USD"),
        ("POST", "/pricing/calculate_price_for_item/"), ("GET", "/balance/5130962065/events/751490729/"),
    ])
    func everyEndpointNeedsAToken(method: String, path: String) throws {
        let response = try server.eventbrite(method, path, token: nil, json: method == "GET" ? nil : [:])
        #expect(response.json == Bodies.noAuth)
    }

    @Test func publicReadsAreOpenToEveryUser() throws {
        for path in [
            "/events/12345/ticket_classes/", "/events/12345/ticket_classes/12345/", "/events/12345/ticket_classes/for_sale/",
            "/events/12345/teams/", "/events/12345/teams/1/", "/pricing/fee_rates?country=US&currency=USD",
        ] {
            #expect(try server.eventbrite("GET", path, token: Seed.otherUserToken).status == 200, "\(path)")
        }
    }
}
