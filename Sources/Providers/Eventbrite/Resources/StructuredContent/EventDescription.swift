import Emulation

/// The fully rendered description of `GET /events/{event_id}/description/` (spec §8.9): the
/// summary and then the description, each in a `<div>`, one per line, as the seed's example
/// shows (`<div>Example summary!</div>\n<div><P>My …</P></div>`). The description is the text
/// modules of the published listing content; an event without any (created the classic way)
/// shows its `description.html`.
enum EventDescription {
    static func html(of event: Event, in database: Database) throws -> String {
        var parts: [String] = []
        if let summary = event.summary, !summary.isEmpty { parts.append("<div>\(HTMLEscaping.escape(summary))</div>") }
        if let page = try StructuredContentPage.latest(eventID: event.id, purpose: "listing", publishedOnly: true, in: database) {
            for module in page.modules where module["type"]?.stringValue == "text" {
                guard let text = module["data"]?["body"]?["text"]?.stringValue else { continue }
                parts.append("<div>\(text)</div>")
            }
        } else if let html = event.descriptionHTML, !html.isEmpty {
            parts.append("<div>\(html)</div>")
        }
        return parts.joined(separator: "\n")
    }
}
