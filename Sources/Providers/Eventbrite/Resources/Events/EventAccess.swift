import Emulation

/// Finding the event a path names and deciding whether the caller may see or change it
/// (spec §3.3, in the order of §3.4: 404 for an unknown or deleted event, then 403).
extension Event {
    /// Anyone may read an event that is published and listed; members of its organization read
    /// drafts, unlisted, invite-only and password-protected events too.
    var isPublic: Bool { status != .draft && !isDeleted && listed && !inviteOnly && (password ?? "").isEmpty }

    /// SQL for the same rule, over the alias `e`.
    static let publicCondition = "e.status <> 'draft' AND NOT e.is_deleted AND e.listed AND NOT e.invite_only AND COALESCE(e.password, '') = ''"

    static func find(_ id: Int64, includingDeleted: Bool = false, in database: Database) throws -> Event? {
        try database.fetchOne(Event.self, where: includingDeleted ? "id = ?" : "id = ? AND NOT is_deleted", id)
    }

    /// Whether any of its ticket classes charges money.
    func isPaid(in database: Database) throws -> Bool {
        try database.queryOne(
            "SELECT 1 FROM eventbrite_ticket_classes WHERE event_id = ? AND NOT is_deleted AND \(TicketClass.isPaid)", id) != nil
    }

    /// The occurrences of a series parent (none for other events).
    static func occurrences(of parent: Event, in database: Database) throws -> [Event] {
        guard parent.isSeriesParent else { return [] }
        return try database.fetchAll(Event.self, where: "series_id = ? AND NOT is_deleted", orderBy: "start_utc, id", parent.id)
    }
}

extension EventbriteRequest {
    /// The `{event_id}` of the path for reading: 404 when unknown or deleted, 403 when the
    /// caller is not a member and the event is not public.
    func readableEvent(_ parameter: String = "event_id", in database: Database) throws -> Event {
        guard let id = EventbriteID.parse(self.parameter(parameter)), let event = try Event.find(id, in: database) else {
            throw EventbriteError.notFound(.event)
        }
        try requireReadable(event)
        return event
    }

    /// 403 unless the event is public or the caller is a member of its organization.
    func requireReadable(_ event: Event) throws(EventbriteError) {
        guard event.isPublic || caller.isMember(of: event.organizationID) else { throw EventbriteError.notAuthorized }
    }

    /// The `{event_id}` of the path for changing: 404 when unknown (or deleted, unless the
    /// endpoint reports deleted events itself), 403 unless the caller is a member.
    func managedEvent(_ parameter: String = "event_id", includingDeleted: Bool = false, in database: Database) throws -> Event {
        guard let id = EventbriteID.parse(self.parameter(parameter)),
            let event = try Event.find(id, includingDeleted: includingDeleted, in: database)
        else { throw EventbriteError.notFound(.event) }
        try caller.requireMember(of: event.organizationID)
        return event
    }
}
