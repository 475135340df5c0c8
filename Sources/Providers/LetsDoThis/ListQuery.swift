import Foundation
import Emulation

/// A date column lists sort and filter by.
enum DateField: Sendable {
    case created
    case updated

    var column: String { self == .created ? "created_at" : "updated_at" }
}

/// The validated query of a paginated list (spec §4.2), checked in the spec's parameter order
/// with Ajv's messages; the first failure answers.
struct ListQuery {
    /// One sort key: a date column and its direction.
    struct SortKey {
        let field: DateField
        let descending: Bool
    }

    var size = ListQuery.defaultSize
    var after: String?
    var before: String?
    /// In the order their parameters first appear in the raw query (the first is primary); empty
    /// means the default order, `createdAt` ascending.
    var sort: [SortKey] = []
    var createdAfter: Double?
    var createdBefore: Double?
    var updatedAfter: Double?
    var updatedBefore: Double?
    var extendMetadata = false

    static let defaultSize = 100
    static let maximumSize = 500

    var hasDateFilter: Bool { createdAfter != nil || createdBefore != nil || updatedAfter != nil || updatedBefore != nil }

    /// Reads the pagination set. `leading` names the endpoint's own filter parameters that the
    /// spec validates first (`eventOccurrenceId`, `search`); their values are returned in order.
    static func parse(
        _ query: QueryParameters, leading: [String] = [], extendMetadata acceptsMetadata: Bool, settings: LetsDoThisSettings
    ) throws -> (ListQuery, leading: [String?]) {
        let leadingValues = try leading.map { try string(query, $0) }
        var list = ListQuery()
        if let size = try number(query, "page[size]") {
            guard size >= 1 else { throw LetsDoThisError.validation("querystring/page[size] must be >= 1") }
            guard size <= Double(maximumSize) else { throw LetsDoThisError.validation("querystring/page[size] must be <= \(maximumSize)") }
            list.size = Int(size.rounded(.towardZero))
        }
        list.after = try string(query, "page[after]")
        list.before = try string(query, "page[before]")
        let updatedOrder = try sortDirection(query, "sort[updatedAt]")
        let createdOrder = try sortDirection(query, "sort[createdAt]")
        list.createdAfter = try dateTime(query, "createdAt[after]", settings: settings)
        list.createdBefore = try dateTime(query, "createdAt[before]", settings: settings)
        list.updatedAfter = try dateTime(query, "updatedAt[after]", settings: settings)
        list.updatedBefore = try dateTime(query, "updatedAt[before]", settings: settings)
        if acceptsMetadata {
            list.extendMetadata = try boolean(query, "extendMetadata") ?? false
        }
        if acceptsMetadata && settings.alwaysExtendMetadata { list.extendMetadata = true }

        // With both sort parameters, the one written first in the query string is the primary key.
        var keys: [(position: Int, key: SortKey)] = []
        if let updatedOrder, let position = query.items.firstIndex(where: { $0.name == "sort[updatedAt]" }) {
            keys.append((position, SortKey(field: .updated, descending: updatedOrder)))
        }
        if let createdOrder, let position = query.items.firstIndex(where: { $0.name == "sort[createdAt]" }) {
            keys.append((position, SortKey(field: .created, descending: createdOrder)))
        }
        list.sort = keys.sorted { $0.position < $1.position }.map(\.key)

        if list.after != nil && list.before != nil { throw LetsDoThisError.bothCursors }
        return (list, leadingValues)
    }

    /// `extendMetadata` alone, for the by-id routes of applications and participants.
    static func extendMetadata(_ query: QueryParameters, settings: LetsDoThisSettings) throws -> Bool {
        let requested = try boolean(query, "extendMetadata") ?? false
        return settings.alwaysExtendMetadata || requested
    }

    // MARK: Ajv's coercion of query values ("" is null where null is allowed)

    /// The one value of a parameter: nil when absent or empty; a repeated key arrives as an
    /// array, which the scalar type refuses.
    private static func single(_ query: QueryParameters, _ name: String, type: String) throws -> String? {
        let value: String?
        do {
            value = try query.single(name, repeats: .rejected)
        } catch {
            throw LetsDoThisError.validation("querystring/\(name) must be \(type)")
        }
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    static func string(_ query: QueryParameters, _ name: String) throws -> String? {
        try single(query, name, type: "string,null")
    }

    /// JavaScript's `+value` for a non-empty string, refusing what it turns into NaN.
    private static func number(_ query: QueryParameters, _ name: String) throws -> Double? {
        guard let text = try single(query, name, type: "number,null") else { return nil }
        guard let value = javaScriptNumber(text) else { throw LetsDoThisError.validation("querystring/\(name) must be number,null") }
        return value
    }

    static func boolean(_ query: QueryParameters, _ name: String) throws -> Bool? {
        switch try single(query, name, type: "boolean,null") {
        case nil: return nil
        case "true": return true
        case "false": return false
        default: throw LetsDoThisError.validation("querystring/\(name) must be boolean,null")
        }
    }

    /// `1` → ascending (false), `-1` → descending (true).
    private static func sortDirection(_ query: QueryParameters, _ name: String) throws -> Bool? {
        switch try single(query, name, type: "string,null") {
        case nil: return nil
        case "1": return false
        case "-1": return true
        default: throw LetsDoThisError.validation("querystring/\(name) must be equal to one of the allowed values")
        }
    }

    private static func dateTime(_ query: QueryParameters, _ name: String, settings: LetsDoThisSettings) throws -> Double? {
        guard let text = try single(query, name, type: "string,null") else { return nil }
        guard let milliseconds = DateTimeFormat.milliseconds(text, zoneOptional: settings.lenientDateTime) else {
            throw LetsDoThisError.validation("querystring/\(name) must match format \"date-time\"")
        }
        return milliseconds
    }

    /// JavaScript's `Number(text)`, which Ajv's coercion uses: surrounding whitespace ignored,
    /// nothing else meaning 0, decimals with exponents, `Infinity`, and unsigned `0x`, `0o` and
    /// `0b` integers; nil where it gives NaN.
    static func javaScriptNumber(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch trimmed {
        case "": return 0
        case "Infinity", "+Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: break
        }
        let scalars = Array(trimmed.unicodeScalars)
        if scalars.count > 2, scalars[0] == "0", let radix = ["x": 16, "X": 16, "o": 8, "O": 8, "b": 2, "B": 2][scalars[1]] {
            var value = 0.0
            for scalar in scalars.dropFirst(2) {
                guard let digit = Int(String(scalar), radix: radix) else { return nil }
                value = value * Double(radix) + Double(digit)
            }
            return value
        }
        guard scalars.allSatisfy({ "0123456789+-.eE".unicodeScalars.contains($0) }), let value = Double(trimmed) else { return nil }
        return value
    }
}
