import Emulation
import Testing

/// Typed reads of environment settings that collect every problem.
@Suite struct SettingsReaderTests {
    private enum Mode: String, CaseIterable {
        case strict, permissive
    }

    @Test func absentAndBlankSettingsGiveTheirDefaults() throws {
        var settings = SettingsReader(["BLANK": "  ", "EMPTY": ""])
        #expect(settings.flag("BLANK", default: true) == true)
        #expect(settings.choice("EMPTY", default: Mode.permissive) == .permissive)
        #expect(settings.integer("UNSET", in: 0...10, default: 7) == 7)
        #expect(settings.integer("UNSET", in: 0...10) == nil)
        #expect(settings.string("BLANK") == nil)
        #expect(settings.string("UNSET", default: "fallback") == "fallback")
        #expect(settings.list("UNSET") == nil)
        #expect(settings.object("UNSET", expecting: "an object") { key, _ in key } == nil)
        #expect(settings.problems.isEmpty)
        try settings.check()
    }

    @Test func typedReadsAcceptTheirForms() throws {
        var settings = SettingsReader([
            "ON": " yes", "OFF": "Off", "ONE": "1", "MODE": "PERMISSIVE", "COUNT": " 250 ", "SECRET": " spaced secret ",
            "JSON_LIST": #"["a", "b"]"#, "COMMA_LIST": "a, ,b,", "OBJECT": #"{"t1": "u1", "t2": "u2"}"#,
            "ARRAY": #"[{"token": "x"}]"#,
        ])
        #expect(settings.flag("ON", default: false) == true)
        #expect(settings.flag("OFF", default: true) == false)
        #expect(settings.flag("ONE", default: false) == true)
        #expect(settings.choice("MODE", default: Mode.strict) == .permissive)
        #expect(settings.choice("MODE", [("strict", 1), ("permissive", 2)], default: 0) == 2)
        #expect(settings.integer("COUNT", in: 0...1_000_000) == 250)
        #expect(settings.string("SECRET") == " spaced secret ")
        #expect(settings.list("JSON_LIST") == ["a", "b"])
        #expect(settings.list("COMMA_LIST") == ["a", "b"])
        let pairs = settings.object("OBJECT", expecting: "tokens") { key, value in value.stringValue.map { "\(key)=\($0)" } }
        #expect(pairs == ["t1=u1", "t2=u2"])
        #expect(settings.array("ARRAY", expecting: "tokens") { $0["token"]?.stringValue } == ["x"])
        #expect(settings.json("ARRAY", expecting: "JSON") == [["token": "x"]])
        try settings.check()
    }

    @Test func everyProblemIsCollectedAndNamed() {
        var settings = SettingsReader([
            "FLAG": "maybe", "MODE": "lenient", "COUNT": "lots", "BIG": "1000001", "OBJECT": "not json",
            "ARRAY": #"{"token": "x"}"#, "MEMBERS": #"{"t1": 5}"#, "LIST": #"["a", 5]"#, "USER": "user-1",
        ])
        #expect(settings.flag("FLAG", default: false) == false)
        #expect(settings.choice("MODE", default: Mode.strict) == .strict)
        #expect(settings.integer("COUNT", in: 0...1_000_000, default: 3) == 3)
        #expect(settings.integer("BIG", in: 0...1_000_000) == nil)
        #expect(settings.object("OBJECT", expecting: "a JSON object of token → user") { key, _ in key } == nil)
        #expect(settings.array("ARRAY", expecting: "a JSON array of tokens") { $0 } == nil)
        #expect(settings.object("MEMBERS", expecting: "a JSON object of token → user") { _, value in value.stringValue } == nil)
        #expect(settings.list("LIST") == nil)
        #expect(settings.value("USER", expecting: "a 24-hex user id") { $0.count == 24 ? $0 : nil } == nil)
        settings.report("no seed/ folder found")
        #expect(settings.problems == [
            #"FLAG must be true or false (or 1/0, yes/no, on/off), not "maybe""#,
            #"MODE must be "strict" or "permissive", not "lenient""#,
            #"COUNT must be a whole number from 0 to 1000000, not "lots""#,
            #"BIG must be a whole number from 0 to 1000000, not "1000001""#,
            "OBJECT must be a JSON object of token → user",
            "ARRAY must be a JSON array of tokens",
            "MEMBERS must be a JSON object of token → user",
            "LIST must be a JSON array of strings or a comma-separated list",
            #"USER must be a 24-hex user id, not "user-1""#,
            "no seed/ folder found",
        ])
        #expect(throws: SettingsError.self) { try settings.check() }
    }

    @Test func aCommandLineOptionWinsAndIsNamedInProblems() {
        var settings = SettingsReader(["UNDERSTUDY_PORT": "9000", "UNDERSTUDY_HOST": "0.0.0.0"])
        settings.override("UNDERSTUDY_PORT", with: "eighty", option: "--port")
        settings.override("UNDERSTUDY_HOST", with: nil, option: "--host")
        #expect(settings.integer("UNDERSTUDY_PORT", in: 0...65535, default: 8080) == 8080)
        #expect(settings.string("UNDERSTUDY_HOST") == "0.0.0.0")
        #expect(settings.problems == [#"--port must be a whole number from 0 to 65535, not "eighty""#])
    }

    @Test func gatheringReadsEveryProviderAndThrowsAllProblemsAsOne() throws {
        func provider(_ environment: [String: String]) throws -> Bool {
            var settings = SettingsReader(environment)
            let a = settings.flag("A", default: false)
            let b = settings.flag("B", default: true)
            try settings.check()
            return a && b
        }
        #expect(try SettingsError.gathering([{ try provider(["A": "on"]) }, { try provider([:]) }]) == [true, false])
        do {
            _ = try SettingsError.gathering([{ try provider(["A": "x"]) }, { try provider([:]) }, { try provider(["B": "y"]) }])
            Issue.record("no error thrown")
        } catch let error as SettingsError {
            #expect(error.problems.count == 2)
            #expect(error.description.hasPrefix("A must be true or false"))
            #expect(error.description.contains("; B must be true or false"))
        }
    }
}
