/// Where a counted page's total comes from. Counting every filtered row costs as much as the
/// list is long, so a provider that knows the figure already (a counter it keeps up to date with
/// its writes) hands it over, and one that only needs "how many, up to N" caps the count.
public enum PageTotal: Sendable, Equatable {
    /// `COUNT(*)` over every row the filter matches.
    case count
    /// A figure the provider already has, used as is.
    case known(Int)
    /// `COUNT(*)` over at most this many rows: the cost stops growing there, and a total equal
    /// to the cap means "at least".
    case countUpTo(Int)
}
