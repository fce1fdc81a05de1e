import Foundation
import Testing

@testable import Study

/// FSRS-5 against the reference values of the open-spaced-repetition optimizer's model tests
/// (`tests/model_test.py` of fsrs-optimizer: S = 5, D = 1…4, R = 0.9…0.6, grades 1…4, with the
/// FSRS-5 default parameters).
@Suite("FSRS-5 scheduler")
struct FSRSTests {
    let fsrs = FSRS()

    @Test func stabilityMatchesTheReference() {
        let difficulties = [1.0, 2, 3, 4]
        let recalls = [0.9, 0.8, 0.7, 0.6]
        let grades: [FSRS.Grade] = [.again, .hard, .good, .easy]
        let success = [25.7761, 14.1219, 60.4044, 208.9760]
        let failure = [1.7029, 1.9799, 2.3760, 2.8885]
        let shortTerm = [2.5051, 4.1992, 7.0389, 11.7988]
        for index in 0..<4 {
            let recalled = fsrs.stabilityAfterSuccess(
                stability: 5, difficulty: difficulties[index], retrievability: recalls[index], grade: grades[index])
            #expect(abs(recalled - success[index]) < 1e-3, "success \(index): \(recalled)")
            let forgotten = fsrs.stabilityAfterFailure(stability: 5, difficulty: difficulties[index], retrievability: recalls[index])
            #expect(abs(forgotten - failure[index]) < 1e-3, "failure \(index): \(forgotten)")
            let sameDay = fsrs.shortTermStability(5, grades[index])
            #expect(abs(sameDay - shortTerm[index]) < 1e-3, "short term \(index): \(sameDay)")
        }
    }

    @Test func difficultyMatchesTheReference() {
        let expected = [6.6070, 5.7994, 4.9918, 4.1842]
        for (grade, value) in zip(FSRS.Grade.allCases, expected) {
            #expect(abs(fsrs.nextDifficulty(5, grade) - value) < 1e-3, "\(grade)")
        }
    }

    @Test func forgettingCurveMatchesTheReference() {
        let elapsed = [0.0, 1, 2, 3, 4, 5]
        let stability = [1.0, 2, 3, 4, 4, 2]
        let expected = [1.0, 0.946059, 0.9299294, 0.9221679, 0.90000004, 0.79394597]
        for index in elapsed.indices {
            let recall = fsrs.retrievability(elapsedDays: elapsed[index], stability: stability[index])
            #expect(abs(recall - expected[index]) < 1e-4, "\(index): \(recall)")
        }
    }

    @Test func firstReviewsAndIntervals() {
        #expect(FSRS.Grade.allCases.map(fsrs.initialStability) == Array(FSRS.defaultWeights[0..<4]))
        // D0(G) = w4 − e^(w5·(G−1)) + 1: 7.1949, 6.4885, 5.2823, 3.2245 for grades 1 to 4.
        let initial = FSRS.Grade.allCases.map(fsrs.initialDifficulty)
        for (value, expected) in zip(initial, [7.1949, 6.4885, 5.2823, 3.2245]) { #expect(abs(value - expected) < 1e-3) }
        // At 90 % desired retention the interval is the stability, in whole days, at least one.
        #expect(fsrs.interval(15.69105) == 16)
        #expect(fsrs.interval(0.40255) == 1)
        let now = 1_700_000_000.0
        let good = fsrs.review(nil, grade: .good, now: now)
        #expect(good.due == now + 3 * 86_400)
        let again = fsrs.review(nil, grade: .again, now: now)
        #expect(again.due == now + fsrs.againDelay && again.lapses == 1)
        // Reviewed when due, a good answer lengthens the interval; forgetting shortens it.
        let second = fsrs.review(good, grade: .good, now: good.due)
        #expect(second.stability > good.stability && second.due - second.lastReview > 3 * 86_400)
        let lapse = fsrs.review(second, grade: .again, now: second.due)
        #expect(lapse.stability < second.stability && lapse.lapses == 1)
    }
}
