import Emulation

/// The expansions a request asks for (spec §5), read once from its query:
///
/// - v1, `expand=venue,organizer.logo`: names for the response's top-level objects, nested with
///   dots up to four levels (deeper levels are ignored);
/// - v2, `expand.event=venue,organizer`: names for every object of that `_type`, at any depth
///   (`expand.order=event,event.venue` nests under the order's event only);
/// - `expand=none`: nothing at all, not even the defaults;
/// - no `expand` parameter of either kind: the defaults of §5.3 (an event's `logo`).
///
/// v1 and v2 combine by union. Unknown names are ignored, as the live API does.
struct ExpansionRequest: Sendable {
    /// The deepest expansion honoured (§5.1).
    static let maximumDepth = 4

    /// Expansions applied when the request names none (§5.3), by `_type`.
    static let defaults: [String: Set<String>] = ["event": ["logo"]]

    let topLevel: ExpansionTree
    let byType: [String: ExpansionTree]
    let isNone: Bool
    /// True when the query has no `expand` or `expand.*` parameter at all.
    let usesDefaults: Bool

    init(query: QueryParameters) {
        var topLevel = ExpansionTree()
        var byType: [String: ExpansionTree] = [:]
        var isNone = false
        var mentioned = false
        for (name, value) in query.items {
            if name == "expand" {
                mentioned = true
                for path in Self.paths(value) {
                    if path == ["none"] { isNone = true }
                    topLevel.insert(path)
                }
            } else if name.hasPrefix("expand.") {
                mentioned = true
                let type = String(name.dropFirst("expand.".count))
                guard !type.isEmpty else { continue }
                for path in Self.paths(value) { byType[type, default: ExpansionTree()].insert(path) }
            }
        }
        self.topLevel = isNone ? ExpansionTree() : topLevel
        self.byType = isNone ? [:] : byType
        self.isNone = isNone
        usesDefaults = !mentioned
    }

    /// What applies to the response's top-level objects, which are of `type`.
    func scope(for type: String) -> ExpansionScope {
        ExpansionScope(request: self, type: type, path: topLevel, depth: 0)
    }

    /// The dotted names of one parameter value: comma-separated, or a JSON array of strings.
    private static func paths(_ value: String) -> [[String]] {
        let names: [String]
        if value.hasPrefix("["), let array = (try? JSONParser.parse(value))?.arrayValue {
            names = array.compactMap(\.stringValue)
        } else {
            names = value.split(separator: ",").map { $0.trimmingWhitespace() }
        }
        return names.compactMap { name in
            let parts = name.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
            return parts.isEmpty ? nil : Array(parts.prefix(maximumDepth))
        }
    }
}

/// A tree of expansion names: `organizer.logo` is `organizer` with the child `logo`.
struct ExpansionTree: Sendable, Equatable {
    var children: [String: ExpansionTree] = [:]

    mutating func insert(_ path: some Collection<String>) {
        guard let first = path.first else { return }
        children[first, default: ExpansionTree()].insert(path.dropFirst())
    }

    func merged(with other: ExpansionTree) -> ExpansionTree {
        var result = self
        for (name, child) in other.children {
            result.children[name] = result.children[name].map { $0.merged(with: child) } ?? child
        }
        return result
    }
}

/// The expansions that apply to one object being rendered: those its position in the response
/// asks for (v1 path, or a v2 path of an enclosing object), those asked for its `_type` (v2),
/// and the defaults when the request names none.
struct ExpansionScope: Sendable {
    let request: ExpansionRequest
    let type: String
    private let names: ExpansionTree
    let depth: Int

    init(request: ExpansionRequest, type: String, path: ExpansionTree, depth: Int) {
        self.request = request
        self.type = type
        self.depth = depth
        // Objects nested deeper than the limit expand nothing more, which also ends any cycle
        // v2 could describe (`expand.order=attendees&expand.attendee=order`).
        if depth >= ExpansionRequest.maximumDepth {
            names = ExpansionTree()
        } else if let typed = request.byType[type] {
            names = path.merged(with: typed)
        } else {
            names = path
        }
    }

    func contains(_ name: String) -> Bool {
        if names.children[name] != nil { return true }
        return request.usesDefaults && depth == 0 && ExpansionRequest.defaults[type]?.contains(name) == true
    }

    /// The scope of the object the expansion `name` embeds, of `_type` `type`.
    func child(_ name: String, type: String) -> ExpansionScope {
        ExpansionScope(request: request, type: type, path: names.children[name] ?? ExpansionTree(), depth: depth + 1)
    }
}
