/// How strictly a trailing `/` must match the template's.
public enum TrailingSlashPolicy: Sendable {
    /// `/events` and `/events/` both match either template (Express's default, non-strict routing).
    case ignored
    /// The request must end in `/` exactly when the template does.
    case exact
    /// A template's trailing slash is required of GET and HEAD, which are redirected to the path
    /// with it (`response` builds the redirect for the `Location` given); other methods match
    /// either way, as do templates written without one (Eventbrite §1.3, Django's APPEND_SLASH).
    case redirectReads(response: @Sendable (_ location: String) -> HTTPResponse)
}

/// An immutable table of routes, built once and then shared by every request thread.
public struct RouteTable<Entry: Sendable>: Sendable {
    public struct Match {
        public let entry: Entry
        public let template: RouteTemplate
        /// Path parameters by name, percent-decoded.
        public let parameters: [String: String]
    }

    public enum Lookup {
        case matched(Match)
        /// The path exists for this method with a trailing slash the request lacks (`redirectReads`).
        case redirectToSlash(Match)
        /// The path exists, but not for this method.
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    private struct Route: Sendable {
        let method: String
        let template: RouteTemplate
        let entry: Entry
    }

    // Routes grouped by segment count: a request only ever compares against same-length templates.
    private let routesBySegmentCount: [Int: [Route]]
    let trailingSlash: TrailingSlashPolicy

    public init(_ routes: [(method: String, template: RouteTemplate, entry: Entry)], trailingSlash: TrailingSlashPolicy) {
        var grouped: [Int: [Route]] = [:]
        for route in routes {
            grouped[route.template.segments.count, default: []].append(
                Route(method: route.method.uppercased(), template: route.template, entry: route.entry))
        }
        for key in grouped.keys {
            // Stable sort: most specific first, declaration order among equals.
            grouped[key] = grouped[key]!.enumerated().sorted { lhs, rhs in
                if lhs.element.template.isMoreSpecific(than: rhs.element.template) { return true }
                if rhs.element.template.isMoreSpecific(than: lhs.element.template) { return false }
                return lhs.offset < rhs.offset
            }.map(\.element)
        }
        routesBySegmentCount = grouped
        self.trailingSlash = trailingSlash
    }

    /// Finds the route for `method` and a raw (still percent-encoded) `path`. HEAD falls back to GET.
    public func lookup(method: String, path: String) -> Lookup {
        // Split on the byte, as HTTP servers do: splitting on characters would break the whole
        // path into graphemes first.
        var segments = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst().map(Substring.init)
        let endsWithSlash = segments.count > 1 && segments.last?.isEmpty == true
        if endsWithSlash { segments.removeLast() }
        if segments.count == 1 && segments[0].isEmpty { segments = [] }  // the root path "/"
        let decoded = segments.map { PercentDecoding.decode($0, plusAsSpace: false) }

        var allowed: [String] = []
        var getMatch: Match?
        for route in routesBySegmentCount[decoded.count] ?? [] {
            if case .exact = trailingSlash, route.template.hasTrailingSlash != endsWithSlash { continue }
            guard let parameters = Self.match(route.template, decoded) else { continue }
            let match = Match(entry: route.entry, template: route.template, parameters: parameters)
            if route.method == method { return resolved(match, method: method, endsWithSlash: endsWithSlash) }
            if route.method == "GET" && getMatch == nil { getMatch = match }
            if !allowed.contains(route.method) { allowed.append(route.method) }
        }
        if method == "HEAD", let getMatch { return resolved(getMatch, method: method, endsWithSlash: endsWithSlash) }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }

    /// A match, or the redirect `redirectReads` asks for when a read lacks the template's slash.
    private func resolved(_ match: Match, method: String, endsWithSlash: Bool) -> Lookup {
        if case .redirectReads = trailingSlash, match.template.hasTrailingSlash, !endsWithSlash,
            method == "GET" || method == "HEAD"
        {
            return .redirectToSlash(match)
        }
        return .matched(match)
    }

    private static func match(_ template: RouteTemplate, _ segments: [String]) -> [String: String]? {
        // Checked before any parameter is kept: a request is compared with every template of its
        // length until one matches, and most fail on a literal after a parameter or two.
        for (segment, value) in zip(template.segments, segments) {
            switch segment {
            case .literal(let literal):
                guard literal == value else { return nil }
            case .parameter:
                guard !value.isEmpty else { return nil }
            }
        }
        var parameters: [String: String] = [:]
        for case (.parameter(let name), let value) in zip(template.segments, segments) { parameters[name] = value }
        return parameters
    }
}
