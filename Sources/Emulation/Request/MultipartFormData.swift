/// One part of a `multipart/form-data` body: a form field, or a file when it has a filename.
public struct MultipartPart: Sendable {
    /// The `name` of its `Content-Disposition`.
    public let name: String
    /// The `filename` of its `Content-Disposition`; present (possibly empty) for file parts.
    public let filename: String?
    /// Its `Content-Type` as sent, nil when it has none (RFC 7578 §4.4 then means `text/plain`).
    public let contentType: String?
    /// Every header line of the part, in order.
    public let headers: [(name: String, value: String)]
    public let content: [UInt8]
}

/// A strict `multipart/form-data` reader (RFC 7578 over RFC 2046 §5.1.1). Delimiters are
/// `CRLF--boundary` (the CRLF belongs to the delimiter, not to the part before it), optionally
/// followed by spaces or tabs before the line's CRLF; the preamble before the first delimiter and
/// the epilogue after `--boundary--` are ignored. Anything else is refused with a
/// `MultipartFormError`. Work is linear in the body: the delimiter starts with the only CR it
/// holds, so a failed match never has to be re-read.
public enum MultipartFormData {
    /// RFC 2046 §5.1.1 allows 1 to 70 characters.
    public static let maximumBoundaryLength = 70
    /// The most header bytes one part may carry (a filename, a Content-Type: far less in practice).
    public static let maximumPartHeaderBytes = 16 * 1024

    /// The `boundary` parameter of a `multipart/form-data` Content-Type.
    public static func boundary(fromContentType contentType: String) throws(MultipartFormError) -> String {
        guard let boundary = HeaderParameters(contentType)?["boundary"], !boundary.isEmpty else { throw .missingBoundary }
        guard boundary.utf8.count <= maximumBoundaryLength, !boundary.utf8.contains(where: { $0 == 13 || $0 == 10 }) else {
            throw .invalidBoundary
        }
        return boundary
    }

    public static func parse(_ body: [UInt8], boundary: String, maximumParts: Int) throws(MultipartFormError) -> [MultipartPart] {
        let dashBoundary = Array("--\(boundary)".utf8)
        let delimiter = [cr, lf] + dashBoundary
        var position: Int
        if body.starts(with: dashBoundary) {
            position = dashBoundary.count
        } else if let found = find(delimiter, in: body, from: 0) {
            position = found + delimiter.count
        } else {
            throw .missingOpeningDelimiter
        }
        var parts: [MultipartPart] = []
        while true {
            // Just after a delimiter: `--` closes the body, otherwise padding and CRLF open a part.
            if matches([dash, dash], in: body, at: position) { return parts }
            while position < body.count, body[position] == space || body[position] == tab { position += 1 }
            guard position < body.count else { throw .missingClosingDelimiter }
            guard matches([cr, lf], in: body, at: position) else { throw .malformedDelimiter }
            position += 2
            guard parts.count < maximumParts else { throw .tooManyParts(limit: maximumParts) }
            let headers = try readHeaders(body, from: &position)
            guard let end = find(delimiter, in: body, from: position) else { throw .missingClosingDelimiter }
            parts.append(try part(headers: headers, content: Array(body[position..<end])))
            position = end + delimiter.count
        }
    }

    /// The header lines of a part, up to and including the empty line that ends them.
    private static func readHeaders(_ body: [UInt8], from position: inout Int) throws(MultipartFormError) -> [(name: String, value: String)] {
        let start = position
        var headers: [(name: String, value: String)] = []
        while true {
            // A body that ends inside a header block never reaches its closing delimiter.
            guard let lineEnd = find([cr, lf], in: body, from: position) else { throw .missingClosingDelimiter }
            guard lineEnd - start <= maximumPartHeaderBytes else { throw .malformedPartHeaders }
            let line = body[position..<lineEnd]
            position = lineEnd + 2
            guard let first = line.first else { return headers }
            if first == space || first == tab {
                // An obsolete folded line continues the previous header (RFC 5322 §3.2.2).
                guard !headers.isEmpty else { throw .malformedPartHeaders }
                headers[headers.count - 1].value += " " + String(decoding: line, as: UTF8.self).trimmingWhitespace()
                continue
            }
            guard let separator = line.firstIndex(of: colon) else { throw .malformedPartHeaders }
            let name = String(decoding: line[..<separator], as: UTF8.self)
            guard !name.isEmpty, !name.contains(where: { $0 == " " || $0 == "\t" }) else { throw .malformedPartHeaders }
            headers.append((name, String(decoding: line[(separator + 1)...], as: UTF8.self).trimmingWhitespace()))
        }
    }

    private static func part(headers: [(name: String, value: String)], content: [UInt8]) throws(MultipartFormError) -> MultipartPart {
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name }?.value
        }
        guard let dispositionText = header("content-disposition") else { throw .missingFieldName }
        guard let disposition = HeaderParameters(dispositionText) else { throw .malformedPartHeaders }
        guard disposition.value == "form-data", let name = disposition["name"] else { throw .missingFieldName }
        return MultipartPart(
            name: name, filename: disposition["filename"], contentType: header("content-type"), headers: headers,
            content: content)
    }

    /// The first index at or after `start` where `pattern` (whose first byte occurs nowhere else
    /// in it) begins, or nil.
    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = start
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == first {
                var matched = 1
                while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return index }
                index += matched
            } else {
                index += 1
            }
        }
        return nil
    }

    private static func matches(_ pattern: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
    }

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let dash = UInt8(ascii: "-")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let colon = UInt8(ascii: ":")
}
