// swift-tools-version:6.0
// The reference peer for bench/run.sh: Hummingbird (on SwiftNIO) answering a fixed 10 KB JSON
// body, so every figure of Understudy is a ratio measured in the same minutes on the same
// machine. A separate package: never a dependency of Understudy itself.
import PackageDescription

let package = Package(
    name: "Reference",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0")
    ],
    targets: [
        .executableTarget(name: "Reference", dependencies: [.product(name: "Hummingbird", package: "hummingbird")])
    ]
)
