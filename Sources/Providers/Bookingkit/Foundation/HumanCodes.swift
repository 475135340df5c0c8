import Crypto
import Emulation

/// The human-facing codes bookingkit prints on orders, tickets, participants and vouchers (spec
/// §6.1), in the shapes of every seed example. They are drawn from a per-kind counter of the
/// world, so the same requests after a reset produce the same codes.
enum HumanCodes {
    enum Kind: String {
        /// `VWR-3KD9A5`
        case order
        /// `C6YH4Q`
        case ticket
        /// `PCG-JE53DT-BQ5`
        case participant
        /// `372FX-UNSH2-S3WRX` (vouchers, flex tickets, open date tickets)
        case voucher

        /// Groups of characters, `L` a letter, `X` a letter or digit.
        var pattern: [String] {
            switch self {
            case .order: return ["LLL", "XXXXXX"]
            case .ticket: return ["XXXXXX"]
            case .participant: return ["XXX", "XXXXXX", "XXX"]
            case .voucher: return ["XXXXX", "XXXXX", "XXXXX"]
            }
        }
    }

    private static let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
    private static let alphanumerics = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)

    static func next(_ kind: Kind, in database: Database) throws -> String {
        let counter = try database.nextSequenceValue("bookingkit.code.\(kind.rawValue)")
        let digest = Array(SHA256.hash(data: Array("bookingkit-\(kind.rawValue)-\(counter)".utf8)))
        var index = 0
        let groups = kind.pattern.map { group in
            String(decoding: group.utf8.map { symbol -> UInt8 in
                defer { index += 1 }
                let alphabet = symbol == UInt8(ascii: "L") ? letters : alphanumerics
                return alphabet[Int(digest[index % digest.count]) % alphabet.count]
            }, as: UTF8.self)
        }
        return groups.joined(separator: "-")
    }
}
