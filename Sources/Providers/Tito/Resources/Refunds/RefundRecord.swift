import Emulation

/// A refund of a registration (spec §12.12).
struct RefundRecord {
    let id: Int64
    let registrationID: Int64
    let amount: Int64
    let manual: Bool?
    let createdAt: Int64

    init(row: Row) {
        id = Int64(row.int("id") ?? 0)
        registrationID = Int64(row.int("registration_id") ?? 0)
        amount = Int64(row.int("amount") ?? 0)
        manual = row.bool("manual")
        createdAt = Int64(row.int("created_at") ?? 0)
    }

    static func all(ofRegistrations ids: [Int64], in database: Database) throws -> [Int64: [RefundRecord]] {
        guard !ids.isEmpty else { return [:] }
        var filter = SQLFilter()
        filter.add("registration_id", in: ids)
        var refunds: [Int64: [RefundRecord]] = [:]
        for row in try database.query("SELECT * FROM tito_refunds WHERE \(filter.clause) ORDER BY id", arguments: filter.arguments) {
            let refund = RefundRecord(row: row)
            refunds[refund.registrationID, default: []].append(refund)
        }
        return refunds
    }
}
