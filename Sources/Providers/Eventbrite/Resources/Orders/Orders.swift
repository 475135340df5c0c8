import Emulation

/// Orders (spec §8.16): one order, and the lists by organization, event, buyer and (Appendix A)
/// by the events a user's organizations own. Orders are read-only in the API; they come from the
/// seed and from the mock's control endpoint (`OrderControl`).
enum Orders: EventbriteResourceGroup {
    static let tables = [Order.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for var order in try seed.records(Order.self, "orders.json", key: "orders") {
            order.organizationID = try organization(ofEvent: order.eventID, in: database)
            try database.insert(order)
        }
    }

    /// The organization that owns an event (orders and attendees keep it for their lists).
    static func organization(ofEvent eventID: Int64, in database: Database) throws -> Int64 {
        guard let row = try database.queryOne("SELECT organization_id FROM eventbrite_events WHERE id = ?", eventID),
            let id = row.int("organization_id")
        else { throw SeedError(file: "orders.json", reason: "names event \(eventID), which is not seeded") }
        return Int64(id)
    }

    static let controlRoutes = OrderControl.routes

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/orders/{order_id}/", example: "/orders/12345/") { request in
                let id = try request.id("order_id", orNotFound: .order)
                return try EventbriteResponse.one(Order.presenter, as: Order.self, where: "o.id = ?", [id], request, notFound: .notFound(.order)) {
                    order, _ in
                    try request.requireReadable(order)
                    // An order whose checkout was abandoned, or ran out of time, is gone (§8.16).
                    if order.status == "abandoned"
                        || (["started", "pending"].contains(order.status) && (order.expiresAt?.value ?? .max) <= request.now)
                    {
                        throw EventbriteError.rule("ORDER_EXPIRED", "The order is expired")
                    }
                }
            },
            routes.get("/organizations/{organization_id}/orders/", example: "/organizations/12345/orders/") { request in
                let organizationID = try request.memberOrganization()
                let page = try request.page()
                var query = OrderListQuery(request, base: "o.organization_id = ?", organizationID)
                query.status()
                query.changedSince()
                query.emails()
                return try query.respond(request, page: page)
            },
            routes.get("/events/{event_id}/orders/", example: "/events/12345/orders/") { request in
                let event = try request.read { try request.managedEvent(in: $0) }
                let page = try request.page()
                var query = OrderListQuery(request, base: "o.event_id = ?", event.id)
                query.status()
                query.changedSince()
                query.lastItemSeen()
                query.emails()
                query.refundRequestStatuses()
                return try query.respond(request, page: page)
            },
            routes.get("/users/{user_id}/orders/", example: "/users/me/orders/") { request in
                let userID = try request.user()
                let page = try request.page()
                var query = OrderListQuery(request, base: "o.buyer_user_id = ?", userID)
                query.placedOrRefunded()
                query.changedSince()
                query.timeFilter()
                return try query.respond(request, page: page)
            },
            routes.get("/users/{user_id}/owned_event_orders/", example: "/users/me/owned_event_orders/") { request in
                let userID = try request.user()
                let page = try request.page()
                var query = OrderListQuery(request, base: Member.organizationOfUser("o.organization_id"), userID)
                query.status()
                query.changedSince()
                return try query.respond(request, page: page)
            },
        ]
    }

    /// Whether any of the events has orders that stop it being unpublished, canceled or deleted.
    static func blockRemoval(ofEvents ids: [Int64], in database: Database) throws -> Bool {
        guard !ids.isEmpty else { return false }
        let placeholders = ids.map { _ in "?" }.joined(separator: ", ")
        return try database.query(
            "SELECT 1 FROM eventbrite_orders WHERE event_id IN (\(placeholders)) AND \(Order.blocksEventRemoval) LIMIT 1",
            arguments: ids
        ).first != nil
    }
}

extension EventbriteRequest {
    /// The `{order_id}` of the path: 404 when unknown, 403 unless the caller belongs to the
    /// organization of its event or bought it (§3.3: orders are private to both).
    func readableOrder(_ parameter: String = "order_id", in database: Database) throws -> Order {
        let order = try record(Order.self, parameter, notFound: .order, in: database)
        try requireReadable(order)
        return order
    }

    /// 403 unless the caller is a member of the order's organization or its buyer.
    func requireReadable(_ order: Order) throws(EventbriteError) {
        guard caller.isMember(of: order.organizationID) || order.buyerUserID == caller.userID else {
            throw EventbriteError.notAuthorized
        }
    }
}
