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

    /// A force-directed layout (Fruchterman–Reingold) in a `width` × `height` box. Nodes start on
    /// a circle in input order (callers order them by category, so related colours start close).
    public static func forceDirected(nodeCount: Int, edges: [(Int, Int)], width: Double, height: Double,
                                     iterations: Int = 500, margin: Double = 60) -> [Point] {
        guard nodeCount > 0 else { return [] }
        if nodeCount == 1 { return [Point(x: width / 2, y: height / 2)] }
        let area = (width - 2 * margin) * (height - 2 * margin)
        let k = sqrt(area / Double(nodeCount))
        var positions = (0..<nodeCount).map { index -> Point in
            let angle = 2 * Double.pi * Double(index) / Double(nodeCount)
            return Point(x: width / 2 + cos(angle) * (width / 2 - margin), y: height / 2 + sin(angle) * (height / 2 - margin))
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
            // A weak pull to the centre keeps separate components on the canvas.
            for index in 0..<nodeCount {
                displacement[index].x += (width / 2 - positions[index].x) * 0.02 * k / 10
                displacement[index].y += (height / 2 - positions[index].y) * 0.02 * k / 10
                let length = max(sqrt(displacement[index].x * displacement[index].x + displacement[index].y * displacement[index].y), 0.01)
                let step = min(length, temperature)
                positions[index].x = min(width - margin, max(margin, positions[index].x + displacement[index].x / length * step))
                positions[index].y = min(height - margin, max(margin, positions[index].y + displacement[index].y / length * step))
            }
            temperature -= cooling
        }
        return positions
    }

    /// The centre node in the middle and its neighbours evenly on a circle around it.
    public static func radial(neighbourCount: Int, width: Double, height: Double, margin: Double = 70) -> (center: Point, neighbours: [Point]) {
        let center = Point(x: width / 2, y: height / 2)
        let radius = min(width, height) / 2 - margin
        let neighbours = (0..<neighbourCount).map { index -> Point in
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(max(neighbourCount, 1))
            return Point(x: center.x + cos(angle) * radius * (width > height ? width / height : 1) * 0.9, y: center.y + sin(angle) * radius)
        }
        return (center, neighbours)
    }
}
