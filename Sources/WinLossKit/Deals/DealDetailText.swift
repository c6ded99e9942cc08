extension DealDetail {
    /// The deal as a readable page.
    public func text(style: TextStyle) -> String {
        func clean(_ value: String?) -> String { value.map(TerminalText.singleLine) ?? "—" }
        var rows: [(String, String)] = [
            ("Deal", "\(clean(deal.name)) (\(clean(deal.externalID)))"),
            (
                "Outcome",
                style.apply(Tint.of(deal.outcome), to: deal.outcome.label)
                    + (deal.stage.map { " (stage: \(clean($0)))" } ?? "")
            ),
            ("Account", clean(deal.account) + (accountExternalID.map { " (\(clean($0)))" } ?? "")),
            ("Segment", [deal.industry, deal.region, deal.sizeBand].map(clean).joined(separator: " · ")),
            ("Rep", clean(deal.rep) + (deal.repEmail.map { " <\(clean($0))>" } ?? "")),
            ("Amount", deal.amount?.formatted ?? "—"),
            ("Created", deal.createdOn?.description ?? "—"),
            ("Decided", deal.decidedOn.description),
        ]
        if let cycleDays {
            rows.append(("Sales cycle", cycleDays >= 0 ? cycleDays.counted("day") : "— (created after decided)"))
        }
        if deal.productLine != nil { rows.append(("Product", clean(deal.productLine))) }
        if deal.reason != nil { rows.append(("CRM reason", clean(deal.reason))) }
        if deal.competitorWon != nil { rows.append(("Lost to", clean(deal.competitorWon))) }
        if !deal.competitors.isEmpty {
            rows.append(("Competitors", deal.competitors.map(clean).joined(separator: ", ")))
        }
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) { rows.append((clean(key), clean(value))) }
        for (key, value) in accountAttributes.sorted(by: { $0.key < $1.key }) {
            rows.append(("Account \(clean(key))", clean(value)))
        }
        for (index, contact) in contacts.enumerated() {
            let details: [String] = [contact.title, contact.email, contact.phone].compactMap { $0 }.map(
                TerminalText.singleLine)
            rows.append(
                (
                    index == 0 ? "Contacts" : "",
                    clean(contact.name) + (details.isEmpty ? "" : " — " + details.joined(separator: ", "))
                ))
        }
        rows.append(("Source", source.rawValue))
        let width = rows.map { TerminalText.displayWidth($0.0) }.max() ?? 0
        return rows.map { label, value in
            style.apply(.bold, to: label) + String(repeating: " ", count: width - TerminalText.displayWidth(label) + 2)
                + value
        }.joined(separator: "\n") + "\n"
    }
}
