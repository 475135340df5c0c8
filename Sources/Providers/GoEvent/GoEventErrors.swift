import Emulation

/// An error in GoEvent's JSON dialect (spec §4.1): `{"success":false,"message":"…"}`.
struct GoEventError: ResponseError {
    let status: Int
    let message: String

    var response: HTTPResponse {
        .json(["success": false, "message": .string(message)], status: status)
    }

    static func badRequest(_ message: String) -> GoEventError { GoEventError(status: 400, message: message) }
    static func unauthorized(_ message: String) -> GoEventError { GoEventError(status: 401, message: message) }
    static func notFound(_ message: String) -> GoEventError { GoEventError(status: 404, message: message) }

    /// A body declared as JSON that is not JSON, or not an object or array (spec §4.3).
    static let invalidJSONBody = GoEventError.badRequest("Invalid JSON body")
}

/// The responses GoEvent gives outside its route handlers.
enum GoEventErrors {
    /// Errors no handler turned into a response: a malformed JSON body, an injected fault,
    /// a storage failure. The live service's error middleware answers them in the JSON dialect.
    static func response(for error: any Error, status: Int) -> HTTPResponse {
        switch error {
        case is JSONBodyError:
            return GoEventError.invalidJSONBody.response
        case let fault as InjectedFault:
            return GoEventError(status: fault.status, message: "Internal server error").response
        default:
            return GoEventError(status: status, message: "Internal server error").response
        }
    }

    /// Express's default 404 page (its `finalhandler`), which the live service sends for every
    /// unknown path and for a known path with another method (spec §4.2). Express adds the two
    /// security headers to it, and ends the document with a newline.
    static func routeNotFound(method: String, path: String) -> HTTPResponse {
        let message = HTMLEscaping.escape("Cannot \(method) \(encodeURL(path))")
        let page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Error</title>
            </head>
            <body>
            <pre>\(message)</pre>
            </body>
            </html>

            """
        var response = HTTPResponse.text(page, status: 404, contentType: "text/html; charset=utf-8")
        response.headers.add("Content-Security-Policy", "default-src 'none'")
        response.headers.add("X-Content-Type-Options", "nosniff")
        return response
    }

    /// Percent-encodes what may not appear in a URL, keeping valid `%XX` escapes, as the
    /// `encodeurl` package Express uses does before it writes the path into the page.
    private static func encodeURL(_ path: String) -> String {
        let bytes = Array(path.utf8)
        var output = ""
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let isEscape = byte == UInt8(ascii: "%") && index + 2 < bytes.count
                && bytes[index + 1].isHexDigit && bytes[index + 2].isHexDigit
            if isEscape || (byte != UInt8(ascii: "%") && isAllowedInURL(byte)) {
                output.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                output += "%" + hexByte(byte)
            }
            index += 1
        }
        return output
    }

    /// The bytes `encodeurl` leaves as they are: printable ASCII except space, `"`, `<`, `>`,
    /// `` ` ``, `{` and `}` (and `%`, kept only as the start of an escape).
    private static func isAllowedInURL(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x23...0x3B, 0x3D, 0x3F...0x5F, 0x61...0x7A, 0x7C, 0x7E: return true
        default: return false
        }
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
