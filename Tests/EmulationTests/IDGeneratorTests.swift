import Emulation
import Foundation
import Testing
import TestSupport

/// Ids from the world's sequences, in each provider's format. The expected values are the ids
/// the providers generated before they shared the generator: test suites snapshot them.
@Suite struct IDGeneratorTests {
    private func makeDatabase() throws -> Database {
        let database = try Database(.memory)
        try database.execute("CREATE TABLE understudy_sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID")
        return database
    }

    @Test func integersCountFromOneOrFromWhereTheSeedStartedThem() throws {
        let ids = try makeDatabase().ids
        #expect(try [ids.integer("demo.a"), ids.integer("demo.a"), ids.integer("demo.b")] == [1, 2, 1])
        try ids.start("demo.a", at: 1_058_592)
        #expect(try ids.integer("demo.a") == 1_058_592)
        #expect(try ids.digits("demo.a") == "1058593")
        // Values already taken are skipped.
        #expect(try ids.integer("demo.a") { [1_058_594, 1_058_595].contains($0) } == 1_058_596)
        #expect(throws: IDGeneratorError.self) { try ids.integer("demo.full") { _ in true } }
    }

    @Test func hexIdsHaveAFixedWidth() throws {
        let ids = try makeDatabase().ids
        // GoEvent's ObjectIds: a fixed leading part, then the counter.
        #expect(try ids.hex("goevent.objectId", width: 24, leading: "68000000") == "680000000000000000000001")
        #expect(try ids.hex("goevent.objectId", width: 24, leading: "68000000") == "680000000000000000000002")
        // Let's Do This's ObjectIds lead with the creation second.
        let second = IDGenerator.hex(1_767_225_600, width: 8)
        #expect(try ids.hex("letsdothis.claimLink", width: 24, leading: second) == "6955b9000000000000000001")
        // bookingkit's 32-hex ids.
        try ids.start("bookingkit.orders", at: 0xabc)
        #expect(try ids.hex("bookingkit.orders", width: 32) == "00000000000000000000000000000abc")
        #expect(IDGenerator.hex(255, width: 1) == "ff")
    }

    @Test func randomLookingTextIsTheSameForTheSameCounter() throws {
        let ids = try makeDatabase().ids
        // Tito's slug bodies, references and fallback slugs share the sequence `tito.random`.
        #expect(try ids.characters("tito.random", count: 22, alphabet: IDAlphabet.base62, prefix: "d") == "dDkA13AfYBVdPkQle4Qu66i")
        #expect(try ids.characters("tito.random", count: 4, alphabet: IDAlphabet.uppercaseAlphanumerics) == "Y69Z")
        #expect(try ids.characters("tito.random", count: 11, alphabet: IDAlphabet.lowercaseAlphanumerics) == "j0bawwgt9ow")
        #expect(try ids.characters("tito.random", count: 22, alphabet: IDAlphabet.base62, prefix: "d") == "dlYqfgLT3pSYPddZ29eYRS3")
        // Let's Do This's partner ids and claim-link tokens come from digests.
        #expect(try ids.digestCharacters("letsdothis.partner", count: 11, alphabet: IDAlphabet.base36, prefix: "p_") == "p_3h1lpeo1wyf")
        #expect(try ids.digestCharacters("letsdothis.partner", count: 11, alphabet: IDAlphabet.base36, prefix: "p_") == "p_h6x64jqbsdx")
        #expect(try ids.digestHex("letsdothis.claimLinkToken", count: 32) == "5ce203ce54cb34c056ba894c49874b69")
        #expect(try ids.digestHex("letsdothis.claimLinkToken", count: 32) == "403a769a58ce411f540cc8da5eacfc14")
        // Eventbrite-style codes: 20 upper-case alphanumerics.
        let code = try ids.characters("eventbrite.random", count: 20, alphabet: IDAlphabet.uppercaseAlphanumerics)
        #expect(code.wholeMatch(of: /[A-Z0-9]{20}/) != nil)
    }

    @Test func aResetGivesTheSameIdsAgain() throws {
        let server = try TestServer()
        func draw() throws -> [String] {
            try server.world.database.write { database in
                [
                    try database.ids.digits("demo.ids"),
                    try database.ids.hex("demo.ids", width: 32),
                    try database.ids.characters("demo.random", count: 22, alphabet: IDAlphabet.base62),
                ]
            }
        }
        let first = try draw()
        #expect(try draw() != first)
        #expect(try server.request("POST", "/_understudy/reset").status == 200)
        #expect(try draw() == first)
    }
}
