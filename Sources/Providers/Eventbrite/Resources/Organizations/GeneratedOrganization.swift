import Emulation

/// An organization the seed generates rather than lists, for paging data: the organization, its
/// owner's membership, its default organizer (with the organization's id, §10.1) and one venue
/// in Los Angeles.
enum GeneratedOrganization {
    static func insert(
        id: Int64, name: String, owner: Int64, created: EpochSeconds, venueID: Int64, venueName: String, in database: Database
    ) throws {
        var organization = Organization()
        organization.id = id
        organization.name = name
        try database.insert(organization)
        var member = Member()
        member.id = id
        member.organizationID = id
        member.userID = owner
        member.isOwner = true
        member.created = created
        try database.insert(member)
        var organizer = Organizer()
        organizer.id = id
        organizer.organizationID = id
        organizer.name = name
        try database.insert(organizer)
        var venue = Venue()
        venue.id = venueID
        venue.organizationID = id
        venue.organizerID = id
        venue.name = venueName
        venue.city = "Los Angeles"
        venue.region = "CA"
        venue.country = "US"
        try database.insert(venue)
    }

    /// An event of an organization `insert` made, with its default organizer, at `venueID`;
    /// the rest (times, status) is the caller's.
    static func event(id: Int64, organizationID: Int64, venueID: Int64, name: String) -> Event {
        var event = Event()
        event.id = id
        event.organizationID = organizationID
        event.organizerID = organizationID
        event.venueID = venueID
        event.setName(html: name)
        event.url = Event.url(name: event.nameText, id: event.id)
        return event
    }
}
