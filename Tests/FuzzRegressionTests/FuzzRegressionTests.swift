import Foundation
import FuzzTargets
import Testing

/// Every input under Tests/Fuzz/Corpus/<target>/ — the seeds and every crash the fuzzers ever
/// found — replayed through the same entry points the fuzzers use.
@Suite struct FuzzRegressionTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/Corpus")

    static var inputs: [(target: FuzzTarget, file: String)] {
        FuzzTarget.allCases.flatMap { target in
            let directory = corpus.appendingPathComponent(target.rawValue)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return files.sorted().map { (target, directory.appendingPathComponent($0).path) }
        }
    }

    @Test func everyTargetHasSeeds() {
        let targets = Set(Self.inputs.map(\.target))
        #expect(targets == Set(FuzzTarget.allCases))
    }

    @Test(arguments: inputs)
    func replays(target: FuzzTarget, file: String) throws {
        target.run(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
    }
}
