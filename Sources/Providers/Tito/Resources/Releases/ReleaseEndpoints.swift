import Emulation

/// The release endpoints L1–L12 (spec §11.12). Paths name a release by slug or id.
enum ReleaseEndpoints {
    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/releases", example: "/biscuit-box/2018/releases", ReleaseList.list),
        Route("GET", "/{account_slug}/{event_slug}/releases/{release_slug}", example: "/biscuit-box/2018/releases/coffee-brewing", show),
        Route("POST", "/{account_slug}/{event_slug}/releases", ReleaseWrites.create),
        Route("PATCH", "/{account_slug}/{event_slug}/releases/{release_slug}", ReleaseWrites.update),
        Route("DELETE", "/{account_slug}/{event_slug}/releases/{release_slug}", ReleaseWrites.delete),
        Route("POST", "/{account_slug}/{event_slug}/releases/{release_slug}/archival", toggle("archived = 1")),
        Route("DELETE", "/{account_slug}/{event_slug}/releases/{release_slug}/archival", toggle("archived = 0")),
        Route("POST", "/{account_slug}/{event_slug}/releases/{release_slug}/duplication", ReleaseWrites.duplicate),
        Route("PATCH", "/{account_slug}/{event_slug}/releases/{release_slug}/activation", toggle("off_sale = 0")),
        Route("PATCH", "/{account_slug}/{event_slug}/releases/{release_slug}/deactivation", toggle("off_sale = 1")),
        Route("POST", "/{account_slug}/{event_slug}/releases/{release_slug}/publication", toggle("secret = 0")),
        Route("DELETE", "/{account_slug}/{event_slug}/releases/{release_slug}/publication", toggle("secret = 1")),
    ]

    /// L2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let (scope, release) = try request.read { database in
            let scope = try Scope.event(request, principal, resource: "releases", in: database)
            return (scope, try find(request, scope, in: database))
        }
        return try respond(release.id, scope: scope, status: 200, request)
    }

    /// L6, L7, L9–L12: sets one flag; repeating it is harmless (spec §15 A23).
    static func toggle(_ assignment: String) -> @Sendable (ProviderRequest, TitoPrincipal) throws -> HTTPResponse {
        { request, principal in
            let (scope, id) = try request.write { database in
                let scope = try Scope.event(request, principal, resource: "releases", in: database)
                let release = try find(request, scope, in: database)
                try database.run(
                    "UPDATE tito_releases SET \(assignment), updated_at = ? WHERE id = ?",
                    TitoFormats.milliseconds(request.now), release.id)
                return (scope, release.id)
            }
            return try respond(id, scope: scope, status: 200, request)
        }
    }

    /// The release `{release_slug}` names in the scope's event, or 404.
    static func find(_ request: ProviderRequest, _ scope: EventScope, in database: Database) throws -> ReleaseRecord {
        guard let release = try ReleaseRecord.find(request.parameter("release_slug"), event: scope.event.id, in: database) else {
            throw TitoError.notFound
        }
        return release
    }

    /// `{"release": …}`, extended unless `?view=short`, with its questions and activities.
    static func respond(_ id: Int64, scope: EventScope, status: Int, _ request: ProviderRequest) throws -> HTTPResponse {
        try request.read { database in
            guard let release = try ReleaseRecord.find(id: id, event: scope.event.id, in: database) else { throw TitoError.notFound }
            var renderer = try ReleaseRenderer(scope: scope, now: TitoFormats.milliseconds(request.now), in: database)
            try renderer.loadAssociations(in: database)
            let view = View.resolve(request.query, default: .extended)
            return .json(status: status) { json in
                json.object { json in
                    json.key("release")
                    renderer.encode(release, view: view, embedded: false, to: &json)
                }
            }
        }
    }
}
