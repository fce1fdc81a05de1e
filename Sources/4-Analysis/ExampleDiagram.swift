import Foundation
import GongbuCore
import Manifests

/// A small picture of the objects an example defines and how they connect
/// (Ingress → Service → pod template ← Deployment, pod → ConfigMap/PVC), drawn as SVG at build time.
enum ExampleDiagram {
    struct Box {
        var title: String
        var subtitle: String
        var column: Int
        var isTemplate = false
    }

    struct Arrow {
        var from: Int
        var to: Int
        var label: String
    }

    static func column(of kind: String) -> Int {
        switch kind {
        case "Ingress", "HorizontalPodAutoscaler": return 0
        case "Service", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController": return 1
        case "Pod": return 2
        case "ConfigMap", "Secret", "PersistentVolumeClaim", "ServiceAccount": return 3
        case "PersistentVolume", "StorageClass": return 4
        default: return 3
        }
    }

    /// The boxes and arrows for a set of objects; nil when there is nothing to connect.
    static func layout(_ objects: [ManifestObject], ui: UIStrings) -> (boxes: [Box], arrows: [Arrow])? {
        guard !objects.isEmpty else { return nil }
        var boxes: [Box] = []
        var arrows: [Arrow] = []
        var objectBox: [Int] = []
        for object in objects {
            objectBox.append(boxes.count)
            boxes.append(Box(title: object.kind, subtitle: object.name ?? "", column: column(of: object.kind)))
        }
        // Pod templates of workloads get a box of their own: that is what Services select.
        var podBoxes: [(box: Int, object: ManifestObject)] = []
        for (index, object) in objects.enumerated() {
            if object.kind == "Pod" {
                podBoxes.append((objectBox[index], object))
            } else if object.podSpec != nil {
                let labels = (object.podLabels ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
                boxes.append(Box(title: ui["podTemplate"], subtitle: labels, column: 2, isTemplate: true))
                arrows.append(Arrow(from: objectBox[index], to: boxes.count - 1, label: ui["creates"]))
                podBoxes.append((boxes.count - 1, object))
            }
        }
        func box(kind: String, name: String) -> Int? {
            objects.firstIndex { $0.kind == kind && $0.name == name }.map { objectBox[$0] }
        }
        for (index, object) in objects.enumerated() {
            let root = object.root
            switch object.kind {
            case "Service":
                guard let selector = root["spec"]?["selector"], !selector.fields.isEmpty else { break }
                let wanted = selector.fields.compactMap { field in field.value.string.map { (field.key, $0) } }
                for pod in podBoxes {
                    let labels = pod.object.podLabels ?? [:]
                    if wanted.allSatisfy({ labels[$0.0] == $0.1 }) {
                        arrows.append(Arrow(from: objectBox[index], to: pod.box, label: "selector"))
                    }
                }
            case "Ingress":
                var seen = Set<String>()
                for rule in root["spec"]?["rules"]?.items ?? [] {
                    for path in rule["http"]?["paths"]?.items ?? [] {
                        if let name = path["backend"]?["service"]?["name"]?.string, seen.insert(name).inserted,
                            let target = box(kind: "Service", name: name)
                        {
                            arrows.append(Arrow(from: objectBox[index], to: target, label: "backend"))
                        }
                    }
                }
                if let name = root["spec"]?["defaultBackend"]?["service"]?["name"]?.string, !seen.contains(name),
                    let target = box(kind: "Service", name: name)
                {
                    arrows.append(Arrow(from: objectBox[index], to: target, label: "backend"))
                }
            case "HorizontalPodAutoscaler":
                if let kind = root["spec"]?["scaleTargetRef"]?["kind"]?.string, let name = root["spec"]?["scaleTargetRef"]?["name"]?.string,
                    let target = box(kind: kind, name: name)
                {
                    arrows.append(Arrow(from: objectBox[index], to: target, label: "scale"))
                }
            case "StatefulSet":
                if let name = root["spec"]?["serviceName"]?.string, let target = box(kind: "Service", name: name) {
                    arrows.append(Arrow(from: objectBox[index], to: target, label: "serviceName"))
                }
            case "PersistentVolumeClaim":
                if let name = root["spec"]?["volumeName"]?.string, let target = box(kind: "PersistentVolume", name: name) {
                    arrows.append(Arrow(from: objectBox[index], to: target, label: "volumeName"))
                }
            default:
                break
            }
        }
        // What pods use: ConfigMaps, Secrets and claims defined in the same example.
        for pod in podBoxes {
            guard let spec = pod.object.podSpec?.node else { continue }
            var used: [(String, String, String)] = []
            for volume in spec["volumes"]?.items ?? [] {
                if let name = volume["configMap"]?["name"]?.string { used.append(("ConfigMap", name, "volume")) }
                if let name = volume["secret"]?["secretName"]?.string { used.append(("Secret", name, "volume")) }
                if let name = volume["persistentVolumeClaim"]?["claimName"]?.string {
                    used.append(("PersistentVolumeClaim", name, "volume"))
                }
            }
            for container in (spec["containers"]?.items ?? []) + (spec["initContainers"]?.items ?? []) {
                for source in container["envFrom"]?.items ?? [] {
                    if let name = source["configMapRef"]?["name"]?.string { used.append(("ConfigMap", name, "envFrom")) }
                    if let name = source["secretRef"]?["name"]?.string { used.append(("Secret", name, "envFrom")) }
                }
                for variable in container["env"]?.items ?? [] {
                    if let name = variable["valueFrom"]?["configMapKeyRef"]?["name"]?.string { used.append(("ConfigMap", name, "env")) }
                    if let name = variable["valueFrom"]?["secretKeyRef"]?["name"]?.string { used.append(("Secret", name, "env")) }
                }
            }
            var seen = Set<String>()
            for (kind, name, label) in used where seen.insert(kind + "/" + name).inserted {
                if let target = box(kind: kind, name: name) { arrows.append(Arrow(from: pod.box, to: target, label: label)) }
            }
        }
        guard boxes.count >= 2, !arrows.isEmpty || objects.count >= 2 else { return nil }
        return (boxes, arrows)
    }

    static func svg(_ objects: [ManifestObject], ui: UIStrings, title: String) -> String? {
        guard let (boxes, arrows) = layout(objects, ui: ui) else { return nil }
        // Compact the used columns and stack boxes within each.
        let columns = Array(Set(boxes.map(\.column))).sorted()
        let columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($0.element, $0.offset) })
        let boxWidth = 168.0, boxHeight = 48.0, columnGap = 70.0, rowGap = 18.0, margin = 10.0
        var rowsInColumn = [Int](repeating: 0, count: columns.count)
        var positions: [(x: Double, y: Double)] = []
        for box in boxes {
            let column = columnIndex[box.column]!
            let row = rowsInColumn[column]
            rowsInColumn[column] += 1
            positions.append((margin + Double(column) * (boxWidth + columnGap), margin + Double(row) * (boxHeight + rowGap)))
        }
        let width = margin * 2 + Double(columns.count) * boxWidth + Double(columns.count - 1) * columnGap
        let height = margin * 2 + Double(rowsInColumn.max() ?? 1) * (boxHeight + rowGap) - rowGap
        func format(_ value: Double) -> String { NumberText.whole(value) }
        var svg =
            "<svg class=\"example-diagram\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(format(width))\" height=\"\(format(height))\" viewBox=\"0 0 \(format(width)) \(format(height))\" role=\"img\" aria-label=\"\(Escape.html(title))\">"
        svg +=
            "<defs><marker id=\"diagram-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\"/></marker></defs>"
        for arrow in arrows {
            let from = positions[arrow.from]
            let to = positions[arrow.to]
            var x1 = from.x + boxWidth, y1 = from.y + boxHeight / 2
            var x2 = to.x, y2 = to.y + boxHeight / 2
            if abs(from.x - to.x) < 1 {
                // Same column: connect bottom to top.
                x1 = from.x + boxWidth / 2
                x2 = to.x + boxWidth / 2
                y1 = from.y < to.y ? from.y + boxHeight : from.y
                y2 = from.y < to.y ? to.y : to.y + boxHeight
            } else if to.x < from.x {
                x1 = from.x
                x2 = to.x + boxWidth
            }
            svg +=
                "<line class=\"diagram-edge\" x1=\"\(format(x1))\" y1=\"\(format(y1))\" x2=\"\(format(x2))\" y2=\"\(format(y2))\" marker-end=\"url(#diagram-arrow)\"/>"
            svg +=
                "<text class=\"diagram-edge-label\" x=\"\(format((x1 + x2) / 2))\" y=\"\(format((y1 + y2) / 2 - 5))\" text-anchor=\"middle\">\(Escape.html(arrow.label))</text>"
        }
        for (index, box) in boxes.enumerated() {
            let position = positions[index]
            svg +=
                "<g class=\"diagram-box\(box.isTemplate ? " template" : "")\"><rect x=\"\(format(position.x))\" y=\"\(format(position.y))\" width=\"\(format(boxWidth))\" height=\"\(format(boxHeight))\" rx=\"6\"/>"
            svg +=
                "<text class=\"diagram-kind\" x=\"\(format(position.x + boxWidth / 2))\" y=\"\(format(position.y + 19))\" text-anchor=\"middle\">\(Escape.html(box.title))</text>"
            let subtitle = box.subtitle.count > 24 ? String(box.subtitle.prefix(23)) + "…" : box.subtitle
            svg +=
                "<text class=\"diagram-name\" x=\"\(format(position.x + boxWidth / 2))\" y=\"\(format(position.y + 37))\" text-anchor=\"middle\">\(Escape.html(subtitle))</text></g>"
        }
        svg += "</svg>"
        return svg
    }
}
