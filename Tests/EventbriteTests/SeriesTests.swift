import Emulation
import TestSupport
import Testing

/// Spec §8.7 (series and schedules), the `series_dates` expansion, and §8.6's series list.
@Suite struct SeriesTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
        try server.freezeClock(at: "2030-01-01T00:00:00Z")
    }

    static func date(_ utc: String, _ local: String) -> JSONValue {
        ["timezone": "America/Los_Angeles", "local": .string(local), "utc": .string(utc)]
    }

    @Test func aSeriesParentWithItsDates() throws {
        let response = try server.eventbrite("GET", "/series/12345/?expand=series_dates")
        #expect(response.status == 200)
        #expect(response.json["id"] == "12345")
        #expect(response.json["is_series_parent"] == true)
        #expect(response.json["series_dates"] == [
            [
                "id": "12346", "start": Self.date("2031-05-02T02:00:00Z", "2031-05-01T19:00:00"),
                "end": Self.date("2031-05-02T04:00:00Z", "2031-05-01T21:00:00"),
                "url": "https://www.eventbrite.com/e/classical-music-seminar-series-tickets-12346", "status": "live", "locale": "en_US",
            ],
            [
                "id": "12347", "start": Self.date("2031-06-02T02:00:00Z", "2031-06-01T19:00:00"),
                "end": Self.date("2031-06-02T04:00:00Z", "2031-06-01T21:00:00"),
                "url": "https://www.eventbrite.com/e/classical-music-seminar-series-tickets-12347", "status": "live", "locale": "en_US",
            ],
        ])
        // Not without the expansion; v2 on the event; none for an occurrence.
        #expect(try server.eventbrite("GET", "/series/12345/").json["series_dates"] == nil)
        #expect(try server.eventbrite("GET", "/events/12345/?expand.event=series_dates").json["series_dates"]?.arrayValue?.count == 2)
        #expect(try server.eventbrite("GET", "/events/12346/?expand=series_dates").json["series_dates"] == [])
        // A deleted occurrence is no longer a date of the series, and a date's status follows the clock.
        #expect(try server.eventbrite("DELETE", "/events/12346/").json == ["deleted": true])
        try server.freezeClock(at: "2031-06-02T03:00:00Z")
        let dates = try server.eventbrite("GET", "/series/12345/?expand=series_dates").json["series_dates"]?.arrayValue ?? []
        #expect(dates.map { $0["id"] } == ["12347"])
        #expect(dates.first?["status"] == "started")
    }

    @Test func onlyASeriesParentIsASeries() throws {
        #expect(try server.eventbrite("GET", "/series/12346/").json == Bodies.notFound("event_series_id"))
        #expect(try server.eventbrite("GET", "/series/99101/").json == Bodies.notFound("event_series_id"))
        #expect(try server.eventbrite("GET", "/series/abc/").json == Bodies.notFound("event_series_id"))
        #expect(try server.eventbrite("GET", "/series/99104/", token: Seed.otherUserToken).json == Bodies.notAuthorized)
        #expect(try server.eventbrite("GET", "/series/12345/", token: Seed.otherUserToken).status == 200)
        #expect(try server.eventbrite("GET", "/series/12345/", token: nil).json == Bodies.noAuth)
    }

    @Test func theOccurrencesOfASeries() throws {
        let list = try server.eventbrite("GET", "/series/12345/events/")
        #expect(list.ids("events") == ["12346", "12347"])
        #expect(list.pagination["object_count"] == 2)
        #expect(list.json["events"]?.arrayValue?.first?["series_id"] == "12345")
        #expect(try server.eventbrite("GET", "/series/12345/events/?order_by=start_desc").ids("events") == ["12347", "12346"])
        #expect(
            try server.eventbrite("GET", "/series/12345/events/?start_date.range_start=2031-05-15T00:00:00").ids("events") == ["12347"])
        #expect(try server.eventbrite("GET", "/series/12345/events/?start_date.range_end=2031-05-15T00:00:00").ids("events") == ["12346"])
        #expect(try server.eventbrite("GET", "/series/12345/events/?order_by=sideways").json == Bodies.arguments(["order_by": "INVALID"]))
        #expect(try server.eventbrite("GET", "/series/12345/events/?page=3").json == Bodies.badPage)
        try server.freezeClock(at: "2031-05-10T00:00:00Z")
        #expect(try server.eventbrite("GET", "/series/12345/events/?time_filter=past").ids("events") == ["12346"])
        #expect(try server.eventbrite("GET", "/series/12345/events/?time_filter=current_future").ids("events") == ["12347"])
        #expect(try server.eventbrite("GET", "/series/1234/events/").json == Bodies.notFound("event_series_id"))
    }

    /// Creates a schedule on `event`; returns the new occurrences' starts (UTC) in order.
    func schedule(_ rule: String, duration: Int64 = 3600, event: String = Seed.seriesWithoutDates) throws -> [String] {
        let response = try server.eventbrite(
            "POST", "/events/\(event)/schedules/",
            json: ["schedule": ["occurrence_duration": .int(duration), "recurrence_rule": .string(rule)]])
        #expect(response.status == 200, "\(rule) → \(response.text)")
        let created = response.json["created_event_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
        return try created.map { try server.eventbrite("GET", "/events/\($0)/").json["start"]?["utc"]?.stringValue ?? "" }
    }

    @Test func aScheduleAddsOccurrencesAndStretchesTheParent() throws {
        let rule = "DTSTART:20310702T020000Z\nRRULE:FREQ=MONTHLY;COUNT=3"
        let response = try server.eventbrite(
            "POST", "/events/12345/schedules/", json: ["schedule": ["occurrence_duration": 5400, "recurrence_rule": .string(rule)]])
        #expect(response.status == 200)
        let created = response.json["created_event_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(created.count == 3)
        #expect(response.json == [
            "occurrence_duration": 5400, "recurrence_rule": .string(rule), "id": "800000000001",
            "created_event_ids": .array(created.map(JSONValue.string)),
        ])
        let occurrence = try server.eventbrite("GET", "/events/\(created[0])/").json
        #expect(occurrence["is_series"] == true)
        #expect(occurrence["is_series_parent"] == false)
        #expect(occurrence["series_id"] == "12345")
        #expect(occurrence["status"] == "live")
        #expect(occurrence["name"]?["text"] == "Classical Music Seminar Series")
        #expect(occurrence["start"] == Self.date("2031-07-02T02:00:00Z", "2031-07-01T19:00:00"))
        #expect(occurrence["end"] == Self.date("2031-07-02T03:30:00Z", "2031-07-01T20:30:00"))
        // The parent spans its occurrences; the list and the dates hold them all.
        let parent = try server.eventbrite("GET", "/events/12345/").json
        #expect(parent["start"]?["utc"] == "2031-05-02T02:00:00Z")
        #expect(parent["end"]?["utc"] == "2031-09-02T03:30:00Z")
        #expect(try server.eventbrite("GET", "/series/12345/events/").ids("events") == ["12346", "12347"] + created)
        // Dates an occurrence already starts at are skipped.
        let again = try server.eventbrite(
            "POST", "/events/12345/schedules/",
            json: ["schedule": ["occurrence_duration": 3600, "recurrence_rule": "DTSTART:20310602T020000Z\nRDATE:20311002T020000Z"]])
        let added = again.json["created_event_ids"]?.arrayValue ?? []
        #expect(added.count == 1)
        #expect(try server.eventbrite("GET", "/series/12345/events/").pagination["object_count"] == 6)
    }

    @Test func anOccurrenceTakesTheParentsSettingsAndQuestions() throws {
        #expect(try server.eventbrite(
            "POST", "/events/\(Seed.seriesWithoutDates)/display_settings/", json: ["display_settings": ["terminology": "endurance_vertical"]]
        ).status == 200)
        let starts = try schedule("DTSTART:20310301T180000Z")
        #expect(starts == ["2031-03-01T18:00:00Z"])
        let occurrence = try #require(try server.eventbrite("GET", "/series/\(Seed.seriesWithoutDates)/events/").ids("events").first)
        #expect(try server.eventbrite("GET", "/events/\(occurrence)/display_settings/").json["terminology"] == "endurance_vertical")
        #expect(try server.eventbrite("GET", "/events/\(occurrence)/canned_questions/").ids("questions") == ["first_name", "last_name", "email"])
        // The parent is a draft, and so is its occurrence; publishing the parent publishes both.
        #expect(try server.eventbrite("GET", "/events/\(occurrence)/").json["status"] == "draft")
    }

    @Test func recurrenceRules() throws {
        // Weekly on given days; DTSTART (a Wednesday) is the first occurrence.
        #expect(try schedule("DTSTART:20310101T180000Z\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4") == [
            "2031-01-01T18:00:00Z", "2031-01-06T18:00:00Z", "2031-01-08T18:00:00Z", "2031-01-13T18:00:00Z",
        ])
        // Months without the 31st are skipped.
        #expect(try schedule("DTSTART:20310131T180000Z\nRRULE:FREQ=MONTHLY;COUNT=3") == [
            "2031-01-31T18:00:00Z", "2031-03-31T18:00:00Z", "2031-05-31T18:00:00Z",
        ])
        // Extra and excluded dates; UNTIL and INTERVAL.
        #expect(try schedule("DTSTART:20310210T180000Z RRULE:FREQ=DAILY;COUNT=3 EXDATE:20310211T180000Z RDATE:20310220T180000Z") == [
            "2031-02-10T18:00:00Z", "2031-02-12T18:00:00Z", "2031-02-20T18:00:00Z",
        ])
        #expect(try schedule("DTSTART:20310401T180000Z\nRRULE:FREQ=DAILY;INTERVAL=7;UNTIL=20310416T000000Z") == [
            "2031-04-01T18:00:00Z", "2031-04-08T18:00:00Z", "2031-04-15T18:00:00Z",
        ])
        #expect(try schedule("DTSTART:20310601T180000Z\nRRULE:FREQ=YEARLY;COUNT=2") == ["2031-06-01T18:00:00Z", "2032-06-01T18:00:00Z"])
    }

    @Test func scheduleArgumentErrors() throws {
        let path = "/events/\(Seed.seriesWithoutDates)/schedules/"
        #expect(try server.eventbrite("POST", path, json: [:]).json == Bodies.arguments([
            "schedule.occurrence_duration": "MISSING", "schedule.recurrence_rule": "MISSING",
        ]))
        #expect(try server.eventbrite("POST", path, json: [
            "schedule": ["occurrence_duration": 0, "recurrence_rule": "DTSTART:20310101T180000Z\nRRULE:FREQ=HOURLY", "until": 1]
        ]).json == Bodies.arguments([
            "schedule.until": "Unknown parameter", "schedule.occurrence_duration": "INVALID", "schedule.recurrence_rule": "INVALID",
        ]))
        #expect(try server.eventbrite("POST", path, json: [
            "schedule": ["occurrence_duration": 691_200, "recurrence_rule": "not a rule"]
        ]).json == Bodies.arguments(["schedule.occurrence_duration": "INVALID", "schedule.recurrence_rule": "INVALID"]))
        // Only a series parent takes a schedule.
        #expect(try server.eventbrite("POST", "/events/\(Seed.draftToPublish)/schedules/", json: [
            "schedule": ["occurrence_duration": 3600, "recurrence_rule": "DTSTART:20310101T180000Z"]
        ]).json == Bodies.arguments(["event_id": "INVALID"]))
        #expect(try server.eventbrite("POST", "/events/42/schedules/", json: [:]).json == Bodies.notFound("event"))
        #expect(try server.eventbrite("POST", path, token: Seed.otherUserToken, json: [:]).json == Bodies.notAuthorized)
    }

    @Test func scheduleRuleErrors() throws {
        func post(_ rule: String) throws -> JSONValue {
            try server.eventbrite(
                "POST", "/events/\(Seed.seriesWithoutDates)/schedules/",
                json: ["schedule": ["occurrence_duration": 3600, "recurrence_rule": .string(rule)]]
            ).json
        }
        #expect(try post("RRULE:FREQ=DAILY;COUNT=2") == Bodies.error(
            400, "DTSTART_MISSING", "The DTSTART component is missing from the recurrence_rule field."))
        let notUTC = Bodies.error(
            400, "RECURRENCE_RULE_DATES_NOT_IN_UTC",
            "The DTSTART component in the recurrence_rule field must be in UTC. If present, the UNTIL component in the recurrence_rule must be in UTC.")
        #expect(try post("DTSTART;TZID=America/New_York:20310101T180000\nRRULE:FREQ=DAILY;COUNT=2") == notUTC)
        #expect(try post("DTSTART:20310101T180000Z\nRRULE:FREQ=DAILY;UNTIL=20310105T180000") == notUTC)
        // The docs' own example starts in 2012.
        #expect(try post("DTSTART:20120201T023000Z\nRRULE:FREQ=MONTHLY;COUNT=5") == Bodies.error(
            400, "DTSTART_OUTSIDE_PERMITTED_RANGE", "The start date of this schedule must be within 2 years from now."))
        #expect(try post("DTSTART:20320201T023000Z") == Bodies.error(
            400, "DTSTART_OUTSIDE_PERMITTED_RANGE", "The start date of this schedule must be within 2 years from now."))
        #expect(try post("DTSTART:20310601T180000Z\nRRULE:FREQ=YEARLY;COUNT=5") == Bodies.error(
            400, "LAST_OCCURRENCE_START_EXCEEDS_LIMIT", "The final event occurrence generated by this schedule must be within 4 years from now."))
        #expect(try post("DTSTART:20310101T180000Z\nRRULE:FREQ=DAILY;COUNT=121") == Bodies.error(
            400, "EXCEEDS_MAX_OCCURRENCES",
            "Adding the occurrences specified by this schedule would result in exceeding the maximum number of allowed occurrences for the series parent event. The limit is 120 occurrences for the entire series."))
        // 120 fit; one more does not.
        #expect(try post("DTSTART:20310101T180000Z\nRRULE:FREQ=DAILY;COUNT=120")["created_event_ids"]?.arrayValue?.count == 120)
        #expect(try post("DTSTART:20311201T180000Z")["error"] == "EXCEEDS_MAX_OCCURRENCES")
        // Nothing was created by the refused ones.
        #expect(try server.eventbrite("GET", "/series/\(Seed.seriesWithoutDates)/events/").pagination["object_count"] == 120)
    }
}
