import Emulation

/// The vendor-client-only lists that take just the common parameters (spec §5.13–§5.15): users,
/// coupons and vouchers of the client's own vendor, and single ones by id (`ident`).
struct VendorDirectory {
    let path: String
    let table: RecordTable
    let view: RecordView<Void>
    let identifier: String
    /// The kind of code a table of several kinds holds for this path.
    var kind: RedeemableCodeRecord.Kind?
    let example: String

    static let users = VendorDirectory(
        path: "/users", table: UserRecord.table, view: UserRecord.view, identifier: "id", example: FixtureIDs.user)
    static let coupons = VendorDirectory(
        path: "/coupons", table: RedeemableCodeRecord.table, view: RedeemableCodeRecord.view, identifier: "ident", kind: .coupon,
        example: FixtureIDs.coupon)
    static let vouchers = VendorDirectory(
        path: "/vouchers", table: RedeemableCodeRecord.table, view: RedeemableCodeRecord.view, identifier: "ident", kind: .voucher,
        example: FixtureIDs.voucher)

    func routes(_ endpoints: Endpoints) -> [Route<BookingkitClient>] {
        let collection = Collection(
            from: "\(table.name) x", select: table.selectList(alias: "x"), identifier: "x.\(identifier)", defaultOrder: "x.rowid",
            tieBreak: "x.rowid")
        let view = view
        let table = table
        let identifier = identifier
        let kind = kind
        return [
            endpoints.route("GET", path, example: path, Access.calendarRead.vendorsOnly) { request, client in
                var list = try ListRequest(QueryReader(query: request.query), collection, readsOrder: false, readsMatch: false)
                if let kind { list.filter.add("x.kind = ?", kind.rawValue) }
                list.filter.add(client.vendorCondition("x.vendor_id"))
                return try request.read { try ListResponse.render(view, list, context: (), request: request, in: $0) }
            },
            endpoints.route("GET", path + "/{id}", example: path + "/" + example, Access.calendarRead.vendorsOnly) { request, client in
                var visible = client.vendorCondition("vendor_id")
                if let kind { visible.add("kind = ?", kind.rawValue) }
                return try request.read { database in
                    try BookingkitResponse.single(
                        view, "SELECT \(table.selectList()) FROM \(table.name) WHERE \(identifier) = ? AND \(visible.clause)",
                        arguments: [request.parameter("id")] + visible.arguments, context: (), keeping: request.fieldSelection, in: database)
                }
            },
        ]
    }
}
