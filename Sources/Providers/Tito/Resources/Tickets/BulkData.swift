import Emulation

/// A large live event generated at seed time so that paging spans many pages (spec §14, issue):
/// `demo/big-conf` with 4 releases, 2,500 registrations and 4,000 tickets. Everything is derived
/// from the row index, so every process builds the same data.
enum BulkData {
    static let eventID: Int64 = 1_300_000
    static let registrationCount = 2500
    /// Registrations with two tickets (the rest have one): 1,500 × 2 + 1,000 = 4,000 tickets.
    static let pairCount = 1500
    static let firstRegistrationID: Int64 = 1_400_001
    static let firstTicketID: Int64 = 1_500_001
    /// 2030-01-01T00:00:00Z; registration k is made k × 37 minutes later.
    static let start: Int64 = 1_893_456_000_000

    static let firstNames = ["Ada", "Brian", "Chloe", "Declan", "Eimear", "Fionn", "Grace", "Hugh", "Isla", "Jack", "Kate", "Liam",
        "Maeve", "Niall", "Orla", "Padraig", "Roisin", "Sean", "Tara", "Una"]
    static let lastNames = ["Byrne", "Murphy", "Kelly", "Walsh", "Ryan", "O'Brien", "Doyle", "Nolan", "Lynch", "Daly", "Kennedy",
        "Quinn", "Moore", "Power", "Burke"]
    static let releases: [(id: Int64, slug: String, title: String, price: Int64)] = [
        (1_300_001, "early-bird", "Early Bird", 15_000), (1_300_002, "regular", "Regular", 30_000),
        (1_300_003, "student", "Student", 5_000), (1_300_004, "workshop", "Workshop", 0),
    ]

    static func generate(into database: Database) throws {
        var event = Event(accountID: 411, now: start - 86_400_000)
        event.id = eventID
        event.slug = "big-conf"
        event.title = "Big Conference"
        event.live = true
        event.testMode = false
        event.startDate = "2031-06-01"
        event.endDate = "2031-06-03"
        event.location = "Galway"
        event.metadata = .object(JSONObject())
        try database.insert(event)
        for (position, release) in releases.enumerated() {
            var draft = Release(eventID: eventID, now: start - 86_400_000)
            draft.applyCreateDefaults()
            draft.id = release.id
            draft.slug = release.slug
            draft.title = release.title
            draft.position = Int64(position)
            draft.offSale = false
            draft.requireEmail = false
            draft.price = release.price > 0 ? release.price : nil
            draft.pricingType = release.price > 0 ? "paid" : "free"
            try database.insert(draft)
        }
        var ticketID = firstTicketID
        for index in 0..<registrationCount {
            let first = firstNames[index % firstNames.count]
            let last = lastNames[(index / firstNames.count) % lastNames.count]
            let email = "\(first.lowercased()).\(index + 1)@example.com"
            let created = start + Int64(index) * 37 * 60_000
            let cancelled = index % 50 == 49
            let release = releases[index % releases.count]
            let quantity = index < pairCount ? 2 : 1
            var registration = Registration()
            registration.id = firstRegistrationID + Int64(index)
            registration.eventID = eventID
            registration.slug = "reg_" + slugBody(index, salt: 0x5EED)
            registration.reference = referenceCode(index)
            (registration.name, registration.email) = ("\(first) \(last)", email)
            registration.companyName = index % 7 == 0 ? "Acme \(index % 13)" : nil
            registration.state = cancelled ? "cancelled" : "complete"
            registration.registrationType = index % 9 == 0 ? "manual" : "standard"
            registration.total = release.price * Int64(quantity)
            registration.receiptPaid = index % 20 != 19
            registration.paymentProvider = release.price > 0 ? "stripe" : nil
            registration.ipAddress = "127.0.0.1"
            registration.receiptID = 200_000 + Int64(index)
            registration.receiptNumber = OrderCreation.receiptNumber(index + 1)
            (registration.createdAt, registration.updatedAt, registration.completedAt) = (created, created, created)
            registration.expiresAt = created + 15 * 60_000
            let line = LineItem(
                id: 5_000_000 + Int64(index), eventID: eventID, registrationID: registration.id, releaseID: release.id,
                quantity: Int64(quantity), price: release.price)
            registration.count([line])
            try database.insert(registration)
            try database.insert(line)
            for unit in 0..<quantity {
                // The registrant holds the first ticket; a second ticket is left unassigned.
                let holder = unit == 0
                var ticket = Ticket()
                (ticket.id, ticket.eventID, ticket.registrationID, ticket.releaseID) = (ticketID, eventID, registration.id, release.id)
                ticket.slug = "ti_" + slugBody(Int(ticketID), salt: 0x71C4)
                ticket.reference = "\(registration.reference)-\(unit + 1)"
                ticket.number = ticketID - firstTicketID + 1
                if holder { (ticket.firstName, ticket.lastName, ticket.email) = (first, last, email) }
                ticket.price = release.price
                ticket.state = cancelled ? "void" : (holder ? "complete" : "new")
                (ticket.createdAt, ticket.updatedAt) = (created, created)
                try database.insert(ticket)
                ticketID += 1
            }
        }
    }

    private static let base62 = Array(IDAlphabet.base62)
    private static let references = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// `d` + 22 base62 characters derived from the index.
    static func slugBody(_ index: Int, salt: UInt64) -> String {
        var generator = SplitMix64(seed: UInt64(index) &* 0x9E37_79B9 ^ salt)
        return "d" + String((0..<22).map { _ in base62[Int(generator.next() % 62)] })
    }

    /// Four distinct characters per index (32⁴ > 2,500), so references never collide.
    static func referenceCode(_ index: Int) -> String {
        var value = index &* 7919 % (32 * 32 * 32 * 32)
        var code = ""
        for _ in 0..<4 {
            code.append(references[value % 32])
            value /= 32
        }
        return code
    }
}
