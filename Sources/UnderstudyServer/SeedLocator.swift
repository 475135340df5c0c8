import Foundation

/// Finds the `seed/` folder when no `--seed` is given.
public enum SeedLocator {
    /// Candidates in order: `./seed` (the repository, for `swift run`), `seed/` beside the executable
    /// or one level up (installed layouts, the Docker image), and the source tree this was built from.
    public static func defaultSeedDirectory(executablePath: String = CommandLine.arguments.first ?? "") -> URL? {
        let fileManager = FileManager.default
        let executableDirectory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        let sourceTree = URL(fileURLWithPath: #filePath)  // …/Sources/UnderstudyServer/SeedLocator.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            URL(fileURLWithPath: fileManager.currentDirectoryPath).appendingPathComponent("seed"),
            executableDirectory.appendingPathComponent("seed"),
            executableDirectory.deletingLastPathComponent().appendingPathComponent("seed"),
            sourceTree.appendingPathComponent("seed"),
        ]
        return candidates.first { isDirectory($0, fileManager) }
    }

    private static func isDirectory(_ url: URL, _ fileManager: FileManager) -> Bool {
        var isDirectory: ObjCBool = false
        return fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
