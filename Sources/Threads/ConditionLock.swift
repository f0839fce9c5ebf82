/// A value behind a `Condition`, for threads that must block until it changes.
///
/// `@unchecked Sendable`: the guarded value is only touched with the condition's lock held.
public final class ConditionLock<State>: @unchecked Sendable {
    private let condition = Condition()
    private var state: State

    public init(_ state: State) {
        self.state = state
    }

    /// Runs `body` with the state locked.
    public func withLock<Result>(_ body: (inout State) -> Result) -> Result {
        condition.withLock { body(&state) }
    }

    /// Changes the state and wakes every thread waiting in `wait(until:deadline:then:)`.
    public func update<Result>(_ body: (inout State) -> Result) -> Result {
        condition.withLock {
            defer { condition.broadcast() }
            return body(&state)
        }
    }

    /// Changes the state and wakes one waiting thread (a job for one worker).
    public func updateWakingOne<Result>(_ body: (inout State) -> Result) -> Result {
        condition.withLock {
            defer { condition.signal() }
            return body(&state)
        }
    }

    /// Blocks until `predicate` holds (then runs `body` under the lock) or the deadline passes.
    ///
    /// Returns nil on timeout.
    public func wait<Result>(
        until predicate: (State) -> Bool,
        deadline: ContinuousClock.Instant? = nil,
        then body: (inout State) -> Result
    ) -> Result? {
        condition.withLock {
            while !predicate(state) {
                guard let deadline else {
                    condition.wait()
                    continue
                }
                if !condition.wait(until: deadline), !predicate(state) { return nil }
            }
            return body(&state)
        }
    }
}
