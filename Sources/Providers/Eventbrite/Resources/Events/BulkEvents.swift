import Emulation

/// Generated data for paging (spec §11): an organization with many events (300 by default,
/// `seed/eventbrite/bulk.json`), so that continuation paging spans several pages at the default
/// page size and at the largest. Ids, names and dates follow from the position, so every server
/// generates the same rows.
enum BulkEvents {
    struct Settings: Codable {
        var organizationID: Int64 = 0
        var organizationName = ""
        var memberUserID: Int64 = 0
        var venueID: Int64 = 0
        var firstEventID: Int64 = 0
        var eventCount: Int64 = 0
        /// Every n-th event is a draft (the rest are live), so status filters have something to do.
        var draftEvery: Int64 = 0
        var firstStart = EpochSeconds(0)
        var timezone = "America/Los_Angeles"
        var created = EpochSeconds(0)
    }

    static func load(from seed: SeedDirectory, into database: Database) throws {
        let settings = try seed.settings(Settings.self, "bulk.json", key: "events")
        try GeneratedOrganization.insert(
            id: settings.organizationID, name: settings.organizationName, owner: settings.memberUserID, created: settings.created,
            venueID: settings.venueID, venueName: "Bulk Hall", in: database)
        for position in 0..<settings.eventCount {
            var event = GeneratedOrganization.event(
                id: settings.firstEventID + position, organizationID: settings.organizationID, venueID: settings.venueID,
                name: "Bulk Event \(position + 1)")
            // One a day at the same hour, two hours long.
            let start = settings.firstStart.value + position * 86_400
            event.setTimes(start: start, startTimezone: settings.timezone, end: start + 7_200, endTimezone: settings.timezone)
            event.created = EpochSeconds(settings.created.value + position)
            event.changed = event.created
            let isDraft = settings.draftEvery > 0 && (position + 1) % settings.draftEvery == 0
            event.status = isDraft ? .draft : .live
            event.published = isDraft ? nil : settings.created
            event.categoryID = 102
            event.formatID = 1
            try database.insert(event)
            var ticketClass = TicketClass()
            ticketClass.eventID = event.id
            ticketClass.id = event.id
            ticketClass.name = "General Admission"
            ticketClass.free = true
            ticketClass.capacity = 100
            ticketClass.sorting = 1
            try database.insert(ticketClass)
        }
    }
}
