// libFuzzer entry point for the HTTP/1.1 request parser; built by Tests/Fuzz/run.sh together
// with the parser's own source files, outside SwiftPM (the sanitizer runtime would not link
// into the normal test build).

/// Small limits, so the fuzzer reaches every limit with short inputs.
private let limits = RequestParser.Limits(maxRequestLineBytes: 256, maxHeaderBytes: 512, maxHeaderCount: 8, maxBodyBytes: 1024)

/// What one parse produced: the requests, and whether it stopped at an error.
private struct Outcome: Equatable {
    var requests: [String] = []
    var failed = false
}

/// Parses `bytes` fed in pieces of `pieceSize`, checking the parser's promises on the way.
private func parse(_ bytes: UnsafeBufferPointer<UInt8>, pieceSize: Int) -> Outcome {
    var parser = RequestParser(limits: limits)
    var outcome = Outcome()
    var offset = 0
    while offset < bytes.count {
        let end = min(bytes.count, offset + pieceSize)
        parser.append(UnsafeBufferPointer(rebasing: bytes[offset..<end]))
        offset = end
        do {
            while let parsed = try parser.next() {
                let request = parsed.request
                precondition(request.body.count <= limits.maxBodyBytes, "body over the limit")
                precondition(request.headers.count <= limits.maxHeaderCount, "more fields than the limit")
                precondition(request.version == .http1_1 || request.version == .http1_0, "unsupported version accepted")
                precondition(request.version == .http1_0 || request.headers.values(for: "host").count == 1, "HTTP/1.1 without one Host")
                precondition(!request.method.isEmpty && !request.target.isEmpty, "empty method or target")
                outcome.requests.append(
                    "\(request.method) \(request.target) \(request.version) \(request.headers.map { "\($0.name)=\($0.value)" }) "
                        + "\(request.body) \(parsed.keepAlive)")
                precondition(outcome.requests.count <= bytes.count, "more requests than bytes")
            }
        } catch {
            // Once failed, the parser stays failed, whatever arrives next.
            parser.append([UInt8(ascii: "G")])
            do {
                _ = try parser.next()
                preconditionFailure("the parser recovered after \(error)")
            } catch let again {
                precondition(again == error, "a second error differs: \(error) then \(again)")
            }
            outcome.failed = true
            return outcome
        }
    }
    return outcome
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestParser(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let data, count > 0 else { return 0 }
    // The first byte chooses how the rest is split, so every split point gets exercised.
    let pieceSize = Int(data[0] % 16) + 1
    let input = UnsafeBufferPointer(start: data + 1, count: count - 1)
    let whole = parse(input, pieceSize: max(1, input.count))
    let pieces = parse(input, pieceSize: pieceSize)
    // However the bytes arrive, the same requests come out, and an error happens or not alike.
    precondition(whole == pieces, "split into \(pieceSize)-byte pieces: \(pieces) but whole: \(whole)")
    return 0
}
