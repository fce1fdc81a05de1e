import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a socket, so tests send paths exactly as written (URL types
/// would normalise `..` away before the server ever saw it).
final class TestHTTP: Sendable {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    let port: Int
    init(port: Int) { self.port = port }

    func connect(timeout seconds: Int = 5) -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return descriptor
    }

    func send(_ descriptor: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// Sends one request and waits for the whole response on a thread of its own: the server
    /// answers on Swift's cooperative pool, which has one thread per core, so a test that
    /// blocked a pool thread while waiting could starve it (seen under the address sanitizer).
    func request(_ path: String, method: String = "GET", headers: [String: String] = [:]) async -> Response {
        await offPool { self.blockingRequest(path, method: method, headers: headers) }
    }

    func blockingRequest(_ path: String, method: String = "GET", headers: [String: String] = [:]) -> Response {
        let descriptor = connect()
        defer { close(descriptor) }
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        send(descriptor, text + "\r\n")
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return Self.parse(String(decoding: data, as: UTF8.self))
    }

    static func parse(_ raw: String) -> Response {
        guard let split = raw.range(of: "\r\n\r\n") else { return Response(status: 0, headers: [:], body: raw) }
        let head = raw[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(raw[split.upperBound...]))
    }

    /// An open event stream; `next(containing:)` reads until some text arrives.
    /// Used by one test at a time, one wait after another.
    final class EventStream: @unchecked Sendable {
        let descriptor: Int32
        var received = ""

        init(descriptor: Int32) { self.descriptor = descriptor }
        deinit { close(descriptor) }

        /// Reads until `text` has arrived (after what was already consumed) or `seconds` pass.
        /// Waits off the cooperative pool (see `request`).
        func wait(for text: String, seconds: Double = 10) async -> Bool {
            await offPool { self.blockingWait(for: text, seconds: seconds) }
        }

        func blockingWait(for text: String, seconds: Double = 10) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while Date() < deadline {
                if let range = received.range(of: text) {
                    received = String(received[range.upperBound...])
                    return true
                }
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 { received += String(decoding: buffer[0..<count], as: UTF8.self) }
            }
            return false
        }
    }

    func events() -> EventStream {
        let descriptor = connect(timeout: 1)
        send(descriptor, "GET /__gongbu/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        return EventStream(descriptor: descriptor)
    }
}

/// Runs blocking work on a new thread and resumes the caller when it is done.
func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: work()) }
    }
}
