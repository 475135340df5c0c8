import Emulation

/// Generated orders for paging (spec §11): a festival organization of its own, with its box
/// office user (token `BULK_FESTIVAL_TOKEN`) and one event of 3,000 orders of one attendee each
/// (`seed/eventbrite/bulk_orders.json`), so that attendee and order lists span sixty pages at the
/// default size. It stands apart from the demo user's organizations, whose event counts other
/// lists page through. Every 25th order is refunded and every 7th attendee checked in, so the
/// status filters have something to do. Ids, names and times follow from the position, so every
/// server generates the same rows.
enum BulkOrders {
    struct Settings: Codable {
        var organizationID: Int64 = 0
        var organizationName = ""
        var userID: Int64 = 0
        var userName = ""
        var userEmail = ""
        var venueID: Int64 = 0
        var eventID: Int64 = 0
        var eventName = ""
        var start = EpochSeconds(0)
        var end = EpochSeconds(0)
        var timezone = "America/Los_Angeles"
        var ticketClassID: Int64 = 0
        var ticketClassName = ""
        var currency = "USD"
        var price: Int64 = 0
        var capacity: Int64 = 0
        var firstOrderID: Int64 = 0
        var firstAttendeeID: Int64 = 0
        var orderCount: Int64 = 0
        var refundedEvery: Int64 = 0
        var checkedInEvery: Int64 = 0
        var firstCreated = EpochSeconds(0)
        var secondsBetweenOrders: Int64 = 0
        var firstNames: [String] = []
        var lastNames: [String] = []
    }

    static let file = "bulk_orders.json"

    static func load(from seed: SeedDirectory, into database: Database) throws {
        let settings = try seed.settings(Settings.self, file, key: "orders")
        guard !settings.firstNames.isEmpty, !settings.lastNames.isEmpty else {
            throw SeedError(file: file, reason: "needs first_names and last_names")
        }
        try insertOrganization(settings, into: database)
        var event = GeneratedOrganization.event(
            id: settings.eventID, organizationID: settings.organizationID, venueID: settings.venueID, name: settings.eventName)
        event.setTimes(
            start: settings.start.value, startTimezone: settings.timezone, end: settings.end.value, endTimezone: settings.timezone)
        event.status = .live
        event.currency = settings.currency
        event.created = settings.firstCreated
        event.changed = settings.firstCreated
        event.published = settings.firstCreated
        event.categoryID = 103
        event.formatID = 5
        try database.insert(event)

        var ticketClass = TicketClass()
        ticketClass.eventID = event.id
        ticketClass.id = settings.ticketClassID
        ticketClass.name = settings.ticketClassName
        ticketClass.currency = settings.currency
        ticketClass.costValue = settings.price
        ticketClass.capacity = settings.capacity
        ticketClass.sorting = 1
        ticketClass.salesStart = settings.firstCreated
        ticketClass.salesEnd = EpochSeconds(settings.start.value - 3600)
        try database.insert(ticketClass)

        let fees = try FeeSchedule.fees(price: settings.price, currency: settings.currency, in: database)
        for position in 0..<settings.orderCount {
            let number = position + 1
            let created = EpochSeconds(settings.firstCreated.value + position * settings.secondsBetweenOrders)
            let first = settings.firstNames[Int(position % Int64(settings.firstNames.count))]
            let last = settings.lastNames[Int((position / Int64(settings.firstNames.count)) % Int64(settings.lastNames.count))]
            let refunded = settings.refundedEvery > 0 && number % settings.refundedEvery == 0
            let checkedIn = !refunded && settings.checkedInEvery > 0 && number % settings.checkedInEvery == 0

            var order = Order()
            order.id = settings.firstOrderID + position
            order.eventID = event.id
            order.organizationID = event.organizationID
            order.status = refunded ? "refunded" : "placed"
            order.firstName = first
            order.lastName = last
            order.name = "\(first) \(last)"
            order.email = "\(first).\(last).\(number)@example.com".lowercased()
            order.created = created
            order.changed = refunded ? EpochSeconds(created.value + 86_400) : created
            order.currency = settings.currency
            order.basePrice = settings.price
            order.eventbriteFee = fees.service
            order.paymentFee = fees.payment
            try database.insert(order)

            var attendee = Attendee()
            attendee.id = settings.firstAttendeeID + position
            attendee.eventID = event.id
            attendee.organizationID = event.organizationID
            attendee.orderID = order.id
            attendee.ticketClassID = ticketClass.id
            attendee.ticketClassName = ticketClass.name
            attendee.variantID = "T\(ticketClass.id)"
            attendee.orderStatus = order.status
            attendee.status = refunded ? "Not Attending" : checkedIn ? "Checked In" : "Attending"
            attendee.refunded = refunded
            attendee.checkedIn = checkedIn
            attendee.checkinType = checkedIn ? 1 : 0
            attendee.barcodeStatus = refunded ? "refunded" : checkedIn ? "used" : "unused"
            attendee.created = created
            attendee.changed = order.changed
            attendee.firstName = first
            attendee.lastName = last
            attendee.name = order.name
            attendee.email = order.email
            attendee.barcode = Attendee.barcode(order: order.id, attendee: attendee.id)
            attendee.currency = settings.currency
            attendee.basePrice = settings.price
            attendee.eventbriteFee = fees.service
            attendee.paymentFee = fees.payment
            try database.insert(attendee)
        }
    }

    /// The festival's box office user, and the organization it owns.
    private static func insertOrganization(_ settings: Settings, into database: Database) throws {
        var user = User()
        user.id = settings.userID
        user.name = settings.userName
        let names = settings.userName.split(separator: " ", maxSplits: 1).map(String.init)
        user.firstName = names.first
        user.lastName = names.count > 1 ? names[1] : nil
        user.emails = [User.Email(email: settings.userEmail, verified: true, primary: true)]
        try database.insert(user)
        try GeneratedOrganization.insert(
            id: settings.organizationID, name: settings.organizationName, owner: settings.userID, created: settings.firstCreated,
            venueID: settings.venueID, venueName: "Festival Grounds", in: database)
    }
}
