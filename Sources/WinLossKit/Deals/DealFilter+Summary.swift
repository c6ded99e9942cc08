extension DealFilter {
    /// The filter in words, for a report's heading: "decided 2026-07-01 to 2026-09-30", "industry Retail".
    package var summary: [String] {
        var parts: [String] = []
        switch (decidedFrom, decidedTo) {
        case (let from?, let to?):
            let quarter = QuarterRange(from)
            parts.append(
                quarter.first == from && quarter.last == to ? "decided in \(quarter)" : "decided \(from) to \(to)")
        case (let from?, nil): parts.append("decided from \(from)")
        case (nil, let to?): parts.append("decided up to \(to)")
        case (nil, nil): break
        }
        if !outcomes.isEmpty { parts.append("outcome " + outcomes.sorted().map(\.label).joined(separator: " or ")) }
        if !industries.isEmpty { parts.append("industry " + industries.joined(separator: " or ")) }
        if !regions.isEmpty { parts.append("region " + regions.joined(separator: " or ")) }
        if !sizeBands.isEmpty { parts.append("size " + sizeBands.joined(separator: " or ")) }
        if let rep { parts.append("rep \(rep)") }
        if let account { parts.append("account \(account)") }
        if let competitor { parts.append("competitor \(competitor)") }
        if let productLine { parts.append("product \(productLine)") }
        switch (minimumAmount, maximumAmount) {
        case (let low?, let high?): parts.append("amount \(low.formatted) to \(high.formatted)")
        case (let low?, nil): parts.append("amount at least \(low.formatted)")
        case (nil, let high?): parts.append("amount at most \(high.formatted)")
        case (nil, nil): break
        }
        for (key, value) in accountAttributes.sorted(by: { $0.key < $1.key }) {
            parts.append("account \(key) \(value)")
        }
        for (key, value) in dealAttributes.sorted(by: { $0.key < $1.key }) { parts.append("\(key) \(value)") }
        return parts
    }
}
