import Emulation

/// `POST /events/{event_id}/schedules/` (spec §8.7): `{"schedule": {"occurrence_duration": 3600,
/// "recurrence_rule": "DTSTART:…\nRRULE:…"}}` adds one occurrence per date of the rule to a
/// series parent, skipping dates an occurrence already starts at, and moves the parent's start
/// and end to span its occurrences.
enum ScheduleCreation {
    /// The most occurrences a series may have, and how far ahead a schedule may reach (§8.7).
    static let maximumOccurrences = 120
    static let startWindowYears: Int64 = 2
    static let lastStartWindowYears: Int64 = 4
    static let maximumDuration: Int64 = 7 * 86_400

    static func create(_ request: EventbriteRequest) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let schedule = try request.write { database -> Schedule in
            let parent = try request.managedEvent(in: database)
            var fields = body.wrapper("schedule")
            // Only a series parent takes schedules ("event_id must be a valid series parent event").
            if !parent.isSeriesParent { fields.errors.invalid("event_id") }
            fields.rejectUnknown(allowed: ["occurrence_duration", "recurrence_rule"])
            var duration: Int64?
            switch fields.integer("occurrence_duration") {
            case .value(let seconds) where seconds > 0 && seconds <= maximumDuration: duration = seconds
            case .value, .null: fields.invalid("occurrence_duration")
            case .absent: fields.missing("occurrence_duration")
            }
            var rule: RecurrenceRule?
            var problem: RecurrenceRule.Problem?
            var ruleText = ""
            switch fields.string("recurrence_rule") {
            case .value(let text):
                ruleText = text
                do throws(RecurrenceRule.Problem) {
                    rule = try RecurrenceRule(parsing: text)
                } catch {
                    problem = error
                    if error == .invalid { fields.invalid("recurrence_rule") }
                }
            case .null: fields.invalid("recurrence_rule")
            case .absent: fields.missing("recurrence_rule")
            }
            try fields.check()
            if problem == .dtstartMissing {
                throw EventbriteError.rule("DTSTART_MISSING", "The DTSTART component is missing from the recurrence_rule field.")
            }
            guard let duration, let rule else {
                throw EventbriteError.rule(
                    "RECURRENCE_RULE_DATES_NOT_IN_UTC",
                    "The DTSTART component in the recurrence_rule field must be in UTC. If present, the UNTIL component in the recurrence_rule must be in UTC."
                )
            }
            let occurrences = try Event.occurrences(of: parent, in: database)
            let starts = try plannedStarts(rule, existing: occurrences.count, now: request.now)
            let taken = Set(occurrences.map(\.startUTC.value))
            let newStarts = starts.filter { !taken.contains($0) }
            if occurrences.count + newStarts.count > maximumOccurrences {
                throw EventbriteError.rule(
                    "EXCEEDS_MAX_OCCURRENCES",
                    "Adding the occurrences specified by this schedule would result in exceeding the maximum number of allowed occurrences for the series parent event. The limit is 120 occurrences for the entire series."
                )
            }
            var schedule = Schedule()
            schedule.id = try EventbriteID.next(in: database)
            schedule.eventID = parent.id
            schedule.occurrenceDuration = duration
            schedule.recurrenceRule = ruleText
            for start in newStarts {
                let id = try addOccurrence(of: parent, start: start, duration: duration, now: request.now, in: database)
                schedule.createdEventIDs.append(String(id))
            }
            try database.insert(schedule)
            try spanOccurrences(of: parent, now: request.now, in: database)
            return schedule
        }
        return EventbriteResponse.json(schedule.json)
    }

    /// The rule's starts, checked against the windows of §8.7: the first within two years from
    /// now (not in the past), the last within four.
    private static func plannedStarts(_ rule: RecurrenceRule, existing: Int, now: Int64) throws -> [Int64] {
        guard rule.start >= now, rule.start <= years(startWindowYears, after: now) else {
            throw EventbriteError.rule(
                "DTSTART_OUTSIDE_PERMITTED_RANGE", "The start date of this schedule must be within 2 years from now.")
        }
        let lastAllowed = years(lastStartWindowYears, after: now)
        // One more than the series may hold is enough to tell that it would hold too many.
        let starts = rule.starts(through: lastAllowed, maximum: maximumOccurrences + existing + 1)
        if let last = starts.last, last > lastAllowed {
            throw EventbriteError.rule(
                "LAST_OCCURRENCE_START_EXCEEDS_LIMIT", "The final event occurrence generated by this schedule must be within 4 years from now.")
        }
        return starts
    }

    /// `seconds` moved `count` calendar years on (February 29th becomes the 28th).
    static func years(_ count: Int64, after seconds: Int64) -> Int64 {
        let date = UTCDateTime(milliseconds: seconds * 1000)
        let day = date.month == 2 && date.day == 29 ? 28 : date.day
        let timeOfDay = ((seconds % 86_400) + 86_400) % 86_400
        return UTCDateTime.daysSinceEpoch(year: date.year + count, month: date.month, day: day) * 86_400 + timeOfDay
    }

    /// A new occurrence: the parent's details at `start` (live when the parent is, else a draft),
    /// and a copy of what each resource group copies with an event (ticket classes, settings,
    /// questions…).
    private static func addOccurrence(of parent: Event, start: Int64, duration: Int64, now: Int64, in database: Database) throws
        -> Int64
    {
        var occurrence = parent
        occurrence.id = try EventbriteID.next(in: database)
        occurrence.isSeries = true
        occurrence.isSeriesParent = false
        occurrence.seriesID = parent.id
        occurrence.setTimes(start: start, startTimezone: parent.startTimezone, end: start + duration, endTimezone: parent.startTimezone)
        occurrence.status = parent.status == .live ? .live : .draft
        occurrence.published = occurrence.status == .live ? EpochSeconds(now) : nil
        occurrence.created = EpochSeconds(now)
        occurrence.changed = occurrence.created
        occurrence.url = Event.url(name: occurrence.nameText, id: occurrence.id)
        try database.insert(occurrence)
        for group in EventbriteProvider.groups {
            try group.eventCopied(from: parent.id, to: occurrence.id, in: database, now: now)
        }
        return occurrence.id
    }

    /// The parent's start and end become the earliest start and latest end of its occurrences
    /// (§8.6 update: a parent's dates come from its occurrences).
    private static func spanOccurrences(of parent: Event, now: Int64, in database: Database) throws {
        guard let span = try database.queryOne(
            "SELECT MIN(start_utc) AS first, MAX(end_utc) AS last FROM eventbrite_events WHERE series_id = ? AND NOT is_deleted",
            parent.id), let first = span.int("first"), let last = span.int("last")
        else { return }
        var updated = parent
        updated.setTimes(start: Int64(first), startTimezone: parent.startTimezone, end: Int64(last), endTimezone: parent.endTimezone)
        updated.changed = EpochSeconds(now)
        try database.update(updated)
    }
}
