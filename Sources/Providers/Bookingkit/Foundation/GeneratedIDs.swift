import Crypto
import Emulation

/// Ids of the records the server creates: 32 lowercase hex characters (spec §6.1), drawn from a
/// per-kind counter of the world so the same requests after a reset produce the same ids.
enum GeneratedIDs {
    static func next(_ kind: String, in database: Database) throws -> String {
        let counter = try database.nextSequenceValue("bookingkit.id.\(kind)")
        return Insecure.MD5.hash(data: Array("bookingkit-\(kind)-\(counter)".utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
