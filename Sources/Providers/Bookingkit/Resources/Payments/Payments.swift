import Emulation

/// `GET` and `POST /orders/{id}/payments` (spec §5.7, §7.6): an order's payments and refunds.
enum Payments {
    static func routes(_ endpoints: Endpoints) -> [Route<BookingkitClient>] {
        [
            endpoints.route("GET", "/orders/{id}/payments", example: "/orders/\(FixtureIDs.order)/payments", .ordersRead) {
                request, client in
                try request.read { database in
                    let order = try OrderAccess.visible(request.parameter("id"), to: client, in: database)
                    var json = JSONBuilder()
                    try json.array { json in
                        try database.write(
                            PaymentRecord.view,
                            "SELECT \(PaymentRecord.table.selectList()) FROM bookingkit_payments WHERE order_id = ? ORDER BY rowid",
                            arguments: [order.id], context: (), to: &json)
                    }
                    return BookingkitResponse.body(json.bytes)
                }
            },
            endpoints.route("POST", "/orders/{id}/payments", .ordersWrite) { request, client in
                try request.write { database in
                    var order = try OrderAccess.writable(request.parameter("id"), by: client, in: database)
                    let fields = try BookingkitBody.object(request)
                    guard let method = try fields.oneOf("payment_method", ["ThirdParty", "Cash", "MobileApp"]) else {
                        throw fields.required("payment_method")
                    }
                    let value = try fields.requiredAmount("value")
                    guard let type = try fields.oneOf("type", ["payment", "refund"]) else { throw fields.required("type") }
                    let paidAt = try fields.dateTime("payment_date")
                    let now = DateTime(request.now)
                    var payment = PaymentRecord()
                    payment.id = try database.ids.digestHex("bookingkit.payments", count: 32)
                    payment.orderID = order.id
                    payment.value = value
                    payment.type = type
                    payment.paymentMethod = method
                    payment.name = method == "ThirdParty" ? client.displayName : method == "Cash" ? "Cash" : "Mobile App"
                    payment.paymentDate = paidAt ?? now
                    payment.relatedItems = ["orders": [["id": .string(order.id), "code": .string(order.code)]], "vouchers": []]
                    try database.insert(payment)
                    // Paid in full: the order is marked paid as of this payment, if it was not yet.
                    let paid = try database.queryOne("SELECT TOTAL(value) AS paid FROM bookingkit_payments WHERE order_id = ?", order.id)?
                        .double("paid") ?? 0
                    if order.paymentDate == nil, Amount(totalHundredths: paid) >= order.totalInvoice { order.paymentDate = payment.paymentDate }
                    order.updatedAt = now
                    try database.update(order)
                    // 200, not 201, and the reduced object (seed).
                    return try BookingkitResponse.single(
                        PaymentRecord.createdView, where: "id = ?",
                        arguments: [payment.id], context: (), in: database)
                }
            },
        ]
    }
}
