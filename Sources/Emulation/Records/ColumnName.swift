/// The stored and JSON name of a Swift property: `eventID` → `event_id`, `showEmail` →
/// `show_email`, `activityIDs` → `activity_ids`, `notATicket` → `not_a_ticket`. A word starts
/// where a lower-case letter or digit meets an upper-case one, and at the last capital of a run
/// of capitals that a lower-case word follows (`ATicket`: `a`, `ticket`), unless that word is
/// the plural `s` of an abbreviation (`IDs`). The result is lower-cased. Records, seeds and JSON
/// columns share this one rule, so a property's name is the only place its column is spelled.
enum ColumnName {
    static func snakeCase(_ property: String) -> String {
        let characters = Array(property)
        var result = ""
        result.reserveCapacity(property.utf8.count + 4)
        for (index, character) in characters.enumerated() {
            if character.isUppercase && index > 0 {
                let previous = characters[index - 1]
                if previous.isLowercase || previous.isNumber {
                    result.append("_")
                } else if previous.isUppercase, startsWordAfterCapitals(characters, index) {
                    result.append("_")
                }
            }
            result.append(contentsOf: character.lowercased())
        }
        return result
    }

    /// Whether the capital at `index`, after another capital, begins a lower-case word: it is
    /// followed by a lower-case letter that is not a lone plural `s` ending the word.
    private static func startsWordAfterCapitals(_ characters: [Character], _ index: Int) -> Bool {
        guard index + 1 < characters.count, characters[index + 1].isLowercase else { return false }
        let pluralS = characters[index + 1] == "s" && (index + 2 == characters.count || !characters[index + 2].isLowercase)
        return !pluralS
    }
}

/// How a record's property names are spelled as keys of a JSON object (seed files, JSON columns).
public enum JSONKeyStyle: Sendable {
    /// The column's own name: `eventID` → `event_id` (Tito, Eventbrite, bookingkit).
    case snakeCase
    /// The column's name in lower camel case: `eventID` → `eventId` (GoEvent, Let's Do This).
    case camelCase

    func key(_ property: String) -> String {
        key(column: ColumnName.snakeCase(property))
    }

    /// The key of the column `name` (snake_case): `event_occurrence_id` → `eventOccurrenceId`.
    public func key(column name: String) -> String {
        guard self == .camelCase else { return name }
        var result = ""
        var upperNext = false
        for character in name {
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
