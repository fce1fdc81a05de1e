import Foundation

/// Node positions for the graph views, computed at build time so pages need no JavaScript.
///
/// Deterministic: the same graph always gets the same picture (no random numbers, fixed
/// iteration counts), so builds are byte-identical.
public enum GraphLayout {
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
    }

    /// A force-directed layout (Fruchterman–Reingold) in a `width` × `height` box, keeping
    /// `marginX` free on the sides for labels. Nodes start on a circle in input order (callers
    /// order them by category, so related colours start close).
    public static func forceDirected(
        nodeCount: Int, edges: [(Int, Int)], width: Double, height: Double,
        iterations: Int = 500, marginX: Double = 140, marginY: Double = 40
    ) -> [Point] {
        guard nodeCount > 0 else { return [] }
        if nodeCount == 1 { return [Point(x: width / 2, y: height / 2)] }
        let area = (width - 2 * marginX) * (height - 2 * marginY)
        let k = 0.8 * sqrt(area / Double(nodeCount))
        var positions = (0..<nodeCount).map { index -> Point in
            let angle = 2 * Double.pi * Double(index) / Double(nodeCount)
            return Point(x: width / 2 + cos(angle) * (width / 2 - marginX), y: height / 2 + sin(angle) * (height / 2 - marginY))
        }
        var temperature = width / 8
        let cooling = temperature / Double(iterations + 1)
        var displacement = [Point](repeating: Point(x: 0, y: 0), count: nodeCount)
        for _ in 0..<iterations {
            for index in 0..<nodeCount { displacement[index] = Point(x: 0, y: 0) }
            for a in 0..<nodeCount {
                for b in (a + 1)..<nodeCount {
                    var dx = positions[a].x - positions[b].x
                    var dy = positions[a].y - positions[b].y
                    var distance = sqrt(dx * dx + dy * dy)
                    if distance < 0.01 {
                        // Separate coincident nodes in a fixed direction.
                        dx = Double(a - b) * 0.01
                        dy = 0.01
                        distance = sqrt(dx * dx + dy * dy)
                    }
                    let force = k * k / distance
                    displacement[a].x += dx / distance * force
                    displacement[a].y += dy / distance * force
                    displacement[b].x -= dx / distance * force
                    displacement[b].y -= dy / distance * force
                }
            }
            for (a, b) in edges where a != b {
                let dx = positions[a].x - positions[b].x
                let dy = positions[a].y - positions[b].y
                let distance = max(sqrt(dx * dx + dy * dy), 0.01)
                let force = distance * distance / k
                displacement[a].x -= dx / distance * force
                displacement[a].y -= dy / distance * force
                displacement[b].x += dx / distance * force
                displacement[b].y += dy / distance * force
            }
            // A pull to the centre keeps separate components on the canvas and off its edges.
            for index in 0..<nodeCount {
                displacement[index].x += (width / 2 - positions[index].x) * 0.05 * k / 10
                displacement[index].y += (height / 2 - positions[index].y) * 0.05 * k / 10
                let length = max(sqrt(displacement[index].x * displacement[index].x + displacement[index].y * displacement[index].y), 0.01)
                let step = min(length, temperature)
                positions[index].x = min(width - marginX, max(marginX, positions[index].x + displacement[index].x / length * step))
                positions[index].y = min(height - marginY, max(marginY, positions[index].y + displacement[index].y / length * step))
            }
            temperature -= cooling
        }
        return positions
    }

    /// Moves nodes apart until their labels (boxes of `labelWidths[i]` × `lineHeight`, to the
    /// right of nodes on the right half and to the left on the left half) no longer overlap, or
    /// until `rounds` passes. Deterministic, and cheap for the few dozen nodes of a glossary.
    public static func separateLabels(
        _ positions: [Point], labelWidths: [Double], width: Double, height: Double,
        lineHeight: Double = 18, rounds: Int = 200, marginY: Double = 20
    ) -> [Point] {
        var positions = positions
        func box(_ index: Int) -> (minX: Double, maxX: Double, minY: Double, maxY: Double) {
            let point = positions[index]
            let right = point.x >= width / 2
            let minX = right ? point.x - 8 : point.x - 12 - labelWidths[index]
            let maxX = right ? point.x + 12 + labelWidths[index] : point.x + 8
            return (minX, maxX, point.y - lineHeight / 2, point.y + lineHeight / 2)
        }
        for _ in 0..<rounds {
            var moved = false
            for a in 0..<positions.count {
                for b in (a + 1)..<positions.count {
                    let first = box(a)
                    let second = box(b)
                    let overlapX = min(first.maxX, second.maxX) - max(first.minX, second.minX)
                    let overlapY = min(first.maxY, second.maxY) - max(first.minY, second.minY)
                    guard overlapX > 0, overlapY > 0 else { continue }
                    // Push apart vertically (labels are wide and short); the upper one goes up.
                    let shift = overlapY / 2 + 0.5
                    let (upper, lower) = positions[a].y <= positions[b].y ? (a, b) : (b, a)
                    positions[upper].y = max(marginY, positions[upper].y - shift)
                    positions[lower].y = min(height - marginY, positions[lower].y + shift)
                    moved = true
                }
            }
            if !moved { break }
        }
        return positions
    }

    /// The centre node in the middle and its neighbours evenly on a circle around it.
    public static func radial(
        neighbourCount: Int, width: Double, height: Double, margin: Double = 70
    ) -> (center: Point, neighbours: [Point]) {
        let center = Point(x: width / 2, y: height / 2)
        let radius = min(width, height) / 2 - margin
        let neighbours = (0..<neighbourCount).map { index -> Point in
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(max(neighbourCount, 1))
            return Point(x: center.x + cos(angle) * radius * (width > height ? width / height : 1) * 0.9, y: center.y + sin(angle) * radius)
        }
        return (center, neighbours)
    }
}
