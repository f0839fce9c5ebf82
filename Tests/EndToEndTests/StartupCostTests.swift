import Foundation
import Testing

/// The binary starts in about a millisecond and a half less without the whole Foundation:
/// CoreFoundation's initializer and ICU's tables are what a plain `import Foundation` links in
/// (docs/ARCHITECTURE.md, "Decisions"). Product code imports `FoundationEssentials` instead.
@Suite struct StartupCostTests {
    @Test func noProductModuleImportsTheWholeFoundation() throws {
        let sources = MeshregProcess.repositoryRoot.appendingPathComponent("Sources")
        let files = try FileManager.default.subpathsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 300, "found only \(files.count) Swift files under Sources/")
        let offenders = try files.filter { file in
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            return text.split(separator: "\n").contains { $0 == "import Foundation" || $0.hasPrefix("import FoundationNetworking") }
        }
        #expect(offenders.isEmpty, "import FoundationEssentials (and Glibc for C functions) instead of Foundation in \(offenders)")
    }
}
