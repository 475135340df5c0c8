import Emulation
import Foundation
import Testing

@testable import Tito

/// The value formats of spec §4, written without Foundation on the list hot path.
@Suite struct FormatsTests {
    /// Instants around the epoch, leap days, century rules and the clamped ends of the range.
    static let instants: [Int64] = [
        0, 1, -1, 999, -999, 1_541_073_345_000, 1_542_030_644_123, 951_782_400_000, 951_868_799_999,
        4_107_542_400_000, -2_208_988_800_001, -62_135_596_800_000, -62_135_596_800_001, 253_402_300_799_999,
        253_402_300_800_000, Int64.max, Int64.min,
    ]

    @Test func timestampsMatchTheSharedISOFormatter() {
        var instants = Self.instants
        // A deterministic spread over four centuries, every day of a leap year included.
        for step in 0..<2_000 { instants.append(Int64(step) * 7_776_000_123 - 3_155_760_000_000) }
        for day in 0..<366 { instants.append(946_684_800_000 + Int64(day) * 86_400_000 + 45_296_789) }
        for milliseconds in instants {
            // Whole seconds are exact as a `Date`; the milliseconds are the floored remainder.
            let clamped = min(max(milliseconds, -62_135_596_800_000), 253_402_300_799_999)
            let remainder = ((clamped % 1000) + 1000) % 1000
            let seconds = Timestamp.iso8601Seconds(Date(timeIntervalSince1970: Double((clamped - remainder) / 1000)))
            let fraction = String(repeating: "0", count: 3 - String(remainder).count) + String(remainder)
            #expect(
                TitoFormats.timestamp(milliseconds: milliseconds) == seconds.dropLast() + "." + fraction + "+00:00",
                "\(milliseconds)")
            #expect(
                TitoFormats.railsTimestamp(milliseconds: milliseconds)
                    == seconds.prefix(10) + " " + seconds.dropFirst(11).prefix(8) + " +0000", "\(milliseconds)")
        }
    }

    @Test func theDocumentedExamplesAreWrittenExactly() {
        #expect(TitoFormats.timestamp(milliseconds: 1_541_073_345_000) == "2018-11-01T11:55:45.000+00:00")
        #expect(TitoFormats.railsTimestamp(milliseconds: 1_542_030_644_000) == "2018-11-12 13:50:44 +0000")
    }

    @Test func decimalsAreReadAsHundredthsHowEverTheyAreWritten() {
        let cases: [(JSONValue, Int64?)] = [
            ("100.0", 10_000), ("12.5", 1_250), ("0.05", 5), ("7", 700), ("007.10", 710), (" 7 ", 700), ("0.25e2", 2_500),
            ("12.345", 1_235), ("12.344", 1_234), ("-5", -500), ("1.", 100), (".5", 50), (12.5, 1_250), (3, 300),
            // Like Rails' `to_d`, a malformed number is read up to where it stops making sense.
            ("1.2.3", 120), ("", nil), ("abc", nil), (true, nil),
        ]
        for (input, expected) in cases {
            #expect(TitoFormats.cents(input) == expected, "\(input)")
        }
    }
}
