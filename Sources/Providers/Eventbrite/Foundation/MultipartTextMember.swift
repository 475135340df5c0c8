import Emulation

extension EventbriteFormats {
    /// `{"text": …, "html": …}` of a stored html, its text derived (§10.4).
    static func writeMultipartText(html: String, to json: inout JSONBuilder) {
        writeMultipartText(html: html, text: MultipartText.text(fromHTML: html), to: &json)
    }
}

extension RecordView.Member where Context == RenderContext {
    /// A multipart text member under `key` from the html kept in `column` (`question_html` →
    /// `"question": {"text", "html"}`); a NULL html is both `null`.
    static func multipartText(_ key: String, html column: String) -> Self {
        derived(key) { row, _, json in
            let html = row.optionalString(column)
            EventbriteFormats.writeMultipartText(html: html, text: html.map(MultipartText.text(fromHTML:)), to: &json)
        }
    }
}
