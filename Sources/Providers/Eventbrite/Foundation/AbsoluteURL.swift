/// The URLs Eventbrite takes as values (a ticket buyer's redirect, a webhook's endpoint, a
/// structured content video): absolute `http` or `https` URLs with a host and no whitespace.
enum AbsoluteURL {
    static func isValid(_ text: String) -> Bool {
        text.count <= 2048 && !host(of: text).isEmpty && !text.contains(where: { $0.isWhitespace })
    }

    /// The host (with any port) of a valid URL, lower-cased; empty when there is none.
    static func host(of text: String) -> String {
        let lower = text.lowercased()
        guard let scheme = ["http://", "https://"].first(where: lower.hasPrefix) else { return "" }
        return String(lower.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    }
}
