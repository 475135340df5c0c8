import Emulation

/// `GET /categories` and `GET /categories/{id}` (spec §5.12): every category, all levels, flat.
enum Categories {
    static let collection = Collection(
        from: "bookingkit_categories c", select: CategoryRecord.table.selectList(alias: "c"), identifier: "c.id",
        sortable: [("title", "lower(c.title)")], defaultOrder: "c.rowid", tieBreak: "c.rowid", matchColumns: ["c.title"])

    static func routes(_ endpoints: Endpoints) -> [Route<BookingkitClient>] {
        [
            endpoints.route("GET", "/categories", example: "/categories", .calendarRead) { request, _ in
                let list = try ListRequest(QueryReader(query: request.query), collection)
                return try request.read { try ListResponse.render(CategoryRecord.view, list, context: (), request: request, in: $0) }
            },
            endpoints.route("GET", "/categories/{id}", example: "/categories/\(FixtureIDs.category)", .calendarRead) { request, _ in
                // Ids are integers; any other text names no category.
                guard let id = Int64(request.parameter("id")) else { throw BookingkitError.notFound }
                return try request.read { database in
                    try BookingkitResponse.single(
                        CategoryRecord.view, where: "id = ?",
                        arguments: [id], context: (), keeping: request.fieldSelection, in: database)
                }
            },
        ]
    }
}
