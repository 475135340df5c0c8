/// Which rows of an ordered list a page holds: skip `offset`, then at most `limit`. Dialects
/// map onto it: `page[number]`/`page[size]` and `page`/`page_size` through `init(page:size:)`,
/// `limit`/`offset` directly.
public struct OffsetWindow: Sendable, Equatable {
    public let offset: Int
    public let limit: Int

    /// Negative values read as 0.
    public init(offset: Int, limit: Int) {
        self.offset = max(0, offset)
        self.limit = max(0, limit)
    }

    /// The 1-based page `number` of pages of `size`. A page so far out that its offset does not
    /// fit in an `Int` starts at `Int.max`, past the end of any list.
    public init(page number: Int, size: Int) {
        let (offset, overflow) = (max(1, number) - 1).multipliedReportingOverflow(by: max(0, size))
        self.init(offset: overflow ? Int.max : offset, limit: size)
    }

    /// Whether the window starts where no table reaches (a page number so large its offset
    /// saturated): nothing need be read.
    public var isPastAnyList: Bool { offset == Int.max }

    /// The offset just past the window (saturating).
    public var end: Int {
        let (end, overflow) = offset.addingReportingOverflow(limit)
        return overflow ? Int.max : end
    }

    /// How many pages of this window's size `total` rows fill: 0 for no rows (or pages of 0).
    public func pageCount(total: Int) -> Int {
        guard total > 0, limit > 0 else { return 0 }
        return (total - 1) / limit + 1
    }

    /// The window before this one (clipped at the start); nil at the start of the list.
    public var previous: OffsetWindow? {
        offset == 0 ? nil : OffsetWindow(offset: offset - min(offset, limit), limit: limit)
    }

    /// The window right after this one.
    public var next: OffsetWindow { OffsetWindow(offset: end, limit: limit) }

    /// The window of this size, aligned on multiples of `limit`, that holds the last of `total`
    /// rows; the first window when there are none.
    public func last(total: Int) -> OffsetWindow {
        guard total > 0, limit > 0 else { return OffsetWindow(offset: 0, limit: limit) }
        return OffsetWindow(offset: (total - 1) / limit * limit, limit: limit)
    }
}
