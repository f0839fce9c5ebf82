/// A SemVer 2.0.0 version (semver.org): `MAJOR.MINOR.PATCH[-prerelease][+build]`.
///
/// Equality, hashing and ordering follow precedence (semver.org §11), so build metadata is
/// ignored by all three; ``description`` keeps it.
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Incremented for incompatible changes.
    public let major: Int
    /// Incremented for backward-compatible additions.
    public let minor: Int
    /// Incremented for backward-compatible fixes.
    public let patch: Int
    /// Dot-separated pre-release identifiers, e.g. `["rc", "1"]` for `-rc.1`.
    public let prerelease: [String]
    /// Dot-separated build identifiers, e.g. `["build", "5"]` for `+build.5`.
    public let build: [String]

    /// The part of a version to increment.
    public enum Part: Sendable, CaseIterable {
        case major, minor, patch
    }

    /// Parses `text`, or nil when it is not SemVer 2.0.0.
    public init?(_ text: String) {
        guard let version = try? SemanticVersion(parsing: text) else { return nil }
        self = version
    }

    /// Parses `text`, explaining what is wrong when it is not SemVer 2.0.0 (semver.org §2, §9, §10).
    public init(parsing text: String) throws(SemanticVersionError) {
        func failure(_ reason: String) -> SemanticVersionError { SemanticVersionError(text: text, reason: reason) }
        if text.isEmpty { throw failure("it is empty; write MAJOR.MINOR.PATCH, e.g. 1.0.0") }
        if let first = text.first, first == "v" || first == "V" {
            throw failure("it must not start with '\(first)'; write \(text.dropFirst())")
        }
        var rest = Substring(text)
        var build: [String] = []
        if let plus = rest.firstIndex(of: "+") {
            build = try Self.identifiers(
                rest[rest.index(after: plus)...], kind: "build metadata", separator: "+", numericRule: false, failure: failure)
            rest = rest[..<plus]
        }
        var prerelease: [String] = []
        if let dash = rest.firstIndex(of: "-") {
            prerelease = try Self.identifiers(
                rest[rest.index(after: dash)...], kind: "pre-release", separator: "-", numericRule: true, failure: failure)
            rest = rest[..<dash]
        }
        let numbers = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3 else {
            let padded = numbers.count < 3 && numbers.allSatisfy(Self.isDigits)
                ? ", e.g. " + (numbers.map(String.init) + Array(repeating: "0", count: 3 - numbers.count)).joined(separator: ".")
                : ""
            throw failure("it needs exactly three numbers MAJOR.MINOR.PATCH\(padded)")
        }
        var values: [Int] = []
        for (number, name) in zip(numbers, ["major", "minor", "patch"]) {
            guard Self.isDigits(number) else { throw failure("the \(name) version '\(number)' must be a number") }
            guard number == "0" || number.first != "0" else {
                throw failure("the \(name) version '\(number)' must not have leading zeros")
            }
            guard let value = Int(number) else { throw failure("the \(name) version '\(number)' is too large") }
            values.append(value)
        }
        self.init(checkedMajor: values[0], minor: values[1], patch: values[2], prerelease: prerelease, build: build)
    }

    /// Creates a version from parts; the parts must be valid SemVer (a programmer error otherwise).
    public init(major: Int, minor: Int, patch: Int, prerelease: [String] = [], build: [String] = []) {
        precondition(major >= 0 && minor >= 0 && patch >= 0, "SemVer numbers are non-negative")
        precondition(prerelease.allSatisfy { Self.identifierProblem($0[...], kind: "pre-release", numericRule: true) == nil },
                     "invalid pre-release identifiers \(prerelease)")
        precondition(build.allSatisfy { Self.identifierProblem($0[...], kind: "build metadata", numericRule: false) == nil },
                     "invalid build identifiers \(build)")
        self.init(checkedMajor: major, minor: minor, patch: patch, prerelease: prerelease, build: build)
    }

    private init(checkedMajor major: Int, minor: Int, patch: Int, prerelease: [String], build: [String]) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.build = build
    }

    /// The next release after incrementing `part` (lower parts reset to 0, no pre-release or build), or nil on overflow.
    public func incremented(_ part: Part) -> SemanticVersion? {
        switch part {
        case .major: major == .max ? nil : SemanticVersion(major: major + 1, minor: 0, patch: 0)
        case .minor: minor == .max ? nil : SemanticVersion(major: major, minor: minor + 1, patch: 0)
        case .patch: patch == .max ? nil : SemanticVersion(major: major, minor: minor, patch: patch + 1)
        }
    }

    /// True for a pre-release such as `1.0.0-rc.1`.
    public var isPrerelease: Bool { !prerelease.isEmpty }

    /// The version as written, build metadata included.
    public var description: String {
        var text = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty { text += "-" + prerelease.joined(separator: ".") }
        if !build.isEmpty { text += "+" + build.joined(separator: ".") }
        return text
    }

    /// Precedence per semver.org §11: numbers, then a release above its pre-releases, then identifiers.
    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        switch (lhs.prerelease.isEmpty, rhs.prerelease.isEmpty) {
        case (true, _): return false
        case (false, true): return true
        case (false, false): break
        }
        for (left, right) in zip(lhs.prerelease, rhs.prerelease) where left != right {
            return identifierPrecedes(left, right)
        }
        return lhs.prerelease.count < rhs.prerelease.count
    }

    /// Same precedence: build metadata is ignored (semver.org §10).
    public static func == (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) == (rhs.major, rhs.minor, rhs.patch) && lhs.prerelease == rhs.prerelease
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(prerelease)
    }

    /// Numeric identifiers compare numerically and sort before alphanumeric ones, which compare in ASCII order.
    private static func identifierPrecedes(_ left: String, _ right: String) -> Bool {
        switch (isDigits(left[...]), isDigits(right[...])) {
        case (true, true):
            // No leading zeros, so a shorter number is smaller, and equal lengths compare as text.
            return left.utf8.count != right.utf8.count
                ? left.utf8.count < right.utf8.count
                : left.utf8.lexicographicallyPrecedes(right.utf8)
        case (true, false): return true
        case (false, true): return false
        case (false, false): return left.utf8.lexicographicallyPrecedes(right.utf8)
        }
    }

    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// Splits the dot-separated identifiers after `separator`, or throws what is wrong with them.
    private static func identifiers(
        _ text: Substring, kind: String, separator: Character, numericRule: Bool, failure: (String) -> SemanticVersionError
    ) throws(SemanticVersionError) -> [String] {
        if text.isEmpty {
            throw failure("the \(kind) after '\(separator)' is empty; remove the '\(separator)' or add identifiers, e.g. 1.0.0\(separator)rc.1")
        }
        return try text.split(separator: ".", omittingEmptySubsequences: false).map { identifier throws(SemanticVersionError) in
            if let problem = identifierProblem(identifier, kind: kind, numericRule: numericRule) { throw failure(problem) }
            return String(identifier)
        }
    }

    /// What is wrong with one identifier of `[0-9A-Za-z-]`; with `numericRule`, a numeric one has no leading zeros.
    private static func identifierProblem(_ identifier: Substring, kind: String, numericRule: Bool) -> String? {
        if identifier.isEmpty { return "the \(kind) has an empty identifier between dots" }
        let allowed = identifier.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "-")
        }
        if !allowed { return "the \(kind) identifier '\(identifier)' may only contain letters, digits and '-'" }
        if numericRule && isDigits(identifier) && identifier.count > 1 && identifier.first == "0" {
            return "the numeric \(kind) identifier '\(identifier)' must not have leading zeros"
        }
        return nil
    }
}
