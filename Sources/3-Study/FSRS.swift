import Foundation

/// The FSRS-5 spaced-repetition scheduler (Free Spaced Repetition Scheduler, version 5, by
/// Jarrett Ye and the open-spaced-repetition project), with its published default parameters.
///
/// A card's memory is its stability S (days until recall falls to 90 %) and difficulty D (1–10):
///
/// - recall after t days: R(t, S) = (1 + F·t/S)^C with C = −0.5 and F = 19/81, so R(S, S) = 0.9;
/// - first review with grade G (1 again, 2 hard, 3 good, 4 easy): S₀ = w[G−1],
///   D₀(G) = w₄ − e^(w₅·(G−1)) + 1;
/// - difficulty: D′ = D − w₆·(G−3)·(10−D)/9, then mean reversion D″ = w₇·D₀(4) + (1−w₇)·D′;
/// - success: S′ = S·(1 + e^w₈·(11−D)·S^(−w₉)·(e^(w₁₀·(1−R)) − 1)·hard·easy), with w₁₅ for
///   hard and w₁₆ for easy;
/// - lapse: S′ = w₁₁·D^(−w₁₂)·((S+1)^w₁₃ − 1)·e^(w₁₄·(1−R)), never above S/e^(w₁₇·w₁₈);
/// - a second review on the same day: S′ = S·e^(w₁₇·(G − 3 + w₁₈));
/// - next interval for a desired retention r: I = S/F·(r^(1/C) − 1) days, so I = S at 0.9.
///
/// There are no learning steps: a card graded again comes back after `againDelay` in the same
/// session, any other grade after its interval in whole days. The same formulas are in the
/// site's `study.js`; `FSRSTests` holds both to the reference values of the
/// open-spaced-repetition optimizer's tests.
public struct FSRS: Sendable {
    public static let defaultWeights: [Double] = [
        0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925, 1.9395, 0.11, 0.29605, 2.2698,
        0.2315, 2.9898, 0.51655, 0.6621,
    ]
    static let decay = -0.5
    static let factor = 19.0 / 81.0

    public var weights: [Double]
    public var desiredRetention: Double
    public var maximumInterval: Double
    /// A lapsed card is shown again this many seconds later.
    public var againDelay: TimeInterval = 600

    public init(weights: [Double] = FSRS.defaultWeights, desiredRetention: Double = 0.9, maximumInterval: Double = 36_500) {
        self.weights = weights
        self.desiredRetention = desiredRetention
        self.maximumInterval = maximumInterval
    }

    public enum Grade: Int, Sendable, CaseIterable, Codable {
        case again = 1, hard, good, easy
    }

    /// What the scheduler keeps of one card.
    public struct Memory: Sendable, Hashable, Codable {
        public var stability: Double
        public var difficulty: Double
        /// Seconds since 1970.
        public var lastReview: Double
        public var due: Double
        public var reviews: Int
        public var lapses: Int

        public init(stability: Double, difficulty: Double, lastReview: Double, due: Double, reviews: Int, lapses: Int) {
            self.stability = stability
            self.difficulty = difficulty
            self.lastReview = lastReview
            self.due = due
            self.reviews = reviews
            self.lapses = lapses
        }
    }

    public func retrievability(elapsedDays: Double, stability: Double) -> Double {
        pow(1 + Self.factor * max(elapsedDays, 0) / stability, Self.decay)
    }

    public func initialStability(_ grade: Grade) -> Double { max(weights[grade.rawValue - 1], 0.01) }

    public func initialDifficulty(_ grade: Grade) -> Double {
        clampDifficulty(weights[4] - exp(weights[5] * Double(grade.rawValue - 1)) + 1)
    }

    public func nextDifficulty(_ difficulty: Double, _ grade: Grade) -> Double {
        let change = -weights[6] * Double(grade.rawValue - 3)
        let damped = difficulty + change * (10 - difficulty) / 9
        let easyStart = weights[4] - exp(weights[5] * 3) + 1
        return clampDifficulty(weights[7] * easyStart + (1 - weights[7]) * damped)
    }

    public func stabilityAfterSuccess(stability: Double, difficulty: Double, retrievability: Double, grade: Grade) -> Double {
        let hard = grade == .hard ? weights[15] : 1
        let easy = grade == .easy ? weights[16] : 1
        return stability
            * (1 + exp(weights[8]) * (11 - difficulty) * pow(stability, -weights[9]) * (exp(weights[10] * (1 - retrievability)) - 1)
                * hard * easy)
    }

    /// The lapse formula alone (the optimizer's `stability_after_failure`).
    public func stabilityAfterFailure(stability: Double, difficulty: Double, retrievability: Double) -> Double {
        weights[11] * pow(difficulty, -weights[12]) * (pow(stability + 1, weights[13]) - 1) * exp(weights[14] * (1 - retrievability))
    }

    public func shortTermStability(_ stability: Double, _ grade: Grade) -> Double {
        stability * exp(weights[17] * (Double(grade.rawValue) - 3 + weights[18]))
    }

    /// Whole days until the next review, at least one.
    public func interval(_ stability: Double) -> Double {
        let days = stability / Self.factor * (pow(desiredRetention, 1 / Self.decay) - 1)
        return min(max(days.rounded(), 1), maximumInterval)
    }

    /// The memory after a review at `now` (seconds since 1970) with `grade`.
    public func review(_ memory: Memory?, grade: Grade, now: Double) -> Memory {
        guard var memory else {
            let stability = initialStability(grade)
            let due = grade == .again ? now + againDelay : now + interval(stability) * 86_400
            return Memory(
                stability: stability, difficulty: initialDifficulty(grade), lastReview: now, due: due, reviews: 1,
                lapses: grade == .again ? 1 : 0)
        }
        let elapsed = (now - memory.lastReview) / 86_400
        let stability: Double
        if elapsed < 1 {
            stability = shortTermStability(memory.stability, grade)
        } else {
            let recall = retrievability(elapsedDays: elapsed, stability: memory.stability)
            if grade == .again {
                let lapse = stabilityAfterFailure(stability: memory.stability, difficulty: memory.difficulty, retrievability: recall)
                stability = min(lapse, memory.stability / exp(weights[17] * weights[18]))
            } else {
                stability = stabilityAfterSuccess(
                    stability: memory.stability, difficulty: memory.difficulty, retrievability: recall, grade: grade)
            }
        }
        memory.stability = max(stability, 0.01)
        memory.difficulty = nextDifficulty(memory.difficulty, grade)
        memory.lastReview = now
        memory.reviews += 1
        if grade == .again {
            memory.lapses += 1
            memory.due = now + againDelay
        } else {
            memory.due = now + interval(memory.stability) * 86_400
        }
        return memory
    }

    func clampDifficulty(_ value: Double) -> Double { min(max(value, 1), 10) }
}
