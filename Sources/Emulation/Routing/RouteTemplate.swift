/// A path template such as `/v3/{account_slug}/events`: literal segments and `{name}` parameters.
public struct RouteTemplate: Sendable, Hashable, CustomStringConvertible {
    enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }

    /// The template as written, e.g. `/developers/v1.0/event/{id}`.
    public let text: String
    let segments: [Segment]
    /// Whether the template ends in `/` (Eventbrite's paths do); see `RouteTable` for how it matches.
    let hasTrailingSlash: Bool

    public init(_ text: String) {
        self.text = text
        hasTrailingSlash = text.count > 1 && text.hasSuffix("/")
        segments = text.split(separator: "/", omittingEmptySubsequences: true).map { part in
            if part.hasPrefix("{") && part.hasSuffix("}") {
                return .parameter(String(part.dropFirst().dropLast()))
            }
            return .literal(String(part))
        }
    }

    public var description: String { text }

    /// Literal segments rank before parameters, position by position, so `/events/search`
    /// beats `/events/{id}` whatever the declaration order.
    func isMoreSpecific(than other: RouteTemplate) -> Bool {
        for (mine, theirs) in zip(segments, other.segments) {
            switch (mine, theirs) {
            case (.literal, .parameter): return true
            case (.parameter, .literal): return false
            default: continue
            }
        }
        return false
    }
}
