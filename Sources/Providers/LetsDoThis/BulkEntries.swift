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
        guard let first = Milliseconds.of(try seed.timestamp("firstCreatedAt")) else { throw seed.invalid("firstCreatedAt", "a date-time") }
        firstCreated = first
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

    /// What an entry copies from its ticket, race, occurrence and event.
    private struct TicketInfo {
        let id: String
        let title: String
        let eventID: String
        let occurrenceID: String
        let occurrenceTitle: String
        let raceID: String
        let raceTitle: String
        let price: JSONValue
        let amount: Int64
        let requiresApplication: Bool
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
        let open = tickets.filter { !$0.requiresApplication }
        let ballots = tickets.filter(\.requiresApplication)
        guard !open.isEmpty, !ballots.isEmpty else {
            throw SeedError(file: "bulk.json", reason: "\"tickets\" needs tickets with and without requiresApplication")
        }
        var groupEntries: Int64 = 0
        for index in 0..<participantCount {
            let ticket = open[index % open.count]
            let (created, updated) = times(index)
            let id = Self.id(prefix: "6677c0de", index)
            let cancelled = index % 13 == 12
            let code = groupID != nil && index % 7 == 3 && ticket.id == open.last?.id ? groupID : nil
            if code != nil { groupEntries += 1 }
            let body = participantBody(id: id, index: index, ticket: ticket, created: created, updated: updated,
                                       cancelled: cancelled, groupCode: code)
            try EntryRow(kind: .participant, id: id, organiserID: organiserID, eventID: ticket.eventID, raceID: ticket.raceID,
                         occurrenceID: ticket.occurrenceID, ticketID: ticket.id, cancelled: cancelled, reservedEntryGroupCode: code,
                         created: created, updated: updated, body: body).insert(into: database)
            let lineItemID = Self.id(prefix: "6677e0de", index)
            try LineItemRow(id: lineItemID, organiserID: organiserID, created: created, updated: created,
                            body: lineItemBody(id: lineItemID, participantID: id, index: index, ticket: ticket, created: created))
                .insert(into: database)
        }
        for index in 0..<applicationCount {
            let ticket = ballots[index % ballots.count]
            // Applications come a month before the participants' bookings.
            let (created, updated) = times(index, daysEarlier: 30)
            let id = Self.id(prefix: "6677a0de", index)
            let body = applicationBody(id: id, index: index, ticket: ticket, created: created, updated: updated)
            try EntryRow(kind: .application, id: id, organiserID: organiserID, eventID: ticket.eventID, raceID: ticket.raceID,
                         occurrenceID: ticket.occurrenceID, ticketID: ticket.id, cancelled: false, reservedEntryGroupCode: nil,
                         created: created, updated: updated, body: body).insert(into: database)
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
        try group.update(in: database)
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
        guard let head = try database.queryOne("SELECT body_head FROM letsdothis_tickets WHERE id = ?", id)?.string("body_head"),
            let ticket = try? JSONParser.parse(head + "}"),
            let occurrenceID = ticket["eventOccurrenceId"]?.stringValue, let raceID = ticket["raceId"]?.stringValue,
            let occurrenceTitle = try database.queryOne("SELECT title FROM letsdothis_occurrences WHERE id = ?", occurrenceID)?.string("title"),
            let raceTitle = try database.queryOne("SELECT name FROM letsdothis_races WHERE id = ?", raceID)?.string("name")
        else { throw SeedError(file: "bulk.json", reason: "ticket \(id) is not in events.json") }
        return TicketInfo(
            id: id, title: ticket["title"]?.stringValue ?? "", eventID: ticket["eventId"]?.stringValue ?? "",
            occurrenceID: occurrenceID, occurrenceTitle: occurrenceTitle, raceID: raceID, raceTitle: raceTitle,
            price: ticket["price"] ?? [:], amount: ticket["price"]?["amount"]?.intValue ?? 0,
            requiresApplication: ticket["requiresApplication"]?.boolValue ?? false)
    }

    // MARK: Bodies, keys in the order of spec §7

    private func participantBody(id: String, index: Int, ticket: TicketInfo, created: Int64, updated: Int64,
                                 cancelled: Bool, groupCode: String?) -> String {
        var json = JSONBuilder(capacity: 2048)
        json.object { json in
            commonFields(&json, id: id, index: index, ticket: ticket, created: created, updated: updated, cancelled: cancelled,
                         bib: String(20_000 + index), groupCode: groupCode)
            json.field("applicationId", nil as String?)
            json.field("raceDayDetails", [
                "checkedIn": false, "checkedInAt": nil, "chipId": .string("MR-\(20_000 + index)"), "racePackCollected": false,
            ])
            json.field("resultSubmission", ["status": "NOT_SUBMITTED", "finishTimeSeconds": nil, "submittedAt": nil, "evidenceUrl": nil])
            json.field("team", JSONValue.null)
        }
        return String(decoding: json.bytes, as: UTF8.self)
    }

    private func applicationBody(id: String, index: Int, ticket: TicketInfo, created: Int64, updated: Int64) -> String {
        let statuses = ["APPROVED", "PENDING", "REJECTED", "WITHDRAWN"]
        var json = JSONBuilder(capacity: 2048)
        json.object { json in
            commonFields(&json, id: id, index: index, ticket: ticket, created: created, updated: updated, cancelled: false,
                         bib: nil, groupCode: nil)
            json.field("approvalStatus", statuses[index % statuses.count])
            json.field("applicationResolutionType", "BALLOT")
            json.field("ballotDraw", "\(ticket.raceTitle) Ballot Draw")
        }
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// The keys applications and participants share, `id` to `tracking`.
    private func commonFields(_ json: inout JSONBuilder, id: String, index: Int, ticket: TicketInfo, created: Int64, updated: Int64,
                              cancelled: Bool, bib: String?, groupCode: String?) {
        let redacted = index % 97 == 96
        let person = person(index)
        let createdAt = Timestamp.iso8601Milliseconds(Milliseconds.date(created))
        json.field("id", id)
        json.field("participantIndex", 0)
        json.field("bookingId", Self.id(prefix: "6677b0de", index))
        json.field("transactionId", Self.id(prefix: "6677d0de", index))
        json.field("eventOccurrenceId", ticket.occurrenceID)
        json.field("eventId", ticket.eventID)
        json.field("raceId", ticket.raceID)
        json.field("ticketTitle", ticket.title)
        json.field("ticketId", ticket.id)
        json.field("createdAt", createdAt)
        json.field("updatedAt", Timestamp.iso8601Milliseconds(Milliseconds.date(updated)))
        json.field("waves", [] as JSONValue)
        let values: [String?] = redacted
            ? Array(repeating: nil, count: 9)
            : [person.first, person.last, person.email, person.dateOfBirth, person.gender, person.phone,
               "\(firstNames[(index + 7) % firstNames.count]) \(person.last)", "+44770091\(pad(index % 10_000, 4))",
               ["XS", "S", "M", "L", "XL"][index % 5]]
        json.field("fields", array: { json in
            for (definition, value) in zip(Self.fieldDefinitions, values) {
                json.object { json in
                    json.field("id", definition.id)
                    json.field("label", definition.label)
                    json.field("type", definition.type)
                    json.field("value", value)
                }
            }
        })
        json.field("booker", object: { json in
            json.field("id", redacted ? nil : "6399c0f5" + String(id.suffix(16)))
            json.field("firstName", redacted ? nil : person.first)
            json.field("lastName", redacted ? nil : person.last)
            json.field("emailAddress", redacted ? nil : person.email)
            json.field("phoneNumber", redacted ? nil : person.phone)
        })
        json.field("bookerType", "USER")
        json.field("originalTicketPrice", ticket.price)
        json.field("incrementalStatus", index % 11 == 5 ? "NON_INCREMENTAL" : "INCREMENTAL")
        json.field("bibNumber", bib)
        json.field("bookingCodesUsed", ["discountCodes": index % 9 == 4 ? ["METRO10"] : [], "accessCodes": []])
        json.field("reservedEntryUrl", groupCode.map {
            "https://www.letsdothis.com/gb/e/\(ticket.eventID)/reserved-entries/\($0)"
        })
        json.field("partnerMarketingOptIns", [] as JSONValue)
        json.field("tags", [] as JSONValue)
        json.field("gdprRedacted", redacted)
        json.field("statusDetails", array: { json in
            json.value(["status": "ACTIVE", "reason": nil, "updatedAt": .string(createdAt)])
            if cancelled {
                json.value([
                    "status": "CANCELLED", "reason": "Refund requested",
                    "updatedAt": .string(Timestamp.iso8601Milliseconds(Milliseconds.date(updated))),
                ])
            }
        })
        json.field("tracking", [
            "utmSource": redacted || index % 4 != 1 ? nil : "newsletter", "utmMedium": redacted || index % 4 != 1 ? nil : "email",
            "utmCampaign": redacted || index % 4 != 1 ? nil : "metro-2026", "utmTerm": nil, "utmContent": nil,
        ])
    }

    private func lineItemBody(id: String, participantID: String, index: Int, ticket: TicketInfo, created: Int64) -> String {
        let redacted = index % 97 == 96
        let person = person(index)
        let ldtAmount = ticket.amount * 6 / 100
        let at = Timestamp.iso8601Milliseconds(Milliseconds.date(created))
        var json = JSONBuilder(capacity: 1536)
        json.object { json in
            json.field("amount", ticket.amount)
            json.field("attributedLineItemId", id)
            json.field("attributedLineItemType", "TICKET")
            json.field("bookerEmailAddress", redacted ? nil : person.email)
            json.field("bookerName", redacted ? nil : "\(person.first) \(person.last)")
            json.field("bookingId", Self.id(prefix: "6677b0de", index))
            json.field("bookingType", "ENTRY")
            json.field("currencyCode", ticket.price["currencyCode"]?.stringValue ?? "GBP")
            json.field("eventId", ticket.eventID)
            json.field("eventOccurrenceId", ticket.occurrenceID)
            json.field("eventOccurrenceTitle", ticket.occurrenceTitle)
            json.field("financialEntryId", Self.id(prefix: "6677f0de", index))
            json.field("id", id)
            json.field("incrementalStatus", index % 11 == 5 ? "NON_INCREMENTAL" : "INCREMENTAL")
            json.field("isRefund", false)
            json.field("ldtAmount", ldtAmount)
            json.field("lineItemName", ticket.title)
            json.field("itemId", ticket.id)
            json.field("itemSelectionId", Self.id(prefix: "6677a1de", index))
            json.field("lineItemType", "TICKET")
            json.field("organizerAmount", ticket.amount - ldtAmount)
            json.field("participantId", participantID)
            json.field("paymentCompletedAt", at)
            json.field("paymentId", "pay_\(id.suffix(4))Mr\(index % 10)")
            json.field("paymentReference", "LDT-\(20_000 + index)")
            json.field("paymentRefundId", nil as String?)
            json.field("paymentStatus", "FUNDS_COMPLETE")
            json.field("payoutId", "po_2026_01")
            json.field("quantity", 1)
            json.field("raceTitle", ticket.raceTitle)
            json.field("raceId", ticket.raceID)
            json.field("startlistEntryId", participantID)
            json.field("thirdPartyAmount", 0)
            json.field("ticketId", ticket.id)
            json.field("ticketTitle", ticket.title)
            json.field("transactionAt", at)
            json.field("createdAt", at)
            json.field("updatedAt", at)
        }
        return String(decoding: json.bytes, as: UTF8.self)
    }

    private static let fieldDefinitions: [(id: String, label: String, type: String)] = [
        ("firstName", "First name", "TEXT"), ("lastName", "Last name", "TEXT"), ("emailAddress", "Email address", "EMAIL"),
        ("dateOfBirth", "Date of birth", "DATE"), ("gender", "Gender", "SELECT"), ("phoneNumber", "Phone number", "PHONE"),
        ("emergencyContactName", "Emergency contact name", "TEXT"),
        ("emergencyContactPhone", "Emergency contact phone", "PHONE"), ("tshirtSize", "T-shirt size", "SELECT"),
    ]
}
