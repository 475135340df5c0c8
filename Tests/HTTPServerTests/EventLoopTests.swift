import Dispatch
import Glibc
@testable import HTTPServer
import Testing
import TestSupport

@Suite("Event loops")
struct EventLoopTests {
    @Test(arguments: [0, 1, 3])
    func servesInterleavedConnectionsWithAnyNumberOfLoops(loopCount: Int) throws {
        try withServer(configure: { $0.eventLoopCount = loopCount }) { _, port in
            let clients = try (0..<7).map { _ in try RawSocketClient.connect(port: port) }
            for round in 0..<3 {
                for (index, client) in clients.enumerated() {
                    try client.send("GET /c\(index)?\(round) HTTP/1.1\r\nHost: test\r\n\r\n")
                }
                for (index, client) in clients.enumerated() {
                    #expect(try client.readResponse().bodyText == "GET /c\(index) ?\(round) 0:")
                }
            }
        }
    }

    @Test func timerQueuePopsDueEntriesEarliestFirst() {
        var timers = TimerQueue()
        let base = MonotonicInstant(nanoseconds: 1_000_000)
        for (descriptor, offset) in [(5, 30), (6, 10), (7, 20), (8, 10), (9, 40)] {
            timers.schedule(Int32(descriptor), at: MonotonicInstant(nanoseconds: base.nanoseconds + UInt64(offset)))
        }
        #expect(timers.nextInstant == MonotonicInstant(nanoseconds: base.nanoseconds + 10))
        var popped: [Int32] = []
        while let entry = timers.popDue(at: MonotonicInstant(nanoseconds: base.nanoseconds + 30)) {
            popped.append(entry.descriptor)
        }
        #expect(popped.count == 4)
        #expect(Set(popped.prefix(2)) == [6, 8])
        #expect(Array(popped.suffix(2)) == [7, 5])
        #expect(timers.nextInstant == MonotonicInstant(nanoseconds: base.nanoseconds + 40))
    }

    @Test func roundsWaitsUpToWholeMilliseconds() {
        let start = MonotonicInstant(nanoseconds: 5_000_000)
        #expect(start.adding(seconds: 0.0015).millisecondsRoundedUp(since: start) == 2)
        #expect(start.adding(seconds: 0.002).millisecondsRoundedUp(since: start) == 2)
        #expect(start.millisecondsRoundedUp(since: start.adding(seconds: 1)) == 0)
        #expect(MonotonicInstant.distantFuture.millisecondsRoundedUp(since: start) == Int32.max)
    }
}

extension TimingSensitiveTests {
    @Suite("Event loop isolation")
    struct EventLoopIsolationTests {
        /// Connections are assigned round-robin, so with two loops consecutive connections land
        /// on different loops: a responder blocking one loop must not delay the other.
        @Test func aSlowResponderDelaysOnlyTheConnectionsOfItsOwnLoop() throws {
            try withServer(configure: { $0.eventLoopCount = 2 }) { _, port in
                let slow = try RawSocketClient.connect(port: port)
                let other = try RawSocketClient.connect(port: port)
                try slow.send("GET /slow?ms=1000 HTTP/1.1\r\nHost: test\r\n\r\n")
                usleep(50_000)  // let the slow request reach its responder

                let start = DispatchTime.now()
                try other.send("GET /quick HTTP/1.1\r\nHost: test\r\n\r\n")
                #expect(try other.readResponse().bodyText == "GET /quick ? 0:")
                #expect(secondsSince(start) < 0.5)
                #expect(try slow.readResponse().bodyText == "slow done")
            }
        }
    }
}
