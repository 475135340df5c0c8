import Emulation
import Foundation

/// The sorting of a list (spec §7.1): `search[sort]=<attr>&search[direction]=asc|desc`. Each
/// list declares its attributes with their SQL expressions and default direction; an unknown
/// attribute gives the default order, an invalid direction the attribute's own default.
/// Ties break on `id` in the same direction, so every order is total (a keyset order).
struct SortSpec {
    enum Direction: String {
        case asc
        case desc
    }

    struct Attribute {
        let names: [String]
        /// The expressions it sorts on, in priority order.
        let expressions: [String]
        let direction: Direction

        init(_ names: String..., sql: String, direction: Direction = .asc) {
            self.init(names, expressions: [sql], direction: direction)
        }

        init(_ names: [String], expressions: [String], direction: Direction = .asc) {
            self.names = names
            self.expressions = expressions
            self.direction = direction
        }
    }

    let attributes: [Attribute]
    let defaultAttribute: Attribute
    /// The table alias whose `id` breaks ties.
    let idColumn: String

    init(default defaultAttribute: Attribute, others: [Attribute] = [], idColumn: String) {
        self.defaultAttribute = defaultAttribute
        attributes = [defaultAttribute] + others
        self.idColumn = idColumn
    }

    /// A list sorted on `id` alone, ascending.
    init(idColumn: String) {
        self.init(default: Attribute([], expressions: [], direction: .asc), idColumn: idColumn)
    }

    /// The order `query` asks for.
    func order(_ query: QueryParameters) -> KeysetOrder {
        let requested = query["search[sort]"].flatMap { name in attributes.first { $0.names.contains(name) } }
        let attribute = requested ?? defaultAttribute
        let direction =
            requested == nil
            ? attribute.direction
            : (query["search[direction]"].flatMap { Direction(rawValue: $0.lowercased()) } ?? attribute.direction)
        let descending = direction == .desc
        return KeysetOrder((attribute.expressions + [idColumn]).map { KeysetOrder.Column($0, descending: descending) })
    }
}

/// The filters shared by lists (spec §7.1).
enum ListQuery {
    /// `search[states][]` values (also `search[states]`, comma-separated or repeated, and
    /// indexed `search[states][0]`); nil when the request names no states at all.
    static func states(_ query: QueryParameters) -> [String]? {
        values(query, "search[states]")
    }

    /// Every value of an array parameter `name[]` / `name` / `name[0]`…, commas split; nil when absent.
    static func values(_ query: QueryParameters, _ name: String) -> [String]? {
        query.list(name, spellings: [.brackets, .commas])
    }

    /// The text search: `search[q]` wins over `q` (spec §7.1); nil when absent or blank.
    static func searchText(_ query: QueryParameters) -> String? {
        let text = query["search[q]"] ?? query["q"]
        guard let text, !text.isBlank else { return nil }
        return text.trimmingWhitespace()
    }

    /// `search[created_at|updated_at][gt|gte|lt|lte]=<timestamp>`, ANDed; unparseable values ignored.
    static func addTimeFilters(_ query: QueryParameters, alias: String, to filter: inout SQLFilter) {
        for attribute in ["created_at", "updated_at"] {
            for (op, sql) in [("gt", ">"), ("gte", ">="), ("lt", "<"), ("lte", "<=")] {
                guard let text = query["search[\(attribute)][\(op)]"], let milliseconds = TitoFormats.parseTimestamp(text)
                else { continue }
                filter.add("\(alias).\(attribute) \(sql) ?", milliseconds)
            }
        }
    }
}
