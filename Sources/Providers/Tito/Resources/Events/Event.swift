import Emulation

/// An event (spec §11.2, §12.2); `url`, `start_at`, `end_at` and `date_or_range` are derived.
struct Event: TitoRecord, SluggedRecord {
    var id: Int64 = 0
    var accountID: Int64 = 0
    var slug = ""
    var title = ""
    var description: String?
    var bannerURL: String?
    var currency = "USD"
    var defaultLocale = "en"
    var locales = ["en"]
    var live = false
    var testMode = true
    var location: String?
    var `private` = false
    var startDate: String?
    var endDate: String?
    var startTime: String?
    var endTime: String?
    var timezone = "UTC"
    var archived = false
    var emailAddress: String?
    var metadata: JSONValue?
    var securityToken: String?
    var createdAt: Int64 = 0
    var updatedAt: Int64 = 0

    static let table = RecordTable(
        "tito_events", of: Event.self,
        constraints: [.references("account_id", "tito_accounts"), .unique(["account_id", "slug"])],
        indexes: ["account_id, archived, start_date, id"])

    /// Slugs that would shadow the account-level routes (spec §10).
    static let reservedSlugs: Set<String> = ["events", "hello", "duplication"]

    /// A new event of the account, created `now`, with the banner a create shows.
    init(accountID: Int64, now: Int64) {
        self.accountID = accountID
        bannerURL = "https://www.example.com/"
        createdAt = now
        updatedAt = now
    }

    init() {}

    mutating func completeSeed() {
        if updatedAt == 0 { updatedAt = createdAt }
    }

    /// `start_date` + `start_time` (spec §13.8).
    var startAt: Int64? { startDate.flatMap { TitoFormats.instant(date: $0, time: startTime) } }

    /// `(end_date ?? start_date)` + `end_time`.
    var endAt: Int64? { (endDate ?? startDate).flatMap { TitoFormats.instant(date: $0, time: endTime) } }

    /// Applies the attributes of an E4/E6 body; returns the slug the client asked for, if any.
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors) -> String? {
        switch attributes.string("title") {
        case .value(let text): title = text.trimmingWhitespace()
        case .null, .invalid: title = ""
        case .absent: break
        }
        if attributes.has("title") && title.isBlank { errors.add("title", ValidationErrors.blank) }
        attributes.string("description").assignIfReadable(to: &description)
        attributes.string("location").assignIfReadable(to: &location)
        attributes.string("email_address").assignIfReadable(to: &emailAddress)
        switch attributes.string("currency") {
        case .value(let text):
            let code = text.trimmingWhitespace().uppercased()
            if code.count == 3 && code.allSatisfy({ $0.isASCII && $0.isLetter }) {
                currency = code
            } else {
                errors.add("currency", ValidationErrors.invalid)
            }
        case .null, .invalid: errors.add("currency", ValidationErrors.invalid)
        case .absent: break
        }
        switch attributes.string("default_locale") {
        case .value(let text) where !text.isBlank: defaultLocale = text.trimmingWhitespace()
        case .absent: break
        default: errors.add("default_locale", ValidationErrors.invalid)
        }
        switch attributes.string("timezone") {
        case .value(let text) where !text.isBlank: timezone = text.trimmingWhitespace()
        case .absent: break
        default: errors.add("timezone", ValidationErrors.invalid)
        }
        switch attributes.array("locales") {
        case .value(let items) where items.allSatisfy({ $0.stringValue != nil }) && !items.isEmpty:
            locales = items.compactMap(\.stringValue)
        case .absent: break
        default: errors.add("locales", ValidationErrors.invalid)
        }
        for (key, path) in [("live", \Event.live), ("test_mode", \.testMode), ("private", \.`private`), ("archived", \.archived)] {
            attributes.bool(key).assignNonNull(to: &self[keyPath: path], key: key, orAdd: ValidationErrors.notIncluded, to: &errors)
        }
        attributes.jsonObject("metadata").assignIfReadable(to: &metadata)
        applyDates(attributes, errors: &errors)
        return attributes.requestedSlug(errors: &errors)
    }

    /// Dates and times (spec §11.2 E6): a start date alone gives the same end date; clearing the
    /// start date clears the end date and both times.
    private mutating func applyDates(_ attributes: Attributes, errors: inout ValidationErrors) {
        for (key, keyPath) in [("start_date", \Event.startDate), ("end_date", \Event.endDate)] {
            attributes.date(key).assign(to: &self[keyPath: keyPath], key: key, orAdd: ValidationErrors.invalid, to: &errors)
        }
        for (key, keyPath) in [("start_time", \Event.startTime), ("end_time", \Event.endTime)] {
            attributes.time(key).assign(to: &self[keyPath: keyPath], key: key, orAdd: ValidationErrors.invalid, to: &errors)
        }
        if startDate == nil {
            if attributes.has("start_date") {
                endDate = nil
                startTime = nil
                endTime = nil
            }
        } else if endDate == nil {
            endDate = startDate
        }
        if let startDate, let endDate, endDate < startDate, !errors.has("end_date") {
            errors.add("end_date", "must be on or after the start date")
        }
    }

    /// A slug a client chooses: lowercase letters, digits, `-` and `_`.
    static func isWellFormed(_ slug: String) -> Bool {
        !slug.isEmpty && slug.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" }
    }

    /// Whether another event of the account already uses `slug` (or it is reserved).
    func isTaken(_ slug: String, in database: Database) throws -> Bool {
        if Self.reservedSlugs.contains(slug) { return true }
        return try database.queryOne(
            "SELECT 1 FROM tito_events WHERE account_id = ? AND slug = ? AND id != ?", accountID, slug, id) != nil
    }
}
