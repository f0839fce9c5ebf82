// swift-tools-version: 6.0
import PackageDescription

// No package dependencies by design: the toolchain plus the system's libsqlite3 and libcrypto.
let package = Package(
    name: "meshreg",
    platforms: [.macOS(.v15)],
    products: [

    ],
    targets: [
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "JSON"),
        .target(name: "SQLite", dependencies: ["CSQLite"]),
        .target(name: "Crypto", dependencies: ["CCrypto"]),
        .target(name: "Arguments"),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "ArgumentsTests", dependencies: ["Arguments"]),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
        .testTarget(name: "CryptoTests", dependencies: ["Crypto"]),
    ],
    swiftLanguageModes: [.v6]
)
