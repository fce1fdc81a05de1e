import Foundation
import GongbuCore

#if canImport(Glibc)
import Glibc
#endif

/// Reports which files under some folders changed.
///
/// On Linux it uses inotify (one watch per folder, folders added as they appear); elsewhere
/// it compares modification times. Either way `changes()` returns absolute paths of files that
/// were created, modified, deleted or renamed since the last call, and only after the folder
/// has been quiet for a moment, so an editor's save (write, rename, chmod) arrives as one change.
public final class FileWatcher: @unchecked Sendable {
    let roots: [String]
    let ignored: [String]
    #if os(Linux)
    private var descriptor: Int32 = -1
    private var watches: [Int32: String] = [:]
    #endif
    private var snapshot: [String: (Date?, Int)] = [:]
    private var pending = Set<String>()
    private var lastEvent = Date.distantPast

    /// - Parameters:
    ///   - roots: folders or files to watch (missing ones are fine).
    ///   - ignored: paths whose changes do not matter (the output folder).
    public init(roots: [String], ignored: [String]) {
        self.roots = roots.map(Path.normalize)
        self.ignored = ignored.map(Path.normalize)
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if descriptor >= 0 {
            for root in self.roots { addWatches(root) }
            return
        }
        #endif
        snapshot = scan()
    }

    deinit {
        #if os(Linux)
        if descriptor >= 0 { close(descriptor) }
        #endif
    }

    func isIgnored(_ path: String) -> Bool {
        ignored.contains { Path.isInside(path, $0) } || Path.lastComponent(path).hasPrefix(".")
    }

    #if os(Linux)
    private func addWatches(_ path: String) {
        let fileSystem = LocalFileSystem()
        guard !isIgnored(path) || roots.contains(path) else { return }
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF)
        if fileSystem.kind(of: path) == .directory {
            // The folders the loader reads, by the same rules (hidden ones and the output skipped).
            var walker = FolderWalker(fileSystem: fileSystem, boundary: Path.parent(of: path), excluded: ignored)
            walker.collectFolders = true
            _ = walker.files(under: path)
            for folder in walker.folders {
                let watch = inotify_add_watch(descriptor, folder, mask)
                if watch >= 0 { watches[watch] = folder }
            }
        } else {
            // A single file (gongbu.yml): watch its folder and keep only its events.
            let parent = Path.parent(of: path)
            if !watches.values.contains(parent) {
                let watch = inotify_add_watch(
                    descriptor, parent, UInt32(IN_CREATE | IN_MODIFY | IN_MOVED_TO | IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM))
                if watch >= 0 { watches[watch] = parent }
            }
        }
    }

    private func drainEvents() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { return }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                var name = ""
                if length > 0 {
                    let slice = buffer[nameStart..<(nameStart + length)]
                    name = String(decoding: slice.prefix { $0 != 0 }, as: UTF8.self)
                }
                offset = nameStart + length
                guard let folder = watches[watch] else { continue }
                let path = name.isEmpty ? folder : Path.join(folder, name)
                if isIgnored(path) { continue }
                if !roots.contains(where: { Path.isInside(path, $0) }) { continue }
                if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addWatches(path) }
                pending.insert(path)
                lastEvent = Date()
            }
        }
    }
    #endif

    private func scan() -> [String: (Date?, Int)] {
        let fileSystem = LocalFileSystem()
        var result: [String: (Date?, Int)] = [:]
        for root in roots {
            switch fileSystem.kind(of: root) {
            case .directory?:
                var walker = FolderWalker(fileSystem: fileSystem, boundary: Path.parent(of: root), excluded: ignored)
                walker.withDates = true
                for file in walker.files(under: root) { result[file.logicalPath] = (file.modified, 0) }
            case .file?, .symbolicLink?:
                result[root] = (fileSystem.modificationDate(of: root), 0)
            default:
                break
            }
        }
        return result
    }

    /// Changed paths since the last call, once nothing has changed for `quiet` seconds.
    public func changes(quiet: TimeInterval = 0.05) -> [String] {
        #if os(Linux)
        if descriptor >= 0 {
            drainEvents()
        } else {
            pollSnapshot()
        }
        #else
        pollSnapshot()
        #endif
        guard !pending.isEmpty, Date().timeIntervalSince(lastEvent) >= quiet else { return [] }
        let result = pending.sorted()
        pending = []
        return result
    }

    private func pollSnapshot() {
        let now = scan()
        for (path, stamp) in now where snapshot[path].map({ $0.0 != stamp.0 }) ?? true {
            pending.insert(path)
            lastEvent = Date()
        }
        for path in snapshot.keys where now[path] == nil {
            pending.insert(path)
            lastEvent = Date()
        }
        snapshot = now
    }
}
