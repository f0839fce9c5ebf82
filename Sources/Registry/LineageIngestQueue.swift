import Foundation
import Synchronization

/// Group commit for OpenLineage ingestion: concurrent callers queue their events; whichever takes
/// the leader lock writes everything queued (up to ``maximumBatch``) in one transaction, each
/// event in its own savepoint, so a burst costs one commit instead of one per event.
final class LineageIngestQueue<Item: Sendable, Outcome: Sendable>: Sendable {
    /// One queued item and, once a leader has written it, its outcome.
    /// `@unchecked Sendable`: `outcome` is written and read only while holding `leader`.
    final class Ticket: @unchecked Sendable {
        let item: Item
        fileprivate(set) var outcome: Outcome?
        init(_ item: Item) { self.item = item }
    }

    static var maximumBatch: Int { 256 }
    private let waiting = Mutex<[Ticket]>([])
    private let leader = NSLock()

    /// Queues `item` and returns its outcome; `write` gets the batch and returns one outcome per item, in order.
    func submit(_ item: Item, write: ([Item]) -> [Outcome]) -> Outcome {
        let ticket = Ticket(item)
        waiting.withLock { $0.append(ticket) }
        leader.lock()
        defer { leader.unlock() }
        while true {
            if let outcome = ticket.outcome { return outcome }
            // Let callers already parsing their request join this commit (group commit).
            if waiting.withLock({ $0.count }) < 8 { sched_yield() }
            let batch = waiting.withLock { queue in
                let taken = Array(queue.prefix(Self.maximumBatch))
                queue.removeFirst(taken.count)
                return taken
            }
            for (queued, outcome) in zip(batch, write(batch.map(\.item))) { queued.outcome = outcome }
        }
    }
}
