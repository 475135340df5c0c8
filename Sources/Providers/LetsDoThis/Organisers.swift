import Emulation

/// An organiser the emulator knows: a seeded one, or one a minted token introduced. Every key
/// acts for one organiser and sees only its data (spec §2.4).
struct Organiser: StoredRecord {
    var id = ""
    var name = ""

    static let keyStyle = JSONKeyStyle.camelCase
    static let table = RecordTable("letsdothis_organisers", of: Organiser.self, withoutRowID: true)

    static func exists(_ id: String, in database: Database) throws -> Bool {
        try database.queryOne("SELECT 1 FROM letsdothis_organisers WHERE id = ?", id) != nil
    }
}

/// A token string or `jti` refused with 401 UNTRUSTED (spec §2.2 steps 3 and 9): seeded, or
/// added through `POST /_understudy/letsdothis/revocations`.
struct Revocation: StoredRecord {
    var value = ""

    static let keyStyle = JSONKeyStyle.camelCase
    static let table = RecordTable("letsdothis_revocations", of: Revocation.self, primaryKey: ["value"], withoutRowID: true)

    static func contains(_ value: String, in database: Database) throws -> Bool {
        try database.queryOne("SELECT 1 FROM letsdothis_revocations WHERE value = ?", value) != nil
    }
}

/// A ready-made token of spec §2.5, listed in `/_understudy/credentials` in seed order with what
/// it is for and the status it gets.
struct ReadyMadeToken: StoredRecord {
    var seq: Int64?
    var token = ""
    var organiserID: String?
    var purpose = ""
    var expectedStatus: Int64 = 0

    static let keyStyle = JSONKeyStyle.camelCase
    static let table = RecordTable("letsdothis_tokens", of: ReadyMadeToken.self, primaryKey: ["seq"])
}
