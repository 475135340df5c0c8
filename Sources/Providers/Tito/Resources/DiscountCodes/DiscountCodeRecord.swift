import Emulation

/// A discount code (spec §12.6). `quantity_used` is derived: the tickets, void ones included,
/// the token sees whose `discount_code_used` is this code (spec §13.5).
struct DiscountCodeRecord {
    static let types = ["MoneyOffDiscountCode", "PercentOffDiscountCode"]

    var id: Int64 = 0
    var eventID: Int64 = 0
    var code = ""
    var type = ""
    /// In hundredths (a percentage or an amount).
    var value: Int64?
    var startAt: Int64?
    var endAt: Int64?
    var maxQuantityPerRelease: Int64?
    var minQuantityPerRelease: Int64?
    // The create example shows false for both, the stored seed codes null (spec §11.6).
    var onlyShowAttached: Bool? = false
    var quantity: Int64?
    var releaseIDs: [Int64] = []
    var revealSecret: Bool? = false
    var source: String?
    var quantityUsed = 0
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    init() {}

    init(row: Row) {
        self.init(identityOf: row)
        code = row.string("code") ?? ""
        type = row.string("type") ?? ""
        value = row.int("value").map(Int64.init)
        startAt = row.int("start_at").map(Int64.init)
        endAt = row.int("end_at").map(Int64.init)
        maxQuantityPerRelease = row.int("max_quantity_per_release").map(Int64.init)
        minQuantityPerRelease = row.int("min_quantity_per_release").map(Int64.init)
        onlyShowAttached = row.bool("only_show_attached")
        quantity = row.int("quantity").map(Int64.init)
        releaseIDs = JSONColumn.ids(row.string("release_ids"))
        revealSecret = row.bool("reveal_secret")
        source = row.string("source")
        quantityUsed = row.int("quantity_used") ?? 0
    }

    /// Discount code columns with `quantity_used` in the token's view, for `tito_discount_codes AS dc`.
    static func columns(_ scope: EventScope) -> String {
        let modes = scope.visibleTestModes.map { $0 ? "1" : "0" }.joined(separator: ", ")
        return "dc.*, \(quantityUsedSQL(modes: modes)) AS quantity_used"
    }

    static func quantityUsedSQL(modes: String) -> String {
        """
        (SELECT COUNT(*) FROM tito_tickets AS t WHERE t.event_id = dc.event_id AND t.test_mode IN (\(modes))
            AND t.discount_code_used = dc.code COLLATE NOCASE)
        """
    }

    /// Applies the attributes sent (D3, D4), checking each as Rails' validations would (spec §11.6).
    mutating func apply(
        _ attributes: Attributes, errors: inout ValidationErrors, in database: Database
    ) throws {
        switch attributes.string("code") {
        case .absent: break
        case .value(let text) where !text.isBlank:
            code = text.trimmingWhitespace()
            let clash = try database.queryOne(
                "SELECT 1 FROM tito_discount_codes WHERE event_id = ? AND code = ? COLLATE NOCASE AND id != ?",
                eventID, code, id)
            if clash != nil { errors.add("code", ValidationErrors.taken) }
        default: errors.add("code", ValidationErrors.blank)
        }
        switch attributes.string("type") {
        case .absent: break
        case .value(let text) where !text.isBlank:
            if Self.types.contains(text) { type = text } else { errors.add("type", ValidationErrors.notIncluded) }
        default: errors.add("type", ValidationErrors.blank)
        }
        switch attributes.cents("value") {
        case .absent: break
        case .null: errors.add("value", ValidationErrors.blank)
        case .invalid: errors.add("value", ValidationErrors.notANumber)
        case .value(let cents): value = cents
        }
        for (key, path) in [("start_at", \DiscountCodeRecord.startAt), ("end_at", \.endAt)] {
            switch attributes.timestamp(key) {
            case .absent: break
            case .null: self[keyPath: path] = nil
            case .invalid: errors.add(key, ValidationErrors.invalid)
            case .value(let milliseconds): self[keyPath: path] = milliseconds
            }
        }
        for (key, path) in [("max_quantity_per_release", \DiscountCodeRecord.maxQuantityPerRelease),
                            ("min_quantity_per_release", \.minQuantityPerRelease), ("quantity", \.quantity)] {
            switch attributes.int(key) {
            case .absent: break
            case .null: self[keyPath: path] = nil
            case .invalid: errors.add(key, ValidationErrors.notANumber)
            case .value(let number):
                if number < 0 { errors.add(key, ValidationErrors.negative) } else { self[keyPath: path] = number }
            }
        }
        for (key, path) in [("only_show_attached", \DiscountCodeRecord.onlyShowAttached), ("reveal_secret", \.revealSecret)] {
            switch attributes.bool(key) {
            case .absent: break
            case .null: self[keyPath: path] = nil
            case .invalid: errors.add(key, ValidationErrors.notIncluded)
            case .value(let flag): self[keyPath: path] = flag
            }
        }
        if let ids = try IDListInput.releases(attributes, event: eventID, errors: &errors, in: database) { releaseIDs = ids }
    }

    /// The checks on the combined record: what must be there, and the value's range.
    func validate(errors: inout ValidationErrors) {
        if code.isBlank && !errors.has("code") { errors.add("code", ValidationErrors.blank) }
        if type.isEmpty && !errors.has("type") { errors.add("type", ValidationErrors.blank) }
        guard !errors.has("value") else { return }
        guard let value else {
            errors.add("value", ValidationErrors.blank)
            return
        }
        if value < 0 { errors.add("value", ValidationErrors.negative) }
        if type == "PercentOffDiscountCode" && value > 100_00 { errors.add("value", "must be less than or equal to 100") }
    }

    func insert(into database: Database) throws {
        try database.run(
            """
            INSERT INTO tito_discount_codes (id, event_id, code, type, value, start_at, end_at, max_quantity_per_release,
                min_quantity_per_release, only_show_attached, quantity, release_ids, reveal_secret, source, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            id, eventID, code, type, value ?? 0, startAt, endAt, maxQuantityPerRelease, minQuantityPerRelease,
            onlyShowAttached, quantity, JSONColumn.text(ids: releaseIDs), revealSecret, source, createdAt, updatedAt)
    }

    func update(in database: Database) throws {
        try database.run(
            """
            UPDATE tito_discount_codes SET code = ?, type = ?, value = ?, start_at = ?, end_at = ?,
                max_quantity_per_release = ?, min_quantity_per_release = ?, only_show_attached = ?, quantity = ?,
                release_ids = ?, reveal_secret = ?, updated_at = ?
            WHERE id = ?
            """,
            code, type, value ?? 0, startAt, endAt, maxQuantityPerRelease, minQuantityPerRelease, onlyShowAttached,
            quantity, JSONColumn.text(ids: releaseIDs), revealSecret, updatedAt, id)
    }

    /// The seed's key order (spec §12.6).
    func json(view: View) -> JSONValue {
        let object: JSONValue = [
            "_type": "discount_code", "id": .int(id), "code": .string(code),
            "end_at": .string(endAt.map(TitoFormats.timestamp(milliseconds:))),
            "max_quantity_per_release": maxQuantityPerRelease.map(JSONValue.int) ?? .null,
            "min_quantity_per_release": minQuantityPerRelease.map(JSONValue.int) ?? .null,
            "only_show_attached": onlyShowAttached.map(JSONValue.bool) ?? .null,
            "quantity": quantity.map(JSONValue.int) ?? .null, "quantity_used": .int(quantityUsed),
            "release_ids": .array(releaseIDs.map(JSONValue.int)), "reveal_secret": revealSecret.map(JSONValue.bool) ?? .null,
            "start_at": .string(startAt.map(TitoFormats.timestamp(milliseconds:))), "type": .string(type),
            "value": .string(TitoFormats.money(cents: value ?? 0)), "source": .string(source),
        ]
        return object.marked(view)
    }
}

extension DiscountCodeRecord: EventScopedRecord {
    static let table = "tito_discount_codes"
    static let wrapper = "discount_code"

    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> DiscountCodeRecord {
        try DiscountCodeEndpoints.find(request, scope, in: database)
    }
}
