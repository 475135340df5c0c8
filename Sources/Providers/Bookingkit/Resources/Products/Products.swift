import Emulation

/// The product endpoints (spec §5.4): lists of the client's vendors' products, and writes by
/// vendor clients for their own vendor.
enum Products {
    static let collection = Collection(
        from: "bookingkit_products pr", select: ProductRecord.table.selectList(alias: "pr"), identifier: "pr.id",
        sortable: [("name", "lower(pr.name)"), ("price", "pr.price")], defaultOrder: "pr.rowid", tieBreak: "pr.rowid",
        deltaColumn: "pr.updated_at")

    static func routes(_ endpoints: Endpoints) -> [Route<BookingkitClient>] {
        [
            endpoints.route("GET", "/products", example: "/products", .calendarRead) { request, client in
                let query = QueryReader(query: request.query)
                var list = try ListRequest(query, collection, readsMatch: false)
                list.filter.add(client.vendorCondition("pr.vendor_id"))
                list.filter.add("pr.deleted = 0")
                // 0 (the seed's default) and 2 ([RAML]'s "all") mean all (§5.4).
                if try query.flag("available", allowingAll: true) == 1 { list.filter.add("(pr.available IS NULL OR pr.available > 0)") }
                if try query.flag("requires_shipping", allowingAll: true) == 1 { list.filter.add("pr.shipping_address = 1") }
                if let vendors = query.list("accept_vendors") { list.filter.add("pr.vendor_id", in: vendors) }
                if let vendors = query.list("exclude_vendors") { list.filter.add("pr.vendor_id", notIn: vendors) }
                if let minimum = try query.amount("min_price") { list.filter.add("pr.price >= ?", minimum) }
                if let maximum = try query.amount("max_price") { list.filter.add("pr.price <= ?", maximum) }
                if try !(query.boolean("with_private_products") ?? false) { list.filter.add("pr.offered_at_checkout = 1") }
                return try request.read { try ListResponse.render(ProductRecord.view, list, context: (), request: request, in: $0) }
            },
            endpoints.route("POST", "/products", Access.inventoryWrite.vendorsOnly) { request, client in
                var product = ProductRecord()
                let fields = try BookingkitBody.object(request)
                try ProductDraft.apply(fields, to: &product, creating: true)
                return try request.write { database in
                    guard product.vendorID == client.vendorIDs.first else {
                        guard try database.fetchOne(VendorRecord.self, where: "id = ?", product.vendorID) != nil else {
                            throw BookingkitError.businessRule("Vendor \"\(product.vendorID)\" not found")
                        }
                        throw BookingkitError.unauthorized
                    }
                    product.id = try database.ids.digestHex("bookingkit.products", count: 32)
                    product.updatedAt = DateTime(request.now)
                    try database.insert(product)
                    return try single(product.id, status: 201, request, database)
                }
            },
            endpoints.route("GET", "/products/{id}", example: "/products/\(FixtureIDs.product)", .calendarRead) { request, client in
                try request.read { database in
                    let product = try visible(request.parameter("id"), client, in: database)
                    return try single(product.id, request, database)
                }
            },
            endpoints.route("PATCH", "/products/{id}", Access.inventoryWrite.vendorsOnly) { request, client in
                try request.write { database in
                    var product = try visible(request.parameter("id"), client, in: database)
                    let fields = try BookingkitBody.object(request)
                    let vendor = product.vendorID
                    try ProductDraft.apply(fields, to: &product, creating: false)
                    guard product.vendorID == vendor else {
                        throw BookingkitError.businessRule("The vendor of a product cannot be changed")
                    }
                    product.updatedAt = DateTime(request.now)
                    try database.update(product)
                    return try single(product.id, request, database)
                }
            },
            endpoints.route("DELETE", "/products/{id}", Access.inventoryWrite.vendorsOnly) { request, client in
                try request.write { database in
                    var product = try visible(request.parameter("id"), client, in: database)
                    // Orders keep their lines of it (§5.4 E30), so the row stays, marked deleted.
                    product.deleted = true
                    product.updatedAt = DateTime(request.now)
                    try database.update(product)
                }
                return .empty(status: 204)
            },
        ]
    }

    /// A product of a vendor the client sees (private ones too); 404 otherwise.
    static func visible(_ id: String, _ client: BookingkitClient, in database: Database) throws -> ProductRecord {
        guard let product = try database.fetchOne(ProductRecord.self, where: "id = ? AND deleted = 0", id), client.sees(vendor: product.vendorID)
        else { throw BookingkitError.notFound }
        return product
    }

    static func single(_ id: String, status: Int = 200, _ request: ProviderRequest, _ database: Database) throws -> HTTPResponse {
        try BookingkitResponse.single(
            ProductRecord.view, where: "id = ?", arguments: [id],
            context: (), keeping: request.fieldSelection, status: status, in: database)
    }
}

/// The ProductWrite body (spec §5.4 E27, E29): a create needs every field; an update any subset
/// but `price`, which the docs mark required on update too.
enum ProductDraft {
    static func apply(_ fields: BodyFields, to product: inout ProductRecord, creating: Bool) throws {
        func required(_ key: String) throws { if creating { throw fields.required(key) } }
        if let vendor = try fields.string("vendor_id"), !vendor.isEmpty { product.vendorID = vendor } else { try required("vendor_id") }
        if let name = try fields.string("name") { product.name = name } else { try required("name") }
        if let description = try fields.string("description") { product.description = description } else { try required("description") }
        // `""` (or null) is unlimited stock (§6.7).
        for (key, path) in [("total", \ProductRecord.total), ("available", \ProductRecord.available)] {
            if let value = fields.object[key], value == .null || value == .string("") {
                product[keyPath: path] = nil
            } else if let number = try fields.integer(key, minimum: 0) {
                product[keyPath: path] = number
            } else {
                try required(key)
            }
        }
        guard let price = try fields.amount("price") else { throw fields.required("price") }
        guard price.hundredths >= 0 else { throw BookingkitError.invalidProperty("The property \"price\" must be greater than or equal to 0") }
        product.price = price
        if let currency = try fields.code("currency", length: 3) { product.currency = currency } else { try required("currency") }
        if let shipping = try fields.integer("shipping_address", minimum: 0, maximum: 1, lenient: true) {
            product.shippingAddress = shipping
        } else {
            try required("shipping_address")
        }
        if let dependencies = try fields.storedArray("dependencies") { product.dependencies = dependencies } else { try required("dependencies") }
    }
}
