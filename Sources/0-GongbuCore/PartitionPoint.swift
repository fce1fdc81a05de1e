extension RandomAccessCollection {
    /// The first index whose element is not `before` the place sought, found by halves: the
    /// collection must hold every element that is `before` it first.
    ///
    /// ```swift
    /// [1, 3, 5, 7].partitionPoint { $0 < 4 }   // 2: where 4 goes in order
    /// ```
    public func partitionPoint(where before: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try before(self[middle]) {
                low = index(after: middle)
                count -= half + 1
            } else {
                count = half
            }
        }
        return low
    }
}
