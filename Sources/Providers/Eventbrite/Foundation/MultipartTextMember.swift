import Emulation

extension EventbriteFormats {
    /// `{"text": …, "html": …}` of a stored html, its text derived (§10.4).
    static func writeMultipartText(html: String, to json: inout JSONBuilder) {
        writeMultipartText(html: html, text: MultipartText.text(fromHTML: html), to: &json)
    }
}

extension RecordView.Member where Context == RenderContext {
    /// A multipart text member under `key` from the html kept in `column` (`question_html` →
    /// `"question": {"text", "html"}`).
    static func multipartText(_ key: String, html column: String) -> Self {
        derived(key) { row, _, json in EventbriteFormats.writeMultipartText(html: row.string(column), to: &json) }
    }
}
