import Emulation
import Testing

private struct Ticket: StoredRecord {
    var id: Int64 = 0
    var title = ""
    var voucherID = ""
    var voucherCode = ""
    /// Kept exactly as given: keys in their spelling and order.
    var extras: JSONValue = [:]

    static let table = RecordTable("test_tickets", of: Ticket.self)

    static let view = RecordView<Void>(table, [
        .column("id"), .column("title"),
        .object("voucher", [.column("voucher_id", as: "id"), .column("voucher_code", as: "code")]),
        .column("extras"),
    ])
}

@Suite struct RecordViewTests {
    private func render(keeping keys: Set<String>? = nil) throws -> JSONValue {
        let database = try Database(.memory)
        try database.execute(Ticket.table.schema)
        var ticket = Ticket()
        ticket.id = 1
        ticket.title = "Entry"
        ticket.voucherID = "v1"
        ticket.voucherCode = "ABC"
        ticket.extras = ["flexOffer": ["price_category_id": 475], "a": [1, 2.5]]
        try database.insert(ticket)
        var json = JSONBuilder()
        try json.array { json in
            try database.write(Ticket.view, "SELECT \(Ticket.table.selectList()) FROM test_tickets", arguments: [], context: (),
                keeping: keys, to: &json)
        }
        return try JSONParser.parse(json.bytes)
    }

    @Test func writesNestedObjectsFromTheRowsColumnsAndJSONColumnsAsGiven() throws {
        #expect(try render() == [[
            "id": 1, "title": "Entry", "voucher": ["id": "v1", "code": "ABC"], "extras": ["flexOffer": ["price_category_id": 475], "a": [1, 2.5]],
        ]])
    }

    @Test func keepsOnlyTheRequestedMembersInTheViewsOrder() throws {
        #expect(try render(keeping: ["voucher", "id", "unknown"]) == [["id": 1, "voucher": ["id": "v1", "code": "ABC"]]])
    }

    @Test func readsAJSONValueColumnBackWhole() throws {
        let database = try Database(.memory)
        try database.execute(Ticket.table.schema)
        var ticket = Ticket()
        ticket.extras = ["camelCase": [["x": nil]]]
        try database.insert(ticket)
        #expect(try database.fetchOne(Ticket.self, where: "id = 0")?.extras == ["camelCase": [["x": nil]]])
    }
}
