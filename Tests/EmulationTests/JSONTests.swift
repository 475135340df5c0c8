import Emulation
import Testing

@Suite struct JSONTests {
    @Test func keepsObjectKeyOrderThroughParseAndWrite() throws {
        let text = #"{"zeta":1,"alpha":{"b":true,"a":null},"list":[1,2.5,"x"]}"#
        let value = try JSONParser.parse(text)
        #expect(value.objectValue?.keys == ["zeta", "alpha", "list"])
        #expect(JSONWriter.string(value) == text)
    }

    @Test func dictionaryLiteralsEncodeInWrittenOrder() {
        let value: JSONValue = ["id": "1", "name": "Jazz", "available": true, "quantity": 100, "cover": nil]
        #expect(JSONWriter.string(value) == #"{"id":"1","name":"Jazz","available":true,"quantity":100,"cover":null}"#)
    }

    @Test func keepsIntegersApartFromDoubles() throws {
        let value = try JSONParser.parse("[9007199254740993, 2.0, 1e3, -0.5]")
        #expect(value.arrayValue == [.int(9_007_199_254_740_993), .double(2.0), .double(1000), .double(-0.5)])
        #expect(value.arrayValue?[1].intValue == 2)
        #expect(value.arrayValue?[3].intValue == nil)
        #expect(JSONWriter.string(value) == "[9007199254740993,2,1000,-0.5]")
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(#""a\"b\\c\/d\n\u00e9\ud83c\udfb7""#)
        #expect(value == .string("a\"b\\c/d\né🎷"))
        #expect(JSONWriter.string(.string("tab\there \"q\" \u{01}")) == #""tab\there \"q\" \u0001""#)
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":}", "{'a':1}", "01", "1.", "-", "tru", "\"unterminated", "[1] 2", "\"\\x\"",
        "\"\\ud800\"", "{\"a\" 1}", "NaN",
    ])
    func rejectsMalformedInput(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func rejectsExcessiveNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    @Test func buildersCopiedMidwayWriteApart() {
        var first = JSONBuilder(capacity: 8)
        first.array { json in
            json.string("shared")
            var second = json
            json.string("first")
            second.string("second \"quoted\"")
            second.int(-42)
            json.double(1.5)
            #expect(String(decoding: second.bytes, as: UTF8.self) == #"["shared","second \"quoted\"",-42"#)
        }
        #expect(String(decoding: first.bytes, as: UTF8.self) == #"["shared","first",1.5]"#)
        // Growing well past the first allocation keeps what was written.
        var long = JSONBuilder(capacity: 1)
        long.array { json in for index in 0..<1000 { json.int(index) } }
        #expect((try? JSONParser.parse(long.bytes)) == .array((0..<1000).map { .int(Int64($0)) }))
    }

    @Test func takenBytesAreWhatWasWrittenWhetherOrNotTheBufferIsShared() {
        var alone = JSONBuilder(capacity: 64)
        alone.object { json in json.field("page", 1) }
        #expect(String(decoding: alone.takeBytes(), as: UTF8.self) == #"{"page":1}"#)
        #expect(alone.bytes.isEmpty)
        alone.int(7)
        #expect(String(decoding: alone.bytes, as: UTF8.self) == "7")

        var shared = JSONBuilder(capacity: 64)
        shared.array { json in json.string("kept") }
        let copy = shared
        #expect(String(decoding: shared.takeBytes(), as: UTF8.self) == #"["kept"]"#)
        #expect(String(decoding: copy.bytes, as: UTF8.self) == #"["kept"]"#)
    }
}
