import Emulation

/// A discount code (spec §12.6). `quantity_used` is derived: the tickets, void ones included,
/// the token sees whose `discount_code_used` is this code (spec §13.5).
struct DiscountCode: EventScopedRecord {
    static let types = ["MoneyOffDiscountCode", "PercentOffDiscountCode"]

    var id: Int64 = 0
    var eventID: Int64 = 0
    var code = ""
    var type = ""
    /// In hundredths (a percentage or an amount); nil only while a create has not been sent one.
    var value: Int64?
    var startAt: Int64?
    var endAt: Int64?
    var maxQuantityPerRelease: Int64?
    var minQuantityPerRelease: Int64?
    /// A boolean that defaults to false, as the docs' attribute table and the live service show it
    /// (the docs' list example prints null); sending null sets it back to false.
    var onlyShowAttached = false
    var quantity: Int64?
    var releaseIDs: [Int64] = []
    // The create example shows false, the docs' stored example code null (spec §11.6).
    var revealSecret: Bool? = false
    var source: String?
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    static let table = RecordTable(
        "tito_discount_codes", of: DiscountCode.self, constraints: [.references("event_id", "tito_events")],
        indexes: ["event_id, id", "event_id, code COLLATE NOCASE", "event_id, code, id"])
    static let wrapper = "discount_code"
    static let pathParameter = "discount_code_id"

    /// The tickets the token sees (void included) that used the code of `dc`, case-insensitively.
    static func quantityUsed(_ scope: EventScope) -> String {
        """
        (SELECT COUNT(*) FROM tito_tickets AS t WHERE t.event_id = dc.event_id AND \(scope.visibleModes("t.test_mode"))
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
        attributes.string("type").assignChoice(of: Self.types, to: &type, key: "type", to: &errors)
        switch attributes.cents("value") {
        case .absent: break
        case .null: errors.add("value", ValidationErrors.blank)
        case .invalid: errors.add("value", ValidationErrors.notANumber)
        case .value(let cents): value = cents
        }
        for (key, path) in [("start_at", \DiscountCode.startAt), ("end_at", \.endAt)] {
            attributes.timestamp(key).assign(to: &self[keyPath: path], key: key, orAdd: ValidationErrors.invalid, to: &errors)
        }
        for (key, path) in [("max_quantity_per_release", \DiscountCode.maxQuantityPerRelease),
                            ("min_quantity_per_release", \.minQuantityPerRelease), ("quantity", \.quantity)] {
            attributes.int(key).assignNonNegative(to: &self[keyPath: path], key: key, to: &errors)
        }
        switch attributes.bool("only_show_attached") {
        case .absent: break
        case .null: onlyShowAttached = false
        case .invalid: errors.add("only_show_attached", ValidationErrors.notIncluded)
        case .value(let flag): onlyShowAttached = flag
        }
        attributes.bool("reveal_secret").assign(to: &revealSecret, key: "reveal_secret", orAdd: ValidationErrors.notIncluded, to: &errors)
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
}

/// How discount codes render (spec §12.6), in the seed's key order.
enum DiscountCodeView {
    static let view = RecordView<RenderContext>(DiscountCode.table, computed: ["quantity_used"], [
        .constant("_type", "discount_code"),
        .column("id"), .column("code"), .time("end_at"), .column("max_quantity_per_release"), .column("min_quantity_per_release"),
        .column("only_show_attached"), .column("quantity"), .column("quantity_used"), .column("release_ids"),
        .column("reveal_secret"), .time("start_at"), .column("type"), .moneyString("value"), .column("source"),
        .extendedMarker,
    ])

    static let rendering = RecordRendering(view: view, alias: "dc", computed: { [DiscountCode.quantityUsed($0)] })
}
