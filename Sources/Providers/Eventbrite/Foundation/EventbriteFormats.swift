import Emulation
import Foundation
import Synchronization

/// How Eventbrite writes values (spec §1.6): datetimes in UTC with whole seconds and a literal
/// `Z`, local datetimes without an offset, datetime-with-timezone objects, multipart text.
enum EventbriteFormats {
    /// An INTEGER column of seconds since 1970 as `2018-05-12T02:00:00Z`; NULL as `null`.
    static let utc = ColumnFormat { row, index, json in
        if row.isNull(at: index) { json.null() } else { json.string(utcText(row.int64(at: index))) }
    }

    static func utcText(_ seconds: Int64) -> String {
        UTCDateTime(milliseconds: seconds * 1000).text(dateSeparator: "T", fraction: false, offset: "Z")
    }

    /// The wall-clock time of `seconds` in `timezone`, as `2018-05-11T19:00:00` (spec §10.7).
    static func localText(_ seconds: Int64, timezone: String) -> String {
        let offset = TimeZones.offset(of: timezone, at: seconds)
        return UTCDateTime(milliseconds: (seconds + offset) * 1000).text(dateSeparator: "T", fraction: false, offset: "")
    }

    /// `{"timezone": …, "local": …, "utc": …}`, the order real responses use.
    static func writeDateTimeZone(utc seconds: Int64, timezone: String, to json: inout JSONBuilder) {
        json.object { json in
            json.field("timezone", timezone)
            json.field("local", localText(seconds, timezone: timezone))
            json.field("utc", utcText(seconds))
        }
    }

    /// `{"text": …, "html": …}`; both `null` when there is no html.
    static func writeMultipartText(html: String?, text: String?, to json: inout JSONBuilder) {
        json.object { json in
            json.field("text", text)
            json.field("html", html)
        }
    }
}

/// IANA time zones by name, looked up once each: local times are written for every event of a
/// page, and `TimeZone(identifier:)` is not cheap.
enum TimeZones {
    private static let cache = Mutex<[String: TimeZone]>([:])

    static func zone(_ identifier: String) -> TimeZone? {
        if let zone = cache.withLock({ $0[identifier] }) { return zone }
        guard !identifier.isEmpty, identifier.count <= 64, let zone = TimeZone(identifier: identifier) else { return nil }
        cache.withLock { $0[identifier] = zone }
        return zone
    }

    static func isKnown(_ identifier: String) -> Bool { zone(identifier) != nil }

    /// Seconds east of UTC in `identifier` at the moment `seconds` (0 for an unknown zone).
    static func offset(of identifier: String, at seconds: Int64) -> Int64 {
        guard let zone = zone(identifier) else { return 0 }
        return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
    }
}

/// Multipart text (spec §10.4): inputs give `html`; `text` is the html without tags, with
/// entities decoded and whitespace collapsed (`Tech Slam &#39;N Eggs` → `Tech Slam 'N Eggs`).
enum MultipartText {
    static func text(fromHTML html: String) -> String {
        var stripped = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
            } else if character == ">" && inTag {
                inTag = false
                stripped.append(" ")
            } else if !inTag {
                stripped.append(character)
            }
        }
        return decodeEntities(stripped).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A plain string as html: the characters HTML gives meaning to escaped (`'` as `&#39;`, as
    /// the captures show).
    static func html(fromPlain text: String) -> String { HTMLEscaping.escape(text) }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "#39": "'",
    ]

    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") else {
                result.append(character)
                index = text.index(after: index)
                continue
            }
            let entity = String(text[text.index(after: index)..<semicolon])
            if let replacement = named[entity] {
                result += replacement
            } else if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let code = UInt32(entity.dropFirst(2), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.unicodeScalars.append(scalar)
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                result.append(character)
                index = text.index(after: index)
                continue
            }
            index = text.index(after: semicolon)
        }
        return result
    }
}
