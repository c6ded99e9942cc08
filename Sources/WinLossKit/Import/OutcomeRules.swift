/// Maps a CRM stage (and, for lost deals, the stated reason) to an outcome.
///
/// By default `Closed Won` is a win, `Closed Lost` a loss, and a lost deal whose reason says "no decision" or
/// "status quo" is a no-decision, as is a stage named `No Decision`. Stages are compared on their letters and
/// digits only, so `Closed - Won`, `closedwon` and `Closed Won` are one stage. Any other stage is an open deal,
/// which an import skips and counts. Options add stages and reasons to these lists.
public struct OutcomeRules: Sendable, Equatable {
    package var winStages: [String]
    package var lossStages: [String]
    package var noDecisionStages: [String]
    /// Phrases that, found in a lost deal's reason, make it a no-decision.
    package var noDecisionReasons: [String]

    public static let standard = OutcomeRules(
        winStages: ["Closed Won", "Won", "Closed Win", "Win"],
        lossStages: ["Closed Lost", "Lost", "Closed Loss", "Loss"],
        noDecisionStages: [
            "No Decision", "Closed No Decision", "Closed Lost No Decision", "Lost No Decision", "No Deal",
        ],
        noDecisionReasons: ["no decision", "status quo", "do nothing", "did nothing", "no action"])

    package init(winStages: [String], lossStages: [String], noDecisionStages: [String], noDecisionReasons: [String]) {
        self.winStages = winStages
        self.lossStages = lossStages
        self.noDecisionStages = noDecisionStages
        self.noDecisionReasons = noDecisionReasons
        index()
    }

    /// The outcome for a closed stage, or nil for a stage that is still open.
    package func outcome(stage: String, reason: String?) -> Outcome? {
        let key = TextKey.squashed(stage)
        if noDecisionKeys.contains(key) { return .noDecision }
        if winKeys.contains(key) { return .win }
        if lossKeys.contains(key) {
            return saysNoDecision(reason) ? .noDecision : .loss
        }
        return nil
    }

    /// Whether a stated reason means the buyer decided nothing.
    package func saysNoDecision(_ reason: String?) -> Bool {
        guard let reason else { return false }
        let key = TextKey.squashed(reason)
        return reasonKeys.contains { !$0.isEmpty && key.contains($0) }
    }

    private var winKeys: Set<String> = []
    private var lossKeys: Set<String> = []
    private var noDecisionKeys: Set<String> = []
    private var reasonKeys: [String] = []

    private mutating func index() {
        winKeys = Set(winStages.map(TextKey.squashed))
        lossKeys = Set(lossStages.map(TextKey.squashed))
        noDecisionKeys = Set(noDecisionStages.map(TextKey.squashed))
        reasonKeys = noDecisionReasons.map(TextKey.squashed)
    }

    /// These rules with more stages and reasons.
    public func adding(
        winStages: [String] = [], lossStages: [String] = [], noDecisionStages: [String] = [],
        noDecisionReasons: [String] = []
    ) -> OutcomeRules {
        OutcomeRules(
            winStages: self.winStages + winStages, lossStages: self.lossStages + lossStages,
            noDecisionStages: self.noDecisionStages + noDecisionStages,
            noDecisionReasons: self.noDecisionReasons + noDecisionReasons)
    }
}
