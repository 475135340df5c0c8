import Hummingbird

// `reference PORT`: GET /fixed answers the same 10 KB JSON document every time.
let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 8081

/// About 10 KB of JSON shaped like an API list page: 20 objects of a few string fields.
let body: ByteBuffer = {
    var items: [String] = []
    for index in 0..<20 {
        let padding = String(repeating: "x", count: 380)
        items.append(#"{"id":"\#(index)","name":"Reference event \#(index)","slug":"reference-event-\#(index)","notes":"\#(padding)"}"#)
    }
    return ByteBuffer(string: #"{"events":["# + items.joined(separator: ",") + "]}")
}()

let router = Router()
router.get("fixed") { _, _ in
    Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
