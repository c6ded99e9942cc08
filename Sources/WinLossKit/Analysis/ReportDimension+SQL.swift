import GRDB

extension ReportDimension {
    /// The value a deal has, over the aliases `deal`, `account` and `person` (and `competitor`, joined by
    /// ``join``), compared without letter case.
    var expression: SQL {
        switch self {
        case .industry: "account.industry COLLATE NOCASE"
        case .region: "account.region COLLATE NOCASE"
        case .size: "account.sizeBand COLLATE NOCASE"
        case .rep: "person.name COLLATE NOCASE"
        case .product: "deal.productLine COLLATE NOCASE"
        case .competitor: "competitor.name COLLATE NOCASE"
        case .quarter: ReportBuilder.quarter
        }
    }

    /// A deal is in each competitor's group it met: those recorded on it and the one that won it.
    var join: SQL {
        guard self == .competitor else { return "" }
        return """
            LEFT JOIN (SELECT dealID, name FROM dealCompetitor
                       UNION SELECT id, competitorWon FROM deal WHERE competitorWon IS NOT NULL) AS competitor
                ON competitor.dealID = deal.id
            """
    }
}
