import Foundation

/// A list of callbacks as reps see it: a terminal table, CSV, JSON, Markdown call sheets (one per rep), the
/// details of one callback, and calendar events. Everything shown comes from ``Callback``, which already leaves
/// out what the buyer did not agree to share.
public struct CallbackList: Sendable {
    public var callbacks: [Callback]
    /// The day "late" and "in 3 days" count from, in the reader's time zone.
    package var today: CalendarDate

    public init(_ callbacks: [Callback], today: CalendarDate) {
        self.callbacks = callbacks
        self.today = today
    }

    // MARK: - Table

    package static let tableColumns = [
        TableColumn("Due"), TableColumn("When"), TableColumn("Deal"), TableColumn("Account", maximumWidth: 24),
        TableColumn("Contact", maximumWidth: 30), TableColumn("Rep", maximumWidth: 20),
        TableColumn("Outcome"), TableColumn("At stake", alignment: .right), TableColumn("Interview"),
        TableColumn("Status", maximumWidth: 32),
    ]

    public func table(style: TextStyle) -> String {
        var table = TextTable(columns: Self.tableColumns)
        for callback in callbacks {
            let late = callback.status == .open && callback.due < today
            table.append([
                TableCell(callback.due.description, tint: late ? .red : nil),
                TableCell(callback.status == .open ? when(callback.due) : "—", tint: late ? .red : nil),
                TableCell(callback.deal.externalID), TableCell(callback.deal.account),
                TableCell(callback.contact.map { Self.person($0) } ?? "—"), TableCell(callback.deal.rep),
                TableCell(callback.deal.outcome.label, tint: Tint.of(callback.deal.outcome)),
                TableCell(callback.atStake.map(Self.shortStake) ?? "—"),
                TableCell(Self.interviewSummary(callback)),
                TableCell(Self.statusText(callback), tint: callback.status == .called ? .dim : nil),
            ])
        }
        return table.render(style: style)
    }

    /// `in 12 days`, `today`, `tomorrow`, or for a day already gone `now (5 days ago)`: due now, with how long ago
    /// its day was.
    func when(_ due: CalendarDate) -> String {
        let days = today.days(until: due)
        switch days {
        case 0: return "today"
        case 1: return "tomorrow"
        case 2...: return "in \(days) days"
        case -1: return "now (1 day ago)"
        default: return "now (\(-days) days ago)"
        }
    }

    // MARK: - CSV

    public static let csvHeader = [
        "due", "due_from", "status", "carried_over", "deal_id", "deal", "account", "industry", "region", "size",
        "outcome", "decided", "amount", "currency", "crm_reason", "rep", "rep_email", "contact", "title", "email",
        "phone", "interview", "interviewed_on", "interview_status", "words_withheld", "current_state", "measurement",
        "planned_state", "gap_reason", "inaction_cost", "inaction_currency", "inaction_period",
        "inaction_cost_per_year", "ownership_years", "inaction_cost_over_ownership", "gap_value", "gap_currency",
        "gap_period", "would_reconsider", "openness", "next_step_committed", "themes", "at_stake",
        "at_stake_currency", "at_stake_basis", "calls", "last_call_on", "last_call_result", "last_call_note",
        "call_again_on", "returned_as", "buyer_revisit_on",
    ]

    /// One row per callback, or, for a deal with several buyers interviewed, one row per interview with the deal's
    /// columns repeated, so that every buyer's words and figures keep columns of their own. The contact columns
    /// are then the buyer of that row's interview.
    public var csvRows: [[String]] {
        callbacks.flatMap { callback in
            callback.interviews.isEmpty
                ? [csvRow(callback, nil)] : callback.interviews.map { csvRow(callback, $0) }
        }
    }

    private func csvRow(_ callback: Callback, _ interview: CallbackInterview?) -> [String] {
        let deal = callback.deal
        let contact = interview?.contact ?? callback.contact
        let last = callback.calls.last
        func flag(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "" }
        return [
            callback.due.description, callback.dueSource.rawValue, callback.status.rawValue,
            callback.carriedOver ? "yes" : "no", deal.externalID, deal.name, deal.account, deal.industry ?? "",
            deal.region ?? "", deal.sizeBand ?? "", deal.outcome.rawValue, deal.decidedOn.description,
            deal.amount?.decimalText ?? "", deal.amount?.currency.code ?? "", deal.reason ?? "", deal.rep,
            deal.repEmail ?? "", contact?.name ?? "", contact?.title ?? "",
            contact?.email ?? "", contact?.phone ?? "",
            interview.map { String($0.id) } ?? "", interview?.interviewedOn?.description ?? "",
            interview != nil ? "completed" : callback.interviewStatus?.rawValue ?? "none",
            flag(interview?.wordsWithheld), interview?.currentState ?? "", interview?.measurement ?? "",
            interview?.plannedState ?? "", interview?.gapReason ?? "",
            interview?.inactionCost?.amount.decimalText ?? "", interview?.inactionCost?.amount.currency.code ?? "",
            interview?.inactionCost?.period?.rawValue ?? "", interview?.inactionCostPerYear?.decimalText ?? "",
            interview?.ownershipYears.map { "\($0)" } ?? "",
            interview?.inactionCostOverOwnership?.decimalText ?? "",
            interview?.gapValue?.amount.decimalText ?? "", interview?.gapValue?.amount.currency.code ?? "",
            interview?.gapValue?.period?.rawValue ?? "", flag(interview?.wouldReconsider),
            interview?.openness.map(String.init) ?? "", flag(interview?.nextStepCommitted),
            Self.themeList(interview?.themes ?? []), callback.atStake?.amount.decimalText ?? "",
            callback.atStake?.amount.currency.code ?? "", callback.atStake?.basis.rawValue ?? "",
            String(callback.calls.count), last?.calledOn.description ?? "", last?.result.rawValue ?? "",
            last?.note ?? "", last?.againOn?.description ?? "", callback.returnedAs?.externalID ?? "",
            interview?.revisitOn?.description ?? "",
        ]
    }

    // MARK: - Call sheets and details

    /// One call sheet per rep, in the list's order within each, reps by name.
    public var sheets: [(rep: PersonReference, document: ReportDocument)] {
        var order: [String] = []
        var byRep: [String: [Callback]] = [:]
        for callback in callbacks {
            let key = callback.deal.repEmail?.lowercased() ?? callback.deal.rep
            if byRep[key] == nil { order.append(key) }
            byRep[key, default: []].append(callback)
        }
        return order.compactMap { byRep[$0] }.sorted { $0[0].deal.rep < $1[0].deal.rep }.map { list in
            let rep = PersonReference(name: list[0].deal.rep, email: list[0].deal.repEmail)
            let open = list.filter { $0.status == .open }.count
            var blocks: [ReportDocument.Block] = [
                .paragraph(
                    "\(count(list.count, "callback")) as of \(today): \(open) open, \(list.count - open) called. Due first, then the most at stake."
                ),
                .table(
                    columns: [
                        TableColumn("#", alignment: .right), TableColumn("Due"), TableColumn("Account"),
                        TableColumn("Contact"), TableColumn("At stake", alignment: .right), TableColumn("Status"),
                    ],
                    rows: list.enumerated().map { index, callback in
                        [
                            TableCell(String(index + 1)),
                            TableCell(
                                callback.due.description
                                    + (callback.status == .open ? " (\(when(callback.due)))" : "")),
                            TableCell(callback.deal.account),
                            TableCell(callback.contact.map { Self.person($0) } ?? "—"),
                            TableCell(callback.atStake.map(Self.shortStake) ?? "—"),
                            TableCell(Self.statusText(callback)),
                        ]
                    }),
            ]
            for (index, callback) in list.enumerated() {
                blocks.append(.heading("\(index + 1). \(callback.deal.account)", level: 2))
                blocks.append(.fields(fields(callback)))
            }
            blocks.append(
                .note(
                    "Private interview notes are never on this sheet. Where a buyer asked not to be quoted, only their figures and themes are."
                ))
            return (rep, ReportDocument(title: "Call sheet: \(rep.name)", blocks: blocks))
        }
    }

    /// Every call sheet in one Markdown file, each starting with its own top-level heading.
    public var markdown: String {
        let sheets = sheets
        guard !sheets.isEmpty else { return "# Callbacks\n\nNo callbacks match.\n" }
        return sheets.map(\.document.markdown).joined(separator: "\n")
    }

    /// One callback in full: for `winloss callbacks show` on a terminal.
    public func detail(_ callback: Callback) -> ReportDocument {
        ReportDocument(
            title: "Callback: \(callback.deal.externalID) \(callback.deal.name)", blocks: [.fields(fields(callback))])
    }

    /// What a rep needs before the call, label by label; with `relative`, how the due day stands against today.
    func fields(_ callback: Callback, relative: Bool = true) -> [ReportDocument.Field] {
        typealias Field = ReportDocument.Field
        let deal = callback.deal
        var due = callback.due.description
        switch callback.dueSource {
        case .buyer: due += ", the day the buyer gave"
        case .callAgain: due += ", the day agreed on the last call"
        case .defaultOffset: due += ", the default after the decision"
        }
        if relative, callback.status == .open {
            let days = callback.due.days(until: today)
            due += days > 0 ? "; due now, \(days) day\(days == 1 ? "" : "s") after it" : " (\(when(callback.due)))"
        }
        if callback.carriedOver { due += "; carried over from \(deal.decidedOn.year)" }
        var result = [
            Field("Due", due), Field("Status", Self.statusText(callback)),
            Field(
                "Deal",
                "\(deal.externalID) \(deal.name): \(deal.outcome.label) on \(deal.decidedOn)"
                    + (deal.amount.map { ", \($0.formatted)" } ?? "")),
            Field(
                "Segment",
                [deal.industry, deal.region, deal.sizeBand.map { "\($0) employees" }].compactMap { $0 }
                    .joined(separator: ", ").nonEmpty ?? "—"),
            Field("Rep", deal.rep + (deal.repEmail.map { " <\($0)>" } ?? "")),
        ]
        if let contact = callback.contact {
            let reach = [contact.email, contact.phone].compactMap { $0 }.joined(separator: ", ")
            result.append(Field("Contact", Self.person(contact) + (reach.isEmpty ? "" : " — " + reach)))
        } else {
            result.append(Field("Contact", "none on record"))
        }
        if let reason = deal.reason { result.append(Field("CRM reason", reason)) }
        if let competitor = deal.competitorWon { result.append(Field("Chose instead", competitor)) }
        for interview in callback.interviews {
            let several = callback.interviews.count > 1
            let buyer = several ? interview.contact.map { " with " + Self.person($0) } ?? "" : ""
            result.append(
                Field(
                    "Interview",
                    "#\(interview.id)" + (interview.interviewedOn.map { " on \($0)" } ?? "") + buyer
                        + (interview.wordsWithheld
                            ? "; the buyer asked not to be quoted, so only figures and themes are shown" : "")))
            if several, let day = interview.revisitOn { result.append(Field("Come back", "on \(day), the buyer said")) }
            if !interview.wordsWithheld {
                for (label, text) in [
                    ("Where they are", interview.currentState), ("How they measure it", interview.measurement),
                    ("Where they planned to be", interview.plannedState), ("Why the gap", interview.gapReason),
                ] {
                    if let text { result.append(Field(label, text)) }
                }
            }
            if let cost = interview.inactionCost {
                var text = cost.formatted
                var also: [String] = []
                if let yearly = interview.inactionCostPerYear, cost.period != .year {
                    also.append("\(yearly.formatted) a year")
                }
                if let total = interview.inactionCostOverOwnership, let years = interview.ownershipYears,
                    cost.period != .oneTime
                {
                    also.append("\(total.formatted) over \(years) year\(years == 1 ? "" : "s") of ownership")
                }
                if !also.isEmpty { text += " (" + also.joined(separator: "; ") + ")" }
                result.append(Field("Cost of waiting", text))
            }
            if let value = interview.gapValue { result.append(Field("Worth closing the gap", value.formatted)) }
            if !interview.themes.isEmpty { result.append(Field("Themes", Self.themeList(interview.themes))) }
            var signals: [String] = []
            if let reconsider = interview.wouldReconsider {
                signals.append("would look again: \(reconsider ? "yes" : "no")")
            }
            if let openness = interview.openness { signals.append("openness \(openness) of 5") }
            if let step = interview.nextStepCommitted { signals.append("next step committed: \(step ? "yes" : "no")") }
            if !signals.isEmpty { result.append(Field("Signals", signals.joined(separator: "; "))) }
        }
        if callback.interviews.isEmpty {
            let why: String
            switch callback.interviewStatus {
            case .declined?: why = "the buyer declined the interview"
            case .noShow?: why = "the buyer did not show for the interview"
            case .scheduled?, .inProgress?: why = "an interview is not finished yet"
            case .completed?, nil: why = "no interview"
            }
            result.append(Field("Interview", "none: \(why); what the CRM record holds is all there is"))
        }
        if let stake = callback.atStake { result.append(Field("At stake", stake.formatted)) }
        for call in callback.calls {
            var text = "\(call.calledOn): \(call.result.label)"
            if let caller = call.caller { text += " (\(caller.name))" }
            if let again = call.againOn { text += "; call again on \(again)" }
            if let note = call.note { text += ": \(note)" }
            result.append(Field("Called", text))
        }
        if let next = callback.returnedAs {
            result.append(
                Field("Returned as", "\(next.externalID) \(next.name): \(next.outcome.label) on \(next.decidedOn)"))
        }
        return result
    }

    // MARK: - Calendar

    /// One all-day event per callback on its due day, with the call sheet's details in the description. A
    /// callback already called is cancelled, so that a calendar that imported it drops it.
    public var calendar: ICalendar {
        ICalendar(
            name: "winloss callbacks",
            events: callbacks.map { callback in
                let who = callback.contact.map { "\($0.name) at \(callback.deal.account)" } ?? callback.deal.account
                return ICalendar.Event(
                    uid: Self.uid(callback.deal.externalID),
                    day: callback.due,
                    summary: "Call \(who) (\(callback.deal.outcome.label) \(callback.deal.decidedOn))",
                    // Nothing relative to the day of the export, so that an unchanged callback exports the same.
                    description: fields(callback, relative: false).map { "\($0.label): \($0.value)" }.joined(
                        separator: "\n"),
                    categories: ["winloss callback", callback.deal.outcome.label],
                    sequence: callback.calls.count,
                    cancelled: callback.status == .called)
            })
    }

    /// The same for every export of the same deal's callback: `callback-OPP-1042@winloss`, with anything but
    /// letters, digits, `-`, `_` and `.` percent-encoded.
    static func uid(_ externalID: String) -> String {
        var safe = ""
        for byte in externalID.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                safe.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                safe += String(format: "%%%02X", byte)
            }
        }
        return "callback-\(safe)@winloss"
    }

    // MARK: - Pieces

    static func person(_ contact: ContactSummary) -> String {
        contact.name + (contact.title.map { ", \($0)" } ?? "")
    }

    static func shortStake(_ stake: Stake) -> String {
        switch stake.basis {
        case .inactionOverOwnership: stake.amount.formatted + " ownership"
        case .inactionOneTime: stake.amount.formatted + " one-time"
        case .inactionPerYear: stake.amount.formatted + " a year"
        case .dealAmount: stake.amount.formatted + " deal"
        }
    }

    static func interviewSummary(_ callback: Callback) -> String {
        if !callback.interviews.isEmpty {
            return callback.interviews.map { interview in
                (interview.interviewedOn?.description ?? "#\(interview.id)")
                    + (interview.wordsWithheld ? " (no quotes)" : "")
            }.joined(separator: ", ")
        }
        switch callback.interviewStatus {
        case .declined?: return "declined"
        case .noShow?: return "no-show"
        case .scheduled?, .inProgress?: return "not finished"
        case .completed?, nil: return "none"
        }
    }

    static func statusText(_ callback: Callback) -> String {
        guard let last = callback.calls.last else { return "open" }
        var text = "called \(last.calledOn): \(last.result.label)"
        if let again = last.againOn { text += ", again \(again)" }
        if let next = callback.returnedAs { text += " → \(next.externalID)" }
        return text
    }

    static func themeList(_ themes: [CallbackTheme]) -> String {
        themes.map { $0.label + ($0.isPrimary ? " (primary)" : "") }.joined(separator: "; ")
    }

    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
