import Emulation

/// A discount code as R3 applies it (spec §13.3 step 4): which releases, how many units, how much.
struct DiscountApplication {
    let code: String
    let isPercent: Bool
    let value: Int64
    let releaseIDs: [Int64]
    let minimumPerRelease: Int64?
    let maximumPerRelease: Int64?
    /// Uses left (in tickets), nil for unlimited.
    var remaining: Int64?

    /// The event's code matching `text` case-insensitively, or nil.
    static func find(_ text: String, event: Int64, in database: Database) throws -> DiscountApplication? {
        guard let found = try database.fetchAll(
            DiscountCode.self, where: "event_id = ? AND code = ? COLLATE NOCASE", orderBy: "id", event, text
        ).first else { return nil }
        // quantity_used counts every ticket (void included) the code was applied to (spec §13.5).
        let used = Int64(try database.queryOne(
            "SELECT COUNT(*) AS n FROM tito_tickets WHERE event_id = ? AND discount_code_used = ?", event, found.code)?.int("n") ?? 0)
        return DiscountApplication(
            code: found.code, isPercent: found.type == "PercentOffDiscountCode", value: found.value ?? 0,
            releaseIDs: found.releaseIDs, minimumPerRelease: found.minQuantityPerRelease, maximumPerRelease: found.maxQuantityPerRelease,
            remaining: found.quantity.map { $0 - used })
    }

    func applies(to releaseID: Int64) -> Bool { releaseIDs.isEmpty || releaseIDs.contains(releaseID) }

    var isUsable: Bool { remaining.map { $0 > 0 } ?? true }

    /// How many of `quantity` units of a release get the discount, using up remaining uses.
    mutating func discountedUnits(of quantity: Int64, release releaseID: Int64) -> Int64 {
        guard applies(to: releaseID) else { return 0 }
        if let minimumPerRelease, quantity < minimumPerRelease { return 0 }
        var units = min(quantity, maximumPerRelease ?? quantity)
        if let left = remaining {
            units = min(units, max(0, left))
            remaining = left - units
        }
        return units
    }

    /// The discounted unit price, rounded half-up to the cent.
    func price(_ unit: Int64) -> Int64 {
        if isPercent {
            let discounted = unit * (10_000 - value)
            return max(0, (discounted + 5_000) / 10_000)
        }
        return max(unit - value, 0)
    }
}
