/// Reads typed settings from environment variables (`UNDERSTUDY_*`, and each provider's own:
/// `GOEVENT_*`, `LDT_*`, `TITO_*`…) and collects every problem instead of stopping at the first,
/// so that start-up can name them all in one line (`check()`).
///
/// A variable that is unset, empty or only spaces counts as absent: the read returns its
/// default. A value that cannot be used is a problem, and the read returns the default too, so
/// reading goes on and later problems are found as well.
public struct SettingsReader {
    private var values: [String: String]
    /// How problems name a setting given on the command line (`--port`) rather than by variable.
    private var labels: [String: String] = [:]
    public private(set) var problems: [String] = []

    public init(_ environment: [String: String]) {
        values = environment
    }

    /// Makes a command-line option win over the variable of the same setting; problems with its
    /// value then name the option.
    public mutating func override(_ name: String, with value: String?, option: String) {
        guard let value else { return }
        values[name] = value
        labels[name] = option
    }

    /// Throws every problem found so far, as one error.
    public func check() throws(SettingsError) {
        if !problems.isEmpty { throw SettingsError(problems: problems) }
    }

    /// Records a problem the caller found (a folder that does not exist, a missing setting).
    public mutating func report(_ problem: String) {
        problems.append(problem)
    }

    // MARK: - Reads

    /// The value as written (not trimmed: secrets and paths keep their spaces), or nil when absent.
    public func string(_ name: String) -> String? {
        guard let value = values[name], !value.trimmingWhitespace().isEmpty else { return nil }
        return value
    }

    public func string(_ name: String, default defaultValue: String) -> String {
        string(name) ?? defaultValue
    }

    /// `true`/`false`, `1`/`0`, `yes`/`no` or `on`/`off`, in any case.
    public mutating func flag(_ name: String, default defaultValue: Bool) -> Bool {
        trimmedValue(name, expecting: "true or false (or 1/0, yes/no, on/off)") { text in
            switch text.lowercased() {
            case "true", "1", "yes", "on": return true
            case "false", "0", "no", "off": return false
            default: return nil
            }
        } ?? defaultValue
    }

    /// One of `choices` (compared without regard to case), each naming the value it stands for.
    public mutating func choice<Value>(_ name: String, _ choices: [(String, Value)], default defaultValue: Value) -> Value {
        let names = choices.map { "\"\($0.0)\"" }
        let expectation = names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
        return trimmedValue(name, expecting: expectation) { text in
            choices.first { $0.0.lowercased() == text.lowercased() }?.1
        } ?? defaultValue
    }

    /// One of an enumeration's raw values.
    public mutating func choice<Value: CaseIterable & RawRepresentable>(_ name: String, default defaultValue: Value) -> Value
    where Value.RawValue == String {
        choice(name, Value.allCases.map { ($0.rawValue, $0) }, default: defaultValue)
    }

    /// A whole number within `range`; nil when absent or unusable.
    public mutating func integer(_ name: String, in range: ClosedRange<Int>) -> Int? {
        trimmedValue(name, expecting: "a whole number from \(range.lowerBound) to \(range.upperBound)") { text in
            Int(text).flatMap { range.contains($0) ? $0 : nil }
        }
    }

    public mutating func integer(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int) -> Int {
        integer(name, in: range) ?? defaultValue
    }

    /// Strings given as a JSON array (`["a", "b"]`) or as a comma-separated list (`a, b`); empty
    /// items of a comma list are dropped.
    public mutating func list(_ name: String) -> [String]? {
        guard let text = string(name)?.trimmingWhitespace() else { return nil }
        guard text.hasPrefix("[") else {
            return text.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        return array(name, expecting: "a JSON array of strings or a comma-separated list", \.stringValue)
    }

    /// Any JSON document; nil when absent or not JSON.
    public mutating func json(_ name: String, expecting expectation: String) -> JSONValue? {
        guard let text = string(name) else { return nil }
        guard let value = try? JSONParser.parse(text) else {
            problems.append("\(label(name)) must be \(expectation)")
            return nil
        }
        return value
    }

    /// A JSON object, each member made an element by `member`; nil when absent. The whole
    /// setting is a problem when it is not an object or when `member` refuses one member.
    /// The problem does not repeat the value: such settings often hold tokens.
    public mutating func object<Element>(
        _ name: String, expecting expectation: String, _ member: (String, JSONValue) -> Element?
    ) -> [Element]? {
        guard let value = json(name, expecting: expectation) else { return nil }
        guard let object = value.objectValue, let elements = Self.all(object.map { member($0.key, $0.value) }) else {
            problems.append("\(label(name)) must be \(expectation)")
            return nil
        }
        return elements
    }

    /// A JSON array, each item made an element by `element`; nil when absent. As for `object`.
    public mutating func array<Element>(
        _ name: String, expecting expectation: String, _ element: (JSONValue) -> Element?
    ) -> [Element]? {
        guard let value = json(name, expecting: expectation) else { return nil }
        guard let array = value.arrayValue, let elements = Self.all(array.map(element)) else {
            problems.append("\(label(name)) must be \(expectation)")
            return nil
        }
        return elements
    }

    /// The value made a `Value` by `parse` (given the text as written); nil when absent or when
    /// `parse` refuses it, which is then a problem: `NAME must be EXPECTATION, not "text"`.
    public mutating func value<Value>(_ name: String, expecting expectation: String, _ parse: (String) -> Value?) -> Value? {
        guard let text = string(name) else { return nil }
        guard let value = parse(text) else {
            problems.append("\(label(name)) must be \(expectation), not \"\(text)\"")
            return nil
        }
        return value
    }

    /// `value`, given the text without surrounding spaces (typed reads forgive them).
    private mutating func trimmedValue<Value>(_ name: String, expecting expectation: String, _ parse: (String) -> Value?) -> Value? {
        value(name, expecting: expectation) { parse($0.trimmingWhitespace()) }
    }

    /// The name problems use: the command-line option when one was given, else the variable.
    private func label(_ name: String) -> String {
        labels[name] ?? name
    }

    private static func all<Element>(_ elements: [Element?]) -> [Element]? {
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            guard let element else { return nil }
            result.append(element)
        }
        return result
    }
}
