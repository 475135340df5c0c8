import Emulation

/// An event as stored (spec §12.2); `url`, `start_at`, `end_at` and `date_or_range` are derived.
struct EventRecord {
    let id: Int64
    let accountID: Int64
    let accountSlug: String
    let slug: String
    let title: String
    let description: String?
    let bannerURL: String?
    let currency: String
    let defaultLocale: String
    let locales: String
    let live: Bool
    let testMode: Bool
    let location: String?
    let isPrivate: Bool
    let startDate: String?
    let endDate: String?
    let startTime: String?
    let endTime: String?
    let timezone: String
    let archived: Bool
    let emailAddress: String?
    let metadata: String?
    let securityToken: String?
    let createdAt: Int64
    let updatedAt: Int64

    /// The columns `init(row:)` reads, for queries aliasing `tito_events` as `e` joined to `tito_accounts` as `a`.
    static let columns = "e.*, a.slug AS account_slug"
    static let source = "tito_events AS e JOIN tito_accounts AS a ON a.id = e.account_id"

    init(row: Row) {
        id = Int64(row.int("id") ?? 0)
        accountID = Int64(row.int("account_id") ?? 0)
        accountSlug = row.string("account_slug") ?? ""
        slug = row.string("slug") ?? ""
        title = row.string("title") ?? ""
        description = row.string("description")
        bannerURL = row.string("banner_url")
        currency = row.string("currency") ?? "USD"
        defaultLocale = row.string("default_locale") ?? "en"
        locales = row.string("locales") ?? "[\"en\"]"
        live = row.bool("live") ?? false
        testMode = row.bool("test_mode") ?? false
        location = row.string("location")
        isPrivate = row.bool("private") ?? false
        startDate = row.string("start_date")
        endDate = row.string("end_date")
        startTime = row.string("start_time")
        endTime = row.string("end_time")
        timezone = row.string("timezone") ?? "UTC"
        archived = row.bool("archived") ?? false
        emailAddress = row.string("email_address")
        metadata = row.string("metadata")
        securityToken = row.string("security_token")
        createdAt = Int64(row.int("created_at") ?? 0)
        updatedAt = Int64(row.int("updated_at") ?? 0)
    }

    /// The event of an account by slug, or by numeric id when no slug matches (spec §10).
    static func find(_ slugOrID: String, account: Int64, in database: Database) throws -> EventRecord? {
        try SlugOrID.row(
            slugOrID, select: "SELECT \(columns) FROM \(source)", parent: "account_id", account, alias: "e.", in: database
        ).map(EventRecord.init(row:))
    }

    static func find(id: Int64, in database: Database) throws -> EventRecord? {
        try database.queryOne("SELECT \(columns) FROM \(source) WHERE e.id = ?", id).map(EventRecord.init(row:))
    }

    var url: String { "https://ti.to/\(accountSlug)/\(slug)" }

    /// `start_date` + `start_time` (spec §13.8).
    var startAt: Int64? { startDate.flatMap { TitoFormats.instant(date: $0, time: startTime) } }

    /// `(end_date ?? start_date)` + `end_time`.
    var endAt: Int64? { (endDate ?? startDate).flatMap { TitoFormats.instant(date: $0, time: endTime) } }

    /// `""`, `"1 May 2024"`, `"1–3 May 2024"`, `"30 Apr – 2 May 2024"`, `"30 Dec 2024 – 2 Jan 2025"`.
    var dateOrRange: String {
        guard let startDate, let start = DateParts(startDate) else { return "" }
        guard let endDate, let end = DateParts(endDate), endDate != startDate else {
            return "\(start.day) \(start.monthName) \(start.year)"
        }
        if start.year == end.year && start.month == end.month {
            return "\(start.day)–\(end.day) \(end.monthName) \(end.year)"
        }
        if start.year == end.year {
            return "\(start.day) \(start.monthName) – \(end.day) \(end.monthName) \(end.year)"
        }
        return "\(start.day) \(start.monthName) \(start.year) – \(end.day) \(end.monthName) \(end.year)"
    }
}

/// The parts of a `YYYY-MM-DD` date, for `date_or_range`.
private struct DateParts {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    let year: Int
    let month: Int
    let day: Int

    init?(_ text: String) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return nil }
        (year, month, day) = (parts[0], parts[1], parts[2])
    }

    var monthName: String { Self.monthNames[month - 1] }
}
