import Emulation
import Foundation
import Testing

/// `RequestBody`: one value from JSON, form and multipart bodies, and the provider's choices.
@Suite struct RequestBodyTests {
    /// Eventbrite's way: JSON or forms by Content-Type, JSON without one, dotted keys expanded.
    static let forms = BodyReading(
        accepting: [.json, .form, .multipart], whenMissing: .json, whenUnknown: nil, requiresObject: true,
        expandsDottedKeys: true, maximumParts: 5)

    private func read(_ body: String, contentType: String?, _ reading: BodyReading = forms) throws(RequestBodyError) -> RequestBody {
        try read(Array(body.utf8), contentType: contentType, reading)
    }

    private func read(_ body: [UInt8], contentType: String?, _ reading: BodyReading = forms) throws(RequestBodyError) -> RequestBody {
        let headers = contentType.map { HTTPHeaders([("Content-Type", $0)]) } ?? HTTPHeaders()
        return try HTTPRequest(method: "POST", target: "/", headers: headers, body: body).readBody(reading)
    }

    // MARK: JSON

    @Test func readsJSONAsSent() throws {
        let body = try read(#"{"b": 1, "a": [true, null], "c": {"d": "x"}}"#, contentType: "application/json; charset=utf-8")
        #expect(body.encoding == .json)
        #expect(!body.isEmpty)
        #expect(body.value == ["b": 1, "a": [true, nil], "c": ["d": "x"]])
        #expect(body.fields.isEmpty && body.files.isEmpty)
    }

    @Test func readsStructuredSyntaxSuffixAsJSON() throws {
        #expect(try read(#"{"a": 1}"#, contentType: "application/vnd.api+json").value == ["a": 1])
    }

    /// The parser's error for a body read as JSON, or nil when it was read.
    private func jsonError(_ body: String, contentType: String?, _ reading: BodyReading = forms) -> JSONParseError? {
        do {
            _ = try read(body, contentType: contentType, reading)
            return nil
        } catch {
            guard case .malformedJSON(let parseError) = error else { return nil }
            return parseError
        }
    }

    @Test func refusesMalformedJSONWithTheParserError() {
        let error = jsonError(#"{"a": 1"#, contentType: "application/json")
        #expect(error?.message == "Expected ',' or '}' in object")
        #expect(error?.offset == 7)
    }

    @Test func refusesANonObjectOnlyWhenAnObjectIsRequired() throws {
        #expect(throws: RequestBodyError.notAnObject) { try read("[1, 2]", contentType: "application/json") }
        #expect(throws: RequestBodyError.notAnObject) { try read("\"text\"", contentType: "application/json") }
        #expect(try read("[1, 2]", contentType: "application/json", .alwaysJSON).value == [1, 2])
    }

    @Test func emptyAndBlankBodiesAreEmptyObjectsWhateverTheContentType() throws {
        for (body, contentType) in [("", "application/json"), ("  \r\n\t", "application/json"), ("", "text/plain"), ("", nil), (" ", "multipart/form-data")] {
            let read = try read(body, contentType: contentType)
            #expect(read.isEmpty)
            #expect(read.encoding == nil)
            #expect(read.value == [:])
        }
    }

    // MARK: Content-Type choices

    @Test func missingContentTypeUsesTheProvidersChoice() throws {
        #expect(try read(#"{"a": "1"}"#, contentType: nil).value == ["a": "1"])
        #expect(try read("a=1&b=2", contentType: nil, .oauthParameters).value == ["a": "1", "b": "2"])
        let refusing = BodyReading(accepting: [.json], whenMissing: nil, whenUnknown: nil)
        #expect(throws: RequestBodyError.unsupportedMediaType(nil)) { try read("{}", contentType: nil, refusing) }
    }

    @Test func unknownContentTypeUsesTheProvidersChoice() throws {
        #expect(throws: RequestBodyError.unsupportedMediaType("text/plain; charset=utf-8")) {
            try read("a=1", contentType: "text/plain; charset=utf-8")
        }
        // bookingkit reads every body as JSON, forms included.
        #expect(try read(#"{"a": 1}"#, contentType: "text/plain", .alwaysJSON).value == ["a": 1])
        #expect(jsonError("a=1", contentType: "application/x-www-form-urlencoded", .alwaysJSON)?.message == "Unexpected character")
    }

    @Test func mediaTypesCompareWithoutCaseOrParameters() throws {
        #expect(try read("a=1", contentType: "Application/X-WWW-Form-Urlencoded ; charset=UTF-8").encoding == .form)
    }

    @Test func unsupportedMediaTypeAnswers415AndTheRestAnswer400() {
        #expect(RequestBodyError.unsupportedMediaType(nil).status == 415)
        #expect(RequestBodyError.notAnObject.status == 400)
        #expect(RequestBodyError.malformedMultipart(.missingBoundary).status == 400)
    }

    // MARK: Forms

    @Test func readsFormFieldsAsStrings() throws {
        let body = try read("name=Caf%C3%A9+Bar&count=3&flag=true&empty=&bare&a%5Bb%5D=x%2By", contentType: "application/x-www-form-urlencoded")
        #expect(body.encoding == .form)
        #expect(body.value == ["name": "Café Bar", "count": "3", "flag": "true", "empty": "", "bare": "", "a[b]": "x+y"])
    }

    @Test func repeatedFormKeysKeepTheLastValueAndListEveryOne() throws {
        let body = try read("status=live&other=1&status=draft,started&status=[\"ended\"]", contentType: "application/x-www-form-urlencoded")
        #expect(body.value == ["status": "[\"ended\"]", "other": "1"])
        #expect(body.field("status") == "[\"ended\"]")
        #expect(body.values(for: "status") == ["live", "draft,started", "[\"ended\"]"])
        #expect(body.list("status") == ["live", "draft", "started", "ended"])
        #expect(body.list("missing") == [])
        #expect(body.field("missing") == nil)
    }

    @Test func listValuesSplitCommasAndJSONArrays() {
        #expect(ListValues.items(["1, 2,,3"]) == ["1", "2", "3"])
        #expect(ListValues.items([#"["a,b", 2]"#]) == ["a,b", "2"])
        #expect(ListValues.items(["[not json"]) == ["[not json"])
        #expect(QueryParameters("status=live,draft&status=ended").list("status") == ["live", "draft", "ended"])
    }

    @Test func expandsDottedKeysOfFormsAndJSONWhenAsked() throws {
        let form = try read("event.name.html=x&event.currency=USD&event.name.text=y", contentType: "application/x-www-form-urlencoded")
        #expect(form.value == ["event": ["name": ["html": "x", "text": "y"], "currency": "USD"]])
        #expect(form.field("event.name.html") == "x")
        let json = try read(#"{"event.name": {"html": "x"}, "event.capacity": 10}"#, contentType: "application/json")
        #expect(json.value == ["event": ["name": ["html": "x"], "capacity": 10]])
        #expect(try read(#"{"event.name": "x"}"#, contentType: "application/json", .alwaysJSON).value == ["event.name": "x"])
    }

    // MARK: Multipart

    static let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"
    static let multipartType = "multipart/form-data; boundary=\(boundary)"

    /// A multipart body from parts written as `headers\r\n\r\ncontent`.
    private func multipart(_ parts: [String], boundary: String = boundary, preamble: String = "", epilogue: String = "") -> [UInt8] {
        var text = preamble
        for part in parts { text += "--\(boundary)\r\n\(part)\r\n" }
        return Array((text + "--\(boundary)--" + epilogue).utf8)
    }

    @Test func readsMultipartFieldsAndFiles() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0x0D, 0x0A, 0x2D, 0x2D]
        var bytes = Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHello\r\nWorld\r\n".utf8)
        bytes += Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"logo.png\"\r\nContent-Type: image/png\r\n\r\n".utf8)
        bytes += png
        bytes += Array("\r\n--\(Self.boundary)\r\ncontent-disposition: FORM-DATA; NAME=title\r\n\r\nagain\r\n--\(Self.boundary)--\r\n".utf8)
        let body = try read(bytes, contentType: Self.multipartType)
        #expect(body.encoding == .multipart)
        #expect(body.value == ["title": "again"])
        #expect(body.values(for: "title") == ["Hello\r\nWorld", "again"])
        #expect(body.files == [UploadedFile(fieldName: "logo", filename: "logo.png", contentType: "image/png", bytes: png)])
        #expect(body.file("logo")?.bytes == png)
    }

    @Test func ignoresPreambleEpilogueAndTransportPadding() throws {
        let text = "This is the preamble.\r\n--b  \t\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--b--\r\nepilogue --b\r\n"
        #expect(try read(text, contentType: "multipart/form-data; boundary=b").value == ["a": "1"])
        let padded = multipart(["Content-Disposition: form-data; name=a\r\n\r\n1"], preamble: "", epilogue: "\r\ntrailing text")
        #expect(try read(padded, contentType: Self.multipartType).value == ["a": "1"])
    }

    @Test func readsQuotedNamesAndFilenames() throws {
        let body = try read(
            multipart([
                #"Content-Disposition: form-data; name="a \"quoted\" name; with semicolon"; filename="C:\\dir\\f\"1\".txt""# + "\r\n\r\nfile",
                "Content-Disposition: form-data; name=\"event.name.html\"\r\n\r\n<p>x</p>",
                "Content-Disposition: form-data; name=\"blank\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n",
                "Content-Disposition: form-data; name=\"caf\u{e9}\"; filename=\"r\u{e9}sum\u{e9}.pdf\"\r\n\r\n%PDF",
            ]), contentType: "multipart/form-data; boundary=\"\(Self.boundary)\"")
        #expect(body.files.map(\.fieldName) == ["a \"quoted\" name; with semicolon", "blank", "caf\u{e9}"])
        #expect(body.files.map(\.filename) == [#"C:\dir\f"1".txt"#, "", "r\u{e9}sum\u{e9}.pdf"])
        #expect(body.files.map(\.contentType) == ["text/plain", "application/octet-stream", "text/plain"])
        #expect(body.files[1].bytes.isEmpty)
        #expect(body.value == ["event": ["name": ["html": "<p>x</p>"]]])
    }

    @Test func foldsContinuedPartHeaderLines() throws {
        let body = try read(multipart(["Content-Disposition: form-data;\r\n name=\"folded\"\r\n\r\nv"]), contentType: Self.multipartType)
        #expect(body.value == ["folded": "v"])
    }

    @Test func partWithNoHeadersButADispositionIsRefused() {
        #expect(throws: RequestBodyError.malformedMultipart(.missingFieldName)) {
            try read(multipart(["\r\nno headers"]), contentType: Self.multipartType)
        }
    }

    @Test(arguments: [
        ("multipart/form-data", "--b\r\n\r\n--b--", MultipartFormError.missingBoundary),
        ("multipart/form-data; boundary=", "--\r\n\r\n----", .missingBoundary),
        ("multipart/form-data; boundary=\(String(repeating: "x", count: 71))", "x", .invalidBoundary),
        ("multipart/form-data; boundary=\"a\nb\"", "x", .invalidBoundary),
        ("multipart/form-data; boundary=\"unterminated", "x", .missingBoundary),
        ("multipart/form-data; boundary=b", "no delimiter at all", .missingOpeningDelimiter),
        ("multipart/form-data; boundary=b", "--b\nContent-Disposition: form-data; name=a\n\n1\n--b--\n", .malformedDelimiter),
        ("multipart/form-data; boundary=b", "--bX\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--b--", .malformedDelimiter),
        ("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=a\r\n\r\n1", .missingClosingDelimiter),
        ("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--b", .missingClosingDelimiter),
        ("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=a", .missingClosingDelimiter),
        ("multipart/form-data; boundary=b", "--b\r\nno colon here\r\n\r\n1\r\n--b--", .malformedPartHeaders),
        ("multipart/form-data; boundary=b", "--b\r\n folded first\r\n\r\n1\r\n--b--", .malformedPartHeaders),
        ("multipart/form-data; boundary=b", "--b\r\nBad Name: x\r\n\r\n1\r\n--b--", .malformedPartHeaders),
        ("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"open\r\n\r\n1\r\n--b--", .malformedPartHeaders),
        ("multipart/form-data; boundary=b", "--b\r\nContent-Type: text/plain\r\n\r\n1\r\n--b--", .missingFieldName),
        ("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: attachment; name=a\r\n\r\n1\r\n--b--", .missingFieldName),
        ("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; filename=a.txt\r\n\r\n1\r\n--b--", .missingFieldName),
    ])
    func refusesMalformedMultipart(contentType: String, body: String, expected: MultipartFormError) {
        #expect(throws: RequestBodyError.malformedMultipart(expected)) { try read(body, contentType: contentType) }
    }

    @Test func refusesMorePartsThanTheReadingAllows() throws {
        let parts = (1...6).map { "Content-Disposition: form-data; name=f\($0)\r\n\r\n\($0)" }
        #expect(throws: RequestBodyError.malformedMultipart(.tooManyParts(limit: 5))) {
            try read(multipart(parts), contentType: Self.multipartType)
        }
        #expect(try read(multipart(Array(parts.prefix(5))), contentType: Self.multipartType).fields.count == 5)
    }

    @Test func refusesOversizedPartHeaders() {
        let huge = "Content-Disposition: form-data; name=a\r\nX-Padding: \(String(repeating: "p", count: 17 * 1024))\r\n\r\n1"
        #expect(throws: RequestBodyError.malformedMultipart(.malformedPartHeaders)) {
            try read(multipart([huge]), contentType: Self.multipartType)
        }
    }

    /// Content full of near-misses of the delimiter (a large body) stays content.
    @Test(.timeLimit(.minutes(1))) func nearMissDelimitersStayContent() throws {
        let boundary = String(repeating: "b", count: 70)
        let nearMiss = "\r\n--" + String(repeating: "b", count: 69) + "X"
        let content = String(repeating: nearMiss, count: 60_000)  // about 4.5 MB
        let body = try read(
            multipart(["Content-Disposition: form-data; name=big\r\n\r\n" + content], boundary: boundary),
            contentType: "multipart/form-data; boundary=\(boundary)")
        #expect(body.field("big") == content)
    }

    @Test func headerParametersReadQuotedAndBareValues() {
        let parameters = HeaderParameters(#"Form-Data; Name="a;b" ; filename=plain.txt;; x="q\"uote""#)
        #expect(parameters?.value == "form-data")
        #expect(parameters?["name"] == "a;b")
        #expect(parameters?["filename"] == "plain.txt")
        #expect(parameters?["x"] == "q\"uote")
        #expect(HeaderParameters("form-data; =value") == nil)
        #expect(HeaderParameters("form-data; name") == nil)
    }
}
