import Emulation
import Foundation

/// Media (spec §8.20): images by id (any user may read them), and the three-step upload: `GET
/// /media/upload/` hands out a token and where to post the file, the client posts it there (the
/// mock's own storage, `POST /_understudy/eventbrite/s3/`, which serves it back on `GET
/// /_understudy/eventbrite/s3/{key}`), and `POST /media/upload/` turns the token into an image.
enum Media: EventbriteResourceGroup {
    static let tables = [Image.table, MediaUpload.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for image in try seed.records(Image.self, "media.json", key: "images") { try database.insert(image) }
    }

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/media/{media_id}/", example: "/media/12345/?width=10&height=15") { request in
                let id = try request.id("media_id", orNotFound: .media)
                var arguments = QueryArguments(request.query)
                let thumbnail = Image.Thumbnail(width: dimension(&arguments, "width"), height: dimension(&arguments, "height"))
                try arguments.errors.check()
                let presenter = thumbnail == Image.Thumbnail() ? Image.presenter : Image.presenter(thumbnail: thumbnail)
                return try EventbriteResponse.one(presenter, id: id, request, notFound: .media)
            },
            routes.get("/media/upload/", example: "/media/upload/?type=image-event-logo", MediaUploads.instructions),
            routes.post("/media/upload/", MediaUploads.finish),
        ]
    }

    static let controlRoutes = [MediaUploads.store, MediaUploads.serve]

    /// A thumbnail side: a positive number of pixels.
    private static func dimension(_ arguments: inout QueryArguments, _ name: String) -> Int64? {
        guard let text = arguments.string(name) else { return nil }
        guard let value = Int64(text), value > 0, value <= 10_000 else {
            arguments.errors.invalid(name)
            return nil
        }
        return value
    }
}
