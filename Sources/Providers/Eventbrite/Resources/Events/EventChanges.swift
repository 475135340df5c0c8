import Emulation

/// The fields of an `{"event": {…}}` body (spec §8.6 create and update), read and checked in
/// the order of §3.4: argument errors (`MISSING`, `INVALID`, `Unknown parameter`) first, then the
/// endpoint's own constants. Only fields the body names are set (updates are partial).
struct EventChanges {
    static let createFields: Set<String> = [
        "name", "summary", "description", "start", "end", "hide_start_date", "hide_end_date", "currency", "online_event",
        "organizer_id", "logo_id", "venue_id", "format_id", "category_id", "subcategory_id", "listed", "shareable",
        "invite_only", "show_remaining", "password", "capacity", "is_reserved_seating", "is_series", "show_pick_a_seat",
        "show_seatmap_thumbnail", "show_colors_in_seatmap_thumbnail", "source", "locale",
        // Not in the seed's field list, but the only way to ask for the second inventory type
        // INVENTORY_TYPE_CONFLICT speaks of.
        "is_externally_ticketed",
    ]
    /// Everything but `locale` (§8.6 update).
    static let updateFields = createFields.subtracting(["locale"])

    static let locales: Set<String> = [
        "de_AT", "de_CH", "de_DE", "en_AU", "en_CA", "en_DK", "en_FI", "en_GB", "en_HK", "en_IE", "en_IN", "en_NZ", "en_SE",
        "en_US", "es_AR", "es_CL", "es_CO", "es_ES", "fr_BE", "fr_CA", "fr_CH", "fr_FR", "hi_IN", "it_IT", "nl_BE", "nl_NL",
        "pt_BR", "pt_PT",
    ]

    /// A start or end as sent: either part may be missing in an update.
    struct Moment {
        var utc: Int64?
        var timezone: String?
    }

    var nameHTML: String?
    var summary: Provided<String> = .absent
    var descriptionHTML: Provided<String> = .absent
    var start: Moment?
    var end: Moment?
    var currency: String?
    var organizerID: Int64?
    var logoID: Provided<Int64> = .absent
    var venueID: Provided<Int64> = .absent
    var formatID: Provided<Int64> = .absent
    var categoryID: Provided<Int64> = .absent
    var subcategoryID: Provided<Int64> = .absent
    var capacity: Provided<Int64> = .absent
    var password: Provided<String> = .absent
    var source: String?
    var locale: String?
    var flags: [String: Bool] = [:]

    static let flagNames = [
        "hide_start_date", "hide_end_date", "online_event", "listed", "shareable", "invite_only", "show_remaining",
        "is_reserved_seating", "is_series", "show_pick_a_seat", "show_seatmap_thumbnail", "show_colors_in_seatmap_thumbnail",
        "is_externally_ticketed",
    ]

    /// Reads the wrapper; `creating` makes name, start, end and currency required.
    init(_ fields: BodyFields, creating: Bool, organizationID: Int64, in database: Database) throws {
        var fields = fields
        fields.rejectUnknown(allowed: creating ? Self.createFields : Self.updateFields)
        switch fields.html("name") {
        case .value(let html) where !MultipartText.text(fromHTML: html).isEmpty: nameHTML = html
        case .value, .null: fields.missing("name.html")
        case .absent:
            // `html` already reported a missing member of a name object.
            if creating && !fields.errors.fields.contains(where: { $0.field == fields.path("name.html") }) {
                fields.missing("name.html")
            }
        }
        summary = fields.string("summary").map { MultipartText.text(fromHTML: $0) }
        if case .value(let text) = summary, text.count > 140 { fields.invalid("summary") }
        descriptionHTML = fields.html("description")
        start = Self.moment("start", in: &fields, required: creating)
        end = Self.moment("end", in: &fields, required: creating)
        switch fields.string("currency") {
        case .value(let text):
            if let code = Currency.code(text) { currency = code } else { fields.invalid("currency") }
        case .null: fields.invalid("currency")
        case .absent: if creating { fields.missing("currency") }
        }
        for flag in Self.flagNames { if let value = fields.bool(flag).value { flags[flag] = value } }
        switch fields.id("organizer_id") {
        case .value(let id):
            if try Self.owned("eventbrite_organizers", id, organizationID, database) { organizerID = id } else { fields.invalid("organizer_id") }
        case .null: fields.invalid("organizer_id")
        case .absent: break
        }
        venueID = try fields.reference("venue_id") { try Self.owned("eventbrite_venues", $0, organizationID, database) }
        logoID = try fields.reference("logo_id") { try Image.isUsable($0, byOrganization: organizationID, in: database) }
        formatID = try fields.reference("format_id") { try Self.exists("eventbrite_formats", $0, database) }
        categoryID = try fields.reference("category_id") { try Self.exists("eventbrite_categories", $0, database) }
        subcategoryID = try fields.reference("subcategory_id") {
            try Self.exists("eventbrite_subcategories", $0, database)
        }
        capacity = fields.integer("capacity")
        if case .value(let value) = capacity, value < 0 { fields.invalid("capacity") }
        password = fields.string("password")
        if let value = fields.string("source").value { source = value }
        if let value = fields.string("locale").value {
            if Self.locales.contains(value) { locale = value } else { fields.invalid("locale") }
        }
        try fields.check()
    }

    private static func moment(_ key: String, in fields: inout BodyFields, required: Bool) -> Moment? {
        switch fields.object(key) {
        case .value(var nested):
            nested.rejectUnknown(allowed: ["utc", "timezone", "local"])
            var moment = Moment()
            switch nested.string("utc") {
            case .value(let text):
                if let date = Timestamp.parse(text) { moment.utc = EpochSeconds(date).value } else { nested.invalid("utc") }
            case .null: nested.missing("utc")
            case .absent: if required { nested.missing("utc") }
            }
            switch nested.string("timezone") {
            case .value(let zone): moment.timezone = zone
            case .null: nested.missing("timezone")
            case .absent: if required { nested.missing("timezone") }
            }
            fields.absorb(nested)
            return moment
        case .null, .absent:
            if required {
                fields.missing("\(key).utc")
                fields.missing("\(key).timezone")
            }
            return nil
        }
    }

    private static func owned(_ table: String, _ id: Int64, _ organizationID: Int64, _ database: Database) throws -> Bool {
        try database.queryOne("SELECT 1 FROM \(table) WHERE id = ? AND organization_id = ?", id, organizationID) != nil
    }

    private static func exists(_ table: String, _ id: Int64, _ database: Database) throws -> Bool {
        try database.queryOne("SELECT 1 FROM \(table) WHERE id = ?", id) != nil
    }

    func flag(_ name: String) -> Bool? { flags[name] }

    // MARK: Rules (the endpoint's own constants, after the argument errors)

    /// The checks create and update share, on the event as it would be after the change. The
    /// flag conflicts count only flags the body sent, since `listed` defaults to true (A35).
    func checkConflicts(resulting event: Event, now: Int64) throws(EventbriteError) {
        for zone in [start?.timezone, end?.timezone].compactMap({ $0 }) where !TimeZones.isKnown(zone) {
            throw EventbriteError.rule("UNSUPPORTED_TIMEZONE", "The timezone \(zone) is not supported.")
        }
        if event.startTimezone != event.endTimezone {
            throw EventbriteError.rule("DIFFERENT_TIMEZONES", "The start and end timezones must be the same.")
        }
        if event.startUTC >= event.endUTC {
            throw EventbriteError.rule("DATE_CONFLICT", "The event's start must be before its end.")
        }
        if let utc = start?.utc, utc < now { throw EventbriteError.rule("INVALID_DATE", "The event's start is in the past.") }
        if let utc = end?.utc, utc < now { throw EventbriteError.rule("INVALID_DATE", "The event's end is in the past.") }
        if !summary.isAbsent && !descriptionHTML.isAbsent {
            throw EventbriteError.rule("SUMMARY_DESCRIPTION_CONFLICT", "You cannot send both summary and description.")
        }
        if event.venueID != nil && event.onlineEvent && (venueID.value != nil || flag("online_event") == true) {
            throw EventbriteError.rule("VENUE_AND_ONLINE", "You cannot both specify a venue and set online_event")
        }
        if flag("listed") == true && flag("invite_only") == true {
            throw EventbriteError.rule("INVITE_CONFLICT", "An event cannot be both listed and invite only.")
        }
        if flag("listed") == true, let text = password.value, !text.isEmpty {
            throw EventbriteError.rule("PASSWORD_CONFLICT", "A listed event cannot have a password.")
        }
        if flag("shareable") == true && flag("invite_only") == true {
            throw EventbriteError.rule("SHARE_INVITE_CONFLICT", "An invite-only event cannot be shareable.")
        }
        if event.isReservedSeating && event.isExternallyTicketed {
            throw EventbriteError.rule("INVENTORY_TYPE_CONFLICT", "An event can have only one inventory type.")
        }
    }

    /// Applies the changes to `event` (a new event's defaults, or the stored one).
    func apply(to event: inout Event) {
        if let nameHTML { event.setName(html: nameHTML) }
        switch summary {
        case .value(let text):
            event.summary = text
            // The summary replaces the deprecated description (§8.6 update).
            event.descriptionHTML = nil
        case .null: event.summary = nil
        case .absent: break
        }
        switch descriptionHTML {
        case .value(let html):
            event.descriptionHTML = html
            if event.summary == nil { event.summary = String(MultipartText.text(fromHTML: html).prefix(140)) }
        case .null: event.descriptionHTML = nil
        case .absent: break
        }
        let startUTC = start?.utc ?? event.startUTC.value
        let startZone = start?.timezone ?? event.startTimezone
        let endUTC = end?.utc ?? event.endUTC.value
        let endZone = end?.timezone ?? event.endTimezone
        event.setTimes(start: startUTC, startTimezone: startZone, end: endUTC, endTimezone: endZone)
        if let currency { event.currency = currency }
        if let organizerID { event.organizerID = organizerID }
        logoID.update(&event.logoID)
        venueID.update(&event.venueID)
        formatID.update(&event.formatID)
        categoryID.update(&event.categoryID)
        subcategoryID.update(&event.subcategoryID)
        // A capacity makes it custom; `null` goes back to the ticket classes' sum (§8.6).
        capacity.update(&event.customCapacity)
        switch password {
        case .value(let text): event.password = text.isEmpty ? nil : text
        case .null: event.password = nil
        case .absent: break
        }
        if let source { event.source = source }
        if let locale { event.locale = locale }
        if let value = flag("hide_start_date") { event.hideStartDate = value }
        if let value = flag("hide_end_date") { event.hideEndDate = value }
        if let value = flag("online_event") { event.onlineEvent = value }
        if let value = flag("listed") { event.listed = value }
        if let value = flag("shareable") { event.shareable = value }
        if let value = flag("invite_only") { event.inviteOnly = value }
        if let value = flag("show_remaining") { event.showRemaining = value }
        if let value = flag("show_pick_a_seat") { event.showPickSeat = value }
        if let value = flag("show_seatmap_thumbnail") { event.showSeatmapThumbnail = value }
        if let value = flag("show_colors_in_seatmap_thumbnail") { event.showColorsInSeatmapThumbnail = value }
        if let value = flag("is_reserved_seating") {
            event.isReservedSeating = value
            event.inventoryType = value ? "reserved" : (event.isExternallyTicketed ? "externally_ticketed" : "limited")
        }
        if let value = flag("is_externally_ticketed") {
            event.isExternallyTicketed = value
            if !event.isReservedSeating { event.inventoryType = value ? "externally_ticketed" : "limited" }
        }
        if let value = flag("is_series") {
            // A series made through the API is a parent; occurrences come from schedules (§8.6).
            event.isSeries = value
            event.isSeriesParent = value
        }
    }

    /// The fields a series parent passes on to its occurrences when they change (§8.6 update).
    var propagatesToOccurrences: Bool {
        nameHTML != nil || !descriptionHTML.isAbsent || !summary.isAbsent || flag("hide_start_date") != nil
            || flag("hide_end_date") != nil || currency != nil || flag("show_remaining") != nil || !password.isAbsent
            || !capacity.isAbsent || source != nil
    }

    /// Copies the propagated fields from a parent to one of its occurrences.
    static func propagate(from parent: Event, to occurrence: inout Event) {
        occurrence.setName(html: parent.nameHTML)
        occurrence.summary = parent.summary
        occurrence.descriptionHTML = parent.descriptionHTML
        occurrence.hideStartDate = parent.hideStartDate
        occurrence.hideEndDate = parent.hideEndDate
        occurrence.currency = parent.currency
        occurrence.showRemaining = parent.showRemaining
        occurrence.password = parent.password
        occurrence.customCapacity = parent.customCapacity
        occurrence.source = parent.source
    }
}
