import HTTPServer

/// `/_understudy/{provider}/faults`: make the next matching requests fail with a chosen status,
/// rendered in the provider's own error body.
enum FaultEndpoints {
    static let list: ControlAPI.Handler = { request in
        let faults = request.world.faults.armed(provider: request.parameters["provider"]!)
        return ControlAPI.ok(["faults": .array(faults.map(json))])
    }

    static let arm: ControlAPI.Handler = { request in
        let body = try request.objectBody()
        let status = integer(body["status"], default: 500)
        guard let status, (400...599).contains(status) else {
            throw ControlError.badRequest("status must be an integer between 400 and 599")
        }
        let times = integer(body["times"], default: 1)
        guard let times, times >= 1 else { throw ControlError.badRequest("times must be a positive integer") }
        for key in ["method", "path", "error"] where body[key] != nil && body[key]?.stringValue == nil && body[key] != .null {
            throw ControlError.badRequest("\(key) must be a string")
        }
        let fault = Fault(
            provider: request.parameters["provider"]!, method: body["method"]?.stringValue, path: body["path"]?.stringValue,
            status: Int(status), error: body["error"]?.stringValue, times: Int(times))
        request.world.faults.arm(fault)
        return ControlAPI.ok(json(fault), status: 201)
    }

    static let clear: ControlAPI.Handler = { request in
        request.world.faults.clear(provider: request.parameters["provider"]!)
        return .empty(status: 204)
    }

    /// A member that must be a whole number when present: `default` when absent, nil when not a number.
    private static func integer(_ value: JSONValue?, default defaultValue: Int64) -> Int64? {
        guard let value, value != .null else { return defaultValue }
        return value.intValue
    }

    private static func json(_ fault: Fault) -> JSONValue {
        [
            "method": .string(fault.method), "path": .string(fault.path), "status": .int(fault.status),
            "error": .string(fault.error), "times": .int(fault.remaining),
        ]
    }
}
