import Emulation

/// The two views of a resource (spec §6): short in lists, extended for single records, either
/// chosen with `?view=`. Extended objects carry `"view": "extended"`.
enum View {
    case short
    case extended

    static func resolve(_ query: QueryParameters, default defaultView: View) -> View {
        switch query["view"]?.lowercased() {
        case "extended": return .extended
        case "short": return .short
        default: return defaultView
        }
    }

    var isExtended: Bool { self == .extended }
}

/// Pieces of list `meta` that several lists share (spec §7, §11).
enum ListMeta {
    /// `"filter_options": {"sections": {"states": …}, "collection": false, "states": []}`.
    static func writeEmptyFilterOptions(to json: inout JSONBuilder) {
        json.object("filter_options") { json in
            writeSections(to: &json)
            json.field("collection", false)
            json.field("states", array: { _ in })
        }
    }

    /// `"filter_options"` of a list filtered by state alone: the states section, its state
    /// `options` and those `selected`.
    static func writeStateFilter(options: [(label: String, value: String)], selected: [String], to json: inout JSONBuilder) {
        json.object("filter_options") { json in
            writeSections(to: &json)
            json.field("collection", false)
            writeStates(options: options, selected: selected, to: &json)
        }
    }

    /// What a list that hides some states by default adds to its `meta`: how many records it
    /// hides, and which states.
    static func writeHidden(_ count: Int, states: [String], to json: inout JSONBuilder) {
        json.field("resources_hidden_by_default_count", count)
        json.key("search_states_hidden_by_default")
        writeStrings(states, to: &json)
    }

    /// `"sections"`: a closed section for each filter, `{"<key>": {"label": …, "open": false}, …}`;
    /// by default the states' alone.
    static func writeSections(_ sections: [(key: String, label: String)] = [("states", "Status")], to json: inout JSONBuilder) {
        json.object("sections") { json in
            for (key, label) in sections {
                json.key(escaping: key)
                json.object { json in
                    json.field("label", label)
                    json.field("open", false)
                }
            }
        }
    }

    /// `"states"`, a filter's state options, and `"selected_states"`, those it applies.
    static func writeStates(options: [(label: String, value: String)], selected: [String], to json: inout JSONBuilder) {
        json.key("states")
        writeOptions(options, to: &json)
        json.key("selected_states")
        writeStrings(selected, to: &json)
    }

    /// `[{"label": …, "value": …}, …]`.
    static func writeOptions(_ options: [(label: String, value: String)], to json: inout JSONBuilder) {
        json.array { json in
            for option in options {
                json.object { json in
                    json.field("label", option.label)
                    json.field("value", option.value)
                }
            }
        }
    }

    /// `"sort_options": {label: {"attr": …, "direction": …, "default": true?}, …}`.
    static func writeSortOptions(_ options: [(label: String, attr: String, direction: String, isDefault: Bool)], to json: inout JSONBuilder) {
        json.object("sort_options") { json in
            for option in options {
                json.key(escaping: option.label)
                json.object { json in
                    json.field("attr", option.attr)
                    json.field("direction", option.direction)
                    if option.isDefault { json.field("default", true) }
                }
            }
        }
    }

    static func writeStrings(_ values: [String], to json: inout JSONBuilder) {
        json.array { json in
            for value in values { json.string(value) }
        }
    }
}

extension JSONBuilder {
    /// A member whose value is an object.
    mutating func object(_ key: StaticString, _ body: (inout JSONBuilder) throws -> Void) rethrows {
        try field(key, object: body)
    }
}
