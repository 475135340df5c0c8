import Emulation
import TestSupport
import Testing

/// Spec §8.4 and Appendix A: categories, subcategories, formats and the system lists.
@Suite struct ReferenceDataTests {
    let server: TestServer

    init() throws { server = try TestServer() }

    @Test func categoriesListTheRealTwentyOneInTheCapturedOrder() throws {
        let response = try server.eventbrite("GET", "/categories/")
        #expect(keys(response.json) == ["locale", "pagination", "categories"])
        #expect(response.json["locale"] == "en_US")
        #expect(response.pagination == [
            "object_count": 21, "page_number": 1, "page_size": 50, "page_count": 1, "has_more_items": false,
        ])
        let ids = response.ids("categories")
        #expect(Array(ids.prefix(3)) == ["103", "101", "110"])
        #expect(ids.last == "120")
        #expect(!ids.contains("1234"))
        #expect(response.json["categories"]?[0] == [
            "resource_uri": "https://www.eventbriteapi.com/v3/categories/103/", "id": "103", "name": "Music",
            "name_localized": "Music", "short_name": "Music", "short_name_localized": "Music",
        ])
    }

    @Test func aCategoryByIdCarriesItsSubcategories() throws {
        let music = try server.eventbrite("GET", "/categories/103/")
        #expect(music.json["subcategories"]?.arrayValue?.first?["name"] == "Alternative")
        #expect(music.json["subcategories"]?.arrayValue?.first?["parent_category"]?["id"] == "103")
        // The docs' placeholder resolves by id only.
        let placeholder = try server.eventbrite("GET", "/categories/1234/")
        #expect(placeholder.status == 200)
        #expect(placeholder.json["name"] == "Example Category")
        #expect(try server.eventbrite("GET", "/categories/999/").json == Bodies.notFound("category"))
    }

    @Test func subcategoriesPageThroughAllOfThem() throws {
        let first = try server.eventbrite("GET", "/subcategories/")
        #expect(first.pagination["object_count"] == 197)
        #expect(first.pagination["page_count"] == 4)
        #expect(first.pagination["continuation"] == "eyJwYWdlIjogMn0")
        let walk = try server.walkContinuations("/subcategories/", key: "subcategories")
        #expect(walk.pages == 4)
        #expect(walk.items.count == 197)
        let classical = try server.eventbrite("GET", "/subcategories/3003/")
        #expect(classical.json == [
            "resource_uri": "https://www.eventbriteapi.com/v3/subcategories/3003/", "id": "3003", "name": "Classical",
            "parent_category": [
                "resource_uri": "https://www.eventbriteapi.com/v3/categories/103/", "id": "103", "name": "Music",
                "name_localized": "Music", "short_name": "Music", "short_name_localized": "Music",
            ],
        ])
        #expect(try server.eventbrite("GET", "/subcategories/12345/").json["parent_category"]?["id"] == "1234")
        #expect(try server.eventbrite("GET", "/subcategories/1/").json == Bodies.notFound("subcategory"))
    }

    @Test func formatsAreTheRealTwenty() throws {
        let response = try server.eventbrite("GET", "/formats/")
        #expect(response.json["locale"] == "en_US")
        #expect(response.pagination["object_count"] == 20)
        #expect(try server.eventbrite("GET", "/formats/2/").json == [
            "resource_uri": "https://www.eventbriteapi.com/v3/formats/2/", "id": "2", "name": "Seminar or Talk",
            "name_localized": "Seminar or Talk", "short_name": "Seminar", "short_name_localized": "Seminar",
        ])
        #expect(try server.eventbrite("GET", "/formats/99/").json == Bodies.notFound("format"))
    }

    @Test func systemListsPage() throws {
        let zones = try server.eventbrite("GET", "/system/timezones/?page_size=200")
        #expect(zones.pagination["object_count"] == 418)
        let all = try server.walkContinuations("/system/timezones/?page_size=200", key: "timezones")
        #expect(all.items.contains(["timezone": "America/Los_Angeles", "label": "(GMT-0800) United States (Los Angeles) Time"]))
        let countries = try server.walkContinuations("/system/countries/", key: "countries")
        #expect(countries.items.contains(["code": "US", "label": "United States"]))
        let regions = try server.walkContinuations("/system/regions/", key: "regions")
        #expect(regions.items.contains(["country_code": "US", "code": "CA", "label": "California"]))
    }

    @Test func referenceDataNeedsAToken() throws {
        #expect(try server.eventbrite("GET", "/categories/", token: nil).json == Bodies.noAuth)
    }
}
