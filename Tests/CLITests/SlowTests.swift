import Foundation
import Testing

extension Tag {
    /// Takes more than about two seconds on a two-core machine in a debug build.
    @Tag static var slow: Self
}

extension Trait where Self == ConditionTrait {
    /// Skips a slow test when `GONGBU_QUICK=1`, for a quick loop while editing:
    /// `GONGBU_QUICK=1 swift test --skip-build`. A plain `swift test` runs everything.
    static var skippedWhenQuick: Self {
        .enabled(if: ProcessInfo.processInfo.environment["GONGBU_QUICK"] != "1", "slow; GONGBU_QUICK=1 skips it")
    }
}
