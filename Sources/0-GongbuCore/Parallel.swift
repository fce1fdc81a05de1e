import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Collection where Index == Int {
    /// Maps elements on all cores and returns the results in input order.
    ///
    /// The pipeline's per-note stages are independent and CPU-bound, so a blocking
    /// `concurrentPerform` is the cheapest way to use every core: no task per note, no actor
    /// hops. Workers take small batches of indices from a shared counter, so a few expensive
    /// items (a concept page with thousands of backlinks) do not leave a core idle while
    /// another works through them alone. Errors travel as values (`Result`) because every
    /// note's problems must be reported, not just the first.
    ///
    /// - Parameter threads: how many workers; more than the cores only for work that waits on
    ///   the disk (render-and-write), so a core is never idle while a thread waits.
    public func concurrentMap<T>(threads: Int = Parallelism.processorCount, _ transform: (Element) -> T) -> [T] {
        let count = self.count
        if count == 0 { return [] }
        let workers = Swift.min(count, Swift.max(1, threads))
        if count == 1 || workers == 1 {
            return map(transform)
        }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let elements = Array(self)
        // Batches small enough to balance, large enough to keep the counter cold.
        let batch = Swift.max(1, Swift.min(64, count / (workers * 16)))
        let counter = BatchCounter()
        withoutActuallyEscaping(transform) { transform in
            // Workers reach the closure through a pointer, not a capture: a thread's block can
            // outlive this call by a moment, and it must not keep the closure alive.
            withUnsafePointer(to: transform) { transform in
                let box = UnsafeSendableBox(value: (transform, results, elements))
                let work: @Sendable () -> Void = {
                    let (transform, results, elements) = box.value
                    while true {
                        let lower = counter.take(batch)
                        if lower >= count { return }
                        for offset in lower..<Swift.min(lower + batch, count) {
                            results[offset] = transform.pointee(elements[offset])
                        }
                    }
                }
                if workers <= Parallelism.processorCount {
                    DispatchQueue.concurrentPerform(iterations: workers) { _ in work() }
                } else {
                    // Dispatch caps its pool at the core count, so oversubscription needs threads.
                    let done = DispatchSemaphore(value: 0)
                    for _ in 1..<workers {
                        let thread = Thread {
                            work()
                            done.signal()
                        }
                        thread.stackSize = 8 << 20
                        thread.start()
                    }
                    work()
                    for _ in 1..<workers { done.wait() }
                }
            }
        }
        return results.map { $0! }
    }
}

/// Hands out consecutive indices to workers.
private final class BatchCounter: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()

    func take(_ size: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let value = next
        next += size
        return value
    }
}

/// Lets values cross into `concurrentPerform` when each worker only reads shared state and
/// writes its own indices of a buffer.
struct UnsafeSendableBox<Value>: @unchecked Sendable {
    let value: Value
}

public enum Parallelism {
    /// Online processors, read once.
    public static let processorCount: Int = Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
