/// Why a request was refused: a stable code, the status to answer with, and a short reason.
///
/// The reason names where the problem is (request line, header line N, chunk) and never
/// quotes request bytes, so it is safe to send back and to log.
public struct HTTPParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable identifiers for every way a request can be refused.
    public enum Code: String, Sendable, Hashable {
        case invalidRequestLine
        case invalidMethod
        case invalidTarget
        case unsupportedVersion
        case requestLineTooLong
        case invalidLineEnding
        case obsoleteLineFolding
        case invalidHeaderName
        case invalidHeaderValue
        case headerSectionTooLarge
        case tooManyHeaders
        case missingHost
        case duplicateHost
        case invalidContentLength
        case conflictingContentLength
        case contentLengthWithTransferEncoding
        case invalidTransferEncoding
        case unsupportedTransferEncoding
        case invalidChunkSize
        case chunkSizeOverflow
        case chunkExtensionTooLong
        case invalidChunkTerminator
        case bodyTooLarge
    }

    public var code: Code
    public var status: HTTPStatus
    public var reason: String

    public init(_ code: Code, status: HTTPStatus = .badRequest, _ reason: String) {
        self.code = code
        self.status = status
        self.reason = reason
    }

    public var description: String { "\(status.code) \(code.rawValue): \(reason)" }
}
