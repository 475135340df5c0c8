import Emulation
import Foundation

/// The page a list request asks for (spec §4.1): `page` (1-based), or the opaque `continuation`
/// of the previous page (it wins when both are given), and `page_size` (default 50, at most 200).
struct PageRequest: Sendable, Equatable {
    static let defaultSize = 50
    static let maximumSize = 200

    let number: Int
    let size: Int
    /// Whether the page came from a continuation token: one past the end is then an empty page,
    /// not `BAD_PAGE` (§4.3).
    let isContinuation: Bool

    init(number: Int = 1, size: Int = PageRequest.defaultSize, isContinuation: Bool = false) {
        self.number = number
        self.size = size
        self.isContinuation = isContinuation
    }

    /// Reads the query; malformed values are `BAD_CONTINUATION_TOKEN`, `BAD_PAGE` or
    /// `ARGUMENTS_ERROR page_size - INVALID`, in that order.
    init(query: QueryParameters) throws(EventbriteError) {
        var size = Self.defaultSize
        if let text = query["page_size"] {
            // Larger sizes are clamped, as a capture of `page_size: 200` suggests; zero, negative or
            // non-integer sizes are argument errors (spec §4.1).
            guard let value = Int(text.trimmingWhitespace()), value >= 1 else {
                throw ArgumentErrors.single("page_size", ArgumentErrors.Code.invalid)
            }
            size = min(value, Self.maximumSize)
        }
        if let token = query["continuation"], !token.isEmpty {
            guard let number = ContinuationToken.page(of: token) else { throw EventbriteError.badContinuationToken }
            self.init(number: number, size: size, isContinuation: true)
        } else if let text = query["page"] {
            guard let number = Int(text.trimmingWhitespace()), number >= 1 else { throw EventbriteError.badPage }
            self.init(number: number, size: size)
        } else {
            self.init(number: 1, size: size)
        }
    }
}

/// The `pagination` object of a list (spec §4.2), worked out from the total and the request.
struct PageInfo: Sendable, Equatable {
    let objectCount: Int
    let number: Int
    let size: Int

    /// 0 when there is nothing to page through.
    var pageCount: Int { OffsetWindow(page: number, size: size).pageCount(total: objectCount) }
    var hasMoreItems: Bool { number < pageCount }
    var continuation: String? { hasMoreItems ? ContinuationToken.token(forPage: number + 1) : nil }

    /// The page for `request` over `objectCount` objects: a page number past the last is
    /// `BAD_PAGE`, a continuation past it an empty last page (§4.3).
    init(objectCount: Int, request: PageRequest) throws(EventbriteError) {
        self.objectCount = objectCount
        number = request.number
        size = request.size
        if !request.isContinuation && objectCount > 0 && request.number > pageCount { throw EventbriteError.badPage }
    }

    /// The full envelope, in the captured key order.
    func write(to json: inout JSONBuilder) {
        json.object { json in
            json.field("object_count", objectCount)
            json.field("page_number", number)
            json.field("page_size", size)
            json.field("page_count", pageCount)
            if let continuation { json.field("continuation", continuation) }
            json.field("has_more_items", hasMoreItems)
        }
    }

    /// The `Continuation` structure some lists answer with instead (roles, §4.4).
    func writeContinuationOnly(to json: inout JSONBuilder) {
        json.object { json in
            if let continuation { json.field("continuation", continuation) }
            json.field("has_more_items", hasMoreItems)
        }
    }
}

/// Continuation tokens: base64url without padding of the JSON text `{"page": N}`, exactly the
/// form a captured `/subcategories/` response carries (`eyJwYWdlIjogMn0` for page 2).
enum ContinuationToken {
    static func token(forPage page: Int) -> String {
        Data("{\"page\": \(page)}".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The page a token names, or nil when it is not one of ours: undecodable, not JSON, or
    /// without an integer `page` ≥ 1.
    static func page(of token: String) -> Int? {
        guard token.utf8.count <= 512 else { return nil }
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let value = try? JSONParser.parse([UInt8](data)),
            let page = value["page"]?.intValue, page >= 1, page <= Int64(Int32.max)
        else { return nil }
        return Int(page)
    }
}
