/// Why a query parameter could not be read. It names the parameter and what was wrong, and each
/// provider renders it in its own error body.
public struct QueryParameterError: Error, Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        /// Given more than once where one value is allowed.
        case repeated
        case notAnInteger
        /// An integer outside the bounds the reader was given.
        case outOfBounds(ClosedRange<Int>)
        case notABoolean
    }

    public let name: String
    /// The offending value (the first one, for a repeated parameter).
    public let value: String
    public let problem: Problem

    public init(name: String, value: String, problem: Problem) {
        self.name = name
        self.value = value
        self.problem = problem
    }
}
