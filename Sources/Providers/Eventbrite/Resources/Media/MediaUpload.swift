import Emulation

/// An upload begun with `GET /media/upload/` (spec §8.20): its token (also the storage key the
/// file is posted under), the kind of image it is for, the file once the client has posted it
/// to the upload URL, and the image `POST /media/upload/` made of it (a token is used once).
struct MediaUpload: StoredRecord {
    var token = ""
    var type = ""
    var userID: Int64 = 0
    var created = EpochSeconds(0)
    var fileName: String?
    var contentType: String?
    /// The uploaded bytes, base64-encoded (the table keeps text).
    var fileBase64: String?
    var imageID: Int64?

    static let table = RecordTable("eventbrite_media_uploads", of: MediaUpload.self, primaryKey: ["token"])

    /// The `type` values of the seed's Media Upload structure.
    static let types: Set<String> = [
        "image-event-logo", "image-event-logo-preserve-quality", "image-event-view-from-seat", "image-organizer-logo",
        "image-user-photo", "image-structured-content",
    ]
}
