import Emulation

/// Releases (ticket types): the table, the seed and the endpoints L1–L12.
enum Releases: TitoResourceGroup {
    static let tables = [GroupTable(Release.self, nextID: 1_105_528)]


    static var routes: [Route<TitoPrincipal>] { ReleaseEndpoints.routes }

    /// Copies every release (spec §11.2 E8): new ids, same slugs, counters reset by having no tickets.
    static func duplicate(_ copy: inout EventCopy, in database: Database) throws {
        try Release.copyAll(&copy, as: "releases", in: database) { release, copy, _ in
            release.questionIDs = copy.remap("questions", release.questionIDs)
        }
    }
}
