#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CEpoll
import HTTPProtocol
import Synchronization

/// One thread waiting in `epoll_wait` for its connections (docs/ARCHITECTURE.md, "Event loops"):
/// it accepts, reads, feeds each connection's state machine, answers what the responder can
/// answer from memory, hands the other requests to the worker pools, and writes their answers
/// when workers post them back through `deliver`.
///
/// `@unchecked Sendable`: workers only call `deliver`, which touches `mailbox` (a `Mutex`),
/// `wakePending` (atomic) and the eventfd; everything else belongs to the loop's thread.
final class EventLoop: @unchecked Sendable {
    /// A worker's answer for a connection.
    private struct Delivery {
        var slot: Int32
        var serial: UInt64
        var response: HTTPResponse
    }

    private let server: ServerState
    private let epoll: Epoll
    private let mailbox = Mutex<[Delivery]>([])
    private let wakePending = Atomic<Bool>(false)

    /// Connections by descriptor.
    private var connections: [EventLoopConnection?] = []
    private var connectionCount = 0
    private var nextSerial: UInt64 = 0
    private var timers = TimerQueue()
    private var isStopping = false
    private let receiveBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
    private var cachedDate = (second: -1, text: "")

    init(server: ServerState) throws(SocketError) {
        self.server = server
        epoll = try Epoll()
        do {
            try epoll.addListener(server.listener)
        } catch {
            epoll.close()
            throw error
        }
    }

    deinit {
        // Workers may still deliver after the loop ended: the eventfd lives as long as the loop object.
        epoll.close()
        receiveBuffer.deallocate()
    }

    /// Posts a worker's answer to the loop (any thread).
    func deliver(_ response: HTTPResponse, slot: Int32, serial: UInt64) {
        mailbox.withLock { $0.append(Delivery(slot: slot, serial: serial, response: response)) }
        wake()
    }

    /// Makes the loop look at the server's state (stopping) and its mailbox.
    func wake() {
        if !wakePending.exchange(true, ordering: .acquiringAndReleasing) { epoll.wake() }
    }

    /// Runs until the server stops and the last connection here is closed.
    func run() {
        let events = UnsafeMutableBufferPointer<epoll_event>.allocate(capacity: 256)
        defer { events.deallocate() }
        while !(isStopping && connectionCount == 0) {
            let now = MonotonicInstant.now
            let timeout = timers.earliest.map { now.duration(to: $0) }
            do {
                try epoll.wait(timeout: timeout, into: events) { event in handle(event) }
            } catch {
                // epoll_wait fails only on a programming error (EBADF, EINVAL): stop serving rather than spin.
                closeAll()
                break
            }
            fireTimers(now: .now)
        }
    }

    // MARK: Events

    private func handle(_ event: Epoll.Event) {
        switch event.token {
        case Epoll.wakeToken:
            epoll.acknowledgeWake()
            wakePending.store(false, ordering: .sequentiallyConsistent)
            let now = MonotonicInstant.now
            if server.isCutting {
                closeAll()
                return
            }
            if server.isStopping && !isStopping { beginStopping(now: now) }
            let deliveries = mailbox.withLock { mailbox in
                let taken = mailbox
                mailbox.removeAll(keepingCapacity: true)
                return taken
            }
            for delivery in deliveries {
                guard let connection = connection(delivery.slot, serial: delivery.serial) else { continue }
                connection.machine.responseProduced(delivery.response, now: now)
                service(connection, now: now)
            }
        case Epoll.listenerToken:
            if !isStopping { acceptConnections(now: .now) }
        default:
            let slot = Int32(truncatingIfNeeded: event.token & 0xFFFF_FFFF)
            guard let connection = connection(slot, serial: event.token >> 32) else { return }
            if event.isReadable { connection.isReadable = true }
            if event.isHungUp { connection.isHungUp = true }
            if event.isWritable { connection.isWritable = true }
            service(connection, now: .now)
        }
    }

    private func connection(_ slot: Int32, serial: UInt64) -> EventLoopConnection? {
        guard slot >= 0, Int(slot) < connections.count, let connection = connections[Int(slot)],
              connection.serial & 0xFFFF_FFFF == serial & 0xFFFF_FFFF
        else { return nil }
        return connection
    }

    private func acceptConnections(now: MonotonicInstant) {
        for _ in 0..<64 {
            let accepted: (socket: Socket, address: String)
            do {
                guard let next = try server.listener.accept() else { return }
                accepted = next
            } catch {
                // EMFILE and friends: refuse one waiting client so the backlog keeps moving.
                if error.errorNumber == EMFILE || error.errorNumber == ENFILE { server.refuseOneWithoutDescriptor() }
                return
            }
            guard server.reserveConnection() else {
                server.refuseBusy(accepted.socket, scratch: receiveBuffer)
                continue
            }
            open(accepted.socket, address: accepted.address, now: now)
        }
    }

    private func open(_ socket: Socket, address: String, now: MonotonicInstant) {
        let session = server.configuration.tls.flatMap { try? $0.makeSession() }
        guard server.configuration.tls == nil || session != nil else {
            socket.close()
            server.releaseConnection()
            return
        }
        _ = try? socket.setNoDelay()
        nextSerial &+= 1
        var settings = server.machineSettings
        settings.remoteAddress = address
        let connection = EventLoopConnection(
            socket: socket, serial: nextSerial, machine: HTTPConnectionStateMachine(settings: settings, now: now), tls: session)
        let slot = Int(socket.descriptor)
        do {
            try epoll.addConnection(socket, token: UInt64(UInt32(socket.descriptor)) | (nextSerial & 0xFFFF_FFFF) << 32)
        } catch {
            socket.close()
            server.releaseConnection()
            return
        }
        if slot >= connections.count { connections.append(contentsOf: repeatElement(nil, count: slot + 1 - connections.count + 64)) }
        connections[slot] = connection
        connectionCount += 1
        service(connection, now: now)
    }

    // MARK: Driving a connection

    /// Carries out the machine's actions and reads while it wants bytes; then arms its timer.
    private func service(_ connection: EventLoopConnection, now: MonotonicInstant) {
        let date = currentDate()
        while true {
            switch connection.machine.nextAction(now: now, date: date) {
            case .send(let bytes, let completed):
                connection.send(bytes, now: now)
                if let completed { server.configuration.onRequestCompleted?(completed) }
                continue
            case .dispatch(let request):
                dispatch(request, for: connection, now: now)
                continue
            case .shutdownWrite:
                connection.shutdownWrite(now: now)
                continue
            case .close:
                close(connection)
                return
            case .wait:
                break
            }
            if connection.hasPendingOutput && connection.isWritable {
                connection.flush(now: now)
                continue
            }
            if !connection.readOnce(into: receiveBuffer, now: now) { break }
        }
        schedule(connection)
    }

    /// Answers on the loop when the responder can do so from memory, else on a worker.
    private func dispatch(_ request: HTTPRequest, for connection: EventLoopConnection, now: MonotonicInstant) {
        let responder = server.responder
        if let response = responder.respondWithoutBlocking(to: request) {
            connection.machine.responseProduced(response, now: now)
            return
        }
        let slot = connection.socket.descriptor
        let serial = connection.serial
        let pool = responder.mayWaitLong(request) ? server.longWaitPool : server.workerPool
        pool.submit { [self] in
            deliver(responder.respond(to: request), slot: slot, serial: serial)
        }
    }

    private func schedule(_ connection: EventLoopConnection) {
        guard let deadline = connection.machine.deadline else { return }
        if let scheduled = connection.scheduledDeadline, scheduled <= deadline { return }
        connection.scheduledDeadline = deadline
        timers.insert(TimerQueue.Entry(deadline: deadline, slot: connection.socket.descriptor, serial: connection.serial))
    }

    private func fireTimers(now: MonotonicInstant) {
        while let entry = timers.popDue(now: now) {
            guard let connection = connection(entry.slot, serial: entry.serial), connection.serial == entry.serial,
                  connection.scheduledDeadline == entry.deadline
            else { continue }
            connection.scheduledDeadline = nil
            if let deadline = connection.machine.deadline, deadline <= now {
                connection.machine.timerFired(now: now)
                service(connection, now: now)
            } else {
                schedule(connection)
            }
        }
    }

    private func close(_ connection: EventLoopConnection) {
        let slot = Int(connection.socket.descriptor)
        connections[slot] = nil
        connectionCount -= 1
        connection.socket.close()
        server.releaseConnection()
    }

    // MARK: Stopping

    private func beginStopping(now: MonotonicInstant) {
        isStopping = true
        epoll.remove(server.listener)
        for case let connection? in connections {
            connection.machine.serverStopping()
            service(connection, now: now)
        }
    }

    private func closeAll() {
        isStopping = true
        for case let connection? in connections { close(connection) }
    }

    private func currentDate() -> String? {
        guard server.configuration.sendsDateHeader else { return nil }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        if now.tv_sec != cachedDate.second {
            cachedDate = (now.tv_sec, HTTPDate.format(secondsSince1970: now.tv_sec))
        }
        return cachedDate.text
    }
}
