import Emulation

/// The releases, questions and activities of one event, ready to embed in the objects that list
/// them by id (activities, check-in lists, opt-ins, invitations). Embedded objects have their own
/// association arrays emptied (spec §12 embedding rule); counters follow the token's view.
/// Only what the page names is loaded: a page that embeds no release reads no ticket counters.
struct EmbeddedRecords {
    private var renderer: ReleaseRenderer?
    private var releases: [Int64: ReleaseRecord] = [:]
    private var questions: [Int64: JSONValue] = [:]
    private var activities: [Int64: JSONValue] = [:]

    init(
        scope: EventScope, now: Int64, releaseIDs: [Int64], questionIDs: [Int64] = [], activityIDs: [Int64] = [],
        in database: Database
    ) throws {
        let event = scope.event.id
        let wantedReleases = Set(releaseIDs)
        if !wantedReleases.isEmpty {
            renderer = try ReleaseRenderer(scope: scope, now: now, in: database)
            for release in try ReleaseRecord.all(event: event, in: database) where wantedReleases.contains(release.id) {
                releases[release.id] = release
            }
        }
        let wantedQuestions = Set(questionIDs)
        if !wantedQuestions.isEmpty {
            for question in try QuestionRecord.all(event: event, in: database) where wantedQuestions.contains(question.id) {
                questions[question.id] = question.json
            }
        }
        let wantedActivities = Set(activityIDs)
        if !wantedActivities.isEmpty {
            let rows = try database.query(
                "SELECT \(ActivityEndpoints.columns(scope)) FROM tito_activities AS ac WHERE ac.event_id = ?", event)
            for activity in rows.map(ActivityRecord.init(row:)) where wantedActivities.contains(activity.id) {
                activities[activity.id] = activity.embeddedJSON(event: scope.event)
            }
        }
    }

    /// Full release objects for the ids that name a release, in the ids' order.
    func releases(_ ids: [Int64], view: View = .short) -> [JSONValue] {
        guard let renderer else { return [] }
        return ids.compactMap { releases[$0] }.map { release in
            var json = JSONBuilder()
            renderer.encode(release, view: view, embedded: true, to: &json)
            return (try? JSONParser.parse(json.bytes)) ?? .null
        }
    }

    /// `{id, title, slug}` for the ids that name a release (the invitation list shape).
    func releaseSummaries(_ ids: [Int64]) -> [JSONValue] {
        ids.compactMap { releases[$0] }.map { ["id": .int($0.id), "title": .string($0.title), "slug": .string($0.slug)] }
    }

    func questions(_ ids: [Int64]) -> [JSONValue] { ids.compactMap { questions[$0] } }

    func activities(_ ids: [Int64]) -> [JSONValue] { ids.compactMap { activities[$0] } }
}
