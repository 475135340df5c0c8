import Emulation
import Foundation
import Testing

@Suite struct EpochMillisecondsTests {
    /// One row of `SELECT ?` rendered in `format`.
    private func render(_ value: any SQLiteBindable, _ format: ColumnFormat) throws -> String {
        let database = try Database(.memory)
        var json = JSONBuilder()
        try database.forEachRow("SELECT ? AS moment", arguments: [value]) { format.write($0, 0, &json) }
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test func readsISOTextToTheExactMillisecond() throws {
        // Text a binary fraction cannot hold exactly still reads back as written.
        #expect(EpochMilliseconds(iso8601: "2026-05-08T11:30:00.123Z")?.value == 1_778_239_800_123)
        #expect(EpochMilliseconds(iso8601: "2025-11-01T08:00:02.851Z")?.value == 1_761_984_002_851)
        #expect(EpochMilliseconds(iso8601: "2026-05-08T12:30:00+01:00")?.value == 1_778_239_800_000)
        #expect(EpochMilliseconds(iso8601: "yesterday") == nil)
        #expect(EpochMilliseconds(Date(timeIntervalSince1970: 1.9999)).value == 1_999)
        #expect(EpochMilliseconds(1_500).date == Date(timeIntervalSince1970: 1.5))
        #expect(EpochMilliseconds(1) < EpochMilliseconds(2))
    }

    @Test func rendersAsISOTextWithMilliseconds() throws {
        #expect(try render(Int64(1_778_239_800_123), .utcTimestamp()) == #""2026-05-08T11:30:00.123Z""#)
        #expect(try render(Int64(0), .utcTimestamp()) == #""1970-01-01T00:00:00.000Z""#)
        #expect(try render(Int64(-1), .utcTimestamp()) == #""1969-12-31T23:59:59.999Z""#)
        #expect(try render(Int64.max, .utcTimestamp()) == #""9999-12-31T23:59:59.999Z""#)
        #expect(try render(SQLiteValue.null, .utcTimestamp()) == "null")
        for milliseconds: Int64 in [1_761_984_002_851, 951_782_400_000, 4_102_444_799_999] {
            let expected = Timestamp.iso8601Milliseconds(EpochMilliseconds(milliseconds).date)
            #expect(try render(milliseconds, .utcTimestamp()) == "\"\(expected)\"")
        }
    }
}
