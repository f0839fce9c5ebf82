import Lineage
import Testing

struct LineageNodeIDTests {
    @Test(arguments: [
        (LineageNodeID.dataset(DatasetIdentifier(namespace: "kafka://broker:9092", name: "orders.events")), "dataset:kafka%3A%2F%2Fbroker%3A9092:orders.events"),
        (.job(namespace: "airflow-prod", name: "dag.task"), "job:airflow-prod:dag.task"),
        (.column(DatasetIdentifier(namespace: "postgres://db:5432", name: "shop.public.orders"), field: "a:b"), "column:postgres%3A%2F%2Fdb%3A5432:shop.public.orders:a%3Ab"),
        (.port(product: "user-features", name: "online", version: "1.3.0"), "port:user-features/online@1.3.0"),
        (.contract("orders.order-events", version: "1.1.0"), "contract:orders.order-events@1.1.0"),
        (.product("web-clickstream"), "product:web-clickstream"),
        (.team("reco serving"), "team:reco%20serving"),
    ])
    func encodesComponentsSoSeparatorsStayUnambiguous(id: LineageNodeID, expected: String) {
        #expect(id.description == expected)
        #expect(LineageNodeID(expected) == id)
        #expect(LineageNodeID(expected)?.components == id.components)
    }

    @Test func portIDsUseSlashAndAt() {
        let port = LineageNodeID.port(product: "online-orders", name: "order/events@v1", version: "1.0.0")
        #expect(port.description == "port:online-orders/order%2Fevents%40v1@1.0.0")
        #expect(LineageNodeID(port.description)?.components == ["online-orders", "order/events@v1", "1.0.0"])
    }

    @Test(arguments: ["", "dataset", "dataset:only-namespace", "unknown:x", "column:a:b", "contract:no-version", "dataset:a:b%2", "dataset:a:b%zz", "product:a:b"])
    func rejectsMalformedIDs(text: String) {
        #expect(LineageNodeID(text) == nil)
    }

    @Test func readsMarquezIDsAgainstKnownNamespaces() {
        let namespaces = ["kafka://broker:9092", "kafka://broker", "food_delivery"]
        let dataset = LineageNodeID(marquez: "dataset:kafka://broker:9092:orders.events", knownNamespaces: namespaces)
        #expect(dataset == .dataset(DatasetIdentifier(namespace: "kafka://broker:9092", name: "orders.events")))
        let job = LineageNodeID(marquez: "job:food_delivery:etl_orders.load", knownNamespaces: namespaces)
        #expect(job == .job(namespace: "food_delivery", name: "etl_orders.load"))
        let encoded = LineageNodeID(marquez: "dataset:s3%3A%2F%2Fbucket:path", knownNamespaces: namespaces)
        #expect(encoded?.components == ["s3://bucket", "path"])
        #expect(LineageNodeID(marquez: "dataset:s3://unknown:9000:x", knownNamespaces: namespaces) == nil)
    }

    @Test func randomComponentsRoundTrip() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("ab:/@% .é\u{1}-_9")
        for _ in 0..<500 {
            let components = (0..<3).map { _ in String((0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }) }
            let id = LineageNodeID.column(DatasetIdentifier(namespace: components[0], name: components[1]), field: components[2])
            #expect(LineageNodeID(id.description) == id)
            #expect(!id.description.contains(" "))
        }
    }

    @Test func everyTruncationEitherFailsOrParsesToItself() {
        let text = LineageNodeID.column(DatasetIdentifier(namespace: "kafka://b:9092", name: "t"), field: "é:x").description
        for length in 0...text.count {
            let prefix = String(text.prefix(length))
            if let parsed = LineageNodeID(prefix) { #expect(parsed.description == prefix) }
        }
    }
}

/// A small deterministic generator (SplitMix64) so fuzz tests repeat.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
