import Emulation

/// Discounts (spec §8.5, and the SDK's event discount endpoints of Appendix A): retrieve,
/// search, create, update and delete. Every discount belongs to an organization; only its members
/// see or change it.
enum Discounts: EventbriteResourceGroup {
    static let tables = [Discount.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for discount in try seed.records(Discount.self, "discounts.json", key: "discounts") { try database.insert(discount) }
    }

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/discounts/{discount_id}/", example: "/discounts/12345/") { request in
                let id = try request.id("discount_id", orNotFound: .discount)
                return try EventbriteResponse.one(
                    Discount.presenter, as: Discount.self, where: "d.id = ? AND NOT d.is_deleted", [id], request, notFound: .notFound(.discount)
                ) { discount, _ in try request.caller.requireMember(of: discount.organizationID) }
            },
            routes.post("/organizations/{organization_id}/discounts/") { request in
                let organizationID = try request.memberOrganization()
                return try save(request, organizationID: organizationID, existing: nil)
            },
            routes.post("/discounts/{discount_id}/") { request in
                let discount = try request.read { try request.discount(in: $0) }
                return try save(request, organizationID: discount.organizationID, existing: discount)
            },
            routes.get(
                "/organizations/{organization_id}/discounts/", example: "/organizations/12345/discounts/?scope=event&event_id=12345&code=abcde",
                DiscountSearch.respond),
            routes.delete("/discounts/{discount_id}/") { request in
                // The deleted discount is the answer, as it was just before (§8.5, A14).
                let discount = try request.read { try request.discount(in: $0) }
                let response = try respondWith(discount.id, request)
                try request.write { database in
                    guard try DiscountChanges.quantitySold(discount.id, database) == 0 else {
                        throw EventbriteError.rule("DISCOUNT_CANNOT_BE_DELETED", "A discount that has been used cannot be deleted.")
                    }
                    try database.run("UPDATE eventbrite_discounts SET is_deleted = 1 WHERE id = ?", discount.id)
                }
                return response
            },
            routes.get("/events/{event_id}/discounts/", example: "/events/12345/discounts/") { request in
                let event = try request.read { try request.managedEvent(in: $0) }
                return try PaginatedList.respond(
                    request, key: "discounts", Discount.presenter, where: "d.event_id = ? AND NOT d.is_deleted", [event.id],
                    orderBy: "d.code COLLATE NOCASE, d.id", page: try request.page())
            },
            routes.post("/events/{event_id}/discounts/") { request in
                let event = try request.read { try request.managedEvent(in: $0) }
                var discount = Discount()
                discount.eventID = event.id
                return try save(request, organizationID: event.organizationID, existing: nil, template: discount, eventScoped: true)
            },
            routes.get("/events/{event_id}/discounts/{discount_id}/", example: "/events/12345/discounts/12345/") { request in
                let event = try request.read { try request.managedEvent(in: $0) }
                let id = try request.id("discount_id", orNotFound: .discount)
                return try EventbriteResponse.one(
                    Discount.presenter, as: Discount.self, where: "d.id = ? AND NOT d.is_deleted", [id], request, notFound: .notFound(.discount)
                ) { discount, _ in
                    try request.caller.requireMember(of: discount.organizationID)
                    guard discount.eventID == event.id else { throw EventbriteError.notFound(.discount) }
                }
            },
        ]
    }

    static func respondWith(_ id: Int64, _ request: EventbriteRequest) throws -> HTTPResponse {
        try EventbriteResponse.one(Discount.presenter, id: id, request, notFound: .discount)
    }

    /// Create (`existing` nil) or partial update from `{"discount": {…}}`. The event-scoped create
    /// of the Python SDK makes a `coded` discount on its event unless told otherwise, and reads
    /// `ticket_ids` as `ticket_class_ids`.
    static func save(
        _ request: EventbriteRequest, organizationID: Int64, existing: Discount?, template: Discount = Discount(),
        eventScoped: Bool = false
    ) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let id = try request.write { database -> Int64 in
            var discount = existing ?? template
            discount.organizationID = organizationID
            try DiscountChanges.apply(
                body.wrapper("discount"), to: &discount, creating: existing == nil, ticketIDsAlias: eventScoped, in: database)
            if eventScoped && discount.eventID != template.eventID {
                throw ArgumentErrors.single("discount.event_id", ArgumentErrors.Code.invalid)
            }
            if existing == nil { discount.id = try EventbriteID.next(in: database) }
            try DiscountChanges.checkRules(discount, previous: existing, in: database)
            if existing == nil {
                try database.insert(discount)
            } else {
                try database.update(discount)
            }
            return discount.id
        }
        return try respondWith(id, request)
    }
}

extension EventbriteRequest {
    /// The `{discount_id}` of the path: 404 when unknown or deleted, 403 unless the caller is a
    /// member of its organization.
    func discount(in database: Database) throws -> Discount {
        let discount = try record(Discount.self, "discount_id", where: "id = ? AND NOT is_deleted", notFound: .discount, in: database)
        try caller.requireMember(of: discount.organizationID)
        return discount
    }
}
