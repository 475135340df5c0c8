import Emulation
import TestSupport
import Testing

@testable import Eventbrite

/// Spec §1.4: how body fields are read (money, lists, booleans from forms) and multipart bodies.
@Suite struct RequestBodyTests {
    private func fields(_ object: JSONValue) -> BodyFields {
        BodyFields(prefix: "ticket_class", object: object.objectValue ?? JSONObject(), strict: true)
    }

    @Test func moneyIsACurrencyStringOrAnObject() {
        var body = fields(["cost": "USD,4500", "fee": ["currency": "eur", "value": 250], "tax": "USD,-1", "other": "4500"])
        #expect(body.money("cost").value == Money(currency: "USD", value: 4500))
        #expect(body.money("fee").value == Money(currency: "EUR", value: 250))
        #expect(body.money("tax").value == nil)
        #expect(body.money("other").value == nil)
        #expect(body.errors.error.detail == ["ARGUMENTS_ERROR": ["ticket_class.tax": ["INVALID"], "ticket_class.other": ["INVALID"]]])
    }

    @Test func moneyWritesItsMajorValueAndDisplay() {
        var json = JSONBuilder()
        Money(currency: "USD", value: 432).write(to: &json)
        #expect(String(decoding: json.bytes, as: UTF8.self) == #"{"currency":"USD","value":432,"major_value":"4.32","display":"$4.32"}"#)
        var plain = JSONBuilder()
        Money(currency: "JPY", value: 2311).write(to: &plain, symbolDisplay: false)
        #expect(String(decoding: plain.bytes, as: UTF8.self) == #"{"currency":"JPY","value":2311,"major_value":"2311","display":"2311 JPY"}"#)
    }

    @Test func formStringsReadAsTheirTypes() {
        var body = fields(["quantity_total": "100", "hidden": "TRUE", "free": "0", "ids": "1,2, 3", "json_ids": "[\"4\"]", "bad": "maybe"])
        #expect(body.integer("quantity_total").value == 100)
        #expect(body.bool("hidden").value == true)
        #expect(body.bool("free").value == false)
        #expect(body.list("ids").value == ["1", "2", "3"])
        #expect(body.list("json_ids").value == ["4"])
        #expect(body.bool("bad").isAbsent)
        #expect(body.errors.fields.map(\.field) == ["ticket_class.bad"])
    }

    @Test func aMultipartBodyCreatesAnEvent() throws {
        let server = try TestServer()
        let boundary = "XyZ"
        var body = ""
        for (name, value) in [
            ("event.name.html", "Multipart Event"), ("event.start.utc", "2032-02-01T10:00:00Z"), ("event.start.timezone", "UTC"),
            ("event.end.utc", "2032-02-01T11:00:00Z"), ("event.end.timezone", "UTC"), ("event.currency", "USD"),
        ] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)--\r\n"
        let response = try server.eventbrite(
            "POST", "/organizations/12345/events/", headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: body)
        #expect(response.status == 200)
        #expect(response.json["name"]?["text"] == "Multipart Event")
        #expect(response.json["start"]?["local"] == "2032-02-01T10:00:00")
    }

    @Test func dottedKeysAndWrappersMerge() throws {
        let server = try TestServer()
        let response = try server.eventbrite("POST", "/organizations/12345/events/", json: [
            "event": ["currency": "USD", "start": ["timezone": "UTC"]],
            "event.name.html": "Merged",
            "event.start.utc": "2032-03-01T10:00:00Z",
            "event.end": ["utc": "2032-03-01T11:00:00Z", "timezone": "UTC"],
            "ignored_outside_the_wrapper": true,
        ])
        #expect(response.status == 200)
        #expect(response.json["name"]?["text"] == "Merged")
        #expect(response.json["start"]?["utc"] == "2032-03-01T10:00:00Z")
    }
}
