import Foundation

extension Date {
    /// Whole milliseconds since 1970, rounded down: the unit providers store instants in, so
    /// that ordering, filters and formatting compare integers. The emulated clock stays within
    /// the years 1–9999, far inside `Int64`.
    public var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }
}
