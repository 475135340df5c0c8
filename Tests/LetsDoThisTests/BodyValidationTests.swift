import Emulation
import TestSupport
import Testing

/// Request bodies (spec §5.2, §5.3): parsing errors, then the schema's first failure.
@Suite struct BodyValidationTests {
    @Test func bodyParsing() throws {
        let server = try TestServer()
        let emptyJSON = try server.ldt("POST", "/partners", headers: [("Content-Type", "application/json")])
        #expect(emptyJSON.status == 400)
        #expect(emptyJSON.json == [
            "statusCode": 400, "code": "FST_ERR_CTP_EMPTY_JSON_BODY", "error": "Bad Request",
            "message": "Body cannot be empty when content-type is set to 'application/json'",
        ])
        let malformed = try server.ldt("POST", "/partners", headers: [("Content-Type", "application/json")], body: "{\"name\":")
        #expect(malformed.json == [
            "statusCode": 400, "code": "FST_ERR_CTP_INVALID_JSON_BODY", "error": "Bad Request",
            "message": "Body is not valid JSON but content-type is set to 'application/json'",
        ])
        let xml = try server.ldt("POST", "/partners", headers: [("Content-Type", "application/xml")], body: "<partner/>")
        #expect(xml.status == 415)
        #expect(xml.json == [
            "statusCode": 415, "code": "FST_ERR_CTP_INVALID_MEDIA_TYPE", "error": "Unsupported Media Type",
            "message": "Unsupported Media Type: application/xml",
        ])
        for (contentType, body) in [("text/plain", "name=Acme"), ("application/json", "[1]"), ("application/json", "\"x\""),
                                    ("application/json; charset=utf-8", "null")] {
            let response = try server.ldt("PATCH", "/partners/\(Seed.nationalCharity)", headers: [("Content-Type", contentType)], body: body)
            #expect(response.status == 400, "\(contentType) \(body)")
            #expect(response.json == Expected.validation("body must be object"), "\(contentType) \(body)")
        }
        #expect(try server.ldt("POST", "/partners").json == Expected.validation("body must be object"))
    }

    @Test func partnerBodies() throws {
        let server = try TestServer()
        let contacts: JSONValue = [["emailAddress": "a@b.co"]]
        let cases: [(JSONValue, String)] = [
            ([:], "body must have required property 'name'"),
            (["name": "Acme Ltd"], "body must have required property 'contacts'"),
            (["contacts": contacts], "body must have required property 'name'"),
            (["name": "", "contacts": contacts], "body/name must NOT have fewer than 1 characters"),
            (["name": "A", "contacts": contacts], "body/name must match pattern \"^(\\S).+$\""),
            (["name": " Acme", "contacts": contacts], "body/name must match pattern \"^(\\S).+$\""),
            (["name": "Ac\nme", "contacts": contacts], "body/name must match pattern \"^(\\S).+$\""),
            (["name": ["x": 1], "contacts": contacts], "body/name must be string"),
            (["name": "Acme", "description": ["x", "y"], "contacts": contacts], "body/description must be string"),
            (["name": "Acme", "externalIds": "x", "contacts": contacts], "body/externalIds must be object"),
            (["name": "Acme", "type": "NGO", "contacts": contacts], "body/type must be equal to one of the allowed values"),
            (["name": "Acme", "contacts": ["a": 1]], "body/contacts must be array"),
            (["name": "Acme", "contacts": []], "body/contacts must NOT have fewer than 1 items"),
            (["name": "Acme", "contacts": ["x"]], "body/contacts/0 must be object"),
            (["name": "Acme", "contacts": "x"], "body/contacts/0 must be object"),
            // Ajv's coerceTypes "array" wraps null like any scalar: the item then fails.
            (["name": "Acme", "contacts": nil], "body/contacts/0 must be object"),
            (["name": nil, "contacts": contacts], "body/name must NOT have fewer than 1 characters"),
            (["name": "Acme", "contacts": contacts, "defaultMarketing": []], "body/defaultMarketing must be object"),
            (["name": "Acme", "contacts": contacts, "specificMarketings": [1]], "body/specificMarketings/0 must be object"),
            (["name": "Acme", "contacts": contacts, "canCreateSubPartners": "yes"], "body/canCreateSubPartners must be boolean"),
        ]
        for (body, message) in cases {
            let response = try server.ldt("POST", "/partners", json: body)
            #expect(response.status == 400, "\(body)")
            #expect(response.json == Expected.validation(message), "\(body)")
        }
        // The pattern message as JSON text (spec §5.2).
        let raw = try server.ldt("POST", "/partners", json: ["name": "A", "contacts": contacts])
        #expect(raw.text == #"{"statusCode":400,"code":"FST_ERR_VALIDATION","error":"Bad Request","message":"body/name must match pattern \"^(\\S).+$\""}"#)
        let update = try server.ldt("PATCH", "/partners/\(Seed.nationalCharity)", json: ["name": "X"])
        #expect(update.json == Expected.validation("body/name must match pattern \"^(\\S).+$\""))
        // Body validation comes before the querystring and before the lookup.
        let order = try server.ldt("PATCH", "/partners/nope?externalId=bad", json: ["canCreateSubPartners": 5])
        #expect(order.json == Expected.validation("body/canCreateSubPartners must be boolean"))
        let query = try server.ldt("PATCH", "/partners/nope?externalId=bad", json: [:])
        #expect(query.json == Expected.validation("querystring/externalId must be equal to one of the allowed values"))
        // No partner was created by any of these.
        #expect(try server.ldt("GET", "/partners").page?["totalResults"] == 7)
    }

    @Test func reservedEntryGroupBodies() throws {
        let server = try TestServer()
        let tickets: JSONValue = [["ticketId": .string(Seed.ticket10K)]]
        let cases: [(JSONValue, String)] = [
            ([:], "body must have required property 'name'"),
            (["name": "Places"], "body must have required property 'maxCapacity'"),
            (["name": "Places", "maxCapacity": 1], "body must have required property 'tickets'"),
            (["name": "Places", "maxCapacity": 1, "tickets": tickets], "body must have required property 'type'"),
            (["name": "Places", "maxCapacity": "lots", "tickets": tickets, "type": "MULTI_USE"], "body/maxCapacity must be number"),
            (["name": "Places", "maxCapacity": -1, "tickets": tickets, "type": "MULTI_USE"], "body/maxCapacity must be >= 0"),
            (["name": "Places", "maxCapacity": 1, "tickets": [], "type": "MULTI_USE"], "body/tickets must NOT have fewer than 1 items"),
            (["name": "Places", "maxCapacity": 1, "tickets": tickets, "type": "ONE"], "body/type must be equal to one of the allowed values"),
            (["name": "Places", "maxCapacity": 1, "tickets": tickets, "type": "MULTI_USE", "settings": 1], "body/settings must be object"),
            (["maxCapacity": 1, "tickets": tickets, "type": "MULTI_USE"], "body must have required property 'name'"),
            (["name": "P", "maxCapacity": -1, "tickets": tickets, "type": "MULTI_USE"], "body/name must match pattern \"^(\\S).+$\""),
            (["name": "Places", "partnerId": ["id": 1], "maxCapacity": -1, "tickets": tickets, "type": "MULTI_USE"],
             "body/partnerId must be string"),
            (["name": "Places", "maxCapacity": 1, "tickets": ["ticketId": "x"], "type": "MULTI_USE"], "body/tickets must be array"),
            (["name": "Places", "maxCapacity": 1, "tickets": ["x"], "type": "MULTI_USE"], "body/tickets/0 must be object"),
            (["name": "Places", "maxCapacity": 1, "tickets": nil, "type": "MULTI_USE"], "body/tickets/0 must be object"),
            (["name": "Places", "maxCapacity": 1, "tickets": tickets, "description": [1, 2], "type": "ONE"],
             "body/description must be string"),
            (["name": "Places", "maxCapacity": 1, "tickets": tickets, "type": 7], "body/type must be equal to one of the allowed values"),
        ]
        for (body, message) in cases {
            let response = try server.ldt("POST", "/events/\(Seed.citySprint)/reserved-entries", json: body)
            #expect(response.status == 400, "\(body)")
            #expect(response.json == Expected.validation(message), "\(body)")
        }
        // Validation precedes the unknown event's 404.
        #expect(try server.ldt("POST", "/events/404/reserved-entries", json: [:]).json
            == Expected.validation("body must have required property 'name'"))
        let coerced = try server.ldt("POST", "/events/\(Seed.citySprint)/reserved-entries", json: [
            "name": "Places", "maxCapacity": "12", "tickets": tickets, "type": "MULTI_USE",
        ])
        #expect(coerced.json["maxCapacity"] == 12)
        let patches: [(JSONValue, String)] = [
            (["maxCapacity": -5], "body/maxCapacity must be >= 0"),
            (["tickets": []], "body/tickets must NOT have fewer than 1 items"),
            (["settings": "x"], "body/settings must be object"),
            (["name": " x"], "body/name must match pattern \"^(\\S).+$\""),
            (["name": ""], "body/name must NOT have fewer than 1 characters"),
            (["maxCapacity": "many"], "body/maxCapacity must be number"),
            (["tickets": [1]], "body/tickets/0 must be object"),
            (["description": ["x": 1]], "body/description must be string"),
            // Schema order of the update body: settings, name, maxCapacity, tickets, description.
            (["description": [1, 2], "name": "A", "settings": []], "body/settings must be object"),
        ]
        for (body, message) in patches {
            #expect(try server.ldt("PATCH", "/reserved-entries/\(Seed.loremGroup)", json: body).json == Expected.validation(message), "\(body)")
        }
        // None of the refused bodies changed the group.
        let group = try server.ldt("GET", "/reserved-entries/\(Seed.loremGroup)").json
        #expect(group["name"] == "Lorem ipsum")
        #expect(group["maxCapacity"] == 35)
        #expect(try server.ldt("GET", "/events/\(Seed.citySprint)/reserved-entries").ids.count == 3)
    }
}
