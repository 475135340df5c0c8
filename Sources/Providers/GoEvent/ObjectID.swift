import Emulation

/// MongoDB ObjectIds as GoEvent uses them for every resource: 24 hexadecimal characters.
enum ObjectID {
    /// The id in its canonical lower-case form, or nil when `text` is not 24 hex digits.
    /// Upper-case hex is accepted because Mongoose casts it to the same ObjectId.
    static func normalized(_ text: String) -> String? {
        guard text.utf8.count == 24, text.utf8.allSatisfy(\.isHexDigit) else { return nil }
        return text.lowercased()
    }

    /// The next id the emulated server creates. Real ObjectIds start with a creation timestamp
    /// and end with a counter; here the timestamp part is fixed and the counter is the world's
    /// `goevent.objectId` sequence, so the same requests after a reset produce the same ids.
    static func next(in database: Database) throws -> String {
        try database.ids.hex("goevent.objectId", width: 24, leading: generatedPrefix)
    }

    /// 0x68000000 seconds is 2025-04-16: plausible for a live service, and no seeded id starts so.
    private static let generatedPrefix = "68000000"
}

extension UInt8 {
    /// Whether the byte is an ASCII hexadecimal digit, either case.
    var isHexDigit: Bool {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            return true
        default:
            return false
        }
    }
}
