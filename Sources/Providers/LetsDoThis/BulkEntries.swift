import Emulation

/// Deterministic bulk data for paging: participants, applications and line items of the bulk
/// organiser (`seed/letsdothis/bulk.json`), generated while the seed loads.
///
/// Sizes: `participants` and `applications` in `bulk.json` (1,500 and 1,100), overridden by
/// `LDT_BULK_PARTICIPANTS` / `LDT_BULK_APPLICATIONS`; one line item per participant. At the
/// default page size (100) and the largest (500) every list takes several pages.
///
/// Ids are 24-hex and unique (a prefix and an odd multiple of the index, which is one-to-one on
/// 32 bits), so id order is unrelated to creation order. Every three consecutive entries share
/// a `createdAt` and one in five has `updatedAt == createdAt`, so ties, broken by id, occur
/// throughout every order.
struct BulkEntries {
    let organiserID: String
    let participantCount: Int
    let applicationCount: Int
    let firstCreated: Int64
    let ticketIDs: [String]
    let groupID: String?
    let firstNames: [String]
    let lastNames: [String]

    init(seed: SeedRecord, settings: LetsDoThisSettings) throws {
        organiserID = try seed.string("organiserId")
        let seededParticipants = Int(try seed.integer("participants"))
        let seededApplications = Int(try seed.integer("applications"))
        participantCount = settings.bulkParticipants ?? seededParticipants
        applicationCount = settings.bulkApplications ?? seededApplications
        guard let first = EpochMilliseconds(iso8601: try seed.timestamp("firstCreatedAt")) else {
            throw seed.invalid("firstCreatedAt", "a date-time")
        }
        firstCreated = first.value
        func strings(_ key: String) throws -> [String] {
            guard let values = seed.fields[key]?.arrayValue?.compactMap(\.stringValue), !values.isEmpty else {
                throw seed.invalid(key, "a non-empty array of strings")
            }
            return values
        }
        ticketIDs = try strings("tickets")
        groupID = try seed.optionalString("reservedEntryGroupId")
        firstNames = try strings("firstNames")
        lastNames = try strings("lastNames")
    }

    /// A ticket with the titles of its race and occurrence, which entries and line items copy.
    private struct TicketInfo {
        let ticket: Ticket
        let occurrenceTitle: String
        let raceTitle: String

        var amount: Int64 { ticket.price["amount"]?.intValue ?? 0 }
    }

    private struct Person {
        let first: String
        let last: String
        let email: String
        let dateOfBirth: String
        let gender: String
        let phone: String
    }

    func generate(into database: Database) throws {
        let tickets = try ticketIDs.map { try ticketInfo($0, in: database) }
        let open = tickets.filter { !$0.ticket.requiresApplication }
        let ballots = tickets.filter(\.ticket.requiresApplication)
        guard !open.isEmpty, !ballots.isEmpty else {
            throw SeedError(file: "bulk.json", reason: "\"tickets\" needs tickets with and without requiresApplication")
        }
        var groupEntries: Int64 = 0
        for index in 0..<participantCount {
            let ticket = open[index % open.count]
            let (created, updated) = times(index)
            let cancelled = index % 13 == 12
            let code = groupID != nil && index % 7 == 3 && ticket.ticket.id == open.last?.ticket.id ? groupID : nil
            if code != nil { groupEntries += 1 }
            var participant = entry(
                .participant, id: Self.id(prefix: "6677c0de", index), index: index, ticket: ticket, created: created, updated: updated,
                cancelled: cancelled, bib: String(20_000 + index), groupCode: code)
            participant.raceDayDetails = [
                "checkedIn": false, "checkedInAt": nil, "chipId": .string("MR-\(20_000 + index)"), "racePackCollected": false,
            ]
            participant.resultSubmission = ["status": "NOT_SUBMITTED", "finishTimeSeconds": nil, "submittedAt": nil, "evidenceUrl": nil]
            try database.insert(participant)
            try database.insert(lineItem(participantID: participant.id, index: index, ticket: ticket, created: created))
        }
        let statuses = ["APPROVED", "PENDING", "REJECTED", "WITHDRAWN"]
        for index in 0..<applicationCount {
            let ticket = ballots[index % ballots.count]
            // Applications come a month before the participants' bookings.
            let (created, updated) = times(index, daysEarlier: 30)
            var application = entry(
                .application, id: Self.id(prefix: "6677a0de", index), index: index, ticket: ticket, created: created,
                updated: updated, cancelled: false, bib: nil, groupCode: nil)
            application.approvalStatus = statuses[index % statuses.count]
            application.applicationResolutionType = "BALLOT"
            application.ballotDraw = "\(ticket.raceTitle) Ballot Draw"
            try database.insert(application)
        }
        if let groupID { try countClaimedPlaces(groupEntries, of: groupID, in: database) }
    }

    /// The group's places used by the generated entries (spec §8.2: `usedCapacity` is at least
    /// the number of participants carrying its id, and at most `maxCapacity`), whatever the
    /// bulk size.
    private func countClaimedPlaces(_ entries: Int64, of groupID: String, in database: Database) throws {
        guard var group = try ReservedEntryGroup.find(groupID, organiserID: organiserID, in: database) else {
            throw SeedError(file: "bulk.json", reason: "reservedEntryGroupId \(groupID) is not a group of the bulk organiser")
        }
        guard group.usedCapacity < entries else { return }
        group.usedCapacity = entries
        if group.maxCapacity.doubleValue ?? 0 < Double(entries) { group.maxCapacity = .int(entries) }
        try database.update(group)
    }

    /// 24 hex digits: the prefix (8), then the index times an odd constant modulo 2^32 (16).
    static func id(prefix: String, _ index: Int) -> String {
        prefix + IDGenerator.hex(UInt64(UInt32(truncatingIfNeeded: index &* 2_654_435_761)), width: 16)
    }

    /// `createdAt` steps every three entries from `firstCreatedAt` (less `daysEarlier`);
    /// `updatedAt` lies up to about 58 days later.
    private func times(_ index: Int, daysEarlier: Int64 = 0) -> (created: Int64, updated: Int64) {
        let created = firstCreated - daysEarlier * 86_400_000 + Int64(index / 3) * 2_851_123
        let updated = index % 5 == 0 ? created : created + Int64((index &* 7_919) % 5_000_000) * 1_000 + Int64(index % 1_000)
        return (created, updated)
    }

    private func person(_ index: Int) -> Person {
        let first = firstNames[index % firstNames.count]
        let last = lastNames[(index / firstNames.count) % lastNames.count]
        let genders = ["FEMALE", "MALE", "NON_BINARY"]
        return Person(
            first: first, last: last, email: "\(first).\(last).\(index)@example.com".lowercased(),
            dateOfBirth: "19\(60 + index % 40)-\(pad(1 + index % 12))-\(pad(1 + index % 28))",
            gender: genders[index % genders.count], phone: "+44770090\(pad(index % 10_000, 4))")
    }

    private func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private func ticketInfo(_ id: String, in database: Database) throws -> TicketInfo {
        guard let ticket = try database.fetchOne(Ticket.self, where: "id = ?", id),
            let occurrence = try database.fetchOne(Occurrence.self, where: "id = ?", ticket.eventOccurrenceID),
            let race = try database.fetchOne(Race.self, where: "id = ?", ticket.raceID)
        else { throw SeedError(file: "bulk.json", reason: "ticket \(id) is not in events.json") }
        return TicketInfo(ticket: ticket, occurrenceTitle: occurrence.title, raceTitle: race.name)
    }

    private static func text(_ milliseconds: Int64) -> String {
        Timestamp.iso8601Milliseconds(EpochMilliseconds(milliseconds).date)
    }

    // MARK: Records, nested values' keys in the order of spec §7

    /// An entry with the keys applications and participants share, `id` to `tracking`.
    private func entry(
        _ kind: Entry.Kind, id: String, index: Int, ticket info: TicketInfo, created: Int64, updated: Int64, cancelled: Bool,
        bib: String?, groupCode: String?
    ) -> Entry {
        let redacted = index % 97 == 96
        let person = person(index)
        let ticket = info.ticket
        var entry = Entry()
        entry.kind = kind
        entry.organiserID = organiserID
        entry.id = id
        entry.bookingID = Self.id(prefix: "6677b0de", index)
        entry.transactionID = Self.id(prefix: "6677d0de", index)
        entry.eventOccurrenceID = ticket.eventOccurrenceID
        entry.eventID = ticket.eventID
        entry.raceID = ticket.raceID
        entry.ticketTitle = ticket.title
        entry.ticketID = ticket.id
        entry.createdAt = EpochMilliseconds(created)
        entry.updatedAt = EpochMilliseconds(updated)
        let values: [String?] = redacted
            ? Array(repeating: nil, count: 9)
            : [person.first, person.last, person.email, person.dateOfBirth, person.gender, person.phone,
               "\(firstNames[(index + 7) % firstNames.count]) \(person.last)", "+44770091\(pad(index % 10_000, 4))",
               ["XS", "S", "M", "L", "XL"][index % 5]]
        entry.fields = .array(zip(Self.fieldDefinitions, values).map { definition, value in
            ["id": .string(definition.id), "label": .string(definition.label), "type": .string(definition.type), "value": .string(value)]
        })
        entry.booker = [
            "id": .string(redacted ? nil : "6399c0f5" + String(id.suffix(16))),
            "firstName": .string(redacted ? nil : person.first), "lastName": .string(redacted ? nil : person.last),
            "emailAddress": .string(redacted ? nil : person.email), "phoneNumber": .string(redacted ? nil : person.phone),
        ]
        entry.bookerType = "USER"
        entry.originalTicketPrice = ticket.price
        entry.incrementalStatus = index % 11 == 5 ? "NON_INCREMENTAL" : "INCREMENTAL"
        entry.bibNumber = bib
        entry.bookingCodesUsed = ["discountCodes": index % 9 == 4 ? ["METRO10"] : [], "accessCodes": []]
        entry.reservedEntryURL = groupCode.map { "https://www.letsdothis.com/gb/e/\(ticket.eventID)/reserved-entries/\($0)" }
        entry.reservedEntryGroupCode = groupCode
        entry.gdprRedacted = redacted
        var statuses: [JSONValue] = [["status": "ACTIVE", "reason": nil, "updatedAt": .string(Self.text(created))]]
        if cancelled {
            statuses.append(["status": "CANCELLED", "reason": "Refund requested", "updatedAt": .string(Self.text(updated))])
        }
        entry.statusDetails = .array(statuses)
        entry.cancelled = cancelled
        let tracked = !redacted && index % 4 == 1
        entry.tracking = [
            "utmSource": tracked ? "newsletter" : nil, "utmMedium": tracked ? "email" : nil, "utmCampaign": tracked ? "metro-2026" : nil,
            "utmTerm": nil, "utmContent": nil,
        ]
        return entry
    }

    private func lineItem(participantID: String, index: Int, ticket info: TicketInfo, created: Int64) -> LineItem {
        let redacted = index % 97 == 96
        let person = person(index)
        let ticket = info.ticket
        let ldtAmount = info.amount * 6 / 100
        let at = Self.text(created)
        var item = LineItem()
        item.id = Self.id(prefix: "6677e0de", index)
        item.organiserID = organiserID
        item.amount = info.amount
        item.attributedLineItemID = item.id
        item.attributedLineItemType = "TICKET"
        item.bookerEmailAddress = redacted ? nil : person.email
        item.bookerName = redacted ? nil : "\(person.first) \(person.last)"
        item.bookingID = Self.id(prefix: "6677b0de", index)
        item.bookingType = "ENTRY"
        item.currencyCode = ticket.price["currencyCode"]?.stringValue ?? "GBP"
        item.eventID = ticket.eventID
        item.eventOccurrenceID = ticket.eventOccurrenceID
        item.eventOccurrenceTitle = info.occurrenceTitle
        item.financialEntryID = Self.id(prefix: "6677f0de", index)
        item.incrementalStatus = index % 11 == 5 ? "NON_INCREMENTAL" : "INCREMENTAL"
        item.ldtAmount = ldtAmount
        item.lineItemName = ticket.title
        item.itemID = ticket.id
        item.itemSelectionID = Self.id(prefix: "6677a1de", index)
        item.lineItemType = "TICKET"
        item.organizerAmount = info.amount - ldtAmount
        item.participantID = participantID
        item.paymentCompletedAt = at
        item.paymentID = "pay_\(item.id.suffix(4))Mr\(index % 10)"
        item.paymentReference = "LDT-\(20_000 + index)"
        item.paymentStatus = "FUNDS_COMPLETE"
        item.payoutID = "po_2026_01"
        item.quantity = 1
        item.raceTitle = info.raceTitle
        item.raceID = ticket.raceID
        item.startlistEntryID = participantID
        item.ticketID = ticket.id
        item.ticketTitle = ticket.title
        item.transactionAt = at
        item.createdAt = EpochMilliseconds(created)
        item.updatedAt = EpochMilliseconds(created)
        return item
    }

    private static let fieldDefinitions: [(id: String, label: String, type: String)] = [
        ("firstName", "First name", "TEXT"), ("lastName", "Last name", "TEXT"), ("emailAddress", "Email address", "EMAIL"),
        ("dateOfBirth", "Date of birth", "DATE"), ("gender", "Gender", "SELECT"), ("phoneNumber", "Phone number", "PHONE"),
        ("emergencyContactName", "Emergency contact name", "TEXT"),
        ("emergencyContactPhone", "Emergency contact phone", "PHONE"), ("tshirtSize", "T-shirt size", "SELECT"),
    ]
}
