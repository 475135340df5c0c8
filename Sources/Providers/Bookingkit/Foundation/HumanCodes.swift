import Emulation

/// The human-facing codes bookingkit prints on orders, tickets, participants and vouchers (spec
/// §6.1), in the shapes of every seed example, drawn from the world's `bookingkit.random`
/// sequence: the same requests after a reset produce the same codes.
enum HumanCodes {
    enum Kind {
        /// `VWR-3KD9A5`
        case order
        /// `C6YH4Q`
        case ticket
        /// `PCG-JE53DT-BQ5`
        case participant
        /// `372FX-UNSH2-S3WRX` (vouchers, flex tickets)
        case voucher

        /// Groups of characters, and whether the group is letters only.
        var groups: [(length: Int, lettersOnly: Bool)] {
            switch self {
            case .order: return [(3, true), (6, false)]
            case .ticket: return [(6, false)]
            case .participant: return [(3, false), (6, false), (3, false)]
            case .voucher: return [(5, false), (5, false), (5, false)]
            }
        }
    }

    private static let letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

    /// The sequence the codes are drawn from, one value per group.
    static let sequence = "bookingkit.random"

    static func next(_ kind: Kind, in database: Database) throws -> String {
        var values = try database.ids.reserve(sequence, count: kind.groups.count)
        return next(kind, from: &values)
    }

    /// A code from values of `sequence` reserved beforehand (generated seed data).
    static func next(_ kind: Kind, from values: inout SequenceBlock) -> String {
        kind.groups.map { group in
            IDGenerator.characters(
                of: values.take(), count: group.length, alphabet: group.lettersOnly ? letters : IDAlphabet.uppercaseAlphanumerics)
        }.joined(separator: "-")
    }
}
