import Emulation
import Foundation
import TestSupport
import Testing

extension TestServer {
    /// Freezes the emulated clock (`2030-01-01T00:00:00Z` puts the seeded 2031 series inside the
    /// two years a schedule may start in).
    func freezeClock(at now: String) throws {
        let response = try request("PUT", "/_understudy/clock", json: ["now": .string(now)])
        #expect(response.status == 200)
    }

    /// A control API request of Eventbrite's (`/_understudy/eventbrite` + `path`).
    func eventbriteControl(_ method: String, _ path: String, json: JSONValue? = nil) throws -> TestResponse {
        try request(method, "/_understudy/eventbrite" + path, json: json)
    }

    /// A `multipart/form-data` POST of `fields` and one file part.
    func postMultipart(
        _ target: String, fields: [(String, String)], file: (name: String, filename: String, type: String, bytes: [UInt8]),
        headers: [(String, String)] = []
    ) throws -> TestResponse {
        let boundary = "understudy-test-boundary-7b1c"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.type)\r\n\r\n"
                .utf8)
        body += file.bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        return try TestHTTPClient.send(
            port: port, method: "POST", target: target,
            headers: headers + [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: body)
    }
}

/// Test images: the smallest files of each format that carry a size.
enum TestImages {
    /// A PNG signature and IHDR chunk of `width` × `height` (what readers take the size from).
    static func png(width: UInt32, height: UInt32) -> [UInt8] {
        func big(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + big(13) + Array("IHDR".utf8) + big(width) + big(height)
            + [8, 2, 0, 0, 0] + [0, 0, 0, 0]
    }

    /// A JPEG start, an APP0 segment and a baseline frame header of `width` × `height`.
    static func jpeg(width: UInt16, height: UInt16) -> [UInt8] {
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
            + [0xFF, 0xC0, 0x00, 0x11, 0x08, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 3]
            + Array(repeating: 0, count: 9) + [0xFF, 0xD9]
    }
}
