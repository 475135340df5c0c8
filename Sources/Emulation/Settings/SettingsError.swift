/// Settings that cannot be used, all of them: start-up prints them as one line and exits 2.
public struct SettingsError: Error, CustomStringConvertible, Sendable {
    public let problems: [String]

    public init(problems: [String]) {
        self.problems = problems
    }

    public var description: String { problems.joined(separator: "; ") }

    /// Runs every `build` (each provider reading its settings) even after one fails, and throws
    /// the problems of all that failed as one error; other errors are thrown as they come.
    public static func gathering<Value>(_ builds: [() throws -> Value]) throws -> [Value] {
        var values: [Value] = []
        var problems: [String] = []
        for build in builds {
            do {
                values.append(try build())
            } catch let error as SettingsError {
                problems += error.problems
            }
        }
        if !problems.isEmpty { throw SettingsError(problems: problems) }
        return values
    }
}
