import Dispatch
import Policy
import Synchronization

/// The policy half of `audit scan`, run beside the reader: while the reader gathers the next
/// documents and their context from the database, the decisions on the previous batch are made
/// on another thread. Findings keep the order documents were added in. Batches in flight are
/// bounded, so memory stays flat however large the mesh.
final class ScanEvaluation: Sendable {
    typealias Item = (kind: WriteResult.Kind, key: String, input: PolicyInput)

    private static let batchSize = 256
    private let policies: PolicySet
    private let queue = DispatchQueue(label: "meshreg.scan-evaluation")
    private let batchesInFlight = DispatchSemaphore(value: 4)
    private let pending = Mutex<[Item]>([])
    private let found = Mutex<[ScanFinding]>([])

    init(policies: PolicySet) { self.policies = policies }

    /// Queues one document's decision; a full batch goes to the evaluation thread.
    func add(_ kind: WriteResult.Kind, _ key: String, _ input: PolicyInput) {
        let batch = pending.withLock { pending -> [Item]? in
            pending.append((kind, key, input))
            guard pending.count >= Self.batchSize else { return nil }
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        if let batch { evaluate(batch) }
    }

    /// Every finding, once the queued decisions are made.
    func findings() -> [ScanFinding] {
        evaluate(pending.withLock { pending in defer { pending = [] }; return pending })
        queue.sync {}
        return found.withLock { $0 }
    }

    private func evaluate(_ batch: [Item]) {
        guard !batch.isEmpty else { return }
        batchesInFlight.wait()
        queue.async { [self] in
            let findings = batch.compactMap { item -> ScanFinding? in
                let violations = policies.evaluate(event: .audit, input: item.input).violations
                return violations.isEmpty ? nil : ScanFinding(kind: item.kind, key: item.key, violations: violations)
            }
            found.withLock { $0 += findings }
            batchesInFlight.signal()
        }
    }
}
