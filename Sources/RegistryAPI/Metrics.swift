import Threads

/// Request counters and latency histograms by route, method and status, in Prometheus text
/// exposition format. Routes are templates, never raw paths, so the label set stays bounded.
/// Threads record into their own stripe; rendering sums the stripes.
public final class Metrics: Sendable {
    static let bucketBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    private struct Key: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    private struct Series {
        var count = 0
        var sum = 0.0
        var buckets = [Int](repeating: 0, count: Metrics.bucketBounds.count)

        mutating func add(_ seconds: Double) {
            count += 1
            sum += seconds
            if let index = Metrics.bucketBounds.firstIndex(where: { seconds <= $0 }) { buckets[index] += 1 }
        }
    }

    private let series = StripedMutex<[Key: Series]> { [:] }

    public init() {}

    public func record(route: String, method: String, status: Int, seconds: Double) {
        series.withLock { series in
            // Changed in place: a copy taken out of the dictionary would copy its buckets on each request.
            series[Key(route: route, method: method, status: status), default: Series()].add(seconds)
        }
    }

    /// The exposition text, with `gauges` (name, help, value) appended.
    public func render(gauges: [(name: String, help: String, value: Double)]) -> String {
        var merged: [Key: Series] = [:]
        series.forEach { stripe in
            for (key, entry) in stripe {
                var total = merged[key] ?? Series()
                total.count += entry.count
                total.sum += entry.sum
                total.buckets = zip(total.buckets, entry.buckets).map(+)
                merged[key] = total
            }
        }
        let snapshot = merged.sorted { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }
        var lines = [
            "# HELP meshreg_http_requests_total HTTP requests answered, by route template, method and status.",
            "# TYPE meshreg_http_requests_total counter",
        ]
        for (key, entry) in snapshot {
            lines.append("meshreg_http_requests_total{\(labels(key))} \(entry.count)")
        }
        lines += [
            "# HELP meshreg_http_request_duration_seconds Time to answer a request, by route template, method and status.",
            "# TYPE meshreg_http_request_duration_seconds histogram",
        ]
        for (key, entry) in snapshot {
            var cumulative = 0
            for (bound, count) in zip(Self.bucketBounds, entry.buckets) {
                cumulative += count
                lines.append("meshreg_http_request_duration_seconds_bucket{\(labels(key)),le=\"\(bound)\"} \(cumulative)")
            }
            lines.append("meshreg_http_request_duration_seconds_bucket{\(labels(key)),le=\"+Inf\"} \(entry.count)")
            lines.append("meshreg_http_request_duration_seconds_sum{\(labels(key))} \(entry.sum)")
            lines.append("meshreg_http_request_duration_seconds_count{\(labels(key))} \(entry.count)")
        }
        for gauge in gauges {
            lines += ["# HELP \(gauge.name) \(gauge.help)", "# TYPE \(gauge.name) gauge", "\(gauge.name) \(gauge.value)"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func labels(_ key: Key) -> String {
        "route=\"\(escape(key.route))\",method=\"\(escape(key.method))\",status=\"\(key.status)\""
    }

    private func escape(_ value: String) -> String {
        value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing("\n", with: "\\n")
    }
}
