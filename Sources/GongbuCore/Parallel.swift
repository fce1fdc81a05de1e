import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Collection where Index == Int {
    /// Maps elements on all cores and returns the results in input order.
    ///
    /// The pipeline's per-note stages are independent and CPU-bound, so a blocking
    /// `concurrentPerform` over index chunks is the cheapest way to use both cores:
    /// no task allocation per note and no actor hops. Errors travel as values (`Result`)
    /// because every note's problems must be reported, not just the first.
    public func concurrentMap<T>(_ transform: (Element) -> T) -> [T] {
        let count = self.count
        if count == 0 { return [] }
        if count == 1 || Parallelism.processorCount == 1 {
            return map(transform)
        }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        // More chunks than cores, so one expensive note does not leave a core idle.
        let chunks = Swift.min(count, Parallelism.processorCount * 8)
        let elements = Array(self)
        withoutActuallyEscaping(transform) { transform in
            let box = UnsafeSendableBox(value: (transform, results, elements))
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let (transform, results, elements) = box.value
                let lower = chunk * count / chunks
                let upper = (chunk + 1) * count / chunks
                for offset in lower..<upper {
                    results[offset] = transform(elements[offset])
                }
            }
        }
        return results.map { $0! }
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
