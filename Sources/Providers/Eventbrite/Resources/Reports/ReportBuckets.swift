import Emulation
import Foundation

/// The periods a report adds sales up by (spec §8.21 `date_facet`), in the report's timezone:
/// quarter hours, hours, days, weeks ending on Sunday (Monday to Sunday), months (their first
/// day), years, the event's day, or one bucket for everything (`none`).
struct ReportBuckets {
    let timezone: String
    let facet: String

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZones.zone(timezone) ?? TimeZone(identifier: "UTC")!
        return calendar
    }

    /// The start of the bucket `seconds` falls in, as a UTC instant; `eventStart` stands for the
    /// moment an `event_day` bucket is the day of.
    func bucket(of seconds: Int64, eventStart: Int64) -> Int64 {
        let calendar = calendar
        let date = Date(timeIntervalSince1970: Double(facet == "event_day" ? eventStart : seconds))
        var components = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        switch facet {
        case "fifteen": components.minute = (components.minute ?? 0) / 15 * 15
        case "hour": components.minute = 0
        case "week":
            // The Sunday that ends the week (weekday 1 is Sunday).
            let weekday = components.weekday ?? 1
            let sunday = calendar.date(byAdding: .day, value: (8 - weekday) % 7, to: calendar.startOfDay(for: date)) ?? date
            return Int64(sunday.timeIntervalSince1970)
        case "month":
            components.day = 1
            components.hour = 0
            components.minute = 0
        case "year":
            components.month = 1
            components.day = 1
            components.hour = 0
            components.minute = 0
        default:
            components.hour = 0
            components.minute = 0
        }
        if facet == "fifteen" || facet == "hour" {
            components.second = 0
        } else if facet != "month" && facet != "year" {
            return Int64(calendar.startOfDay(for: date).timeIntervalSince1970)
        }
        components.weekday = nil
        return Int64((calendar.date(from: components) ?? date).timeIntervalSince1970)
    }

    /// The moments that share `seconds`'s bucket, for the facets that follow the clock (not
    /// `event_day` or `none`): sales come in time order, so a report asks once per bucket.
    func span(of seconds: Int64) -> Range<Int64> {
        let calendar = calendar
        let component: Calendar.Component
        var first = bucket(of: seconds, eventStart: seconds)
        switch facet {
        case "fifteen": return first..<(first + 900)
        case "hour": return first..<(first + 3_600)
        case "week":
            // Named after its Sunday; it runs from the Monday before.
            first = Int64(calendar.date(byAdding: .day, value: -6, to: Date(timeIntervalSince1970: Double(first)))?.timeIntervalSince1970 ?? 0)
            component = .weekOfYear
        case "month": component = .month
        case "year": component = .year
        default: component = .day
        }
        let next = calendar.date(byAdding: component, value: 1, to: Date(timeIntervalSince1970: Double(first)))
        return first..<Int64(next?.timeIntervalSince1970 ?? Double(first + 86_400))
    }

    /// The start of the bucket `units` buckets back from the one `now` is in (`period`).
    func periodStart(now: Int64, units: Int64) -> Int64 {
        let current = bucket(of: now, eventStart: now)
        let step: Calendar.Component
        switch facet {
        case "fifteen": return current - (units - 1) * 900
        case "hour": return current - (units - 1) * 3_600
        case "week": step = .weekOfYear
        case "month": step = .month
        case "year": step = .year
        default: step = .day
        }
        // A week's bucket is named after its last day; its sales start six days before.
        let first = facet == "week" ? current - 6 * 86_400 : current
        let date = calendar.date(byAdding: step, value: -Int(units - 1), to: Date(timeIntervalSince1970: Double(first)))
        return Int64(date?.timeIntervalSince1970 ?? Double(first))
    }
}
