// swift-tools-version: 6.0
import PackageDescription

// No package dependencies by design: the toolchain plus the system's libsqlite3, libcrypto and libssl.

/// Links a system C library: the shared one in debug builds, the static archive in release builds,
/// whose executables then start without loading and relocating it (docs/ARCHITECTURE.md, "Decisions").
/// List a library before the ones it needs: the linker reads archives in order.
func cLibraries(_ names: String...) -> [LinkerSetting] {
    names.map { .linkedLibrary($0, .when(configuration: .debug)) }
        + [.unsafeFlags(names.flatMap { ["-Xlinker", "-l:lib\($0).a"] }, .when(configuration: .release))]
}

let package = Package(
    name: "meshreg",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "meshreg", targets: ["meshreg"]),
        .executable(name: "RegistryBenchmarks", targets: ["RegistryBenchmarks"]),
        .executable(name: "meshreg-fuzz", targets: ["MeshregFuzz"]),
        .executable(name: "CompatibilityBenchmarks", targets: ["CompatibilityBenchmarks"]),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSSL", providers: [.apt(["libssl-dev"])]),
        // libpq's header only: the Postgres module loads the library with dlopen when first used.
        .systemLibrary(name: "CPostgres", providers: [.apt(["libpq-dev"])]),
        // Linux's epoll and eventfd headers (the C library itself; nothing to link).
        .systemLibrary(name: "CEpoll"),

        // Pure modules: no I/O.
        .target(name: "JSON"),
        .target(name: "YAML", dependencies: ["JSON"]),
        .target(name: "MeshModel", dependencies: ["JSON"]),
        .target(name: "Arguments"),
        .target(name: "Threads"),
        .target(name: "CEL", dependencies: ["JSON"]),
        .target(name: "Protobuf"),
        .target(name: "Compatibility", dependencies: ["JSON", "MeshModel", "Protobuf"]),
        .target(name: "Policy", dependencies: ["JSON", "YAML", "CEL", "Crypto"]),
        .target(name: "Lineage", dependencies: ["JSON", "MeshModel"]),
        // ODCS contracts projected onto their Kafka subjects: schema, metadata and CEL rules.
        .target(name: "ContractProjection", dependencies: ["JSON", "MeshModel", "CEL", "Protobuf"]),
        // The web UI's embedded assets and page shells.
        .target(name: "WebUI"),

        // Storage and the application.
        // The engine-neutral SQL interface the registry's stores use; SQLite and Postgres implement it.
        .target(name: "SQL"),
        .target(name: "SQLite", dependencies: ["CSQLite", "SQL", "Threads"], linkerSettings: cLibraries("sqlite3")),
        .target(name: "Crypto", dependencies: ["CCrypto"], linkerSettings: cLibraries("crypto")),
        .target(name: "Postgres", dependencies: ["CPostgres", "SQL", "Threads"]),
        .target(name: "Registry", dependencies: ["JSON", "YAML", "MeshModel", "Compatibility", "ContractProjection", "Protobuf", "Policy", "CEL", "SQL", "SQLite", "Postgres", "Crypto", "Threads", "Lineage"]),

        // HTTP: a pure HTTP/1.1 protocol module, the socket server, and the API's routes.
        .target(name: "HTTPProtocol"),
        // TLS sessions over memory buffers (libssl), which the server drives over its sockets.
        .target(name: "TLS", dependencies: ["CSSL"], linkerSettings: cLibraries("ssl", "crypto")),
        .target(name: "HTTPServer", dependencies: ["HTTPProtocol", "TLS", "CEpoll", "Threads"]),
        .target(name: "HTTPClient", dependencies: ["HTTPProtocol", "CSSL", "TLS"]),
        .target(name: "RegistryAPI", dependencies: ["HTTPProtocol", "HTTPServer", "Registry", "Compatibility", "Policy", "JSON", "MeshModel", "Threads", "Lineage", "Webhooks", "WebUI"]),
        // Webhook delivery: address checks, Standard Webhooks signatures, the sender and the dispatcher thread.
        .target(name: "Webhooks", dependencies: ["Registry", "Crypto", "JSON", "HTTPClient", "Threads"]),

        // Edges.
        .executableTarget(name: "meshreg", dependencies: ["Registry", "RegistryAPI", "HTTPServer", "HTTPClient", "TLS", "Webhooks", "Arguments", "CEL", "Compatibility", "ContractProjection", "Policy", "JSON", "MeshModel", "Lineage", "Protobuf", "Threads"]),
        .executableTarget(name: "RegistryBenchmarks", dependencies: ["Registry", "Policy", "CEL", "JSON", "CSQLite", "RegistryAPI", "HTTPProtocol"], path: "Benchmarks/RegistryBenchmarks"),
        .executableTarget(name: "LineageBenchmarks", dependencies: ["Registry", "Lineage", "JSON", "CSQLite"], path: "Benchmarks/LineageBenchmarks"),
        .executableTarget(name: "CompatibilityBenchmarks", dependencies: ["Compatibility", "JSON", "Protobuf"], path: "Benchmarks/CompatibilityBenchmarks"),

        // Fuzzing (Tests/Fuzz/run builds MeshregFuzz with libFuzzer; the regression tests replay the corpus).
        .target(name: "FuzzTargets", dependencies: ["HTTPProtocol", "HTTPServer", "TLS", "TLSTestSupport", "YAML", "JSON", "MeshModel", "Compatibility", "CEL", "Protobuf"], path: "Tests/FuzzTargets"),
        .executableTarget(name: "MeshregFuzz", dependencies: ["FuzzTargets"], path: "Tests/Fuzz/FuzzMain"),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets"]),

        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "JSON"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MeshModelTests", dependencies: ["MeshModel", "JSON"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ArgumentsTests", dependencies: ["Arguments"]),
        .testTarget(name: "CELTests", dependencies: ["CEL", "JSON"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PolicyTests", dependencies: ["Policy", "YAML", "JSON", "CEL"]),
        .testTarget(name: "LineageTests", dependencies: ["Lineage", "MeshModel", "JSON"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CompatibilityTests", dependencies: ["Compatibility", "JSON", "MeshModel", "Protobuf"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ProtobufTests", dependencies: ["Protobuf"]),
        .testTarget(name: "ContractProjectionTests", dependencies: ["ContractProjection", "MeshModel", "JSON", "YAML", "CEL", "Compatibility", "Protobuf"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite", "SQL"]),
        .target(name: "PostgresTestSupport", dependencies: ["SQL", "SQLite", "Postgres"], path: "Tests/PostgresTestSupport"),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "SQL", "PostgresTestSupport"]),
        .testTarget(name: "CryptoTests", dependencies: ["Crypto"]),
        .testTarget(name: "HTTPProtocolTests", dependencies: ["HTTPProtocol"]),
        .target(name: "HTTPTestClient", path: "Tests/HTTPTestClient"),
        .target(name: "TLSTestSupport", dependencies: ["CSSL"], path: "Tests/TLSTestSupport", linkerSettings: cLibraries("ssl", "crypto")),
        .testTarget(name: "TLSTests", dependencies: ["TLS", "CSSL", "TLSTestSupport"]),
        .testTarget(name: "HTTPClientTests", dependencies: ["HTTPClient"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "HTTPProtocol", "HTTPTestClient", "TLS", "TLSTestSupport"]),
        .testTarget(name: "RegistryAPITests", dependencies: ["RegistryAPI", "Registry", "HTTPProtocol", "JSON", "Policy", "Lineage", "SQL", "SQLite", "PostgresTestSupport", "WebUI", "Protobuf"]),
        .testTarget(name: "RegistryTests", dependencies: ["Registry", "SQL", "SQLite", "Postgres", "PostgresTestSupport", "JSON", "Compatibility", "Lineage"]),
        .testTarget(name: "WebhooksTests", dependencies: ["Webhooks", "Registry", "PostgresTestSupport", "JSON", "Crypto", "HTTPServer", "HTTPProtocol"]),
        .testTarget(name: "EndToEndTests", dependencies: ["meshreg", "JSON", "HTTPTestClient", "PostgresTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
