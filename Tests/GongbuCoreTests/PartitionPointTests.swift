import GongbuCore
import Testing

/// `partitionPoint` finds where a value goes in sorted order: before every element that does
/// not come before it.
@Suite("Partition point")
struct PartitionPointTests {
    @Test(arguments: [
        ([1, 3, 5, 7], 4, 2),
        ([1, 3, 5, 7], 0, 0),
        ([1, 3, 5, 7], 9, 4),
        ([1, 3, 3, 3, 7], 3, 1),
        ([], 5, 0),
        ([2], 2, 0),
        ([2], 3, 1),
    ])
    func placeInOrder(values: [Int], sought: Int, place: Int) {
        #expect(values.partitionPoint { $0 < sought } == place)
    }

    @Test func worksOnSlices() {
        let values = [9, 1, 3, 5, 7, 0]
        let slice = values[1..<5]
        #expect(slice.partitionPoint { $0 < 5 } == 3)
    }
}
