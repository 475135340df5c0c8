import Emulation

/// L3, L4, L5 and L8: create, update, delete and duplicate a release (spec §11.12).
enum ReleaseWrites {
    /// L3: new releases are off sale unless `state` says otherwise (spec §15 A12).
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try request.write { database in
            let scope = try Scope.event(request, principal, resource: "releases", in: database)
            let input = try Attributes(request, wrapper: "release")
            var draft = Release(eventID: scope.event.id, now: request.nowMilliseconds)
            draft.applyCreateDefaults()
            var errors = ValidationErrors()
            let requestedSlug = try draft.apply(input, isCreate: true, errors: &errors, in: database)
            try draft.assignNewSlug(requested: requestedSlug, errors: &errors, in: database)
            try errors.check()
            draft.id = try Identifiers.next("releases", in: database)
            draft.position = try Release.nextPosition(event: scope.event.id, in: database)
            try database.insert(draft)
            return try ReleaseView.rendering.single("release", id: draft.id, status: 201, request, scope, in: database)
        }
    }

    /// L4: partial; the slug changes only when `slug` is sent.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try Release.write(request, principal, resource: "releases") { database, scope, release in
            let input = try Attributes(request, wrapper: "release")
            guard !input.object.isEmpty else {
                return try ReleaseView.rendering.single("release", id: release.id, request, scope, in: database)
            }
            var draft = release
            var errors = ValidationErrors()
            let requestedSlug = try draft.apply(input, isCreate: false, errors: &errors, in: database)
            try draft.assignChangedSlug(requested: requestedSlug, errors: &errors, in: database)
            try errors.check()
            draft.updatedAt = request.nowMilliseconds
            try database.update(draft)
            return try ReleaseView.rendering.single("release", id: release.id, request, scope, in: database)
        }
    }

    /// L5: refused while any ticket (void included, any mode) holds the release (spec §15 A26).
    static func delete(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try Release.write(request, principal, resource: "releases") { database, scope, release in
            if try database.queryOne("SELECT 1 FROM tito_tickets WHERE release_id = ? LIMIT 1", release.id) != nil {
                throw TitoError.unprocessable("base", "Cannot delete a release that has tickets")
            }
            try database.delete(Release.self, where: "id = ?", release.id)
            for group in TitoProvider.groups { try group.releaseDeleted(release.id, event: scope.event.id, in: database) }
        }
        return .empty(status: 204)
    }

    /// L8: a copy titled "<title> Copy" with a `-copy` slug, appended, not archived, without tickets.
    static func duplicate(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let now = request.nowMilliseconds
        return try Release.write(request, principal, resource: "releases") { database, scope, release in
            var draft = release
            draft.id = try Identifiers.next("releases", in: database)
            draft.title = release.title + " Copy"
            draft.slug = try Identifiers.uniqueSlug(release.slug + "-copy") { try draft.isTaken($0, in: database) }
            draft.position = try Release.nextPosition(event: scope.event.id, in: database)
            draft.archived = false
            draft.createdAt = now
            draft.updatedAt = now
            draft.translations = nil
            try database.insert(draft)
            return try ReleaseView.rendering.single("release", id: draft.id, status: 201, request, scope, in: database)
        }
    }
}
