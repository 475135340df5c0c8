extension JSONValue {
    /// The value with dotted keys expanded into nested objects, as Eventbrite reads bodies
    /// (its spec §1.4): `{"event.name.html": "x"}` ≡ `{"event": {"name": {"html": "x"}}}`.
    ///
    /// Every key of every object is split on `.` (objects inside arrays too); the segments create
    /// or enter nested objects and the last one receives the value. An object value merges into
    /// an object already there; anything else replaces what was there, so when the same leaf is
    /// given twice the last one wins. Keys keep the position where they first appeared.
    /// Decided here, as the spec is silent: a key with an empty segment (`a..b`, `.a`, `a.`) is
    /// kept as written, and so is one that would nest deeper than the JSON parser allows.
    public func expandingDottedKeys() -> JSONValue {
        DottedKeyExpansion.expand(self, depth: 0)
    }
}

private enum DottedKeyExpansion {
    /// As deep as `JSONParser` lets a document nest.
    static let maximumDepth = 512

    static func expand(_ value: JSONValue, depth: Int) -> JSONValue {
        switch value {
        case .object(let object):
            let node = ObjectNode()
            node.merge(object, depth: depth)
            return .object(node.json())
        case .array(let elements):
            return .array(elements.map { expand($0, depth: depth + 1) })
        default:
            return value
        }
    }

    /// An object being built, with an index so merging many keys costs no scans.
    final class ObjectNode {
        enum Member {
            case value(JSONValue)
            case object(ObjectNode)
        }

        private var keys: [String] = []
        private var members: [String: Member] = [:]

        /// Merges every member of `object` (this node sits `depth` levels below the top).
        func merge(_ object: JSONObject, depth: Int) {
            for (key, value) in object {
                var segments = key.split(separator: ".", omittingEmptySubsequences: false)
                if segments.count > 1, segments.contains(where: \.isEmpty) || depth + segments.count > maximumDepth {
                    segments = [Substring(key)]
                }
                var node = self
                for segment in segments.dropLast() {
                    node = node.child(String(segment))
                }
                let leafDepth = depth + segments.count
                if case .object(let inner) = value {
                    node.child(String(segments[segments.count - 1])).merge(inner, depth: leafDepth)
                } else {
                    node.set(String(segments[segments.count - 1]), .value(expand(value, depth: leafDepth)))
                }
            }
        }

        /// The object at `key`, created (replacing a non-object) when there is none.
        private func child(_ key: String) -> ObjectNode {
            if case .object(let node)? = members[key] { return node }
            let node = ObjectNode()
            set(key, .object(node))
            return node
        }

        private func set(_ key: String, _ member: Member) {
            if members.updateValue(member, forKey: key) == nil { keys.append(key) }
        }

        func json() -> JSONObject {
            JSONObject(
                keys.compactMap { key in
                    switch members[key] {
                    case .value(let value)?: return (key, value)
                    case .object(let node)?: return (key, .object(node.json()))
                    case nil: return nil  // every key has a member; `set` keeps them together
                    }
                })
        }
    }
}
