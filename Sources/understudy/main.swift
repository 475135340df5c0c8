import ArgumentParser
import Foundation
import Logging
import UnderstudyServer

GracefulShutdown.holdStopSignals()

/// Usage errors and unreadable seed data exit with 2 (the shell convention for misuse).
let usageExitCode: Int32 = 2

func fail(_ message: String, code: Int32 = usageExitCode) -> Never {
    FileHandle.standardError.write(Data("understudy: error: \(message)\n".utf8))
    exit(code)
}

let command: ServeCommand
do {
    command = try ServeCommand.parse()
} catch {
    if ServeCommand.exitCode(for: error) == .success { ServeCommand.exit(withError: error) }  // --help
    fail(ServeCommand.message(for: error))
}

let configuration: UnderstudyConfiguration
let logLevel: Logger.Level
do {
    (configuration, logLevel) = try command.resolve(environment: ProcessInfo.processInfo.environment)
} catch {
    fail(ServeCommand.message(for: error))
}

LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = logLevel
    return handler
}

if command.writeSeedCache {
    do {
        let file = try UnderstudyServer.writeSeedCache(configuration: configuration)
        print(file.path)
        exit(0)
    } catch {
        fail("\(error)")
    }
}

let server: UnderstudyServer
do {
    server = try UnderstudyServer(configuration: configuration)
} catch {
    fail("\(error)")
}

let port: Int
do {
    port = try server.start()
} catch {
    fail("cannot listen on \(configuration.http.host):\(configuration.http.port): \(error)", code: 1)
}

GracefulShutdown.stopOnSignal(server)

// Written straight to the file descriptor: a buffered pipe would hold the line back, and scripts wait for it.
let providers = server.providerNames.joined(separator: ", ")
FileHandle.standardOutput.write(Data("understudy listening on http://\(configuration.http.host):\(port) (providers: \(providers))\n".utf8))
server.waitUntilStopped()
exit(0)
