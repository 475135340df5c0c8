import HTTPServer

/// The encodings a request body can be read in.
public enum BodyEncoding: Sendable, Hashable {
    /// `application/json` and any `…/…+json` media type.
    case json
    /// `application/x-www-form-urlencoded`.
    case form
    /// `multipart/form-data`.
    case multipart

    /// The encoding a media type (lower-case, without parameters) names, if any.
    public init?(mediaType: String) {
        switch mediaType {
        case "application/json": self = .json
        case "application/x-www-form-urlencoded": self = .form
        case "multipart/form-data": self = .multipart
        default:
            guard mediaType.hasSuffix("+json"), mediaType.contains("/") else { return nil }
            self = .json
        }
    }
}

/// How a provider reads its bodies: which encodings the Content-Type may choose, what a
/// missing or other Content-Type means, and what the value must look like.
public struct BodyReading: Sendable {
    /// Encodings chosen by the Content-Type.
    public var accepted: Set<BodyEncoding>
    /// The encoding of a body sent without Content-Type; nil refuses it (`unsupportedMediaType`).
    public var whenMissing: BodyEncoding?
    /// The encoding of a body whose Content-Type names no accepted encoding; nil refuses it.
    public var whenUnknown: BodyEncoding?
    /// Whether a JSON body must be an object (form bodies always are).
    public var requiresObject: Bool
    /// Whether `value` has its dotted keys expanded (`JSONValue.expandingDottedKeys`).
    public var expandsDottedKeys: Bool
    /// The most parts a multipart body may have.
    public var maximumParts: Int

    public init(
        accepting accepted: Set<BodyEncoding>, whenMissing: BodyEncoding?, whenUnknown: BodyEncoding?,
        requiresObject: Bool = false, expandsDottedKeys: Bool = false, maximumParts: Int = 1000
    ) {
        self.accepted = accepted
        self.whenMissing = whenMissing
        self.whenUnknown = whenUnknown
        self.requiresObject = requiresObject
        self.expandsDottedKeys = expandsDottedKeys
        self.maximumParts = maximumParts
    }

    /// Every body read as JSON whatever its Content-Type.
    public static let alwaysJSON = BodyReading(accepting: [.json], whenMissing: .json, whenUnknown: .json)

    /// OAuth token endpoints: form, multipart or JSON by Content-Type; a body without one (or with
    /// another) is read as a form, as a server reading `$_POST`-style parameters would.
    public static let oauthParameters = BodyReading(
        accepting: [.json, .form, .multipart], whenMissing: .form, whenUnknown: .form, requiresObject: true)
}

/// A file sent as a `multipart/form-data` part with a `filename`.
public struct UploadedFile: Sendable, Equatable {
    /// The form field it was sent as.
    public let fieldName: String
    public let filename: String
    /// Its Content-Type, or `text/plain`, the default RFC 7578 §4.4 gives a part without one.
    public let contentType: String
    public let bytes: [UInt8]

    public init(fieldName: String, filename: String, contentType: String, bytes: [UInt8]) {
        self.fieldName = fieldName
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }
}

/// A request body read into one `JSONValue` whatever its encoding.
///
/// JSON is parsed as sent. Form and multipart fields become an object of strings; a key given
/// more than once keeps its last value there (as Django and PHP read forms), and `values(for:)`
/// lists every value. File parts are not in `value`: they are in `files`, with their bytes.
/// An empty body (no bytes, or only whitespace) is `isEmpty` with an empty object as `value`,
/// whatever the Content-Type: both specs allow empty bodies where no field is required.
public struct RequestBody: Sendable {
    /// The encoding it was read in; nil for an empty body.
    public let encoding: BodyEncoding?
    public let value: JSONValue
    /// Form and multipart fields (not files), names and values decoded, in the order sent.
    public let fields: [(name: String, value: String)]
    public let files: [UploadedFile]

    public var isEmpty: Bool { encoding == nil }

    /// Reads `request`'s body as `reading` says.
    public init(_ request: HTTPRequest, reading: BodyReading) throws(RequestBodyError) {
        guard request.body.contains(where: { !Self.isWhitespace($0) }) else {
            self.init(encoding: nil, value: .object(JSONObject()), fields: [], files: [])
            return
        }
        let mediaType = request.mediaType
        let named = mediaType.flatMap(BodyEncoding.init(mediaType:)).flatMap { reading.accepted.contains($0) ? $0 : nil }
        guard let encoding = named ?? (mediaType == nil ? reading.whenMissing : reading.whenUnknown) else {
            throw .unsupportedMediaType(request.headers["Content-Type"])
        }
        var fields: [(name: String, value: String)] = []
        var files: [UploadedFile] = []
        var value: JSONValue
        switch encoding {
        case .json:
            do {
                value = try JSONParser.parse(request.body)
            } catch {
                throw .malformedJSON(error)
            }
            if reading.requiresObject, value.objectValue == nil { throw .notAnObject }
        case .form:
            fields = QueryParameters(String(decoding: request.body, as: UTF8.self)).items
            value = Self.object(of: fields)
        case .multipart:
            do {
                // A body read as multipart without a multipart Content-Type has no boundary either.
                let boundary = try MultipartFormData.boundary(fromContentType: request.headers["Content-Type"] ?? "")
                for part in try MultipartFormData.parse(request.body, boundary: boundary, maximumParts: reading.maximumParts) {
                    if let filename = part.filename {
                        files.append(
                            UploadedFile(
                                fieldName: part.name, filename: filename, contentType: part.contentType ?? "text/plain",
                                bytes: part.content))
                    } else {
                        fields.append((part.name, String(decoding: part.content, as: UTF8.self)))
                    }
                }
            } catch {
                throw .malformedMultipart(error)
            }
            value = Self.object(of: fields)
        }
        self.init(
            encoding: encoding, value: reading.expandsDottedKeys ? value.expandingDottedKeys() : value, fields: fields,
            files: files)
    }

    private init(encoding: BodyEncoding?, value: JSONValue, fields: [(name: String, value: String)], files: [UploadedFile]) {
        self.encoding = encoding
        self.value = value
        self.fields = fields
        self.files = files
    }

    /// The last value of the form field `name` (JSON bodies have no fields: see `value`).
    public func field(_ name: String) -> String? {
        fields.last { $0.name == name }?.value
    }

    /// Every value of the form field `name`, in order.
    public func values(for name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// The last file sent as the field `name`.
    public func file(_ name: String) -> UploadedFile? {
        files.last { $0.fieldName == name }
    }

    /// Fields as an object of strings, the last value of a repeated name in its first position.
    private static func object(of fields: [(name: String, value: String)]) -> JSONValue {
        var position: [String: Int] = [:]
        var members: [(key: String, value: JSONValue)] = []
        for (name, text) in fields {
            if let index = position[name] {
                members[index].value = .string(text)
            } else {
                position[name] = members.count
                members.append((name, .string(text)))
            }
        }
        return .object(JSONObject(members))
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}

extension HTTPRequest {
    /// The body read as `reading` says (see `RequestBody`).
    public func readBody(_ reading: BodyReading) throws(RequestBodyError) -> RequestBody {
        try RequestBody(self, reading: reading)
    }
}
