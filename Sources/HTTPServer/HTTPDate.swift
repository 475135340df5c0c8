import Glibc

/// The `Date` field value: IMF-fixdate of RFC 9110 §5.6.7, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
enum HTTPDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Formats seconds since the Unix epoch, in UTC.
    static func imfFixdate(epochSeconds: Int) -> String {
        var seconds = time_t(epochSeconds)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return "\(weekdays[Int(parts.tm_wday)]), \(twoDigits(parts.tm_mday)) \(months[Int(parts.tm_mon)]) "
            + "\(Int(parts.tm_year) + 1900) \(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):\(twoDigits(parts.tm_sec)) GMT"
    }

    private static func twoDigits(_ value: Int32) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

/// The current `Date` value, formatted at most once per second. Each connection keeps its own,
/// so no lock is needed: one format per connection per second is cheap.
struct HTTPDateCache {
    private var second = -1
    private var formatted = ""

    mutating func current() -> String {
        let now = Int(time(nil))
        if now != second {
            second = now
            formatted = HTTPDate.imfFixdate(epochSeconds: now)
        }
        return formatted
    }
}
