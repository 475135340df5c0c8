import Emulation

/// What expansions read per row from other records (an event's inventory, its seat map's
/// thumbnail), fetched for all the rows a response writes at once (`Presenter.prepare`) with one
/// query per kind, grouped by row id, and kept in the response's `RenderMemo` under each row's
/// key, where the expansion looks first. A row whose context was not prepared (a single
/// record's) reads its own.
struct PagePrefetch: Sendable {
    /// The expansions that read what it fetches: it runs when the request asks for any of them.
    let expansions: [String]
    /// Fetches for the rows `ids` (every one of them, so a row without records is known to have
    /// none) into `context.memo`.
    let fetch: @Sendable (_ ids: [Int64], _ context: RenderContext) throws -> Void

    func applies(to context: RenderContext) -> Bool { expansions.contains { context.expansions.contains($0) } }
}
