/// Collects validation failures so all failing attributes are reported at once (spec §8), each
/// with its messages in the order the checks ran.
struct ValidationErrors {
    private(set) var entries: [(attribute: String, messages: [String])] = []

    static let blank = "can't be blank"
    static let taken = "has already been taken"
    static let notIncluded = "is not included in the list"
    static let invalid = "is invalid"
    static let notANumber = "is not a number"
    static let negative = "must be greater than or equal to 0"

    mutating func add(_ attribute: String, _ message: String) {
        if let index = entries.firstIndex(where: { $0.attribute == attribute }) {
            if !entries[index].messages.contains(message) { entries[index].messages.append(message) }
        } else {
            entries.append((attribute, [message]))
        }
    }

    func has(_ attribute: String) -> Bool { entries.contains { $0.attribute == attribute } }

    var isEmpty: Bool { entries.isEmpty }

    /// Throws the 422 when anything failed.
    func check() throws {
        if !entries.isEmpty { throw TitoError.unprocessable(entries) }
    }
}
