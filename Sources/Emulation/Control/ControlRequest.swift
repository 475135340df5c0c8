import HTTPServer

/// A request to the control API, with what its handlers need.
struct ControlRequest {
    let http: HTTPRequest
    let query: QueryParameters
    let parameters: [String: String]
    let emulator: Emulator
    let world: World

    /// The JSON object body; an empty body counts as `{}`.
    func objectBody() throws -> JSONObject {
        try http.controlObjectBody()
    }

    /// The provider named by `?provider=` (nil when absent); unknown names are a 404.
    func providerFilter() throws -> MountedProvider? {
        guard let name = query["provider"], !name.isEmpty else { return nil }
        guard let provider = emulator.provider(named: name) else { throw ControlError.notFound("Unknown provider \(name)") }
        return provider
    }
}
