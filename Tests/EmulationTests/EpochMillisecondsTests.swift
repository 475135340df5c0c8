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

    /// Both units read a seed's ISO text in their unit or the number itself, store an INTEGER,
    /// read it back, and refuse other text.
    @Test func bothUnitsReadSeedsAndStoreIntegers() throws {
        struct Moments: StoredRecord, Equatable {
            var id: Int64 = 0
            var seconds = EpochSeconds(0)
            var milliseconds = EpochMilliseconds(0)
            static let table = RecordTable("test_moments", of: Moments.self)
        }
        #expect(Moments.table.schema.contains("seconds INTEGER NOT NULL"))
        #expect(Moments.table.schema.contains("milliseconds INTEGER NOT NULL"))
        let text = try Moments(seed: JSONObject([
            ("id", 1), ("seconds", "2031-07-05T01:00:00.900Z"), ("milliseconds", "2026-05-08T11:30:00.123Z"),
        ]))
        #expect(text.seconds == EpochSeconds(1_940_979_600))
        #expect(EpochSeconds(iso8601: "2031-07-05T01:00:00Z") == text.seconds)
        #expect(text.milliseconds == EpochMilliseconds(1_778_239_800_123))
        let numbers = try Moments(seed: JSONObject([("id", 2), ("seconds", 5), ("milliseconds", 6)]))
        #expect(numbers.seconds.value == 5 && numbers.milliseconds.value == 6)
        #expect(EpochSeconds(4) < numbers.seconds)
        #expect(throws: RecordDecodingError.self) { try Moments(seed: JSONObject([("seconds", "soon")])) }
        #expect(throws: RecordDecodingError.self) { try Moments(seed: JSONObject([("milliseconds", "soon")])) }
        let database = try Database(.memory)
        try database.execute(Moments.table.schema)
        try database.insert(text)
        #expect(try database.fetchOne(Moments.self, where: "id = ?", 1) == text)
        #expect(try database.query("SELECT typeof(seconds) AS s, typeof(milliseconds) AS m FROM test_moments")[0].string("s") == "integer")
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
