import Emulation

extension RecordView.Member where Context == RenderContext {
    /// The `resource_uri` of a record kept under its event, by the row's `event_id` and `id`:
    /// `https://www.eventbriteapi.com/v3/events/12345/<collection>/<id>/` (spec §9.18).
    static func eventResourceURI(_ collection: String) -> Self {
        derived("resource_uri") { row, context, json in
            json.string(
                concatenating: context.settings.resourceURIBase, "events/", row.string("event_id"), "/", collection, "/",
                row.string("id"), "/")
        }
    }
}
