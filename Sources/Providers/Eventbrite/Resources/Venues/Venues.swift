import Emulation

/// Venues (spec §8.19): public reads, create and update by members of the owning organization,
/// lists by organization and (Appendix A) by user.
enum Venues: EventbriteResourceGroup {
    static let tables = [Venue.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for venue in try seed.records(Venue.self, "venues.json", key: "venues") { try database.insert(venue) }
    }

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/venues/{venue_id}/", example: "/venues/3003/") { request in
                try EventbriteResponse.one(Venue.presenter, id: try request.id("venue_id", orNotFound: .venue), request, notFound: .venue)
            },
            routes.post("/organizations/{organization_id}/venues/") { request in
                let organizationID = try request.memberOrganization()
                return try save(request, organizationID: organizationID, existing: nil)
            },
            routes.post("/venues/{venue_id}/") { request in
                let venue = try request.venue()
                try request.caller.requireMember(of: venue.organizationID)
                return try save(request, organizationID: venue.organizationID, existing: venue)
            },
            routes.get("/organizations/{organization_id}/venues/", example: "/organizations/12345/venues/") { request in
                let organizationID = try request.memberOrganization()
                return try PaginatedList.respond(
                    request, key: "venues", Venue.presenter, where: "v.organization_id = ?", [organizationID], orderBy: "v.id",
                    page: try request.page())
            },
            routes.get("/users/{user_id}/venues/", example: "/users/me/venues/") { request in
                let userID = try request.user()
                return try PaginatedList.respond(
                    request, key: "venues", Venue.presenter,
                    where: Member.organizationOfUser("v.organization_id"), [userID],
                    orderBy: "v.id", page: try request.page())
            },
        ]
    }

    static let ageRestrictions: Set<String> = [
        "AGE_RESTRICTION_ALL_AGES", "AGE_RESTRICTION_MIN_TWELVE", "AGE_RESTRICTION_MIN_THIRTEEN",
        "AGE_RESTRICTION_MIN_FOURTEEN", "AGE_RESTRICTION_MIN_FIFTEEN", "AGE_RESTRICTION_MIN_SIXTEEN",
        "AGE_RESTRICTION_MIN_SEVENTEEN", "AGE_RESTRICTION_MIN_EIGHTEEN", "AGE_RESTRICTION_MIN_NINETEEN",
        "AGE_RESTRICTION_MIN_TWENTY_ONE", "AGE_RESTRICTION_UNDER_TWENTY_ONE_WITH_GUARDIAN",
        "AGE_RESTRICTION_UNDER_EIGHTEEN_WITH_GUARDIAN",
    ]

    /// Create (`existing` nil) or partial update from `{"venue": {…}}`; the address merges field
    /// by field, and the venue's latitude and longitude follow the address's (§8.19).
    private static func save(_ request: EventbriteRequest, organizationID: Int64, existing: Venue?) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let id = try request.write { database -> Int64 in
            var fields = body.wrapper("venue")
            fields.rejectUnknown(allowed: ["name", "age_restriction", "capacity", "google_place_id", "organizer_id", "address"])
            var venue = existing ?? Venue()
            switch fields.string("name") {
            case .value(let name) where !name.trimmingWhitespace().isEmpty: venue.name = name
            case .value, .null: fields.missing("name")
            case .absent: if existing == nil { fields.missing("name") }
            }
            switch fields.string("age_restriction") {
            case .value(let value): if ageRestrictions.contains(value) { venue.ageRestriction = value } else { fields.invalid("age_restriction") }
            case .null: venue.ageRestriction = nil
            case .absent: break
            }
            switch fields.integer("capacity") {
            case .value(let value): if value >= 0 { venue.capacity = value } else { fields.invalid("capacity") }
            case .null: venue.capacity = nil
            case .absent: break
            }
            if case .value(let place) = fields.string("google_place_id") { venue.googlePlaceID = place }
            try fields.reference("organizer_id") {
                try database.queryOne("SELECT 1 FROM eventbrite_organizers WHERE id = ? AND organization_id = ?", $0, organizationID) != nil
            }.update(&venue.organizerID)
            var nested: [BodyFields] = []
            if case .value(var address) = fields.object("address") {
                readAddress(&address, into: &venue)
                nested.append(address)
            }
            try fields.check(merging: nested)
            if existing == nil {
                venue.id = try EventbriteID.next(in: database)
                venue.organizationID = organizationID
                // Without one, the venue belongs to the organization's default organizer.
                if venue.organizerID == nil { venue.organizerID = organizationID }
                try database.insert(venue)
            } else {
                try database.update(venue)
            }
            return venue.id
        }
        return try EventbriteResponse.one(Venue.presenter, id: id, request, notFound: .venue)
    }

    private static func readAddress(_ address: inout BodyFields, into venue: inout Venue) {
        address.rejectUnknown(allowed: [
            "address_1", "address_2", "city", "region", "postal_code", "country", "latitude", "longitude",
            "localized_address_display", "localized_area_display", "localized_multi_line_address_display",
        ])
        func text(_ key: String, _ property: inout String?) {
            switch address.string(key) {
            case .value(let value): property = value.isEmpty ? nil : value
            case .null: property = nil
            case .absent: break
            }
        }
        text("address_1", &venue.address1)
        text("address_2", &venue.address2)
        text("city", &venue.city)
        text("region", &venue.region)
        text("postal_code", &venue.postalCode)
        if case .value(let country) = address.string("country") {
            let code = country.uppercased()
            if code.count == 2 && code.allSatisfy({ $0.isASCII && $0.isLetter }) { venue.country = code } else { address.invalid("country") }
        }
        for key in ["latitude", "longitude"] {
            guard case .value(let text) = address.string(key) else { continue }
            guard let degrees = Double(text), abs(degrees) <= (key == "latitude" ? 90 : 180) else {
                address.invalid(key)
                continue
            }
            if key == "latitude" { venue.latitude = text } else { venue.longitude = text }
        }
    }

    static func find(_ id: Int64, in database: Database) throws -> Venue? {
        try database.fetchOne(Venue.self, where: "id = ?", id)
    }
}

extension EventbriteRequest {
    /// The `{venue_id}` of the path; venues are public reads (§8.19), so only 404 is possible here.
    func venue() throws -> Venue {
        let id = try self.id("venue_id", orNotFound: .venue)
        guard let venue = try read({ try Venues.find(id, in: $0) }) else { throw EventbriteError.notFound(.venue) }
        return venue
    }
}
