import Emulation
import TestSupport
import Testing

/// Spec §8.20: media by id, and the upload flow with the mock's own storage.
@Suite struct MediaTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func anImageByIDAndAsAThumbnail() throws {
        let image = try server.eventbrite("GET", "/media/12345/")
        #expect(image.json == [
            "crop_mask": ["top_left": ["x": 0, "y": 0], "width": 2160, "height": 1080],
            "original": ["url": "https://img.evbuc.com/mock/12345/original.jpg", "width": 2160, "height": 1080],
            "id": "12345", "url": "https://img.evbuc.com/mock/12345/image.jpg?h=200&w=450", "aspect_ratio": "2",
            "edge_color": "#6a7c8b", "edge_color_set": true,
        ])
        // The docs' example asks for a 10 × 15 thumbnail.
        #expect(try server.eventbrite("GET", "/media/12345/?width=10&height=15").json["url"]
            == "https://img.evbuc.com/mock/12345/image.jpg?w=10&h=15")
        #expect(try server.eventbrite("GET", "/media/12345/?width=300").json["url"] == "https://img.evbuc.com/mock/12345/image.jpg?w=300")
        #expect(try server.eventbrite("GET", "/media/12345/?width=-3&height=wide").json
            == Bodies.arguments(["width": "INVALID", "height": "INVALID"]))
        // Media are anyone's to read.
        #expect(try server.eventbrite("GET", "/media/1234/", token: Seed.otherUserToken).json["id"] == "1234")
        #expect(try server.eventbrite("GET", "/media/42/").json == Bodies.notFound("media_id"))
        #expect(try server.eventbrite("GET", "/media/logo/").json == Bodies.notFound("media_id"))
    }

    /// Steps one and two of an upload: the instructions, and the file posted where they say.
    func upload(_ bytes: [UInt8], type: String = "image/png", token: String = Seed.token) throws -> String {
        let instructions = try server.eventbrite("GET", "/media/upload/?type=image-event-logo", token: token)
        #expect(instructions.status == 200)
        let uploadToken = try #require(instructions.json["upload_token"]?.stringValue)
        let url = try #require(instructions.json["upload_url"]?.stringValue)
        let prefix = "http://127.0.0.1:\(server.port)"
        #expect(url == prefix + "/_understudy/eventbrite/s3/")
        let data = instructions.json["upload_data"]?.objectValue ?? JSONObject()
        let fields = data.map { ($0.key, $0.value.stringValue ?? "") }
        let stored = try server.postMultipart(
            String(url.dropFirst(prefix.count)), fields: fields, file: ("file", "logo.bin", type, bytes))
        #expect(stored.status == 204)
        return uploadToken
    }

    @Test func theWholeUploadFlow() throws {
        let instructions = try server.eventbrite("GET", "/media/upload/?type=image-organizer-logo")
        #expect(instructions.json["upload_method"] == "POST")
        #expect(instructions.json["file_parameter_name"] == "file")
        #expect(instructions.json["type"] == "image-organizer-logo")
        #expect(instructions.json["upload_data"]?["key"] == instructions.json["upload_token"])
        #expect(instructions.json["upload_token"]?.stringValue?.count == 32)

        let png = TestImages.png(width: 400, height: 200)
        let token = try upload(png)
        let finished = try server.eventbrite("POST", "/media/upload/", json: [
            "upload_token": .string(token), "crop_mask": ["top_left": ["x": 10, "y": 20], "width": 300, "height": 100],
        ])
        #expect(finished.status == 200)
        let fileURL = "http://127.0.0.1:\(server.port)/_understudy/eventbrite/s3/\(token)"
        #expect(finished.json == [
            "crop_mask": ["top_left": ["x": 10, "y": 20], "width": 300, "height": 100],
            "original": ["url": .string(fileURL), "width": 400, "height": 200],
            "id": "800000000001", "url": .string(fileURL), "aspect_ratio": "3", "edge_color": nil, "edge_color_set": false,
            "upload_token": .string(token),
        ])
        // The file is served back as posted, and the image is an image like any other.
        let served = try server.request("GET", "/_understudy/eventbrite/s3/\(token)")
        #expect(served.status == 200)
        #expect(served.header("Content-Type") == "image/png")
        #expect(served.body == png)
        #expect(try server.eventbrite("GET", "/media/800000000001/").json["original"]?["width"] == 400)
        // It can be an event's logo.
        let event = try server.createEvent(["logo_id": "800000000001"])
        #expect(try server.eventbrite("GET", "/events/\(event)/").json["logo"]?["id"] == "800000000001")
        // A token is used once.
        #expect(try server.eventbrite("POST", "/media/upload/", json: ["upload_token": .string(token)]).json
            == Bodies.error(400, "BAD_UPLOAD_TOKEN", "The upload token you are attempting to use is invalid"))
    }

    @Test func uploadErrors() throws {
        #expect(try server.eventbrite("GET", "/media/upload/").json == Bodies.arguments(["type": "MISSING"]))
        #expect(try server.eventbrite("GET", "/media/upload/?type=video").json == Bodies.arguments(["type": "INVALID"]))
        #expect(try server.eventbrite("POST", "/media/upload/", json: [:]).json == Bodies.arguments(["upload_token": "MISSING"]))
        #expect(try server.eventbrite("POST", "/media/upload/", json: ["upload_token": "nope", "crop": 1]).json
            == Bodies.arguments(["crop": "Unknown parameter"]))
        #expect(try server.eventbrite("POST", "/media/upload/", json: ["upload_token": "nope"]).json["error"] == "BAD_UPLOAD_TOKEN")
        // Not an image.
        let text = try upload(Array("hello, world".utf8), type: "text/plain")
        #expect(try server.eventbrite("POST", "/media/upload/", json: ["upload_token": .string(text)]).json
            == Bodies.error(400, "BAD_FORMAT", "The file format you are attempting to use is not supported"))
        // A crop mask outside the picture; negative sizes.
        let jpeg = try upload(TestImages.jpeg(width: 64, height: 48))
        #expect(try server.eventbrite("POST", "/media/upload/", json: [
            "upload_token": .string(jpeg), "crop_mask": ["top_left": ["x": 32, "y": 0], "width": 64, "height": 48],
        ]).json == Bodies.arguments(["crop_mask": "INVALID"]))
        #expect(try server.eventbrite("POST", "/media/upload/", json: ["upload_token": .string(jpeg), "crop_mask": ["width": -1]]).json
            == Bodies.arguments(["crop_mask.width": "INVALID"]))
        let accepted = try server.eventbrite("POST", "/media/upload/", json: ["upload_token": .string(jpeg)])
        #expect(accepted.json["original"]?["width"] == 64)
        #expect(accepted.json["aspect_ratio"] == "1.3333")
        // Another user's token is not the caller's.
        let mine = try upload(TestImages.png(width: 2, height: 2))
        #expect(try server.eventbrite("POST", "/media/upload/", token: Seed.otherUserToken, json: ["upload_token": .string(mine)]).json["error"]
            == "BAD_UPLOAD_TOKEN")
    }

    @Test func theStorageTakesOnlyAwaitedUploads() throws {
        let stray = try server.postMultipart(
            "/_understudy/eventbrite/s3/", fields: [("key", "unknown")], file: ("file", "a.png", "image/png", TestImages.png(width: 1, height: 1)))
        #expect(stray.status == 403)
        #expect(try server.request("POST", "/_understudy/eventbrite/s3/", json: ["key": "x"]).status == 400)
        #expect(try server.request("GET", "/_understudy/eventbrite/s3/unknown").status == 404)
    }

    @Test func withoutAFileTheImageHasNoSizeUnlessOneIsRequired() throws {
        let token = try #require(try server.eventbrite("GET", "/media/upload/?type=image-event-logo").json["upload_token"]?.stringValue)
        let image = try server.eventbrite("POST", "/media/upload/", json: ["upload_token": .string(token)])
        #expect(image.json["original"]?["width"] == 0)
        #expect(image.json["aspect_ratio"] == "1")

        let strict = try TestServer(environment: ["EVENTBRITE_REQUIRE_S3_UPLOAD": "true"])
        let strictToken = try #require(try strict.eventbrite("GET", "/media/upload/?type=image-event-logo").json["upload_token"]?.stringValue)
        #expect(try strict.eventbrite("POST", "/media/upload/", json: ["upload_token": .string(strictToken)]).json
            == Bodies.error(400, "BAD_FILE", "The file you are attempting to upload is not valid"))
    }
}
