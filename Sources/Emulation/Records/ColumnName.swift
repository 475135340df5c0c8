/// The stored and JSON name of a Swift property: `eventID` → `event_id`, `showEmail` →
/// `show_email`, `activityIDs` → `activity_ids`. A word starts where a lower-case letter or digit
/// meets an upper-case one; the result is lower-cased. Records, seeds and JSON columns share this
/// one rule, so a property's name is the only place its column is spelled.
enum ColumnName {
    static func snakeCase(_ property: String) -> String {
        var result = ""
        result.reserveCapacity(property.utf8.count + 4)
        var previousIsLowerOrDigit = false
        for character in property {
            if character.isUppercase {
                if previousIsLowerOrDigit { result.append("_") }
                result.append(contentsOf: character.lowercased())
                previousIsLowerOrDigit = false
            } else {
                result.append(character)
                previousIsLowerOrDigit = character.isLowercase || character.isNumber
            }
        }
        return result
    }
}

/// How a record's property names are spelled as keys of a JSON object (seed files, JSON columns).
public enum JSONKeyStyle: Sendable {
    /// The column's own name: `eventID` → `event_id` (Tito, Eventbrite, bookingkit).
    case snakeCase
    /// The column's name in lower camel case: `eventID` → `eventId` (GoEvent, Let's Do This).
    case camelCase

    func key(_ property: String) -> String {
        let snake = ColumnName.snakeCase(property)
        guard self == .camelCase else { return snake }
        var result = ""
        var upperNext = false
        for character in snake {
            if character == "_" {
                upperNext = !result.isEmpty
            } else {
                result.append(upperNext ? Character(character.uppercased()) : character)
                upperNext = false
            }
        }
        return result
    }
}
