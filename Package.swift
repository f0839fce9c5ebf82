// swift-tools-version: 6.0
import PackageDescription

// No package dependencies by design: the toolchain plus the system's libsqlite3 and libcrypto.
let package = Package(
    name: "meshreg",
    platforms: [.macOS(.v15)],
    targets: [
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // Pure modules: no I/O.
        .target(name: "JSON"),
        .target(name: "MeshModel", dependencies: ["JSON"]),
        .target(name: "Arguments"),

        // Storage and the application.
        .target(name: "SQLite", dependencies: ["CSQLite"]),
        .target(name: "Crypto", dependencies: ["CCrypto"]),

        // Edges.

        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "MeshModelTests", dependencies: ["MeshModel", "JSON"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ArgumentsTests", dependencies: ["Arguments"]),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
        .testTarget(name: "CryptoTests", dependencies: ["Crypto"]),
    ],
    swiftLanguageModes: [.v6]
)
