import Foundation
import HTTPServer

/// `/_understudy/clock`: read, freeze, advance and release the world's emulated time.
enum ClockEndpoints {
    static let show: ControlAPI.Handler = { request in state(request.world.clock) }

    static let freeze: ControlAPI.Handler = { request in
        let body = try request.objectBody()
        guard let text = body["now"]?.stringValue, let instant = Timestamp.parse(text) else {
            throw ControlError.badRequest("Body must be {\"now\": \"<ISO 8601 date-time>\"}, e.g. {\"now\": \"2025-08-01T00:00:00Z\"}")
        }
        try checkRepresentable(instant)
        request.world.clock.freeze(at: instant)
        return state(request.world.clock)
    }

    static let advance: ControlAPI.Handler = { request in
        let body = try request.objectBody()
        guard let seconds = body["seconds"]?.doubleValue, seconds.isFinite else {
            throw ControlError.badRequest("Body must be {\"seconds\": <number>}")
        }
        try checkRepresentable(request.world.clock.now.addingTimeInterval(seconds))
        request.world.clock.advance(by: seconds)
        return state(request.world.clock)
    }

    static let release: ControlAPI.Handler = { request in
        request.world.clock.release()
        return state(request.world.clock)
    }

    /// Timestamps are written with four-digit years, so the clock stays within them.
    private static func checkRepresentable(_ instant: Date) throws {
        guard Timestamp.representableRange.contains(instant) else {
            throw ControlError.badRequest("The clock must stay between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z")
        }
    }

    private static func state(_ clock: EmulatedClock) -> HTTPResponse {
        ControlAPI.ok(["now": .string(Timestamp.iso8601Milliseconds(clock.now)), "frozen": .bool(clock.isFrozen)])
    }
}
