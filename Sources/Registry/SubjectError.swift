/// Why a schema-registry (subject) request was refused, with Confluent Schema Registry's error
/// codes, which Kafka clients match on. The HTTP status is the code's first three digits.
public struct SubjectError: Error, Sendable, CustomStringConvertible {
    public enum Code: Int, Sendable, CaseIterable {
        /// The actor may not change this subject (another team's topic, or an admin-only setting).
        case forbidden = 40301
        case subjectNotFound = 40401
        case versionNotFound = 40402
        case schemaNotFound = 40403
        case subjectSoftDeleted = 40404
        case subjectNotSoftDeleted = 40405
        case versionSoftDeleted = 40406
        case versionNotSoftDeleted = 40407
        case subjectConfigNotFound = 40408
        case subjectModeNotFound = 40409
        case badRequest = 400
        case unauthorized = 401
        case notFound = 404
        case methodNotAllowed = 405
        /// The new schema breaks compatibility with earlier versions under the subject's level.
        case incompatible = 409
        case unsupportedMediaType = 415
        case invalidRequest = 422
        case invalidSchema = 42201
        case invalidVersion = 42202
        case invalidCompatibilityLevel = 42203
        case invalidMode = 42204
        case operationNotPermitted = 42205
        /// The version is referenced by other schemas, so it cannot be deleted.
        case referenceExists = 42206
        case storeError = 50001
        /// The database stayed locked by another writer past the busy timeout.
        case storeTimeout = 50002
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The HTTP status: the code itself when it has three digits, else its first three.
    public var httpStatus: Int { code.rawValue < 1_000 ? code.rawValue : code.rawValue / 100 }

    public var description: String { "\(code.rawValue): \(message)" }

    static func subjectNotFound(_ subject: String) -> SubjectError {
        SubjectError(.subjectNotFound, "Subject '\(subject)' not found.")
    }

    static func versionNotFound(_ subject: String, _ version: SubjectVersionSelector) -> SubjectError {
        SubjectError(.versionNotFound, "Version \(version) not found in subject '\(subject)'.")
    }
}
