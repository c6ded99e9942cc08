// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "winloss",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "winloss", targets: ["winloss"]),
        .library(name: "WinLossKit", targets: ["WinLossKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Tests only: generated inputs with shrinking, for properties such as "every amount printed reads back".
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .target(
            name: "WinLossKit",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // A sample programme and the tour of `winloss demo`: generated deals, interviews and themes. Not part of
        // the library; the command line links it for `winloss demo`.
        .target(
            name: "WinLossDemo",
            dependencies: [
                "WinLossKit",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "winloss",
            dependencies: [
                "WinLossKit",
                "WinLossDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "WinLossKitTests",
            dependencies: [
                "WinLossKit",
                "WinLossDemo",
                // Built so that the end-to-end tests can run the real binary.
                "winloss",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
