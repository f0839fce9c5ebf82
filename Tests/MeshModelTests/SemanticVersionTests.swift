import Testing
@testable import MeshModel

@Suite struct SemanticVersionTests {
    @Test func readsAllParts() throws {
        let version = try #require(SemanticVersion("1.20.300-rc.1+build.0042"))
        #expect((version.major, version.minor, version.patch) == (1, 20, 300))
        #expect(version.prerelease == ["rc", "1"])
        #expect(version.build == ["build", "0042"])
        #expect(version.isPrerelease)
        #expect(version.description == "1.20.300-rc.1+build.0042")
    }

    @Test(arguments: ["0.0.0", "1.0.0-alpha-1", "1.0.0-0.3.7", "1.0.0-x.7.z.92", "1.0.0+20130313144700",
                      "1.0.0-beta+exp.sha.5114f85", "1.0.0+21AF26D3----117B344092BD", "10.20.30"])
    func acceptsValidVersions(text: String) {
        #expect(SemanticVersion(text)?.description == text)
    }

    @Test(arguments: [("1.2", "1.2.0"), ("01.0.0", "leading zeros"), ("1.0.0-", "empty"), ("v1.0.0", "write 1.0.0"),
                      ("", "empty"), ("1.0.0-01", "leading zeros"), ("1.0.0-a..b", "empty identifier"),
                      ("1.0.0+", "empty"), ("1.0.0-a_b", "letters, digits"), ("1.a.0", "number"),
                      ("1.0.0.0", "three numbers"), ("99999999999999999999.0.0", "too large")])
    func refusesInvalidVersionsSayingWhy(text: String, explanation: String) {
        #expect(SemanticVersion(text) == nil)
        #expect(throws: SemanticVersionError.self) { try SemanticVersion(parsing: text) }
        do throws(SemanticVersionError) {
            _ = try SemanticVersion(parsing: text)
        } catch {
            #expect(error.reason.contains(explanation), "\(error)")
            #expect(error.description.contains("'\(text)'"))
        }
    }

    /// semver.org §11: 1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta < 1.0.0-beta.2 < 1.0.0-beta.11 < 1.0.0-rc.1 < 1.0.0.
    @Test func ordersByPrecedence() throws {
        let ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
                       "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1", "10.0.0"]
        let versions = try ordered.map { try #require(SemanticVersion($0)) }
        for (lower, higher) in zip(versions, versions.dropFirst()) {
            #expect(lower < higher, "\(lower) < \(higher)")
            #expect(!(higher < lower))
        }
        #expect(versions.shuffled().sorted() == versions)
    }

    @Test func ignoresBuildMetadataForPrecedenceAndEquality() throws {
        let left = try #require(SemanticVersion("1.0.0+a")), right = try #require(SemanticVersion("1.0.0+b"))
        #expect(left == right && !(left < right) && !(right < left))
        #expect(Set([left, right]).count == 1)
        #expect(left.description != right.description)
    }

    @Test func comparesLongNumericIdentifiersNumerically() throws {
        #expect(try #require(SemanticVersion("1.0.0-99999999999999999999")) < #require(SemanticVersion("1.0.0-100000000000000000000")))
    }

    @Test func incrementsEachPart() throws {
        let version = try #require(SemanticVersion("1.2.3-rc.1+b"))
        #expect(version.incremented(.major)?.description == "2.0.0")
        #expect(version.incremented(.minor)?.description == "1.3.0")
        #expect(version.incremented(.patch)?.description == "1.2.4")
        #expect(SemanticVersion(major: .max, minor: 0, patch: 0).incremented(.major) == nil)
    }
}

@Suite struct ResourceIdentifierTests {
    @Test(arguments: ["a", "sales-orders", "fbe8d147-28db-4f1d-bedf-a3fe9f458427", "v1.2_x", String(repeating: "a", count: 128)])
    func acceptsValidIds(id: String) {
        #expect(ResourceIdentifier.isValid(id))
    }

    @Test(arguments: [("a/b", "'/'"), ("..", "starts with '.'"), (String(repeating: "a", count: 129), "129 characters"),
                      ("", "empty"), ("-a", "starts with '-'"), ("a\u{0}b", "U+0000"), ("é", "'é'"), ("_x", "starts with '_'")])
    func refusesInvalidIdsSayingWhy(id: String, explanation: String) throws {
        #expect(!ResourceIdentifier.isValid(id))
        let problem = try #require(ResourceIdentifier.problem(in: id))
        #expect(problem.contains(explanation), "\(problem)")
        #expect(!problem.contains("\u{0}"))
    }
}
