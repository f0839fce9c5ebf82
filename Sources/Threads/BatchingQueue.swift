/// Runs work handed in by concurrent callers in batches, on the caller that happens to lead:
/// the engines' group commit (docs/ARCHITECTURE.md, "Write path"). A caller queues its work; the
/// first caller that finds no batch running becomes the leader, takes up to `maximumBatch` queued
/// items and hands them to `runBatch`; every caller returns only once the batch holding its item
/// has finished. Batches run one at a time, in the order items were queued.
///
/// `@unchecked Sendable`: the queue and the running flag are guarded by `condition`.
public final class BatchingQueue<Resource>: @unchecked Sendable {
    public let maximumBatch: Int
    private let condition = Condition()
    private var queued: [Item] = []
    private var batchRunning = false

    public init(maximumBatch: Int) {
        precondition(maximumBatch > 0, "a batch holds at least one item")
        self.maximumBatch = maximumBatch
    }

    /// Items waiting for the next batch (tests use it to build one).
    public var queuedCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return queued.count
    }

    /// Queues `work` and blocks until a batch holding it has finished, leading that batch (by
    /// calling `runBatch` with it) when no other caller is. Throws the failure `runBatch` recorded
    /// on the item, if any.
    public func submit(_ work: @escaping (Resource) -> Void, runBatch: ([Item]) -> Void) throws {
        let item = Item(work)
        condition.lock()
        queued.append(item)
        while !item.isFinished {
            if batchRunning {
                condition.wait()
                continue
            }
            batchRunning = true
            let batch = Array(queued.prefix(maximumBatch))
            queued.removeFirst(batch.count)
            condition.unlock()
            runBatch(batch)
            condition.lock()
            for finished in batch { finished.finish() }
            batchRunning = false
            condition.broadcast()
        }
        condition.unlock()
        if let failure = item.failure { throw failure }
    }

    /// One caller's work in a batch. `@unchecked Sendable`: `work` runs on the leader's thread
    /// while its caller is blocked in `submit`, and `failure` is published to the caller under the
    /// queue's condition.
    public final class Item: @unchecked Sendable {
        private var work: ((Resource) -> Void)?
        /// Set by `runBatch` when the batch failed after (or instead of) running the work: the
        /// caller's `submit` throws it.
        public var failure: (any Error)?
        fileprivate private(set) var isFinished = false

        fileprivate init(_ work: @escaping (Resource) -> Void) { self.work = work }

        public func run(on resource: Resource) { work?(resource) }

        /// Drops the caller's closure before the caller may return, so it never outlives its call.
        fileprivate func finish() {
            work = nil
            isFinished = true
        }
    }
}
