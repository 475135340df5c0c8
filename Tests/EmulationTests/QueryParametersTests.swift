import Emulation
import Testing

@Suite struct QueryParametersTests {
    @Test func decodesBracketKeysWhetherEncodedOrNot() {
        let plain = QueryParameters("page[size]=10&page[after]=abc")
        let encoded = QueryParameters("page%5Bsize%5D=10&page%5Bafter%5D=abc")
        #expect(plain["page[size]"] == "10")
        #expect(encoded["page[size]"] == "10")
        #expect(encoded["page[after]"] == "abc")
    }

    @Test func decodesPlusAndPercentInValues() {
        let query = QueryParameters("q=jazz+club%20paris&email=a%2Bb%40example.com&flag&empty=")
        #expect(query["q"] == "jazz club paris")
        #expect(query["email"] == "a+b@example.com")
        #expect(query["flag"] == "")
        #expect(query["empty"] == "")
        #expect(query["missing"] == nil)
    }

    @Test func keepsRepeatedKeysInOrder() {
        let query = QueryParameters("expand=a&expand=b&x=1")
        #expect(query.values(for: "expand") == ["a", "b"])
        #expect(query["expand"] == "a")
    }

    @Test func keepsMalformedEscapesLiterally() {
        #expect(QueryParameters("a=100%&b=%zz")["a"] == "100%")
        #expect(QueryParameters("a=100%&b=%zz")["b"] == "%zz")
    }
}
