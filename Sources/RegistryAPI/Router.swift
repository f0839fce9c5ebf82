#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HTTPProtocol

/// A route: a method, a path template with `{name}` segments, and its handler.
public struct Route: Sendable {
    public typealias Handler = @Sendable (RequestContext) throws -> HTTPResponse
    /// Answers from memory on the event loop, or nil when the answer needs `Handler`
    /// (docs/ARCHITECTURE.md, "Answers made on the loop"); it must never block.
    public typealias MemoryHandler = @Sendable (RequestContext) throws -> HTTPResponse?

    public let method: HTTPMethod
    /// The path template, e.g. `/api/v1/products/{id}`; also the label in logs and metrics.
    public let template: String
    /// False only for the open endpoints (health, OpenAPI).
    public let requiresAuthentication: Bool
    let segments: [Segment]
    let handler: Handler
    /// Nil for routes that always need a worker.
    let memoryHandler: MemoryHandler?

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    /// `fromMemory` answers what it can without blocking; `answersFromMemory` says `handler`
    /// itself never blocks (it reads nothing but memory), so it serves on the loop as it is.
    public init(_ method: HTTPMethod, _ template: String, authenticated: Bool = true, answersFromMemory: Bool = false,
                fromMemory: MemoryHandler? = nil, _ handler: @escaping Handler) {
        self.method = method
        self.template = template
        self.requiresAuthentication = authenticated
        self.handler = handler
        self.memoryHandler = answersFromMemory ? handler : fromMemory
        // `/` is one empty segment, as `match` splits it.
        self.segments = template == "/" ? [.literal("")] : template.split(separator: "/").map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part))
        }
        let names = segments.compactMap { segment -> String? in if case .parameter(let name) = segment { name } else { nil } }
        precondition(Set(names).count == names.count, "the route template \(template) names a parameter twice")
    }

    /// The decoded parameters of a raw path this route matched (see `Router.match`).
    fileprivate func parameters(_ path: RawPathSegments) -> PathParameters {
        var parameters = PathParameters()
        var next = path.first
        for segment in segments {
            guard let current = next else { break }
            if case .parameter(let name) = segment { parameters.pairs.append((name, path.decoded(current))) }
            next = path.after(current)
        }
        return parameters
    }
}

/// The decoded parameters of a matched path, in template order. A route has one to three, so
/// a list searched by name costs less than a dictionary hashing each on every request.
public struct PathParameters: Sendable, Sequence {
    fileprivate var pairs: [(key: String, value: String)] = []

    public subscript(name: String) -> String? {
        pairs.first { $0.key == name }?.value
    }

    public func makeIterator() -> IndexingIterator<[(key: String, value: String)]> {
        pairs.makeIterator()
    }
}

/// An immutable route table: finds the route for a request, or says why there is none.
///
/// The templates are held as a tree of segments, so a request is compared with the few
/// literals on its own path instead of with every template; where a parameter and a literal
/// both fit, both branches are followed and the route listed first in the table wins.
public struct Router: Sendable {
    public let routes: [Route]
    private let root: Node

    public enum Match {
        case found(Route, parameters: PathParameters)
        /// The path exists with other methods (405 with `Allow`).
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
    }

    /// One segment position: its literal children, its parameter child, and the routes
    /// whose templates end here (indices into `routes`, in table order). The literals' bytes
    /// lie end to end in one array, so comparing a segment with them retains nothing.
    private final class Node: Sendable {
        let literalTexts: [String]
        let literalBytes: [UInt8]
        /// Where each literal's bytes end in `literalBytes`.
        let literalEnds: [Int]
        let literalChildren: [Node]
        let parameter: Node?
        let routeIndices: [Int]

        init(_ routes: [Route], _ indices: [Int], depth: Int) {
            routeIndices = indices.filter { routes[$0].segments.count == depth }
            var literalOrder: [String] = []
            var byLiteral: [String: [Int]] = [:]
            var parameterIndices: [Int] = []
            for index in indices where routes[index].segments.count > depth {
                switch routes[index].segments[depth] {
                case .literal(let text):
                    if byLiteral[text] == nil { literalOrder.append(text) }
                    byLiteral[text, default: []].append(index)
                case .parameter:
                    parameterIndices.append(index)
                }
            }
            literalTexts = literalOrder
            literalBytes = literalOrder.flatMap(\.utf8)
            var end = 0
            literalEnds = literalOrder.map { text in
                end += text.utf8.count
                return end
            }
            literalChildren = literalOrder.map { Node(routes, byLiteral[$0]!, depth: depth + 1) }
            parameter = parameterIndices.isEmpty ? nil : Node(routes, parameterIndices, depth: depth + 1)
        }

        /// Calls `found` with every route index whose template the segments from `segment` on fit.
        func visit(_ path: RawPathSegments, from segment: Range<Int>?, _ found: (Int) -> Void) {
            guard let segment else { return routeIndices.forEach(found) }
            let next = path.after(segment)
            // A segment with escapes is scanned once and decoded at most once, not per literal.
            let hasEscapes = path.hasEscapes(segment)
            var decoded: String?
            func matches(_ literal: Int, _ literalBytes: UnsafeBufferPointer<UInt8>) -> Bool {
                if path.bytesEqual(segment, literalBytes) { return true }
                guard hasEscapes else { return false }
                if decoded == nil { decoded = path.decoded(segment) }
                return decoded == literalTexts[literal]
            }
            literalBytes.withUnsafeBufferPointer { bytes in
                var start = 0
                for (literal, end) in literalEnds.enumerated() {
                    if matches(literal, UnsafeBufferPointer(rebasing: bytes[start..<end])) {
                        literalChildren[literal].visit(path, from: next, found)
                    }
                    start = end
                }
            }
            if let parameter, !segment.isEmpty { parameter.visit(path, from: next, found) }
        }
    }

    public init(_ routes: [Route]) {
        self.routes = routes
        root = Node(routes, Array(routes.indices), depth: 0)
    }

    /// Matches a raw (still percent-encoded) path, splitting it before decoding, so an encoded `/`
    /// stays inside its segment, and decoding only the matched route's parameters (and segments
    /// with escapes compared with literals). A trailing `/` is ignored; HEAD is served by GET routes.
    public func match(_ method: HTTPMethod, rawPath: Substring) -> Match {
        var rawPath = rawPath
        return rawPath.withUTF8 { bytes in
            let path = RawPathSegments(bytes)
            let lookup = method == .head ? HTTPMethod.get : method
            var first: Int?
            var fitsAny = false
            root.visit(path, from: path.first) { index in
                fitsAny = true
                if routes[index].method == lookup, index < (first ?? .max) { first = index }
            }
            if let first { return .found(routes[first], parameters: routes[first].parameters(path)) }
            guard fitsAny else { return .notFound }
            var fitting: [Int] = []
            root.visit(path, from: path.first) { fitting.append($0) }
            var allowed: [HTTPMethod] = []
            for index in fitting.sorted() where !allowed.contains(routes[index].method) { allowed.append(routes[index].method) }
            if allowed.contains(.get) && !allowed.contains(.head) { allowed.append(.head) }
            return .methodNotAllowed(allowed: allowed)
        }
    }
}

/// The segments of a raw path as byte ranges, without copying them: what follows the first
/// `/`, split at each `/`, with a trailing `/` ignored (`/` itself is one empty segment). It
/// borrows the path's bytes, so it lives only inside `Router.match`.
fileprivate struct RawPathSegments {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where the last segment ends.
    private let end: Int
    /// The first segment; nil when the path has no `/` at all.
    let first: Range<Int>?

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else {
            end = 0
            first = nil
            return
        }
        end = bytes.count > slash + 1 && bytes[bytes.count - 1] == UInt8(ascii: "/") ? bytes.count - 1 : bytes.count
        first = Self.segment(in: bytes, from: slash + 1, end: end)
    }

    /// The segment after `segment`, or nil when it is the last.
    func after(_ segment: Range<Int>) -> Range<Int>? {
        segment.upperBound < end ? Self.segment(in: bytes, from: segment.upperBound + 1, end: end) : nil
    }

    /// Whether the segment is the literal's bytes as they are (escapes are `decoded` separately).
    func bytesEqual(_ segment: Range<Int>, _ literal: UnsafeBufferPointer<UInt8>) -> Bool {
        let part = UnsafeBufferPointer(rebasing: bytes[segment])
        return part.count == literal.count && (part.isEmpty || memcmp(part.baseAddress!, literal.baseAddress!, part.count) == 0)
    }

    /// Whether the segment holds a percent escape, which may decode to a literal.
    func hasEscapes(_ segment: Range<Int>) -> Bool {
        bytes[segment].contains(UInt8(ascii: "%"))
    }

    /// The segment percent-decoded.
    func decoded(_ segment: Range<Int>) -> String {
        PercentDecoding.decode(Substring(decoding: UnsafeBufferPointer(rebasing: bytes[segment]), as: UTF8.self), plusIsSpace: false)
    }

    private static func segment(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Range<Int> {
        var stop = start
        while stop < end && bytes[stop] != UInt8(ascii: "/") { stop += 1 }
        return start..<stop
    }
}
