import Emulation

/// The API switches a request turns on or off (spec §1.7): `Eb-Api-Switches-Enabled: A,B` and
/// `Eb-Api-Switches-Disabled: …`, names of letters, digits and `_`, compared case-insensitively.
struct APISwitches: Sendable {
    /// Accepted, with no effect: it selected today's event format in 2016.
    static let eventFormatOct2016 = "EVENT_FORMAT_OCT_2016"
    /// Event objects answer `"description": null` (the seed's note on the Event description field).
    static let omitDescription = "OMIT_DESCRIPTION_FROM_EVENT_CONTAINER"
    static let known: Set<String> = [eventFormatOct2016, omitDescription]

    let enabled: Set<String>

    /// The request's switches; an unknown switch is `400 BAD_REQUEST`, one switch both enabled
    /// and disabled `409 REQUEST_CONFLICT` (the conflict is reported first: it needs no lookup).
    init(headers: HTTPHeaders) throws(EventbriteError) {
        let enabled = try Self.names(headers.values(for: "Eb-Api-Switches-Enabled"))
        let disabled = try Self.names(headers.values(for: "Eb-Api-Switches-Disabled"))
        if !enabled.isDisjoint(with: disabled) { throw EventbriteError.requestConflict }
        for name in enabled.union(disabled).sorted() where !Self.known.contains(name) {
            throw EventbriteError.unknownSwitch(name)
        }
        self.enabled = enabled
    }

    func isEnabled(_ name: String) -> Bool { enabled.contains(name) }

    private static func names(_ values: [String]) throws(EventbriteError) -> Set<String> {
        var names = Set<String>()
        for value in values {
            for part in value.split(separator: ",") {
                let name = part.trimmingWhitespace().uppercased()
                guard !name.isEmpty else { continue }
                guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                    throw EventbriteError.unknownSwitch(name)
                }
                names.insert(name)
            }
        }
        return names
    }
}
