import Emulation
import Foundation
import Testing

@Suite struct TimestampTests {
    @Test func formatsWithAndWithoutMilliseconds() {
        let date = Date(timeIntervalSince1970: 1_718_481_600.123)  // 2024-06-15T20:00:00.123Z
        #expect(Timestamp.iso8601Milliseconds(date) == "2024-06-15T20:00:00.123Z")
        #expect(Timestamp.iso8601Seconds(date) == "2024-06-15T20:00:00Z")
        #expect(Timestamp.iso8601Milliseconds(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }

    @Test func clampsInstantsBeyondFourDigitYears() {
        #expect(Timestamp.iso8601Milliseconds(Date(timeIntervalSince1970: 1e300)) == "9999-12-31T23:59:59.999Z")
        #expect(Timestamp.iso8601Seconds(Date(timeIntervalSince1970: -1e300)) == "0001-01-01T00:00:00Z")
        #expect(Timestamp.iso8601Seconds(Date(timeIntervalSince1970: .nan)) == "1970-01-01T00:00:00Z")
    }

    @Test func parsesOffsetsFractionsAndBareDates() {
        #expect(Timestamp.parse("2024-06-15T20:00:00Z")?.timeIntervalSince1970 == 1_718_481_600)
        #expect(Timestamp.parse("2024-06-15T22:00:00+02:00")?.timeIntervalSince1970 == 1_718_481_600)
        #expect(Timestamp.parse("2024-06-15T15:30:00-0430")?.timeIntervalSince1970 == 1_718_481_600)
        #expect(Timestamp.parse("2024-06-15T20:00:00.5Z")?.timeIntervalSince1970 == 1_718_481_600.5)
        #expect(Timestamp.parse("2024-06-15")?.timeIntervalSince1970 == 1_718_409_600)
    }

    @Test(arguments: ["", "2024-13-01T00:00:00Z", "2024-06-15T20:00:00", "2024-06-15T25:00:00Z", "yesterday", "2024-06-15T20:00Z"])
    func rejectsInvalidTimestamps(_ text: String) {
        #expect(Timestamp.parse(text) == nil)
    }
}
