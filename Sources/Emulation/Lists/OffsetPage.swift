/// The items of one window of a list, and whether any row follows it (read as one extra row,
/// so an uncounted page still knows whether there is a next one).
public struct OffsetPage<Item> {
    public let items: [Item]
    public let window: OffsetWindow
    public let hasMore: Bool

    public init(items: [Item], window: OffsetWindow, hasMore: Bool) {
        self.items = items
        self.window = window
        self.hasMore = hasMore
    }
}

extension OffsetPage: Sendable where Item: Sendable {}

/// A page with the size of the whole filtered list.
public struct CountedPage<Item> {
    public let page: OffsetPage<Item>
    /// Rows the filter matches; with `PageTotal.countUpTo` at most the cap.
    public let total: Int
    /// Whether `total` stopped at a `PageTotal.countUpTo` cap, so the list may be longer.
    public let totalIsCapped: Bool

    public var items: [Item] { page.items }
    public var window: OffsetWindow { page.window }
    public var hasMore: Bool { page.hasMore }
    /// Pages of the window's size the total fills (0 when it is 0).
    public var pageCount: Int { page.window.pageCount(total: total) }
}

extension CountedPage: Sendable where Item: Sendable {}
