import Emulation
import Testing

/// `SettingsReader.read`: a provider's settings built in one go, every problem thrown at the end.
@Suite struct SettingsReaderReadTests {
    @Test func returnsWhatTheReadsBuild() throws {
        let built = try SettingsReader.read(["ON": "yes", "COUNT": "5"]) { reader in
            (reader.flag("ON", default: false), reader.integer("COUNT", in: 0...10, default: 1))
        }
        #expect(built.0 == true)
        #expect(built.1 == 5)
    }

    @Test func throwsEveryProblemOnceAllReadsAreDone() {
        do {
            _ = try SettingsReader.read(["ON": "maybe", "COUNT": "50"]) { reader in
                (reader.flag("ON", default: false), reader.integer("COUNT", in: 0...10, default: 1))
            }
            Issue.record("bad settings were accepted")
        } catch {
            #expect(error.problems.count == 2)
            #expect(error.problems.contains { $0.contains("ON") })
            #expect(error.problems.contains { $0.contains("COUNT") })
        }
    }
}
