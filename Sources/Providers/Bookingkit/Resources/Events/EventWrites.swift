import Crypto
import Emulation

/// Creating and updating events (spec §5.2 E05, E08, E10).
enum EventWrites {
    /// `POST /events` and `POST /vendors/{vendor_id}/events`: 201 with the new event (active, no
    /// dates yet). The body's `vendor_id` decides, and must be the path's when there is one.
    static func create(_ request: ProviderRequest, _ client: BookingkitClient, pathVendor: String?) throws -> HTTPResponse {
        if let pathVendor { _ = try Vendors.visibleVendor(pathVendor, client) }
        var draft = EventDraft(try BookingkitBody.object(request), creating: true)
        var event = EventRecord()
        try draft.apply(to: &event)
        let vendorID = draft.vendorID ?? ""
        if let pathVendor, pathVendor != vendorID {
            throw BookingkitError.businessRule("The path vendor id and the body vendor_id do not match")
        }
        return try request.write { database in
            try writableVendor(vendorID, client, in: database)
            let now = DateTime(request.now)
            event.id = try database.ids.digestHex("bookingkit.events", count: 32)
            event.vendorID = vendorID
            event.priceGroupID = event.id
            event.voucherCheckoutURL = voucherCheckoutURL(event.id)
            try placeInStructure(&event, in: database)
            try draft.writeCategories(to: &event, in: database)
            event.updatedAt = now
            try database.insert(event)
            try draft.writePrices(of: event.id, in: database)
            try EventCategories.reindex(event, in: database)
            return try respond(event.id, status: 201, request, client, database)
        }
    }

    /// `PATCH /events/{id}`: a partial update of an active event the client sees.
    static func update(_ request: ProviderRequest, _ client: BookingkitClient) throws -> HTTPResponse {
        try request.write { database in
            guard var event = try database.fetchOne(EventRecord.self, where: "id = ? AND active = 1", request.parameter("id")),
                client.sees(vendor: event.vendorID)
            else { throw BookingkitError.notFound }
            var draft = EventDraft(try BookingkitBody.object(request), creating: false)
            let previousRoot = event.rootEventID
            try draft.apply(to: &event)
            if let vendorID = draft.vendorID, !vendorID.isEmpty, vendorID != event.vendorID {
                throw BookingkitError.businessRule("The vendor of an event cannot be changed")
            }
            if event.rootEventID != previousRoot { try placeInStructure(&event, in: database) }
            try draft.writeCategories(to: &event, in: database)
            event.updatedAt = DateTime(request.now)
            try database.update(event)
            try draft.writePrices(of: event.id, in: database)
            try EventCategories.reindex(event, in: database)
            return try respond(event.id, status: 200, request, client, database)
        }
    }

    /// The body's vendor must exist (`Vendor "…" not found`) and be one the client writes for (401).
    private static func writableVendor(_ id: String, _ client: BookingkitClient, in database: Database) throws {
        guard try database.fetchOne(VendorRecord.self, where: "id = ?", id) != nil else {
            throw BookingkitError.businessRule("Vendor \"\(id)\" not found")
        }
        guard client.sees(vendor: id) else { throw BookingkitError.unauthorized }
    }

    /// A `root_event_id` makes the event a pricelist child of that event of the same vendor
    /// (§7.2); without one it is a main event.
    private static func placeInStructure(_ event: inout EventRecord, in database: Database) throws {
        guard !event.rootEventID.isEmpty else {
            if event.kind == .pricelist { event.kind = .main }
            return
        }
        guard event.rootEventID != event.id,
            let parent = try database.fetchOne(EventRecord.self, where: "id = ? AND vendor_id = ?", event.rootEventID, event.vendorID),
            parent.kind != .pricelist
        else { throw BookingkitError.businessRule("Event \"\(event.rootEventID)\" not found") }
        event.kind = .pricelist
        event.mainEventID = parent.kind == .main ? parent.id : parent.mainEventID
    }

    /// The voucher shop URL of an event (§7.5): the pattern of the seed's sample.
    static func voucherCheckoutURL(_ eventID: String) -> String {
        let digest = Insecure.MD5.hash(data: Array(eventID.utf8)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        return "https://web.admin-sandbox.bookingkit.com/voucherOrder/index/?id=\(digest)"
    }

    private static func respond(
        _ id: String, status: Int, _ request: ProviderRequest, _ client: BookingkitClient, _ database: Database
    ) throws -> HTTPResponse {
        let withPrivatePrices = try QueryReader(query: request.query).boolean("with_private_prices") ?? false
        var context = EventRenderContext(commission: client.commission, withPrivatePrices: withPrivatePrices, showsFirstDate: false)
        try EventEmbeds.prepare(&context, events: "e.id = ?", [id], merged: false, keeping: nil, in: database)
        // A write may deactivate the event; its answer still shows it.
        return try BookingkitResponse.single(
            EventViews.event, "SELECT \(EventQuery.collection.select) FROM \(EventQuery.collection.from) WHERE e.id = ?",
            arguments: [DateTime(request.now), id], context: context, status: status, in: database)
    }
}
