import Emulation
import Testing

/// Dotted-key expansion as Eventbrite's spec §1.4 defines it.
@Suite struct DottedKeysTests {
    @Test func expandsTheSDKTestBody() throws {
        let body = try JSONParser.parse(
            #"""
            {"event.name": {"html": "client_test"}, "event.start": {"utc": "2031-01-01T10:00:00Z", "timezone": "America/Los_Angeles"},
             "event.currency": "USD", "event.online_event": true, "event.capacity": 10}
            """#)
        #expect(body.expandingDottedKeys() == [
            "event": [
                "name": ["html": "client_test"], "start": ["utc": "2031-01-01T10:00:00Z", "timezone": "America/Los_Angeles"],
                "currency": "USD", "online_event": true, "capacity": 10,
            ]
        ])
    }

    @Test func dottedAndNestedFormsAreEquivalent() {
        let dotted: JSONValue = ["event.name.html": "x"]
        let nested: JSONValue = ["event": ["name": ["html": "x"]]]
        #expect(dotted.expandingDottedKeys() == nested)
        #expect(nested.expandingDottedKeys() == nested)
    }

    @Test func mergesObjectsAtEveryLevel() {
        let value: JSONValue = [
            "event": ["name": ["html": "x"]], "event.name.text": "y", "event.name": ["html": "z"], "ticket_class.cost": "USD,4500",
        ]
        #expect(value.expandingDottedKeys() == [
            "event": ["name": ["html": "z", "text": "y"]], "ticket_class": ["cost": "USD,4500"],
        ])
    }

    @Test func expandsKeysInsideNestedObjects() {
        let value: JSONValue = ["event": ["name.html": "x", "venue": ["address.city": "Berlin"]]]
        #expect(value.expandingDottedKeys() == ["event": ["name": ["html": "x"], "venue": ["address": ["city": "Berlin"]]]])
    }

    @Test func theLastLeafWins() {
        let twice = JSONValue.object(JSONObject([(key: "a.b", value: 1), (key: "a.b", value: 2)]))
        #expect(twice.expandingDottedKeys() == ["a": ["b": 2]])
        // A scalar replaces an object given earlier, and an object replaces a scalar.
        #expect((["a.b.c": 1, "a.b": "flat"] as JSONValue).expandingDottedKeys() == ["a": ["b": "flat"]])
        #expect((["a.b": "flat", "a.b.c": 1] as JSONValue).expandingDottedKeys() == ["a": ["b": ["c": 1]]])
        #expect((["a": 1, "a.b": 2] as JSONValue).expandingDottedKeys() == ["a": ["b": 2]])
    }

    @Test func keysKeepTheirFirstPosition() {
        let value: JSONValue = ["b.x": 1, "a": 2, "b.y": 3]
        guard case .object(let object) = value.expandingDottedKeys() else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == ["x": 1, "y": 3])
    }

    @Test func expandsObjectsInsideArrays() {
        let value: JSONValue = ["questions": [["respondent.name": "A"], "text", ["x": ["y.z": 1]]]]
        #expect(value.expandingDottedKeys() == ["questions": [["respondent": ["name": "A"]], "text", ["x": ["y": ["z": 1]]]]])
    }

    @Test func keepsKeysWithEmptySegmentsAsWritten() {
        let value: JSONValue = [".a": 1, "b.": 2, "c..d": 3, "": 4, "e": ["f..": 5]]
        #expect(value.expandingDottedKeys() == value)
    }

    @Test func leavesScalarsAndArraysOfScalarsAlone() {
        #expect((["a", 1, nil] as JSONValue).expandingDottedKeys() == ["a", 1, nil])
        #expect(JSONValue.string("a.b").expandingDottedKeys() == "a.b")
    }

    @Test func keepsKeysThatWouldNestTooDeep() {
        let deep = Array(repeating: "k", count: 600).joined(separator: ".")
        let value: JSONValue = .object(JSONObject([(key: deep, value: 1), (key: "a.b", value: 2)]))
        #expect(value.expandingDottedKeys() == .object(JSONObject([(key: deep, value: 1), (key: "a", value: ["b": 2])])))
        let fine = Array(repeating: "k", count: 3).joined(separator: ".")
        #expect((.object(JSONObject([(key: fine, value: 1)])) as JSONValue).expandingDottedKeys() == ["k": ["k": ["k": 1]]])
    }
}
