import Emulation
import TestSupport
import Testing

/// Spec §8.2 (the event balance, its service token and its own error constants) and §8.26
/// (pricing and fee rates).
@Suite struct BalanceAndPricingTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func theDocsBalance() throws {
        let path = "/balance/5130962065/events/751490729/"
        let response = try server.eventbrite("GET", path, token: Seed.serviceToken)
        #expect(response.status == 200)
        #expect(response.json == [
            "balance": [
                "currency": "USD", "event_id": "751490729", "latest_order_id": "18995157", "latest_timestamp": "2010-10-20T07:19:37",
                "organization_id": "5130962065", "value": 0,
            ],
        ])
        // An owner holds every permission, the balance's too; another user holds none.
        #expect(try server.eventbrite("GET", path).status == 200)
        #expect(try server.eventbrite("GET", path, token: Seed.otherUserToken).json
            == ["error": "SOATokenNotFound", "error_description": "No service token was found for this request.", "status_code": 403])
        #expect(try server.eventbrite("GET", path, token: nil).json == Bodies.noAuth)
    }

    @Test func balanceErrors() throws {
        func error(_ path: String) throws -> JSONValue? { try server.eventbrite("GET", path, token: Seed.serviceToken).json["error"] }
        #expect(try error("/balance/x/events/751490729/") == "BadParams")
        #expect(try error("/balance/5130962065/events/404/") == "NotFound")
        #expect(try error("/balance/404/events/751490729/") == "NotFound")
        #expect(try error("/balance/12345/events/751490729/") == "NotAuthorized")
        let paid = try server.eventbrite("GET", "/balance/12345/events/17937020110/", token: Seed.serviceToken)
        #expect(paid.json["balance"]?["value"] == 1251)
        // Elsewhere the service token is no token at all.
        #expect(try server.eventbrite("GET", "/users/me/", token: Seed.serviceToken).json == Bodies.invalidAuth)
    }

    @Test func calculatingAPrice() throws {
        let path = "/pricing/calculate_price_for_item/"
        let passed = try server.eventbrite("POST", path, json: ["base_price": "USD,1000", "country": "US", "scope": ["type": "organization", "identifier": "4028"]])
        #expect(passed.json == [
            "item_pricing": [
                "organizer_share": ["currency": "USD", "value": 1000, "major_value": "10.00", "display": "$10.00"],
                "total_fees": ["currency": "USD", "value": 251, "major_value": "2.51", "display": "$2.51"],
                "total_taxes": ["currency": "USD", "value": 0, "major_value": "0.00", "display": "$0.00"],
                "total_price": ["currency": "USD", "value": 1251, "major_value": "12.51", "display": "$12.51"],
            ],
        ])
        let absorbed = try server.eventbrite("POST", path, json: [
            "base_price": ["currency": "GBP", "value": 2000], "country": "GB", "absorb_fees": true, "channel": "atd",
            "scope": ["type": "assortment_plan", "identifier": "package1"],
        ])
        // At the door: no service fee, 2.50 % payment fee.
        #expect(absorbed.json["item_pricing"]?["total_fees"]?["value"] == 50)
        #expect(absorbed.json["item_pricing"]?["organizer_share"]?["value"] == 1950)
        #expect(absorbed.json["item_pricing"]?["total_price"]?["value"] == 2000)
        #expect(try server.eventbrite("POST", path, json: ["base_price": "USD,100", "country": "US", "absorb_fees": true, "scope": ["type": "event", "identifier": "1"]]).json
            == Bodies.error(400, "BASE_PRICE_TOO_LOW_TO_ABSORB", "The fees to absorb are bigger than the provided base price."))
        #expect(try server.eventbrite("POST", path, json: ["base_price": "GBP,100", "country": "US", "scope": ["type": "event", "identifier": "1"]]).json
            == Bodies.error(
                400, "INVALID_CURRENCY_COUNTRY_COMBINATION", "The provided currency/country combination is not supported by Eventbrite."))
        #expect(try server.eventbrite("POST", path, json: ["country": "USA", "scope": ["type": "plan"], "payment_type": "cash", "fee": 1]).json
            == Bodies.arguments([
                "fee": "Unknown parameter", "base_price": "MISSING", "country": "INVALID", "scope.type": "INVALID",
                "scope.identifier": "MISSING", "payment_type": "INVALID",
            ]))
    }

    @Test func feeRates() throws {
        let response = try server.eventbrite("GET", "/pricing/fee_rates?country=US&currency=USD")
        #expect(response.pagination["object_count"] == 4)
        #expect(response.json["fee_rates"]?[0] == [
            "fixed": ["currency": "USD", "value": 179, "major_value": "1.79", "display": "$1.79"], "maximum": nil, "minimum": nil,
            "country": "US", "currency": "USD", "fee_name": "service_fee", "plan": "package2", "payment_type": "any", "channel": "web",
            "item_type": "ticket", "percent": "3.70",
        ])
        // `any` rules apply to every value asked for.
        let atd = try server.eventbrite("GET", "/pricing/fee_rates/?country=US&currency=USD&channel=atd&payment_type=eventbrite")
        #expect(atd.json["fee_rates"]?.arrayValue?.map { $0["percent"] } == ["2.50"])
        #expect(try server.eventbrite("GET", "/pricing/fee_rates?country=GB&currency=GBP&plan=package1").pagination["object_count"] == 3)
        #expect(try server.eventbrite("GET", "/pricing/fee_rates?country=US&currency=JPY").json["error"] == "INVALID_CURRENCY_COUNTRY_COMBINATION")
        #expect(try server.eventbrite("GET", "/pricing/fee_rates?plan=gold").json
            == Bodies.arguments(["country": "MISSING", "currency": "MISSING", "plan": "INVALID"]))
    }
}
