import Foundation
import Testing

@testable import WinLossKit

/// Figures that need a rule: one-time values, fractions of a cent, and signs on zero.
struct ReportFiguresTests {
    private func record(_ fixture: InterviewFixture, _ deal: String, contact: String, _ answers: String) throws {
        let id = try fixture.schedule(deal, contact: contact).id
        let file = try AnswersFile.parse(
            """
            consent: {quote: named, recording: false}
            answers:
              current_state: By hand.
              decision_process: An RFP.
              winner_reason: Their connector.
            \(answers)

            """, file: "\(deal).yaml", template: fixture.template(for: .loss).template, outcome: .loss
        ).get()
        try fixture.store.recordInterview(id, file)
    }

    @Test func aOneTimeValueCountsOnceOverOwnershipAndAFractionOfACentRoundsHalfToEven() throws {
        let fixture = try InterviewFixture()
        // One-time, no years: counts once. One-time with years: still once. Yearly times 2.5 years:
        // 10,000.01 × 2.5 = 25,000.025, which rounds to the even cent, 25,000.02.
        try record(fixture, "L1", contact: "sam@acme.example", "  gap_value: USD 100k one-time")
        try record(
            fixture, "L2", contact: "omar@globex.example", "  gap_value: USD 100k one-time\n  ownership_years: 3")
        try record(
            fixture, "L3", contact: "jian@hooli.example", "  gap_value: USD 10,000.01 per year\n  ownership_years: 2.5")
        let report = try fixture.store.report(ReportRequest(sections: [.value]))
        let overOwnership = try #require(
            report.valueAtStake?.first { $0.measure == .gapValueOverOwnership && $0.outcome == .loss })
        #expect(overOwnership.sum == Money(minorUnits: 22_500_002, currency: .usd))
        #expect(overOwnership.median == Money(minorUnits: 10_000_000, currency: .usd))
        #expect(overOwnership.n == 3)
        // Per year, only the yearly figure: one-time values have no year.
        let perYear = try #require(
            report.valueAtStake?.first { $0.measure == .gapValuePerYear && $0.outcome == .loss })
        #expect(perYear.sum == Money(minorUnits: 1_000_001, currency: .usd) && perYear.n == 1)
    }

    @Test func aMedianOfAnEvenCountRoundsHalfToEvenToo() throws {
        let fixture = try InterviewFixture()
        try record(fixture, "L1", contact: "sam@acme.example", "  gap_value: USD 0.01 per year")
        try record(fixture, "L2", contact: "omar@globex.example", "  gap_value: USD 0.02 per year")
        let report = try fixture.store.report(ReportRequest(sections: [.value]))
        let perYear = try #require(
            report.valueAtStake?.first { $0.measure == .gapValuePerYear && $0.outcome == .loss })
        // 0.015 goes to the even cent.
        #expect(perYear.median == Money(minorUnits: 2, currency: .usd))
    }

    @Test(arguments: [
        (-0.04, "0.0"), (0.04, "0.0"), (-0.0, "0.0"), (0.0, "0.0"), (0.05, "+0.1"), (-0.06, "-0.1"), (2.44, "+2.4"),
    ])
    func aScoreThatRoundsToZeroHasNoSign(z: Double, text: String) {
        #expect(zText(z, few: false) == text)
        #expect(z.signedText(decimals: 1) == text)
    }

    @Test func plainDecimalsHaveNoNegativeZero() {
        #expect((-0.00001).decimalText(decimals: 4) == "0.0000")
        #expect((-0.5).decimalText(decimals: 4) == "-0.5000")
        // Equal counts give a score of exactly zero, never a negative zero.
        for row in LogOdds.zScores([[3, 3], [5, 5]]) {
            for z in row { #expect(z.map { $0.sign == .plus && $0 == 0 } ?? true) }
        }
    }
}
