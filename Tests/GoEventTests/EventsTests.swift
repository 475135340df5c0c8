import Emulation
import TestSupport
import Testing

/// `GET /events` and `GET /event/{id}` (spec §5.1, §5.2).
@Suite struct EventsTests {
    /// The seed's "Concert de Jazz" object, verbatim from the docs' sample.
    static let concertDeJazz: JSONValue = [
        "id": "507f1f77bcf86cd799439011",
        "name": "Concert de Jazz",
        "slug": "concert-de-jazz",
        "path": "/concert-de-jazz",
        "dateStart": "2024-06-15T20:00:00.000Z",
        "dateEnd": "2024-06-16T02:00:00.000Z",
        "location": "Paris, France",
        "publish": true,
        "cover": [
            "square": "https://res.cloudinary.com/genielabel/image/upload/c_fill,w_200,h_200,g_auto/abc123.jpg",
            "thumb": "https://res.cloudinary.com/genielabel/image/upload/c_thumb,w_400,h_300/abc123.jpg",
            "medium": "https://res.cloudinary.com/genielabel/image/upload/c_scale,w_800/abc123.jpg",
            "original": "https://res.cloudinary.com/genielabel/image/upload/abc123.jpg",
        ],
        "checkoutUrl": "https://www.goevent.live/e/concert-de-jazz/checkout",
        "siteUrl": "https://www.goevent.live/e/concert-de-jazz",
    ]

    @Test func theFirstPageHoldsTwentyEventsInCreationOrder() throws {
        let server = try TestServer()
        let response = try server.goEvent("GET", "/events?page=1&limit=20")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        #expect(response.json.objectValue?.keys == ["events", "paginate"])
        #expect(response.json["events"]?.arrayValue?.first == Self.concertDeJazz)
        #expect(response.ids("events") == Array(Seed.organiserEventIDs.prefix(20)))
        #expect(response.json["paginate"] == ["hasNextPage": true, "nextPage": 2])
    }

    @Test func withoutParametersTheDefaultsArePageOneOfTwenty() throws {
        let server = try TestServer()
        let response = try server.goEvent("GET", "/events")
        #expect(response.ids("events") == Array(Seed.organiserEventIDs.prefix(20)))
        #expect(response.json["paginate"] == ["hasNextPage": true, "nextPage": 2])
    }

    @Test func theLastPageHoldsTheRest() throws {
        let server = try TestServer()
        let response = try server.goEvent("GET", "/events?page=2&limit=20")
        #expect(response.status == 200)
        #expect(response.ids("events") == (17...19).map(Seed.soireeID))
        #expect(response.json["events"]?.arrayValue?.map { $0["name"] } == (17...19).map { .string(Seed.soireeName($0)) })
        #expect(response.json["paginate"] == ["hasNextPage": false, "nextPage": nil])
    }

    @Test func aMiddlePagePointsToTheNextOne() throws {
        let server = try TestServer()
        let response = try server.goEvent("GET", "/events?page=3&limit=5")
        #expect(response.ids("events") == Array(Seed.organiserEventIDs[10..<15]))
        #expect(response.json["paginate"] == ["hasNextPage": true, "nextPage": 4])
    }

    @Test func aPageEndingExactlyAtTheLastEventHasNoNextPage() throws {
        let server = try TestServer()
        let response = try server.goEvent("GET", "/events?limit=23")
        #expect(response.ids("events") == Seed.organiserEventIDs)
        #expect(response.json["paginate"] == ["hasNextPage": false, "nextPage": nil])
    }

    @Test func aPagePastTheEndIsEmpty() throws {
        let server = try TestServer()
        for query in ["page=3&limit=20", "page=24&limit=1", "page=99999999999999999999&limit=100", "page=9223372036854775807"] {
            let response = try server.goEvent("GET", "/events?\(query)")
            #expect(response.status == 200, "\(query)")
            #expect(response.json == ["events": [], "paginate": ["hasNextPage": false, "nextPage": nil]], "\(query)")
        }
    }

    @Test func aLimitAboveOneHundredIsClampedNotRefused() throws {
        let server = try TestServer()
        let response = try server.goEvent("GET", "/events?limit=1000")
        #expect(response.status == 200)
        #expect(response.ids("events") == Seed.organiserEventIDs)
        #expect(response.json["paginate"] == ["hasNextPage": false, "nextPage": nil])
        // With the clamp, page 2 starts at the 101st event: nothing, however many were asked for.
        #expect(try server.goEvent("GET", "/events?page=2&limit=1000").ids("events") == [])
    }

    @Test func badPageValuesFallBackOrTruncateLikeParseInt() throws {
        let server = try TestServer()
        let expectations: [(query: String, page: Int)] = [
            ("page=abc", 1), ("page=0", 1), ("page=-1", 1), ("page=", 1), ("page=2.9", 2), ("page=2abc", 2),
            ("page=%202", 2), ("page=+2", 2), ("page=2&page=3", 2),
        ]
        for (query, page) in expectations {
            let response = try server.goEvent("GET", "/events?limit=5&\(query)")
            #expect(response.status == 200, "\(query)")
            #expect(response.ids("events") == Array(Seed.organiserEventIDs[(page - 1) * 5..<page * 5]), "\(query)")
            #expect(response.json["paginate"] == ["hasNextPage": true, "nextPage": .int(page + 1)], "\(query)")
        }
    }

    @Test func badLimitValuesFallBackOrTruncateLikeParseInt() throws {
        let server = try TestServer()
        let expectations: [(query: String, limit: Int)] = [
            ("limit=abc", 20), ("limit=0", 20), ("limit=-1", 20), ("limit=", 20), ("limit=2.9", 2),
            ("limit=20abc", 20), ("limit=3e1", 3),
        ]
        for (query, limit) in expectations {
            let response = try server.goEvent("GET", "/events?\(query)")
            #expect(response.status == 200, "\(query)")
            #expect(response.ids("events") == Array(Seed.organiserEventIDs.prefix(limit)), "\(query)")
            #expect(response.json["paginate"] == ["hasNextPage": true, "nextPage": 2], "\(query)")
        }
    }

    @Test func unpublishedEventsAreListedAndAnEventWithoutImageHasNoCover() throws {
        let server = try TestServer()
        let response = try server.goEvent("GET", "/events?page=4&limit=1")
        #expect(response.json["events"] == [
            [
                "id": "6650000000000000000000a1",
                "name": "Atelier Photo (brouillon)",
                "slug": "atelier-photo",
                "path": "/atelier-photo",
                "dateStart": "2025-02-01T14:00:00.000Z",
                "dateEnd": "2025-02-01T17:00:00.000Z",
                "location": "Marseille, France",
                "publish": false,
                "cover": nil,
                "checkoutUrl": "https://www.goevent.live/e/atelier-photo/checkout",
                "siteUrl": "https://www.goevent.live/e/atelier-photo",
            ]
        ])
    }

    @Test func oneEventComesWithAllItsTicketTypes() throws {
        let server = try TestServer()
        let response = try server.goEvent("GET", "/event/\(Seed.festivalEventID)")
        #expect(response.status == 200)
        #expect(response.header("X-Understudy-Route") == "GET /developers/v1.0/event/{id}")
        #expect(response.json == [
            "event": [
                "id": "67212707e47ff56741acb3a6",
                "name": "Festival Électro Lyon",
                "slug": "festival-electro-lyon",
                "path": "/festival-electro-lyon",
                "dateStart": "2024-11-09T18:00:00.000Z",
                "dateEnd": "2024-11-10T04:00:00.000Z",
                "location": "Lyon, France",
                "publish": true,
                "cover": [
                    "square": "https://res.cloudinary.com/genielabel/image/upload/c_fill,w_200,h_200,g_auto/def456.jpg",
                    "thumb": "https://res.cloudinary.com/genielabel/image/upload/c_thumb,w_400,h_300/def456.jpg",
                    "medium": "https://res.cloudinary.com/genielabel/image/upload/c_scale,w_800/def456.jpg",
                    "original": "https://res.cloudinary.com/genielabel/image/upload/def456.jpg",
                ],
                "checkoutUrl": "https://www.goevent.live/e/festival-electro-lyon/checkout",
                "siteUrl": "https://www.goevent.live/e/festival-electro-lyon",
            ],
            "tickets": [
                ["id": "67212707e47ff56741acb3b1", "name": "Pass 1 jour", "available": true, "quantity": 500],
                ["id": "67212707e47ff56741acb3b2", "name": "Pass 2 jours", "available": true, "quantity": 200],
                ["id": "67212707e47ff56741acb3b3", "name": "Backstage", "available": false, "quantity": 10],
            ],
        ])
    }

    @Test func anEventIdInUpperCaseFindsTheSameEvent() throws {
        let server = try TestServer()
        let response = try server.goEvent("GET", "/event/507F1F77BCF86CD799439011")
        #expect(response.status == 200)
        #expect(response.json["event"] == Self.concertDeJazz)
    }

    @Test func anIdThatIsNotAnObjectIdIsABadRequest() throws {
        let server = try TestServer()
        for id in ["123", "zzzzzzzzzzzzzzzzzzzzzzzz", "507f1f77bcf86cd7994390111", "507f1f77bcf86cd79943901%20"] {
            let response = try server.goEvent("GET", "/event/\(id)")
            #expect(response.status == 400, "\(id)")
            #expect(response.json == goEventError("Invalid event ID"), "\(id)")
        }
    }

    @Test func anUnknownEventOrAnotherUsersEventIsNotFound() throws {
        let server = try TestServer()
        for id in ["507f1f77bcf86cd799439099", Seed.privateEventID] {
            let response = try server.goEvent("GET", "/event/\(id)")
            #expect(response.status == 404, "\(id)")
            #expect(response.json == goEventError("Event not found"), "\(id)")
        }
    }
}
