import Emulation

/// Creating and updating dates (spec §5.3 E15, E17, E19, E21, E24, E25).
enum DateWrites {
    /// What a DateCreate body says, validated (40001 for a bad field).
    struct Creation {
        let eventID: String
        let date: DateTime
        let availableSlots: Int64
        let totalSlots: Int64

        init(_ fields: BodyFields) throws {
            eventID = try fields.requiredString("event_id")
            date = try fields.requiredDateTime("date")
            availableSlots = try fields.requiredInteger("available_slots", minimum: 0)
            totalSlots = try fields.requiredInteger("total_slots", minimum: 0)
            guard availableSlots <= totalSlots else {
                throw BookingkitError.invalidProperty(
                    "The property \"\(fields.name("available_slots"))\" must be less than or equal to \"total_slots\"")
            }
        }
    }

    /// What a DateUpdate body says (`date_id` in a batch); `available_slots` is not writable.
    struct Change {
        let dateID: String?
        let eventID: String?
        let date: DateTime?
        let totalSlots: Int64?

        init(_ fields: BodyFields, inBatch: Bool) throws {
            dateID = inBatch ? try fields.requiredString("date_id") : nil
            eventID = try fields.string("event_id")
            date = try fields.dateTime("date")
            totalSlots = try fields.integer("total_slots", minimum: 0)
        }
    }

    /// An active event the client sees, which `creation` may add a date to (`Event "…" not found`).
    static func event(_ id: String, vendor: String? = nil, _ client: BookingkitClient, in database: Database) throws -> EventRecord {
        guard let event = try database.fetchOne(EventRecord.self, where: "id = ? AND active = 1", id), client.sees(vendor: event.vendorID),
            vendor == nil || event.vendorID == vendor
        else { throw BookingkitError.businessRule("Event \"\(id)\" not found") }
        return event
    }

    /// Inserts a date of `event` (active, with a new id) and returns it.
    static func insert(_ creation: Creation, of event: EventRecord, now: DateTime, in database: Database) throws -> DateRecord {
        var date = DateRecord()
        date.id = try database.ids.digestHex("bookingkit.dates", count: 32)
        date.eventID = event.id
        date.vendorID = event.vendorID
        date.date = creation.date
        date.availableSlots = creation.availableSlots
        date.totalSlots = creation.totalSlots
        date.updatedAt = now
        try database.insert(date)
        return date
    }

    /// A date the client sees and may change: the vendor must have the Extended Availability
    /// Management module (§5.3 E21); a new `total_slots` keeps the seats booked.
    static func apply(_ change: Change, to date: DateRecord, _ client: BookingkitClient, now: DateTime, in database: Database) throws
        -> DateRecord
    {
        guard let event = try database.fetchOne(EventRecord.self, where: "id = ?", date.eventID),
            let vendor = try database.fetchOne(VendorRecord.self, where: "id = ?", event.vendorID)
        else { throw BookingkitError.notFound }
        guard vendor.extendedAvailabilityManagement else {
            throw BookingkitError.businessRule("The Extended Availability Management module is not activated for this vendor")
        }
        var updated = date
        if let eventID = change.eventID, eventID != date.eventID {
            updated.eventID = try self.event(eventID, vendor: vendor.id, client, in: database).id
        }
        if let when = change.date { updated.date = when }
        if let total = change.totalSlots {
            let booked = date.totalSlots - date.availableSlots
            updated.totalSlots = total
            updated.availableSlots = max(0, total - booked)
        }
        updated.updatedAt = now
        try database.update(updated)
        return updated
    }

    /// An active date of an active event the client sees; 404 (or `missing`) otherwise.
    static func visibleDate(_ id: String, _ client: BookingkitClient, in database: Database, missing: BookingkitError = .notFound) throws
        -> DateRecord
    {
        guard let date = try database.fetchOne(DateRecord.self, where: "id = ? AND active = 1", id),
            let event = try database.fetchOne(EventRecord.self, where: "id = ? AND active = 1", date.eventID),
            client.sees(vendor: event.vendorID)
        else { throw missing }
        return date
    }
}
