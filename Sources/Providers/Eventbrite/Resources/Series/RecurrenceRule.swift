import Emulation

/// A schedule's `recurrence_rule` (spec §8.7): RFC 5545 content lines, every date in UTC
/// (`20310501T020000Z`):
///
///     DTSTART:20310501T020000Z
///     RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=6
///     RDATE:20310710T020000Z,20310717T020000Z
///     EXDATE:20310515T020000Z
///
/// `RRULE` takes FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, COUNT or UNTIL, and BYDAY for
/// weekly rules; anything else is `INVALID`, as the spec tells the mock. Lines may be separated
/// by any whitespace, so the docs' flattened sample (`DTSTART:… RRULE:…`) reads too.
struct RecurrenceRule: Sendable, Equatable {
    enum Problem: Error, Equatable {
        /// Not RFC 5545, or a part this emulation does not support (`INVALID`).
        case invalid
        /// No `DTSTART` line (`DTSTART_MISSING`).
        case dtstartMissing
        /// A date with a time zone or none at all (`RECURRENCE_RULE_DATES_NOT_IN_UTC`).
        case notInUTC
    }

    enum Frequency: String, Sendable {
        case daily = "DAILY", weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY"
    }

    /// Seconds since 1970 of the first occurrence.
    let start: Int64
    let frequency: Frequency?
    let interval: Int64
    let count: Int?
    let until: Int64?
    /// BYDAY as days after Monday (0 = MO … 6 = SU), sorted.
    let weekdays: [Int64]
    let extraDates: [Int64]
    let excludedDates: Set<Int64>

    private static let dayNames = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    private static let day: Int64 = 86_400

    init(parsing text: String) throws(Problem) {
        var start: Int64?
        var rule: String?
        var extraDates: [Int64] = []
        var excludedDates: Set<Int64> = []
        let lines = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !lines.isEmpty, lines.count <= 1000 else { throw .invalid }
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw .invalid }
            let head = line[..<colon].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            let value = String(line[line.index(after: colon)...])
            let parameters = head.dropFirst().map { $0.uppercased() }
            switch head[0].uppercased() {
            case "DTSTART":
                guard start == nil else { throw .invalid }
                try Self.checkUTCParameters(parameters)
                start = try Self.utc(value)
            case "RRULE":
                guard rule == nil, parameters.isEmpty else { throw .invalid }
                rule = value
            case "RDATE":
                try Self.checkUTCParameters(parameters)
                for item in value.split(separator: ",", omittingEmptySubsequences: false) { extraDates.append(try Self.utc(String(item))) }
            case "EXDATE":
                try Self.checkUTCParameters(parameters)
                for item in value.split(separator: ",", omittingEmptySubsequences: false) { excludedDates.insert(try Self.utc(String(item))) }
            default:
                throw .invalid
            }
        }
        var frequency: Frequency?
        var interval: Int64 = 1
        var count: Int?
        var until: Int64?
        var weekdays: [Int64] = []
        if let rule {
            var seen: Set<String> = []
            for part in rule.split(separator: ";", omittingEmptySubsequences: false) {
                let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard pieces.count == 2, seen.insert(pieces[0].uppercased()).inserted else { throw .invalid }
                let value = pieces[1].uppercased()
                switch pieces[0].uppercased() {
                case "FREQ":
                    guard let parsed = Frequency(rawValue: value) else { throw .invalid }
                    frequency = parsed
                case "INTERVAL":
                    guard let number = Int64(value), (1...1000).contains(number) else { throw .invalid }
                    interval = number
                case "COUNT":
                    guard let number = Int(value), (1...10_000).contains(number) else { throw .invalid }
                    count = number
                case "UNTIL":
                    until = try Self.utc(value)
                case "BYDAY":
                    for name in value.split(separator: ",", omittingEmptySubsequences: false) {
                        guard let index = Self.dayNames.firstIndex(of: String(name)) else { throw .invalid }
                        weekdays.append(Int64(index))
                    }
                default:
                    throw .invalid
                }
            }
            // FREQ is required; COUNT and UNTIL exclude each other (RFC 5545 §3.3.10); BYDAY is
            // supported on weekly rules only.
            guard let frequency, count == nil || until == nil, weekdays.isEmpty || frequency == .weekly else { throw .invalid }
        }
        guard let start else { throw .dtstartMissing }
        self.start = start
        self.frequency = frequency
        self.interval = interval
        self.count = count
        self.until = until
        self.weekdays = Array(Set(weekdays)).sorted()
        self.extraDates = extraDates
        self.excludedDates = excludedDates
    }

    /// `TZID=…` or `VALUE=DATE` make a date local or floating: not UTC.
    private static func checkUTCParameters(_ parameters: [String]) throws(Problem) {
        for parameter in parameters {
            if parameter.hasPrefix("TZID=") || parameter == "VALUE=DATE" { throw .notInUTC }
            guard parameter == "VALUE=DATE-TIME" else { throw .invalid }
        }
    }

    /// `20310501T020000Z` in seconds; the same without `Z`, or a bare date, is not UTC.
    private static func utc(_ text: String) throws(Problem) -> Int64 {
        let characters = Array(text.uppercased().utf8)
        func digits(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                guard index < characters.count, (48...57).contains(characters[index]) else { return nil }
                value = value * 10 + Int64(characters[index] - 48)
            }
            return value
        }
        guard let year = digits(0..<4), let month = digits(4..<6), let day = digits(6..<8) else { throw .invalid }
        if characters.count == 8 { throw .notInUTC }
        guard characters.count >= 15, characters[8] == UInt8(ascii: "T"), let hour = digits(9..<11),
            let minute = digits(11..<13), let second = digits(13..<15)
        else { throw .invalid }
        if characters.count == 15 { throw .notInUTC }
        guard characters.count == 16, characters[15] == UInt8(ascii: "Z") else { throw .invalid }
        guard (1...12).contains(month), (1...UTCDateTime.daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60,
            second < 60
        else { throw .invalid }
        return UTCDateTime.daysSinceEpoch(year: year, month: month, day: day) * Self.day + hour * 3600 + minute * 60 + second
    }

    /// The occurrence starts in order, without duplicates: the rule's, the extra dates, less the
    /// excluded ones. Expansion stops at the first start after `limit`, which is included so a
    /// caller can tell the rule reaches past it, and after `maximum` starts.
    func starts(through limit: Int64, maximum: Int) -> [Int64] {
        // DTSTART always counts as the first occurrence (RFC 5545 §3.3.10).
        var ruleStarts = [start]
        if let frequency {
            // Every period lies later than the one before, so `limit` ends the loop; the step
            // bound is a backstop.
            expansion: for step in Int64(1)...100_000 {
                for candidate in candidates(frequency, step: step) where candidate > start {
                    if let count, ruleStarts.count >= count { break expansion }
                    if let until, candidate > until { break expansion }
                    ruleStarts.append(candidate)
                    if candidate > limit || ruleStarts.count >= maximum { break expansion }
                }
            }
        }
        var starts = Set(ruleStarts)
        for date in extraDates { starts.insert(date) }
        starts.subtract(excludedDates)
        return Array(starts.sorted().prefix(maximum))
    }

    /// The starts of the `step`th period after the first: a day, a week (each BYDAY of it), a
    /// month or a year later, `interval` times over. A day the month or year lacks (the 31st,
    /// February 29th) is skipped, as RFC 5545 says.
    private func candidates(_ frequency: Frequency, step: Int64) -> [Int64] {
        let timeOfDay = ((start % Self.day) + Self.day) % Self.day
        let startDay = (start - timeOfDay) / Self.day
        switch frequency {
        case .daily:
            return [start + step * interval * Self.day]
        case .weekly:
            guard !weekdays.isEmpty else { return [start + step * interval * 7 * Self.day] }
            // 1970-01-01 was a Thursday: Monday-based weekday of day n is (n + 3) mod 7.
            let monday = startDay - ((startDay + 3) % 7 + 7) % 7 + step * interval * 7
            let first = weekdays.map { (monday + $0) * Self.day + timeOfDay }
            // The week of DTSTART itself: its days after DTSTART come first.
            guard step == 1 else { return first }
            let ownWeek = weekdays.map { (monday - interval * 7 + $0) * Self.day + timeOfDay }
            return ownWeek + first
        case .monthly, .yearly:
            let date = UTCDateTime(milliseconds: start * 1000)
            let months = (frequency == .monthly ? 1 : 12) * step * interval
            let total = date.year * 12 + (date.month - 1) + months
            let year = total / 12
            let month = total % 12 + 1
            guard date.day <= UTCDateTime.daysIn(month: month, year: year) else { return [] }
            return [UTCDateTime.daysSinceEpoch(year: year, month: month, day: date.day) * Self.day + timeOfDay]
        }
    }
}
