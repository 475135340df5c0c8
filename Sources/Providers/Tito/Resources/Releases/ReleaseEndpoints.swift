import Emulation

/// The release endpoints L1–L12 (spec §11.12). Paths name a release by slug or id. The reads are
/// memoized: a release's `expired`, `upcoming` and `allocatable` are the only fields that read
/// the clock, and `ReleaseState` states the next instant each flips at; the questions and
/// activities a release embeds do not read it.
enum ReleaseEndpoints {
    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/releases", example: "/biscuit-box/2018/releases", ReleaseList.list).memoized(),
        Route("GET", "/{account_slug}/{event_slug}/releases/{release_slug}", example: "/biscuit-box/2018/releases/coffee-brewing", show)
            .memoized(),
        Route("POST", "/{account_slug}/{event_slug}/releases", ReleaseWrites.create),
        Route("PATCH", "/{account_slug}/{event_slug}/releases/{release_slug}", ReleaseWrites.update),
        Route("DELETE", "/{account_slug}/{event_slug}/releases/{release_slug}", ReleaseWrites.delete),
        Route("POST", "/{account_slug}/{event_slug}/releases/{release_slug}/archival", toggle { $0.archived = true }),
        Route("DELETE", "/{account_slug}/{event_slug}/releases/{release_slug}/archival", toggle { $0.archived = false }),
        Route("POST", "/{account_slug}/{event_slug}/releases/{release_slug}/duplication", ReleaseWrites.duplicate),
        Route("PATCH", "/{account_slug}/{event_slug}/releases/{release_slug}/activation", toggle { $0.offSale = false }),
        Route("PATCH", "/{account_slug}/{event_slug}/releases/{release_slug}/deactivation", toggle { $0.offSale = true }),
        Route("POST", "/{account_slug}/{event_slug}/releases/{release_slug}/publication", toggle { $0.secret = false }),
        Route("DELETE", "/{account_slug}/{event_slug}/releases/{release_slug}/publication", toggle { $0.secret = true }),
    ]

    /// L2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try Release.read(request, principal, resource: "releases") { database, scope, release in
            try ReleaseView.rendering.single("release", id: release.id, request, scope, in: database)
        }
    }

    /// L6, L7, L9–L12: sets one flag; repeating it is harmless (spec §15 A23).
    static func toggle(_ change: @escaping @Sendable (inout Release) -> Void) -> @Sendable (ProviderRequest, TitoPrincipal) throws -> HTTPResponse {
        { request, principal in
            try Release.write(request, principal, resource: "releases") { database, scope, found in
                var release = found
                change(&release)
                release.updatedAt = request.nowMilliseconds
                try database.update(release)
                return try ReleaseView.rendering.single("release", id: release.id, request, scope, in: database)
            }
        }
    }
}
