// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Understudy",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "understudy", targets: ["understudy"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // SHA-256 for generated ids, HMAC-SHA256 for Let's Do This's JWTs, MD5 and SHA-1 for bookingkit's derived URLs.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // The system libsqlite3 (apt: libsqlite3-dev).
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),

        // HTTP/1.1 on POSIX sockets, served by one epoll event-loop thread per core; knows
        // nothing of providers or SQLite.
        .target(name: "HTTPServer", dependencies: ["CSystemShims", .product(name: "Logging", package: "swift-log")]),

        // epoll, eventfd, thread naming and memory files, which Swift's Glibc module does not export.
        .target(name: "CSystemShims"),

        // SQLite connection, statements, transactions, backups, copy-on-write database images.
        .target(name: "Storage", dependencies: ["CSQLite", "CSystemShims"]),

        // The provider framework: worlds, routing, JSON, control API, journal, clock.
        .target(
            name: "Emulation",
            dependencies: [
                "HTTPServer", "Storage", .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["README.md"]
        ),

        // One target per emulated API, each depending on Emulation only.
        .target(name: "GoEvent", dependencies: ["Emulation"], path: "Sources/Providers/GoEvent"),
        .target(
            name: "LetsDoThis",
            dependencies: ["Emulation", .product(name: "Crypto", package: "swift-crypto")],
            path: "Sources/Providers/LetsDoThis"
        ),
        .target(name: "Tito", dependencies: ["Emulation"], path: "Sources/Providers/Tito"),
        .target(name: "Eventbrite", dependencies: ["Emulation"], path: "Sources/Providers/Eventbrite", exclude: ["README.md"]),
        .target(
            name: "Bookingkit",
            dependencies: ["Emulation", .product(name: "Crypto", package: "swift-crypto")],
            path: "Sources/Providers/Bookingkit"
        ),

        // Composition root: the provider list, seed loading, server start-up.
        .target(
            name: "UnderstudyServer",
            dependencies: ["Emulation", "GoEvent", "LetsDoThis", "Tito", "Eventbrite", "Bookingkit", "CSystemShims"]),

        .executableTarget(
            name: "understudy",
            dependencies: [
                "Emulation",
                "UnderstudyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Helpers shared by the test targets: raw socket client, HTTP client, test servers.
        .target(name: "TestSupport", dependencies: ["UnderstudyServer"]),

        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage"]),
        .testTarget(name: "EmulationTests", dependencies: ["Emulation", "UnderstudyServer", "TestSupport"]),
        .testTarget(name: "GoEventTests", dependencies: ["GoEvent", "UnderstudyServer", "TestSupport"]),
        .testTarget(name: "LetsDoThisTests", dependencies: ["LetsDoThis", "UnderstudyServer", "TestSupport"]),
        .testTarget(name: "TitoTests", dependencies: ["Tito", "UnderstudyServer", "TestSupport"]),
        .testTarget(name: "EventbriteTests", dependencies: ["Eventbrite", "UnderstudyServer", "TestSupport"]),
        .testTarget(
            name: "BookingkitTests",
            dependencies: ["Bookingkit", "UnderstudyServer", "TestSupport", .product(name: "Crypto", package: "swift-crypto")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
