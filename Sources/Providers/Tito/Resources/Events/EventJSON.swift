import Emulation

/// Writes events (spec §12.2) in the seed's key order, with the non-archived releases embedded.
struct EventRenderer {
    let principal: TitoPrincipal
    let now: Int64

    func encode(_ event: EventRecord, view: View, in database: Database, to json: inout JSONBuilder) throws {
        let scope = EventScope(principal: principal, account: AccountRecord.placeholder(event), event: event)
        let releases = try ReleaseRecord.all(event: event.id, includeArchived: false, in: database)
        let releaseRenderer = try ReleaseRenderer(scope: scope, now: now, in: database)
        let discountCodes = try database.queryOne("SELECT COUNT(*) AS n FROM tito_discount_codes WHERE event_id = ?", event.id)?
            .int("n") ?? 0
        json.object { json in
            json.field("_type", "event")
            json.field("id", event.id)
            json.field("created_at", milliseconds: event.createdAt)
            json.field("updated_at", milliseconds: event.updatedAt)
            json.field("title", event.title)
            json.field("description", event.description)
            json.object("banner") { json in
                json.field("url", nil as String?)
                json.object("thumb") { json in json.field("url", nil as String?) }
            }
            json.field("banner_url", event.bannerURL)
            json.field("currency", event.currency)
            json.field("default_locale", event.defaultLocale)
            json.field("live", event.live)
            json.field("test_mode", event.testMode)
            json.key("locales")
            JSONColumn.write(event.locales, to: &json)
            json.field("location", event.location)
            json.object("logo") { json in
                json.field("url", nil as String?)
                json.object("thumb") { json in json.field("url", nil as String?) }
                json.object("display") { json in json.field("url", nil as String?) }
            }
            json.field("private", event.isPrivate)
            json.field("slug", event.slug)
            json.field("account_id", event.accountID)
            json.field("start_date", event.startDate)
            json.field("end_date", event.endDate)
            json.field("date_or_range", event.dateOrRange)
            json.field("security_token", event.securityToken)
            json.key("metadata")
            JSONColumn.write(event.metadata, to: &json)
            json.field("url", event.url)
            json.field("setup", true)
            json.field("show_discount_code_field", false)
            json.field("discount_codes_count", discountCodes)
            json.field("account_slug", event.accountSlug)
            json.field("users_count", 1)
            json.field("releases", array: { json in
                for release in releases { releaseRenderer.encode(release, view: .short, embedded: true, to: &json) }
            })
            json.field("start_time", event.startTime)
            json.field("end_time", event.endTime)
            json.field("start_at", milliseconds: event.startAt)
            json.field("end_at", milliseconds: event.endAt)
            json.field("timezone", event.timezone)
            json.field("archived", event.archived)
            json.field("email_address", event.emailAddress)
            if view.isExtended { json.field("view", "extended") }
        }
    }
}

extension AccountRecord {
    /// The account an event row already names (its id and slug), for rendering without a lookup.
    static func placeholder(_ event: EventRecord) -> AccountRecord {
        AccountRecord(id: event.accountID, slug: event.accountSlug, name: "", description: nil)
    }

    init(id: Int64, slug: String, name: String, description: String?) {
        self.id = id
        self.slug = slug
        self.name = name
        self.description = description
    }
}
