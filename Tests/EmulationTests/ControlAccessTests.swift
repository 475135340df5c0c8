import Emulation
import Foundation
import Testing
import TestSupport

/// Who may call `/_understudy/…`: with a control token, whoever sends it; without one, clients
/// on loopback and private networks only. `health` is open to all, and so are provider routes.
@Suite struct ControlAccessTests {
    /// What a client at `address` gets for `method target`, answered by the server's emulator as
    /// if it had come over a socket from there (tests can only connect from loopback).
    static func respond(
        _ server: TestServer, _ method: String, _ target: String, from address: String, headers: HTTPHeaders = HTTPHeaders()
    ) throws -> HTTPResponse {
        let client = try #require(ClientAddress(address))
        var headers = headers
        headers.add("Host", "understudy:8080")
        return server.server.emulator.respond(to: HTTPRequest(method: method, target: target, headers: headers, clientAddress: client))
    }

    static func bodyText(_ response: HTTPResponse) -> String {
        String(decoding: response.body, as: UTF8.self)
    }

    @Test(arguments: ["127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.1.20", "169.254.1.1",
                      "::1", "fd12:3456::1", "fc00::7", "fe80::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1"])
    func loopbackAndPrivateClientsAreServedWithoutAToken(address: String) throws {
        let server = try TestServer()
        #expect(try Self.respond(server, "GET", "/_understudy/credentials", from: address).status == 200)
        #expect(try Self.respond(server, "GET", "/_understudy/requests", from: address).status == 200)
    }

    @Test(arguments: ["8.8.8.8", "172.32.0.1", "172.15.255.255", "192.169.0.1", "11.0.0.1", "203.0.113.7", "2001:db8::1",
                      "fec0::1", "::ffff:8.8.8.8", "::"])
    func otherClientsAreRefusedWithAWayToSetAToken(address: String) throws {
        let server = try TestServer()
        for (method, target) in [
            ("GET", "/_understudy/credentials"), ("GET", "/_understudy/requests"), ("DELETE", "/_understudy/requests"),
            ("POST", "/_understudy/reset"), ("PUT", "/_understudy/clock"), ("POST", "/_understudy/clock/advance"),
            ("POST", "/_understudy/goevent/faults"), ("POST", "/_understudy/letsdothis/tokens"), ("GET", "/_understudy/routes"),
            ("GET", "/_understudy/nothing-here"),
        ] {
            let response = try Self.respond(server, method, target, from: address)
            #expect(response.status == 403, "\(method) \(target) from \(address)")
            #expect(Self.bodyText(response).contains("--control-token"))
            #expect(Self.bodyText(response).contains("UNDERSTUDY_CONTROL_TOKEN"))
        }
        #expect(try Self.respond(server, "GET", "/_understudy/health", from: address).status == 200)
        // Provider endpoints are for every client.
        let hello = try Self.respond(
            server, "GET", "/tito/v3/hello", from: address, headers: ["Authorization": "Token token=tito-mock-live-token-ab1C"])
        #expect(hello.status == 200)
    }

    @Test func aControlTokenIsRequiredFromEveryClientButForHealth() throws {
        let server = try TestServer { $0.controlToken = "let-me-in" }
        for address in ["127.0.0.1", "10.0.0.2", "8.8.8.8"] {
            let refused = try Self.respond(server, "GET", "/_understudy/credentials", from: address)
            #expect(refused.status == 401)
            #expect(refused.headers["WWW-Authenticate"] == "Bearer realm=\"understudy\"")
            #expect(try Self.respond(server, "GET", "/_understudy/health", from: address).status == 200)
            let bearer = try Self.respond(server, "GET", "/_understudy/credentials", from: address, headers: ["Authorization": "Bearer let-me-in"])
            #expect(bearer.status == 200)
            let header = try Self.respond(server, "POST", "/_understudy/reset", from: address, headers: ["X-Understudy-Control-Token": "let-me-in"])
            #expect(header.status == 200)
            for wrong in [["Authorization": "Bearer let-me-i"], ["Authorization": "Bearer let-me-inn"], ["Authorization": "let-me-in"],
                          ["X-Understudy-Control-Token": ""], ["Authorization": "Basic let-me-in"]] as [HTTPHeaders] {
                #expect(try Self.respond(server, "GET", "/_understudy/requests", from: address, headers: wrong).status == 401)
            }
        }
    }

    /// Over a real socket: the server learns the client's address, the token is checked on
    /// the wire, and the journal says where each request came from.
    @Test func theJournalRecordsEachRequestsClientAddress() throws {
        let server = try TestServer { $0.controlToken = "tok" }
        #expect(try server.request("GET", "/_understudy/requests").status == 401)
        #expect(try server.request("GET", "/_understudy/health").status == 200)
        #expect(try server.request("GET", "/goevent/developers/v1.0/events", headers: [("Authorization", "Bearer goevent-test-token")]).status == 200)
        let journal = try server.request("GET", "/_understudy/requests", headers: [("Authorization", "Bearer tok")])
        #expect(journal.status == 200)
        #expect(journal.json["requests"]?.arrayValue?.first?["client"] == "127.0.0.1")
        #expect(journal.json["requests"]?.arrayValue?.first?["path"] == "/goevent/developers/v1.0/events")
    }
}
