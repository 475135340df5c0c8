import Emulation
import Foundation
import Testing
import TestSupport

/// `--db FILE`: state survives a restart; a reset still goes back to the seed.
@Suite struct PersistenceTests {
    @Test func fileDatabaseKeepsChangesAcrossRestarts() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("understudy-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            let first = try TestServer(databasePath: path)
            #expect(try ControlAPITests.buyVIP(first, quantity: 4).status == 200)
            #expect(try ControlAPITests.galaVIPQuantity(first) == 96)
            first.stop()
        }
        let second = try TestServer(databasePath: path)
        #expect(try ControlAPITests.galaVIPQuantity(second) == 96)
        #expect(try second.request("POST", "/_understudy/reset").status == 200)
        #expect(try ControlAPITests.galaVIPQuantity(second) == 100)
        second.stop()

        let third = try TestServer(databasePath: path)
        #expect(try ControlAPITests.galaVIPQuantity(third) == 100)
    }
}
