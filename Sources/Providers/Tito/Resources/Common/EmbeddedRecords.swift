import Emulation

/// The releases, questions and activities of one event, ready to embed in the objects that list
/// them by id (activities, check-in lists, opt-ins, invitations). Embedded objects have their own
/// association arrays emptied (spec §12 embedding rule); release counters follow the token's view.
struct EmbeddedRecords {
    private let renderer: ReleaseRenderer
    private let releases: [Int64: ReleaseRecord]
    private var questions: [Int64: JSONValue] = [:]
    private var activities: [Int64: JSONValue] = [:]

    init(scope: EventScope, now: Int64, in database: Database, questions loadQuestions: Bool = false,
         activities loadActivities: Bool = false) throws {
        renderer = try ReleaseRenderer(scope: scope, now: now, in: database)
        var releases: [Int64: ReleaseRecord] = [:]
        for release in try ReleaseRecord.all(event: scope.event.id, in: database) { releases[release.id] = release }
        self.releases = releases
        if loadQuestions {
            for question in try QuestionRecord.all(event: scope.event.id, in: database) { questions[question.id] = question.json }
        }
        if loadActivities {
            for activity in try ActivityRecord.all(event: scope.event.id, in: database) {
                activities[activity.id] = activity.embeddedJSON(event: scope.event)
            }
        }
    }

    /// Full release objects for the ids that name a release, in the ids' order.
    func releases(_ ids: [Int64], view: View = .short) -> [JSONValue] {
        ids.compactMap { releases[$0] }.map { release in
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
