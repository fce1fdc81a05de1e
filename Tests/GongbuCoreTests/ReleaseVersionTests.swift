import Testing

@testable import GongbuCore

@Suite("Release versions")
struct ReleaseVersionTests {
    @Test func comparedAsNumbers() {
        #expect(ReleaseVersion.key("v1.31.4") == [1, 31, 4])
        #expect(ReleaseVersion.precedes("1.9", "1.16"))
        #expect(!ReleaseVersion.precedes("1.16", "1.16"))
    }

    @Test(
        arguments: [
            ("1.31.4", 2), ("v1.31", 2), ("1.40", 3), ("1.29", 0), ("1.10", nil), ("latest", nil),
        ] as [(String, Int?)])
    func newestNotAfter(requested: String, index: Int?) {
        #expect(ReleaseVersion.newest(in: ["1.20", "1.30", "1.31", "1.33"], notAfter: requested) == index)
    }
}
