import Emulation
import Testing

@Suite struct QueryParameterListTests {
    @Test func repeatedKeysAndCommasAddUp() {
        let query = QueryParameters("status=live,draft&status=ended&other=x")
        #expect(query.list("status") == ["live", "draft", "ended"])
        #expect(query.list("status", spellings: []) == ["live,draft", "ended"])
    }

    @Test func valuesAreTrimmedAndEmptyOnesDropped() {
        #expect(QueryParameters("ids=+1+,,2%20,%09").list("ids") == ["1", "2"])
        #expect(QueryParameters("ids=").list("ids") == [])
        #expect(QueryParameters("other=1").list("ids") == nil)
    }

    @Test func bracketsWhenAskedForWhetherEncodedOrNot() {
        let query = QueryParameters("search[states][]=paid&search%5Bstates%5D%5B%5D=void&search[states][0]=new,old&search[states][x]=no")
        #expect(query.list("search[states]", spellings: [.brackets, .commas]) == ["paid", "void", "new", "old"])
        #expect(query.list("search[states]") == nil)
        #expect(QueryParameters("search[states][]=").list("search[states]", spellings: .brackets) == [])
    }

    @Test func jsonArraysWhenAskedFor() {
        let spellings: QueryParameters.ListSpellings = [.commas, .jsonArray]
        #expect(QueryParameters(#"status=["live","draft"]"#).list("status", spellings: spellings) == ["live", "draft"])
        #expect(QueryParameters("status=%5B%22live%2Cdraft%22%2C%207%5D").list("status", spellings: spellings) == ["live,draft", "7"])
        // Not a JSON array of strings and integers: read as plain text.
        #expect(QueryParameters("status=[live,draft]").list("status", spellings: spellings) == ["[live", "draft]"])
        #expect(QueryParameters(#"status=[{"a":1}]"#).list("status", spellings: .jsonArray) == [#"[{"a":1}]"#])
        #expect(QueryParameters(#"status=["live","draft"]"#).list("status") == [#"["live""#, #""draft"]"#])
    }
}

@Suite struct QueryParameterValueTests {
    @Test func integersWithinBounds() throws {
        let query = QueryParameters("limit=25&offset=%200%20&page=-2&huge=99999999999999999999&blank=&word=ten&decimal=2.5")
        #expect(try query.integer("limit") == 25)
        #expect(try query.integer("offset", in: 0...Int.max) == 0)
        #expect(try query.integer("page") == -2)
        #expect(try query.integer("missing") == nil)
        #expect(throws: QueryParameterError(name: "page", value: "-2", problem: .outOfBounds(1...Int.max))) {
            try query.integer("page", in: 1...Int.max)
        }
        #expect(throws: QueryParameterError(name: "limit", value: "25", problem: .outOfBounds(1...10))) {
            try query.integer("limit", in: 1...10)
        }
        for name in ["huge", "blank", "word", "decimal"] {
            #expect(throws: QueryParameterError(name: name, value: query[name]!, problem: .notAnInteger)) {
                try query.integer(name)
            }
        }
    }

    @Test func booleansAreTrueFalseOneOrZero() throws {
        let query = QueryParameters("a=true&b=false&c=1&d=0&e=TRUE&f=yes&g=")
        #expect(try query.boolean("a") == true)
        #expect(try query.boolean("b") == false)
        #expect(try query.boolean("c") == true)
        #expect(try query.boolean("d") == false)
        #expect(try query.boolean("missing") == nil)
        for name in ["e", "f", "g"] {
            #expect(throws: QueryParameterError(name: name, value: query[name]!, problem: .notABoolean)) {
                try query.boolean(name)
            }
        }
    }

    @Test func repeatedParametersReadAsTheProviderSays() throws {
        let query = QueryParameters("page=2&page=5&flag=true")
        #expect(try query.integer("page") == 2)
        #expect(try query.integer("page", repeats: .lastWins) == 5)
        #expect(throws: QueryParameterError(name: "page", value: "2", problem: .repeated)) {
            try query.integer("page", repeats: .rejected)
        }
        #expect(try query.single("page", repeats: .lastWins) == "5")
        #expect(try query.boolean("flag", repeats: .rejected) == true)
        #expect(try query.single("missing", repeats: .rejected) == nil)
    }
}
