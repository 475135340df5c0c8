import Emulation
import TestSupport
import Testing

/// Spec §8.6 reads: one event, and the lists by organization, venue, organizer and user.
@Suite struct EventReadTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func anEventInTheCapturedShape() throws {
        let response = try server.eventbrite("GET", "/events/1234/")
        #expect(response.status == 200)
        let event = response.json
        #expect(Array(keys(event).prefix(6)) == ["name", "description", "id", "url", "start", "end"])
        #expect(event["name"] == ["text": "Lawn Concert", "html": "Lawn Concert"])
        #expect(event["start"] == ["timezone": "America/Los_Angeles", "local": "2031-07-04T18:00:00", "utc": "2031-07-05T01:00:00Z"])
        #expect(event["url"] == "https://www.eventbrite.com/e/lawn-concert-tickets-1234")
        #expect(event["resource_uri"] == "https://www.eventbriteapi.com/v3/events/1234/")
        #expect(event["organization_id"] == "1234")
        #expect(event["status"] == "live")
        #expect(event["tx_time_limit"] == 480)
        #expect(event["is_free"] == false)
        #expect(event["version"] == .null)
        #expect(event["facebook_event_id"] == .null)
        #expect(event["series_id"] == nil)
        #expect(event["password"] == nil)
        #expect(event["vanity_url"] == nil)
    }

    @Test func nonMembersSeePublicEventsWithoutTheirPrivateFields() throws {
        let owner = try server.eventbrite("GET", "/events/\(Seed.publicEvent)/", token: Seed.otherUserToken)
        #expect(owner.json["listed"] == true)
        #expect(owner.json["show_remaining"] == true)
        #expect(owner.json["capacity"] == 40)
        let stranger = try server.eventbrite("GET", "/events/\(Seed.publicEvent)/")
        #expect(stranger.status == 200)
        for field in ["listed", "shareable", "invite_only", "show_remaining", "password", "capacity", "capacity_is_custom"] {
            #expect(stranger.json[field] == nil, "\(field) leaked")
        }
        #expect(stranger.json["name"]?["text"] == "Jane's Public Talk")
        #expect(stranger.json["name"]?["html"] == "Jane&#39;s Public Talk")
        // An unlisted, password-protected event is not public.
        #expect(try server.eventbrite("GET", "/events/\(Seed.janesUnlisted)/").json == Bodies.notAuthorized)
        let privateOne = try server.eventbrite("GET", "/events/\(Seed.janesUnlisted)/", token: Seed.otherUserToken)
        #expect(privateOne.json["password"] == "secret")
    }

    @Test func derivedFields() throws {
        // A custom capacity, and the ticket classes' sum otherwise.
        let custom = try server.eventbrite("GET", "/events/5678/")
        #expect(custom.json["capacity"] == 100)
        #expect(custom.json["capacity_is_custom"] == true)
        #expect(custom.json["inventory_type"] == "reserved")
        let summed = try server.eventbrite("GET", "/events/17937020110/")
        #expect(summed.json["capacity"] == 200)
        #expect(summed.json["capacity_is_custom"] == false)
        #expect(try server.eventbrite("GET", "/events/99101/").json["is_free"] == true)
        let occurrence = try server.eventbrite("GET", "/events/12346/")
        #expect(occurrence.json["series_id"] == "12345")
        #expect(occurrence.json["is_series"] == true)
        #expect(occurrence.json["is_series_parent"] == false)
    }

    @Test func statusesFollowTheClock() throws {
        #expect(try server.eventbrite("GET", "/events/1234/").json["status"] == "live")
        try server.freezeClock(at: "2031-07-05T02:00:00Z")
        #expect(try server.eventbrite("GET", "/events/1234/").json["status"] == "started")
        let started = try server.eventbrite("GET", "/organizations/1234/events/?status=started")
        #expect(started.ids("events") == ["1234"])
        try server.freezeClock(at: "2031-07-05T06:00:00Z")
        #expect(try server.eventbrite("GET", "/events/1234/").json["status"] == "ended")
        #expect(try server.eventbrite("GET", "/organizations/1234/events/").ids("events") == [])
        #expect(try server.eventbrite("GET", "/organizations/1234/events/?status=ended").ids("events") == ["1234"])
        #expect(try server.eventbrite("GET", "/events/751490729/").json["status"] == "completed")
    }

    @Test func organizationEventsByDefaultListLiveEventsAndSeriesOccurrences() throws {
        let response = try server.eventbrite("GET", "/organizations/12345/events/")
        #expect(response.ids("events") == ["17937020110", "12346", "12347", "5678", "99102"])
        let all = try server.eventbrite("GET", "/organizations/12345/events/?status=all")
        #expect(Set(all.ids("events")) == ["17937020110", "12346", "12347", "5678", "21321", "99102", "99101"])
        let parents = try server.eventbrite("GET", "/organizations/12345/events/?status=all&show_series_parent=true")
        #expect(Set(parents.ids("events")) == ["17937020110", "12345", "5678", "21321", "99102", "99101", "99104"])
        let drafts = try server.eventbrite("GET", "/organizations/12345/events/?status=draft")
        #expect(drafts.ids("events") == ["21321", "99101"])
        let listOfStatuses = try server.eventbrite("GET", "/organizations/12345/events/?status=draft&status=live")
        #expect(Set(listOfStatuses.ids("events")) == ["17937020110", "12346", "12347", "5678", "99102", "21321", "99101"])
    }

    @Test func organizationEventFilters() throws {
        let base = "/organizations/12345/events/?status=all"
        #expect(try server.eventbrite("GET", base + "&series_filter=parents").ids("events") == ["12345", "99104"])
        #expect(try server.eventbrite("GET", base + "&series_filter=children").ids("events") == ["12346", "12347"])
        #expect(Set(try server.eventbrite("GET", base + "&series_filter=nonseries,parents").ids("events"))
            == ["17937020110", "12345", "5678", "21321", "99102", "99101", "99104"])
        #expect(try server.eventbrite("GET", base + "&name_filter=GALA").ids("events") == ["5678"])
        #expect(try server.eventbrite("GET", base + "&name_filter=100%25").ids("events") == [])
        #expect(try server.eventbrite("GET", base + "&venue_filter=3003").ids("events") == [])
        #expect(try server.eventbrite("GET", base + "&venue_filter=12345&series_filter=allevents").ids("events")
            == ["12345", "12346", "12347", "5678"])
        #expect(try server.eventbrite("GET", base + "&inventory_type_filter=reserved").ids("events") == ["5678"])
        #expect(try server.eventbrite("GET", base + "&event_ids=5678,99101").ids("events") == ["5678", "99101"])
        #expect(try server.eventbrite("GET", base + "&event_ids_to_exclude=5678&currency_filter=usd").ids("events").contains("5678") == false)
        #expect(try server.eventbrite("GET", base + "&collection_id=9").ids("events") == [])
        #expect(try server.eventbrite("GET", base + "&order_by=name_asc").ids("events").first == "12346")
        #expect(try server.eventbrite("GET", base + "&order_by=start_desc").ids("events").first == "99102")
        let past = try server.eventbrite("GET", "/organizations/5130962065/events/?status=all&time_filter=past")
        #expect(past.ids("events") == ["751490729"])
        #expect(try server.eventbrite("GET", "/organizations/5130962065/events/?status=all&time_filter=current_future").ids("events") == [])
    }

    @Test func badFilterValuesAreArgumentErrors() throws {
        let base = "/organizations/12345/events/"
        #expect(try server.eventbrite("GET", base + "?status=open").json == Bodies.arguments(["status": "INVALID"]))
        #expect(try server.eventbrite("GET", base + "?order_by=price").json == Bodies.arguments(["order_by": "INVALID"]))
        #expect(try server.eventbrite("GET", base + "?time_filter=soon").json == Bodies.arguments(["time_filter": "INVALID"]))
        #expect(try server.eventbrite("GET", base + "?series_filter=some").json == Bodies.arguments(["series_filter": "INVALID"]))
        #expect(try server.eventbrite("GET", base + "?show_series_parent=maybe").json == Bodies.arguments(["show_series_parent": "INVALID"]))
        #expect(try server.eventbrite("GET", base + "?venue_filter=abc").json == Bodies.arguments(["venue_filter": "INVALID"]))
        #expect(try server.eventbrite("GET", base + "?status=open&order_by=price").json
            == Bodies.arguments(["status": "INVALID", "order_by": "INVALID"]))
    }

    @Test func venueEvents() throws {
        let response = try server.eventbrite("GET", "/venues/12345/events/")
        #expect(response.ids("events") == ["12346", "12347", "5678"])
        let ranged = try server.eventbrite(
            "GET", "/venues/12345/events/?start_date.range_start=2031-06-01T00:00:00&start_date.range_end=2031-12-31T00:00:00")
        #expect(ranged.ids("events") == ["12347", "5678"])
        // Non-members see only the public ones.
        let stranger = try server.eventbrite("GET", "/venues/254753143343/events/?status=all")
        #expect(stranger.ids("events") == [Seed.publicEvent])
        let owner = try server.eventbrite("GET", "/venues/254753143343/events/?status=all", token: Seed.otherUserToken)
        #expect(owner.ids("events") == [Seed.publicEvent])
        #expect(try server.eventbrite("GET", "/venues/99/events/").json == Bodies.notFound("venue_id"))
    }

    @Test func organizerEvents() throws {
        #expect(try server.eventbrite("GET", "/organizers/1234/events/").ids("events") == ["1234"])
        let stranger = try server.eventbrite("GET", "/organizers/\(Seed.otherOrganization)/events/?status=all")
        #expect(stranger.ids("events") == [Seed.publicEvent])
        let owner = try server.eventbrite("GET", "/organizers/\(Seed.otherOrganization)/events/?status=all", token: Seed.otherUserToken)
        #expect(owner.ids("events") == [Seed.publicEvent, Seed.janesDraft, Seed.janesUnlisted])
    }

    @Test func ownedEventsSpanTheUsersOrganizations() throws {
        let response = try server.eventbrite("GET", "/users/me/owned_events/?page_size=200")
        #expect(response.pagination["object_count"] == 315)
        #expect(try server.eventbrite("GET", "/users/me/events/").pagination["object_count"] == 315)
        let jane = try server.eventbrite("GET", "/users/me/owned_events/", token: Seed.otherUserToken)
        #expect(jane.ids("events") == [Seed.publicEvent, Seed.janesDraft, Seed.janesUnlisted])
        #expect(try server.eventbrite("GET", "/users/\(Seed.otherUserID)/owned_events/").json == Bodies.notAuthorized)
    }
}
