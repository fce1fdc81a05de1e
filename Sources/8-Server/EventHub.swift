import Foundation

/// A server-sent event for the preview pages.
public struct PreviewEvent: Sendable, Hashable {
    /// `reload`, `errors` or `ok`.
    public var name: String
    public var data: String

    var wireFormat: String {
        var text = "event: \(name)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) { text += "data: \(line)\n" }
        return text + "\n"
    }
}

/// Fans events out to every open page.
public final class EventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [UUID: AsyncStream<PreviewEvent>.Continuation] = [:]
    /// The latest build state, sent to pages as soon as they connect.
    private var current: PreviewEvent = PreviewEvent(name: "ok", data: "{}")

    public init() {}

    public func subscribe() -> AsyncStream<PreviewEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<PreviewEvent>.makeStream(bufferingPolicy: .bufferingNewest(16))
        lock.lock()
        subscribers[id] = continuation
        let state = current
        lock.unlock()
        continuation.yield(state)
        continuation.onTermination = { [weak self] _ in
            self?.lock.lock()
            self?.subscribers[id] = nil
            self?.lock.unlock()
        }
        return stream
    }

    public func publish(_ event: PreviewEvent) {
        lock.lock()
        if event.name != "reload" { current = event }
        let targets = Array(subscribers.values)
        lock.unlock()
        for continuation in targets { continuation.yield(event) }
    }

    public var subscriberCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return subscribers.count
    }

    public func finishAll() {
        lock.lock()
        let targets = Array(subscribers.values)
        subscribers = [:]
        lock.unlock()
        for continuation in targets { continuation.finish() }
    }
}
