import Emulation
import Foundation

/// The media upload flow (spec §8.20), with the mock's own storage in place of Amazon S3.
enum MediaUploads {
    /// The storage the upload instructions point at, under the control API.
    static let storagePath = "/_understudy/eventbrite/s3/"

    /// `GET /media/upload/?type=image-event-logo`: a new upload token and the form to post the
    /// file with (the fields of `upload_data`, and the file as `file`), as the live API answers.
    static func instructions(_ request: EventbriteRequest) throws -> HTTPResponse {
        var arguments = QueryArguments(request.query)
        let type = arguments.string("type")
        if type == nil {
            arguments.errors.missing("type")
        } else if let type, !MediaUpload.types.contains(type) {
            arguments.errors.invalid("type")
        }
        try arguments.errors.check()
        let upload = try request.write { database -> MediaUpload in
            var upload = MediaUpload()
            upload.token = try database.ids.digestHex("eventbrite.uploads", count: 32)
            upload.type = type ?? ""
            upload.userID = request.caller.userID
            upload.created = EpochSeconds(request.now)
            try database.insert(upload)
            return upload
        }
        let base = PublicBaseURL.of(request.http.http, settings: request.settings)
        return EventbriteResponse.json([
            "upload_method": "POST",
            "upload_token": .string(upload.token),
            "upload_url": .string(base + storagePath),
            // S3's form fields; the mock's storage needs only `key`, and takes the rest as sent.
            "upload_data": [
                "AWSAccessKeyId": "UNDERSTUDYMOCKACCESSKEY",
                "bucket": "eventbrite-uploader-incoming-mock",
                "acl": "private",
                "key": .string(upload.token),
                "signature": .string(String(upload.token.prefix(28))),
                "policy": .string(Data("{\"conditions\": [{\"key\": \"\(upload.token)\"}]}".utf8).base64EncodedString()),
            ],
            "file_parameter_name": "file",
            "type": .string(upload.type),
        ])
    }

    /// `POST /media/upload/` (no wrapper): `upload_token`, and an optional `crop_mask`
    /// (`{"top_left": {"x", "y"}, "width", "height"}`) → the new image, with the token and crop
    /// mask it was made from.
    static func finish(_ request: EventbriteRequest) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let (imageID, token) = try request.write { database -> (Int64, String) in
            var fields = body.unwrapped
            fields.rejectUnknown(allowed: ["upload_token", "crop_mask"])
            let token = fields.string("upload_token")
            if token.value == nil { fields.missing("upload_token") }
            var crop: Image.CropMask?
            switch fields.object("crop_mask") {
            case .value(var mask):
                crop = readCropMask(&mask)
                fields.absorb(mask)
            case .null, .absent: break
            }
            try fields.check()
            guard let tokenValue = token.value, var upload = try database.fetchOne(MediaUpload.self, where: "token = ?", tokenValue),
                upload.userID == request.caller.userID, upload.imageID == nil
            else { throw EventbriteError.rule("BAD_UPLOAD_TOKEN", "The upload token you are attempting to use is invalid") }
            var image = Image()
            if let encoded = upload.fileBase64 {
                let bytes = [UInt8](Data(base64Encoded: encoded) ?? Data())
                guard !bytes.isEmpty else { throw EventbriteError.rule("BAD_FILE", "The file you are attempting to upload is not valid") }
                guard let format = ImageFormat(bytes) else {
                    throw EventbriteError.rule("BAD_FORMAT", "The file format you are attempting to use is not supported")
                }
                image.originalWidth = format.width
                image.originalHeight = format.height
            } else if request.settings.requireUploadedFile {
                throw EventbriteError.rule("BAD_FILE", "The file you are attempting to upload is not valid")
            }
            if let crop {
                // A crop mask must lie inside the picture, when its size is known.
                let known = image.originalWidth > 0 && image.originalHeight > 0
                if known && (crop.topLeft.x + crop.width > image.originalWidth || crop.topLeft.y + crop.height > image.originalHeight) {
                    throw ArgumentErrors.single("crop_mask", ArgumentErrors.Code.invalid)
                }
                image.cropMask = crop
            }
            image.id = try EventbriteID.next(in: database)
            let url = PublicBaseURL.of(request.http.http, settings: request.settings) + storagePath + upload.token
            image.url = url
            image.originalURL = url
            image.aspectRatio = aspectRatio(
                width: crop?.width ?? image.originalWidth, height: crop?.height ?? image.originalHeight)
            try database.insert(image)
            upload.imageID = image.id
            try database.update(upload)
            return (image.id, upload.token)
        }
        let rendered = try request.read { database -> JSONValue in
            var json = JSONBuilder()
            try Image.presenter.writeOne(where: "i.id = ?", [imageID], context: request.context(database, type: "image"), to: &json)
            return try JSONParser.parse(json.bytes)
        }
        return EventbriteResponse.json(rendered.adding("upload_token", .string(token)))
    }

    /// A crop mask's integers, none negative.
    private static func readCropMask(_ mask: inout BodyFields) -> Image.CropMask {
        mask.rejectUnknown(allowed: ["top_left", "width", "height"])
        var crop = Image.CropMask()
        func number(_ fields: inout BodyFields, _ key: String) -> Int64 {
            switch fields.integer(key) {
            case .value(let value) where value >= 0: return value
            case .value, .null: fields.invalid(key)
            case .absent: break
            }
            return 0
        }
        if case .value(var corner) = mask.object("top_left") {
            corner.rejectUnknown(allowed: ["x", "y"])
            crop.topLeft.x = number(&corner, "x")
            crop.topLeft.y = number(&corner, "y")
            mask.absorb(corner)
        }
        crop.width = number(&mask, "width")
        crop.height = number(&mask, "height")
        return crop
    }

    /// Width over height as a short decimal string (`"2"`, `"1.5"`), as images show it; `"1"`
    /// when the size is not known.
    static func aspectRatio(width: Int64, height: Int64) -> String {
        guard width > 0, height > 0 else { return "1" }
        var text = String(format: "%.4f", Double(width) / Double(height))
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    // MARK: The mock's storage (spec §12)

    /// `POST /_understudy/eventbrite/s3/`: the multipart form `GET /media/upload/` describes
    /// (`key` and the other `upload_data` fields, the file as `file`) → `204`.
    static let store = ControlRoute("POST", "/s3/") { request in
        let body: RequestBody
        do {
            body = try request.http.readBody(BodyReading(accepting: [.multipart, .form], whenMissing: nil, whenUnknown: nil))
        } catch {
            throw ControlError.badRequest("Post the file as multipart/form-data with the upload_data fields and the file as \"file\"")
        }
        guard let key = body.field("key"), let file = body.file("file") else {
            throw ControlError.badRequest("The form needs the field \"key\" and the file \"file\"")
        }
        try request.write { database in
            guard var upload = try database.fetchOne(MediaUpload.self, where: "token = ?", key), upload.imageID == nil else {
                throw ControlError(message: "No upload is waiting for the key \(key)", status: 403)
            }
            upload.fileName = file.filename
            upload.contentType = file.contentType
            upload.fileBase64 = Data(file.bytes).base64EncodedString()
            try database.update(upload)
        }
        return .empty(status: 204)
    }

    /// `GET /_understudy/eventbrite/s3/{key}`: the uploaded file, as it was posted.
    static let serve = ControlRoute("GET", "/s3/{key}") { request in
        let upload = try request.read { try $0.fetchOne(MediaUpload.self, where: "token = ?", request.parameter("key")) }
        guard let upload, let encoded = upload.fileBase64, let data = Data(base64Encoded: encoded) else {
            throw ControlError.notFound("No file was uploaded under the key \(request.parameter("key"))")
        }
        var headers = HTTPHeaders()
        headers.add("Content-Type", upload.contentType ?? "application/octet-stream")
        return HTTPResponse(status: 200, headers: headers, body: [UInt8](data))
    }
}
