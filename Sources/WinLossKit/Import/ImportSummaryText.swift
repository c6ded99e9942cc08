extension ImportSummary {
    /// What the import did, for people. File contents that appear in it (stage names, column names) are
    /// sanitised.
    public func text(style: TextStyle) -> String {
        let name = TerminalText.sanitized(file)
        var lines: [String] = []
        let verb = dryRun ? "Checked" : "Imported"
        lines.append(
            "\(verb) \(name) (\(format.label), \(rows.counted("row"))\(dryRun ? "; dry run, nothing written" : ""))")
        let would = dryRun ? "would be " : ""
        lines.append(
            "  deals:    \(style.apply(.green, to: inserted.grouped)) \(would)new, \(updated.grouped) \(would)updated, "
                + "\(unchanged.grouped) unchanged")
        if skippedOpen > 0 {
            let stages = openStages.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\(TerminalText.singleLine($0.key.isEmpty ? "(no stage)" : $0.key)) \($0.value.grouped)" }
            lines.append("  skipped:  \(skippedOpen.counted("open deal")) (\(stages.joined(separator: ", ")))")
        }
        var made: [String] = []
        if accountsCreated > 0 { made.append(accountsCreated.counted("account")) }
        if contactsCreated > 0 { made.append(contactsCreated.counted("contact")) }
        if peopleCreated > 0 { made.append(peopleCreated.counted("person", "people")) }
        var changed: [String] = []
        if accountsUpdated > 0 { changed.append(accountsUpdated.counted("account")) }
        if contactsUpdated > 0 { changed.append(contactsUpdated.counted("contact")) }
        if !made.isEmpty || !changed.isEmpty {
            let parts =
                (made.isEmpty ? [] : ["\(would)created " + made.joined(separator: ", ")])
                + (changed.isEmpty ? [] : ["\(would)updated " + changed.joined(separator: ", ")])
            lines.append("  records:  " + parts.joined(separator: "; "))
        }
        if reportFooterLines > 0 {
            lines.append(
                "  footer:   \(reportFooterLines.counted("line")) after the data left out (the report's footer)")
        }
        if derivedIDs {
            lines.append(
                "  " + style.apply(.yellow, to: "note:")
                    + " the file has no id column, so deals are matched by account, name and created date; "
                    + "add the CRM's id column to follow renamed deals")
        }
        if !unusedColumns.isEmpty {
            let names = unusedColumns.map { TerminalText.singleLine($0) }.joined(separator: ", ")
            lines.append("  unused columns: \(names) (keep one with --map \"COLUMN=attr:KEY\")")
        }
        for warning in warnings {
            lines.append(
                "  \(name):\(warning.line ?? 1): \(style.apply(.yellow, to: "warning:")) \(TerminalText.singleLine(warning.description))"
            )
        }
        if warningsLeftOut > 0 { lines.append("  …and \(warningsLeftOut.counted("more warning")) like these") }
        return lines.joined(separator: "\n") + "\n"
    }
}
