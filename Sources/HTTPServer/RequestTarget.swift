/// Splits a request-target (RFC 9112 §3.2) into its path and query.
enum RequestTarget {
    /// The path (before the first `?`) and the query (after it, `""` when absent).
    /// An absolute-form target (`http://host:1/p?q`) yields the path of the URI (`/p`), so that
    /// routing does not depend on whether a client talked to us as a proxy.
    static func split(_ target: String) -> (path: String, query: String) {
        let utf8 = target.utf8
        let questionMark = utf8.firstIndex(of: ASCII.questionMark)
        let beforeQuery = utf8[..<(questionMark ?? utf8.endIndex)]
        let pathStart = absoluteFormPathStart(beforeQuery) ?? beforeQuery.startIndex
        var path = String(Substring(beforeQuery[pathStart...]))
        if pathStart != beforeQuery.startIndex && path.isEmpty {
            path = "/"  // `http://host?x` names the root (RFC 9110 §4.2.3)
        }
        let query = questionMark.map { String(Substring(utf8[utf8.index(after: $0)...])) } ?? ""
        return (path, query)
    }

    /// Where the path begins in an absolute-form target: after `scheme://authority`.
    private static func absoluteFormPathStart(_ bytes: Substring.UTF8View) -> String.Index? {
        guard bytes.first != ASCII.slash, let schemeEnd = bytes.firstIndex(of: ASCII.colon) else { return nil }
        let afterColon = bytes[bytes.index(after: schemeEnd)...]
        guard afterColon.starts(with: "//".utf8) else { return nil }
        let authority = afterColon.dropFirst(2)
        return authority.firstIndex(of: ASCII.slash) ?? authority.endIndex
    }
}
