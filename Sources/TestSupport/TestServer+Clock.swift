/// A control call that did not answer as a test setup step needs.
public struct ControlCallFailed: Error, CustomStringConvertible {
    public let description: String
}

extension TestServer {
    /// Freezes the emulated clock at an ISO 8601 instant, so timestamps the server writes and
    /// expiry rules it applies are known in advance.
    public func freezeClock(at instant: String) throws {
        let response = try request("PUT", "/_understudy/clock", json: ["now": .string(instant)])
        guard response.status == 200 else {
            throw ControlCallFailed(description: "PUT /_understudy/clock answered \(response.status)")
        }
    }

    /// Moves the emulated clock forward (or back, for negative seconds).
    public func advanceClock(seconds: Double) throws {
        let response = try request("POST", "/_understudy/clock/advance", json: ["seconds": .double(seconds)])
        guard response.status == 200 else {
            throw ControlCallFailed(description: "POST /_understudy/clock/advance answered \(response.status)")
        }
    }
}
