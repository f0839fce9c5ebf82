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
        /// The text, and its UTF-8 bytes to compare raw segments with.
        case literal(String, bytes: [UInt8])
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
        self.segments = template == "/" ? [.literal("", bytes: [])] : template.split(separator: "/").map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part), bytes: Array(part.utf8))
        }
    }

    /// Whether the raw (still percent-encoded) segments fit the template: literals compared as
    /// bytes, decoded only when a segment holds an escape; parameters only need to be non-empty.
    func fits(_ path: ArraySlice<Substring.UTF8View.SubSequence>) -> Bool {
        guard path.count == segments.count else { return false }
        for (segment, part) in zip(segments, path) {
            switch segment {
            case .literal(let literal, let bytes):
                // Bytes equal to the literal's match at once; otherwise only a segment with an escape can.
                let same = part.count == bytes.count
                    && (part.withContiguousStorageIfAvailable { $0.elementsEqual(bytes) } ?? part.elementsEqual(bytes))
                if !same && !(part.contains(UInt8(ascii: "%")) && PercentDecoding.decode(Substring(part), plusIsSpace: false) == literal) {
                    return false
                }
            case .parameter:
                if part.isEmpty { return false }
            }
        }
        return true
    }

    /// The decoded parameters of segments that fit the template.
    func parameters(_ path: ArraySlice<Substring.UTF8View.SubSequence>) -> [String: String] {
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, path) {
            if case .parameter(let name) = segment { parameters[name] = PercentDecoding.decode(Substring(part), plusIsSpace: false) }
        }
        return parameters
    }
}

/// An immutable route table: finds the route for a request, or says why there is none.
public struct Router: Sendable {
    public let routes: [Route]
    /// Indices into `routes` by the number of path segments, in table order: a request is only
    /// matched against templates of its own length.
    private let routesBySegmentCount: [Int: [Int]]

    public enum Match {
        case found(Route, parameters: [String: String])
        /// The path exists with other methods (405 with `Allow`).
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
    }

    public init(_ routes: [Route]) {
        self.routes = routes
        routesBySegmentCount = Dictionary(grouping: routes.indices) { routes[$0].segments.count }
    }

    /// Matches a raw (still percent-encoded) path, splitting it before decoding, so an encoded `/`
    /// stays inside its segment, and decoding only the matched route's parameters (and literals
    /// written with escapes). HEAD is served by GET routes.
    public func match(_ method: HTTPMethod, rawPath: Substring) -> Match {
        var path = rawPath.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst()
        if path.count > 1, path.last?.isEmpty == true { path = path.dropLast() }
        let candidates = routesBySegmentCount[path.count] ?? []
        let lookup = method == .head ? HTTPMethod.get : method
        for index in candidates where routes[index].method == lookup && routes[index].fits(path) {
            return .found(routes[index], parameters: routes[index].parameters(path))
        }
        var allowed = candidates.filter { routes[$0].fits(path) }.map { routes[$0].method }
        if allowed.isEmpty { return .notFound }
        if allowed.contains(.get) { allowed.append(.head) }
        return .methodNotAllowed(allowed: allowed)
    }
}
