import Emulation
import TestSupport
import Testing

/// Spec §8.25 and §9.27: ticket groups, and the one endpoint of the API that answers `204`.
@Suite struct TicketGroupTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func theDocsGroup() throws {
        let response = try server.eventbrite("GET", "/ticket_groups/1/")
        #expect(response.json == ["id": "1", "name": "Ticket Group Example", "status": "live", "event_ticket_ids": ["1": ["12345"]], "tickets": []])
        let expanded = try server.eventbrite("GET", "/ticket_groups/1/?expand=tickets")
        #expect(expanded.json["tickets"] == [
            ["id": "12345", "event_id": "1", "sales_channels": ["online", "atd"], "variants": [], "name": "General Admission"],
        ])
        #expect(try server.eventbrite("GET", "/ticket_groups/1/?expand=ticket_classes").json["tickets"] == expanded.json["tickets"])
        #expect(try server.eventbrite("GET", "/ticket_groups/99/").json == Bodies.notFound("ticket_group_id"))
        #expect(try server.eventbrite("GET", "/ticket_groups/1/", token: Seed.otherUserToken).json == Bodies.notAuthorized)
    }

    @Test func createUpdateAndDelete() throws {
        let created = try server.eventbrite("POST", "/organizations/1/ticket_groups/", json: [
            "ticket_group": ["name": "Twenty-one characters", "event_ticket_ids": "{\"123\": [\"12345\"], \"1\": [\"12345\"]}"],
        ])
        #expect(created.status == 200)
        let id = try #require(created.json["id"]?.stringValue)
        // Names are cut at 20 characters; `event_ticket_ids` may come as JSON text.
        #expect(created.json["name"] == "Twenty-one character")
        #expect(created.json["status"] == "live")
        #expect(created.json["event_ticket_ids"] == ["1": ["12345"], "123": ["12345"]])
        let updated = try server.eventbrite("POST", "/ticket_groups/\(id)/", json: ["ticket_group": ["status": "archived", "event_ticket_ids": ["1": ["12345"]]]])
        #expect(updated.json["status"] == "archived")
        #expect(updated.json["name"] == "Twenty-one character")
        #expect(updated.json["event_ticket_ids"] == ["1": ["12345"]])
        #expect(try server.eventbrite("GET", "/organizations/1/ticket_groups/").ids("ticket_groups") == ["1"])
        #expect(try server.eventbrite("GET", "/organizations/1/ticket_groups/?status=archived").ids("ticket_groups") == [id])
        // A deleted group keeps answering, as deleted.
        #expect(try server.eventbrite("DELETE", "/ticket_groups/\(id)/").json == ["deleted": true])
        #expect(try server.eventbrite("GET", "/ticket_groups/\(id)/").json["status"] == "deleted")
        #expect(try server.eventbrite("GET", "/organizations/1/ticket_groups/?status=deleted").ids("ticket_groups") == [id])
        #expect(try server.eventbrite("GET", "/organizations/1/ticket_groups/?status=all").ids("ticket_groups") == ["1", id])
    }

    @Test func argumentErrors() throws {
        #expect(try server.eventbrite("POST", "/organizations/1/ticket_groups/", json: [
            "ticket_group": ["status": "frozen", "event_ticket_ids": ["12345": ["12345"]], "color": "red"],
        ]).json == Bodies.arguments([
            "ticket_group.color": "Unknown parameter", "ticket_group.status": "INVALID", "ticket_group.event_ticket_ids": "INVALID",
        ]))
        #expect(try server.eventbrite("POST", "/organizations/1/ticket_groups/", json: ["ticket_group": ["event_ticket_ids": ["123": ["999"]]]]).json
            == Bodies.arguments(["ticket_group.event_ticket_ids": "INVALID"]))
        #expect(try server.eventbrite("GET", "/organizations/1/ticket_groups/?status=gone").json == Bodies.arguments(["status": "INVALID"]))
        #expect(try server.eventbrite("POST", "/organizations/\(Seed.otherOrganization)/ticket_groups/", json: [:]).json == Bodies.notAuthorized)
    }

    @Test func anOrganizationHasAtMostThreeHundredLiveGroups() throws {
        for number in 2...300 {
            let response = try server.eventbrite("POST", "/organizations/1/ticket_groups/", json: ["ticket_group": ["name": .string("Group \(number)")]])
            #expect(response.status == 200)
            if response.status != 200 { break }
        }
        let limit = Bodies.error(400, "EXCEEDS_LIMIT", "You have reached the maximum number of 300 ticket groups allowed")
        #expect(try server.eventbrite("POST", "/organizations/1/ticket_groups/", json: ["ticket_group": ["name": "One more"]]).json == limit)
        // Archived groups do not count; reviving one does.
        let archived = try server.eventbrite("POST", "/organizations/1/ticket_groups/", json: ["ticket_group": ["name": "Old", "status": "archived"]])
        let id = try #require(archived.json["id"]?.stringValue)
        #expect(try server.eventbrite("POST", "/ticket_groups/\(id)/", json: ["ticket_group": ["status": "live"]]).json == limit)
        #expect(try server.eventbrite("DELETE", "/ticket_groups/1/").status == 200)
        #expect(try server.eventbrite("POST", "/ticket_groups/\(id)/", json: ["ticket_group": ["status": "live"]]).status == 200)
    }

    @Test func puttingATicketClassInGroups() throws {
        let second = try server.eventbrite("POST", "/organizations/1/ticket_groups/", json: ["ticket_group": ["name": "Second"]])
        let id = try #require(second.json["id"]?.stringValue)
        // The docs' example: ticket class 12345 of event 123 into group 1.
        let path = "/organizations/1/events/123/ticket_classes/12345/ticket_groups/"
        let response = try server.eventbrite("POST", path, json: ["ticket_group_ids": ["1", .string(id)]])
        #expect(response.status == 204)
        #expect(response.text.isEmpty)
        #expect(try server.eventbrite("GET", "/ticket_groups/1/").json["event_ticket_ids"] == ["1": ["12345"], "123": ["12345"]])
        #expect(try server.eventbrite("GET", "/ticket_groups/\(id)/").json["event_ticket_ids"] == ["123": ["12345"]])
        // Exactly the groups named: now only the second.
        #expect(try server.eventbrite("POST", path, json: ["ticket_group_ids": [.string(id)]]).status == 204)
        #expect(try server.eventbrite("GET", "/ticket_groups/1/").json["event_ticket_ids"] == ["1": ["12345"]])
        // None, or no list at all, takes it out of every group.
        #expect(try server.eventbrite("POST", path).status == 204)
        #expect(try server.eventbrite("GET", "/ticket_groups/\(id)/").json["event_ticket_ids"] == [:])
        #expect(try server.eventbrite("POST", path, json: ["ticket_group_ids": ["404"]]).json == Bodies.arguments(["ticket_group_ids": "INVALID"]))
        #expect(try server.eventbrite("POST", "/organizations/1/events/123/ticket_classes/999/ticket_groups/", json: [:]).json
            == Bodies.notFound("ticket_class_id"))
        #expect(try server.eventbrite("POST", "/organizations/1/events/12345/ticket_classes/12345/ticket_groups/", json: [:]).json
            == Bodies.notFound("event"))
        // A deleted ticket class leaves its groups (event 1 is a draft, so its only ticket may go).
        #expect(try server.eventbrite("DELETE", "/events/1/ticket_classes/12345/").json == ["deleted": true])
        #expect(try server.eventbrite("GET", "/ticket_groups/1/").json["event_ticket_ids"] == [:])
    }
}
