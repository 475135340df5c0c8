import Emulation

/// `GET /vendors` and `GET /vendors/{id}` (spec §5.1): the vendors the client acts for.
enum Vendors {
    static let collection = Collection(
        from: "bookingkit_vendors v", select: VendorRecord.table.selectList(alias: "v"), identifier: "v.id",
        sortable: [("name", "lower(v.name)")], defaultOrder: "v.rowid", tieBreak: "v.rowid", matchColumns: ["v.name"],
        deltaColumn: "v.updated_at")

    static func routes(_ endpoints: Endpoints) -> [Route<BookingkitClient>] {
        [
            endpoints.route("GET", "/vendors", example: "/vendors", .calendarRead) { request, client in
                let query = QueryReader(query: request.query)
                var list = try ListRequest(query, collection)
                try list.readDelta(query)
                list.filter.add(client.vendorCondition("v.id"))
                return try request.read { try ListResponse.render(VendorRecord.view, list, context: (), request: request, in: $0) }
            },
            endpoints.route("GET", "/vendors/{id}", example: "/vendors/\(FixtureIDs.vendor)", .calendarRead) { request, client in
                let id = try visibleVendor(request.parameter("id"), client)
                return try request.read { database in
                    try BookingkitResponse.single(
                        VendorRecord.view, where: "id = ?",
                        arguments: [id], context: (), keeping: request.fieldSelection, in: database)
                }
            },
        ]
    }

    /// A vendor id the client acts for (404 otherwise, §2.4: as if it did not exist).
    static func visibleVendor(_ id: String, _ client: BookingkitClient) throws -> String {
        guard client.sees(vendor: id) else { throw BookingkitError.notFound }
        return id
    }
}
