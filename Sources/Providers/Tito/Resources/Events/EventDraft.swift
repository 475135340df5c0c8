import Emulation

/// An event's stored columns while it is created or changed: filled from defaults or the stored
/// row, changed by the request's attributes, validated, then written in one statement.
struct EventDraft {
    var id: Int64 = 0
    var accountID: Int64
    var slug = ""
    var title = ""
    var description: String?
    var bannerURL: String? = "https://www.example.com/"
    var currency = "USD"
    var defaultLocale = "en"
    var locales = "[\"en\"]"
    var live = false
    var testMode = true
    var location: String?
    var isPrivate = false
    var startDate: String?
    var endDate: String?
    var startTime: String?
    var endTime: String?
    var timezone = "UTC"
    var archived = false
    var emailAddress: String?
    var metadata: String?
    var securityToken: String?
    var createdAt: Int64
    var updatedAt: Int64

    /// Slugs that would shadow the account-level routes (spec §10).
    static let reservedSlugs: Set<String> = ["events", "hello", "duplication"]

    init(accountID: Int64, now: Int64) {
        self.accountID = accountID
        createdAt = now
        updatedAt = now
    }

    init(_ event: EventRecord) {
        id = event.id
        accountID = event.accountID
        slug = event.slug
        title = event.title
        description = event.description
        bannerURL = event.bannerURL
        currency = event.currency
        defaultLocale = event.defaultLocale
        locales = event.locales
        live = event.live
        testMode = event.testMode
        location = event.location
        isPrivate = event.isPrivate
        startDate = event.startDate
        endDate = event.endDate
        startTime = event.startTime
        endTime = event.endTime
        timezone = event.timezone
        archived = event.archived
        emailAddress = event.emailAddress
        metadata = event.metadata
        securityToken = event.securityToken
        createdAt = event.createdAt
        updatedAt = event.updatedAt
    }

    /// Applies the attributes of an E4/E6 body; returns the slug the client asked for, if any.
    mutating func apply(_ attributes: Attributes, errors: inout ValidationErrors) -> String? {
        switch attributes.string("title") {
        case .value(let text): title = text.trimmingWhitespace()
        case .null, .invalid: title = ""
        case .absent: break
        }
        if attributes.has("title") && title.isBlank { errors.add("title", ValidationErrors.blank) }
        optionalText(attributes, "description", into: &description)
        optionalText(attributes, "location", into: &location)
        optionalText(attributes, "email_address", into: &emailAddress)
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
            locales = JSONColumn.text(.array(items))
        case .absent: break
        default: errors.add("locales", ValidationErrors.invalid)
        }
        flag(attributes, "live", into: &live, errors: &errors)
        flag(attributes, "test_mode", into: &testMode, errors: &errors)
        flag(attributes, "private", into: &isPrivate, errors: &errors)
        flag(attributes, "archived", into: &archived, errors: &errors)
        switch attributes.jsonObject("metadata") {
        case .value(let value): metadata = JSONColumn.text(value)
        case .null: metadata = nil
        default: break
        }
        applyDates(attributes, errors: &errors)
        switch attributes.string("slug") {
        case .value(let text): return text.trimmingWhitespace()
        case .null, .invalid:
            errors.add("slug", ValidationErrors.invalid)
            return nil
        case .absent: return nil
        }
    }

    /// Dates and times (spec §11.2 E6): a start date alone gives the same end date; clearing the
    /// start date clears the end date and both times.
    private mutating func applyDates(_ attributes: Attributes, errors: inout ValidationErrors) {
        for (key, keyPath) in [("start_date", \EventDraft.startDate), ("end_date", \EventDraft.endDate)] {
            switch attributes.date(key) {
            case .value(let date): self[keyPath: keyPath] = date
            case .null: self[keyPath: keyPath] = nil
            case .invalid: errors.add(key, ValidationErrors.invalid)
            case .absent: break
            }
        }
        for (key, keyPath) in [("start_time", \EventDraft.startTime), ("end_time", \EventDraft.endTime)] {
            switch attributes.time(key) {
            case .value(let time): self[keyPath: keyPath] = time
            case .null: self[keyPath: keyPath] = nil
            case .invalid: errors.add(key, ValidationErrors.invalid)
            case .absent: break
            }
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

    private func optionalText(_ attributes: Attributes, _ key: String, into value: inout String?) {
        switch attributes.string(key) {
        case .value(let text): value = text
        case .null: value = nil
        default: break
        }
    }

    private func flag(_ attributes: Attributes, _ key: String, into value: inout Bool, errors: inout ValidationErrors) {
        switch attributes.bool(key) {
        case .value(let flag): value = flag
        case .null, .invalid: errors.add(key, ValidationErrors.notIncluded)
        case .absent: break
        }
    }

    func insert(into database: Database) throws {
        try database.run(
            """
            INSERT INTO tito_events (id, account_id, slug, title, description, banner_url, currency, default_locale,
                locales, live, test_mode, location, private, start_date, end_date, start_time, end_time, timezone,
                archived, email_address, metadata, security_token, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, id, accountID, slug, title, description, bannerURL, currency, defaultLocale, locales, live, testMode,
            location, isPrivate, startDate, endDate, startTime, endTime, timezone, archived, emailAddress, metadata,
            securityToken, createdAt, updatedAt)
    }

    func update(in database: Database) throws {
        try database.run(
            """
            UPDATE tito_events SET slug = ?, title = ?, description = ?, currency = ?, default_locale = ?, locales = ?,
                live = ?, test_mode = ?, location = ?, private = ?, start_date = ?, end_date = ?, start_time = ?,
                end_time = ?, timezone = ?, archived = ?, email_address = ?, metadata = ?, updated_at = ?
            WHERE id = ?
            """, slug, title, description, currency, defaultLocale, locales, live, testMode, location, isPrivate,
            startDate, endDate, startTime, endTime, timezone, archived, emailAddress, metadata, updatedAt, id)
    }

    /// Whether another event of the account already uses `slug` (or it is reserved).
    func isTaken(_ slug: String, in database: Database) throws -> Bool {
        if Self.reservedSlugs.contains(slug) { return true }
        return try database.queryOne(
            "SELECT 1 FROM tito_events WHERE account_id = ? AND slug = ? AND id != ?", accountID, slug, id) != nil
    }
}
