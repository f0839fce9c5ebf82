// swift-tools-version: 6.0
import PackageDescription

// No package dependencies by design: the toolchain plus the system's libsqlite3 and libcrypto.
let package = Package(
    name: "meshreg",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "meshreg", targets: ["meshreg"]),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // Pure modules: no I/O.
        .target(name: "JSON"),
        .target(name: "YAML", dependencies: ["JSON"]),
        .target(name: "MeshModel", dependencies: ["JSON"]),
        .target(name: "Arguments"),

        // Storage and the application.
        .target(name: "SQLite", dependencies: ["CSQLite"]),
        .target(name: "Crypto", dependencies: ["CCrypto"]),
        .target(name: "Registry", dependencies: ["JSON", "YAML", "MeshModel", "SQLite", "Crypto"]),

        // Edges.
        .executableTarget(name: "meshreg", dependencies: ["Registry", "Arguments", "JSON", "MeshModel"]),
        .executableTarget(name: "RegistryBenchmarks", dependencies: ["Registry", "JSON", "CSQLite"], path: "Benchmarks/RegistryBenchmarks"),

        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "JSON"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MeshModelTests", dependencies: ["MeshModel", "JSON"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ArgumentsTests", dependencies: ["Arguments"]),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
        .testTarget(name: "CryptoTests", dependencies: ["Crypto"]),
        .testTarget(name: "RegistryTests", dependencies: ["Registry", "SQLite", "JSON"]),
        .testTarget(name: "EndToEndTests", dependencies: ["meshreg", "JSON"]),
    ],
    swiftLanguageModes: [.v6]
)
