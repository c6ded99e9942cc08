import WinLossKit

/// The words of the bulk programme's answers: for each theme of the built-in codebook, what buyers say of it when
/// they speak well, badly or neutrally, written with the theme's keywords (and their other forms: "priced",
/// "pricing", "too expensive") most of the time, so that keyword suggestions and stemmed search find them.
///
/// Slots are filled per interview: `{competitor}`, `{industry}`, `{team}`, `{n}` (a small number) and `{reason}`
/// (the CRM's reason).
enum BulkPhrases {
    struct ThemeWords {
        var positive: [String]
        var negative: [String]
        var neutral: [String]
    }

    /// Sentences only a buyer who bought from us can say: never put in a loss or a no-decision.
    static let afterPurchase: Set<String> = [
        "Timing worked out: we signed before the fiscal year closed.",
        "Starting on a smaller tier and adding seats later made it easy to say yes.",
        "Onboarding was well organised, and the rollout went to plan.",
    ]

    /// By theme id. A theme of the codebook missing here is never coded by the generator.
    static let themes: [String: ThemeWords] = [
        "price_value": ThemeWords(
            positive: [
                "The price was fair for what we get.",
                "Pricing was competitive, and the discount for a longer term helped.",
                "We see clear value for money in it.",
                "The cost came in well within our budget.",
                "For the price, nothing else came close on value.",
            ],
            negative: [
                "The price was simply higher than we could justify.",
                "Your pricing came in well above the others, and the cost difference was hard to explain internally.",
                "Honestly, it was too expensive for what we would have used.",
                "We never saw enough value for money at that price.",
                "The total cost over three years was the sticking point.",
                "It was priced for a much bigger company than ours.",
            ],
            neutral: [
                "Price came up, but it was not the deciding factor.",
                "Cost was discussed, as it always is.",
                "We compared pricing across the whole shortlist.",
            ]),
        "price_level": ThemeWords(
            positive: [
                "You were not the cheapest, but the price tag was reasonable.",
                "The price ended up lower than we feared once the discount came through.",
                "Next to {competitor} you were not more expensive, which surprised us.",
            ],
            negative: [
                "Next to {competitor} it felt overpriced.",
                "The other offer was noticeably cheaper for the same scope.",
                "The price tag was about a third higher than we expected.",
                "We were priced out, plain and simple: far too expensive for a team our size.",
                "It cost too much for a first project.",
            ],
            neutral: [
                "The others were a little cheaper, but not by much.",
                "Nobody was surprised by the price tag.",
            ]),
        "pricing_model": ThemeWords(
            positive: [
                "The subscription tiers match how we want to grow.",
                "Starting on a smaller tier and adding seats later made it easy to say yes.",
                "The licence terms were simple, with no surprises in the contract term.",
            ],
            negative: [
                "Per seat pricing does not work when half the company only opens a report once a month.",
                "The licence model punished us for growing.",
                "A three-year contract term was too much of a commitment.",
                "We wanted usage based pricing and you only had fixed tiers.",
            ],
            neutral: [
                "We spent a while working out which licence tier we needed.",
                "The subscription had to fit the way {team} buys software.",
            ]),
        "unclear_value": ThemeWords(
            positive: [
                "The ROI model your team built made the business case easy to justify.",
                "We expect payback within a year, and finance agreed.",
                "The return on investment was obvious once we ran the numbers.",
            ],
            negative: [
                "We could not build a business case that finance would accept.",
                "Nobody could show the payback period, so the return on investment stayed a guess.",
                "It was hard to justify the spend when the ROI was unclear.",
                "In the end the board decided it was not worth it this year.",
                "The value was real to us, but we could not prove it on paper.",
            ],
            neutral: [
                "Finance asked for a business case, which took a few weeks.",
                "Everything over a certain size needs an ROI estimate here.",
            ]),
        "product_fit": ThemeWords(
            positive: [
                "The product fit our workflow almost out of the box.",
                "It has the features we need and nothing we would have to work around.",
                "It meets our needs today, and the roadmap covers next year.",
                "The functionality matched how {team} actually works.",
            ],
            negative: [
                "The functionality did not fit the way we work.",
                "Too many features we would never use, and not the workflow we needed.",
                "It just did not meet our needs as a {industry} business.",
                "The fit with our processes was weaker than we hoped.",
            ],
            neutral: [
                "Most of the shortlist had similar features.",
                "We scored every option on fit with our workflow.",
            ]),
        "ease_of_use": ThemeWords(
            positive: [
                "It is easy to use; our team was productive in the first week.",
                "The interface is intuitive, and people barely needed training.",
                "Everyone who tried the trial called it user friendly.",
                "The learning curve was gentle, even for the least technical people in {team}.",
            ],
            negative: [
                "The interface felt clunky next to what our people use today.",
                "Our users found the set-up screens confusing.",
                "The learning curve worried our managers.",
                "It was not easy enough for people who use it once a week.",
            ],
            neutral: [
                "Our users wanted something easy to learn, which most tools on the list were.",
                "Ease of use mattered more to the people on the floor than to management.",
            ]),
        "performance_scale": ThemeWords(
            positive: [
                "It stayed fast even with our full volume of transactions.",
                "Reliability in the pilot was excellent.",
                "It scales to our peak season without trouble.",
            ],
            negative: [
                "The pilot was slow once we loaded a realistic volume of data.",
                "We had doubts about performance at our scale.",
                "Uptime during the trial was not what we need.",
                "Reports took minutes to load, which our people would never accept.",
            ],
            neutral: [
                "We tested performance with a sample of last year's data.",
                "Volume is high in our busy months, so scale was on the checklist.",
            ]),
        "missing_capability": ThemeWords(
            positive: [
                "The one gap we found was closed in the next release.",
                "Nothing important was missing for us.",
                "Your roadmap already covered the two things we asked about.",
            ],
            negative: [
                "Multi-entity consolidation was missing, and that was a must-have.",
                "The product does not support our approval workflow.",
                "Key reporting was only on the roadmap, not available today.",
                "We ran into a gap around {team} permissions that nobody could close.",
                "The lack of an offline mode ruled you out.",
                "It could not handle multiple currencies the way we need.",
            ],
            neutral: [
                "We raised a couple of feature requests, which is normal.",
                "Every option had some gap; the question was which one we could live with.",
            ]),
        "implementation_risk": ThemeWords(
            positive: [
                "The implementation plan was clear and realistic.",
                "Onboarding was well organised, and the rollout went to plan.",
                "Your team took the migration risk off our hands.",
            ],
            negative: [
                "The implementation plan looked risky for a team with our resources.",
                "Migration from our old system would have taken most of a year.",
                "We did not believe the rollout timeline.",
                "The deployment needed more of our own people than we could spare.",
            ],
            neutral: [
                "We asked every vendor for a deployment plan.",
                "Implementation effort is always a worry for a team our size.",
            ]),
        "time_to_value": ThemeWords(
            positive: [
                "We saw a quick win within weeks.",
                "The timeline to go live was short, and you stuck to it.",
                "Time to value was the best of the shortlist.",
            ],
            negative: [
                "{n} months to go live was far too long for us.",
                "Time to value was the problem: we needed results this year.",
                "Nobody could tell us how long it would take before we saw anything.",
            ],
            neutral: [
                "We asked each vendor how long it would take.",
                "The timeline mattered because of our planning cycle.",
            ]),
        "change_management": ThemeWords(
            positive: [
                "The training plan made adoption easy.",
                "Your change management advice helped us win over the sceptics.",
                "Adoption in {team} was faster than anything we have rolled out before.",
            ],
            negative: [
                "We worried about adoption; our people resist new tools.",
                "The training effort looked heavy.",
                "Old habits are hard to change, and we saw little change management support.",
                "There was real resistance from the people who would have used it every day.",
            ],
            neutral: [
                "Adoption is always a concern for us.",
                "Any new tool means training {n} teams.",
            ]),
        "integration": ThemeWords(
            positive: [
                "The ERP connector worked on day one.",
                "The API made it easy to integrate with our existing systems.",
                "Data flows into our CRM without any manual steps.",
            ],
            negative: [
                "The integration with our ERP was weaker than we needed.",
                "There was no ready-made connector for our CRM.",
                "Getting data in and out through the API looked like a project in itself.",
                "It was not compatible with our existing systems without custom work.",
                "We would have had to keep re-keying data between two systems.",
            ],
            neutral: [
                "Integration with the ERP was on everyone's checklist.",
                "Our data lives in {n} different systems today.",
            ]),
        "security_compliance": ThemeWords(
            positive: [
                "Your SOC 2 report made the security review painless.",
                "Compliance signed off quickly.",
                "Privacy and data residency answers were ready before we asked.",
            ],
            negative: [
                "The security review dragged on for months.",
                "Data residency in the EU was a hard requirement we could not tick off.",
                "Compliance had open questions about GDPR that were never fully answered.",
                "Our audit team was not comfortable with how access is logged.",
            ],
            neutral: [
                "Every vendor went through the same security review.",
                "In {industry} compliance reviews are part of every purchase.",
            ]),
        "support": ThemeWords(
            positive: [
                "Support during the trial was excellent.",
                "The customer success team already feels like part of ours.",
                "The service levels in the SLA were better than anyone else's.",
            ],
            negative: [
                "We were not convinced by the support model.",
                "The SLA on offer was weaker than what we have today.",
                "Response time from the help desk during the trial was slow.",
                "Support in our time zone was thin.",
            ],
            neutral: [
                "We asked about support hours across time zones.",
                "Account management matters to us after the contract is signed.",
            ]),
        "relationship_trust": ThemeWords(
            positive: [
                "We trust your team.",
                "It felt like a partner relationship from the start.",
                "Our confidence in you grew with every meeting.",
            ],
            negative: [
                "We never quite built the trust we needed.",
                "There was a credibility problem after the demo went wrong.",
                "We simply had more confidence in {competitor}.",
            ],
            neutral: [
                "Trust matters a lot for a decision this size.",
                "We look for a partner, not only a supplier.",
            ]),
        "incumbent_relationship": ThemeWords(
            positive: [
                "We were ready to leave our current provider, and you made the switch feel safe.",
                "Even with a long relationship with the incumbent, you made a stronger case.",
            ],
            negative: [
                "We already use {competitor} elsewhere, so they had a head start.",
                "Our current provider offered to extend the contract on better terms.",
                "A long relationship with the existing vendor was hard to walk away from.",
                "The incumbent was always going to be the safe choice.",
            ],
            neutral: [
                "The incumbent was in the running from the start.",
                "We already use two tools from our current provider.",
            ]),
        "sales_experience": ThemeWords(
            positive: [
                "The demo was built around our own data.",
                "Your sales team ran a clear process.",
                "The rep was honest about what the product could not do.",
                "The proposal was the easiest to compare.",
            ],
            negative: [
                "The sales team felt pushy toward the end of the quarter.",
                "The demo was generic and did not show our use case.",
                "The proposal arrived late and was hard to compare.",
                "The process felt built around your quarter, not our timeline.",
            ],
            neutral: [
                "The demo was similar to the others.",
                "We met the sales team {n} times.",
            ]),
        "responsiveness": ThemeWords(
            positive: [
                "Very responsive: quick answers, every time.",
                "Follow up after each meeting was prompt and useful.",
                "When we had questions, answers came the same day.",
            ],
            negative: [
                "We had to chase for answers more than once.",
                "Your team was slow to respond to our questions.",
                "Follow up after the demo took weeks.",
            ],
            neutral: [
                "We expected quick answers from every vendor.",
                "We sent the same list of questions to everyone and compared the answers.",
            ]),
        "business_understanding": ThemeWords(
            positive: [
                "Your team understood our business from the first call.",
                "They listened, and came back with a plan for {industry}.",
                "There was real industry knowledge on your side.",
            ],
            negative: [
                "It felt like you did not get our business.",
                "The pitch was generic, with little industry knowledge of {industry}.",
                "We never felt listened to.",
                "Your team's understanding of how {team} works was thin.",
            ],
            neutral: [
                "We wanted a vendor with a real understanding of {industry}.",
                "We explained our business {n} times to {n} different people.",
            ]),
        "competitor_strength": ThemeWords(
            positive: [
                "We looked hard at {competitor}, but your product was better for us.",
                "The alternative looked stronger on paper and weaker in the trial.",
                "Against the other vendor, you came out better on almost every point.",
            ],
            negative: [
                "In the end {competitor} had the stronger product for us.",
                "Their product was better at reporting.",
                "They offered a free pilot, which you did not.",
                "The other vendor had a better story for {industry}.",
                "{competitor} was simply the stronger alternative.",
            ],
            neutral: [
                "We also looked at {competitor} and one other alternative.",
                "Every competitor had something we liked.",
            ]),
        "references_proof": ThemeWords(
            positive: [
                "The reference call sealed it.",
                "The pilot gave us proof in our own data.",
                "You have a track record with similar companies.",
                "The case study from another {industry} company convinced the board.",
            ],
            negative: [
                "We could not find a reference customer of our size.",
                "There was no case study in {industry}.",
                "The proof of concept did not prove much.",
            ],
            neutral: [
                "We asked everyone for references from similar companies.",
                "A pilot is standard for us before any commitment.",
            ]),
        "vendor_viability": ThemeWords(
            positive: [
                "Your funding and growth put our viability questions to rest.",
                "We were reassured about your stability.",
            ],
            negative: [
                "We worried that you are too small for an account like ours.",
                "The board asked whether you would be around in five years.",
                "Rumours that you might be acquired made us nervous about stability.",
            ],
            neutral: [
                "Vendor stability is part of every review we do.",
                "We check the funding of every startup we buy from.",
            ]),
        "budget_timing": ThemeWords(
            positive: [
                "The budget was approved in time for the quarter.",
                "Timing worked out: we signed before the fiscal year closed.",
                "We had budget set aside, so timing was never a problem.",
            ],
            negative: [
                "The budget was frozen halfway through the evaluation.",
                "A hiring freeze and a spending freeze landed in the same quarter.",
                "The timing was wrong: the money moved to next year.",
                "Funding was cut at the end of the fiscal year.",
                "Every new spend needed the CFO's signature after the budget freeze.",
            ],
            neutral: [
                "It is a question of timing, not of interest.",
                "We expect budget in the next fiscal year.",
                "Not now does not mean never.",
                "Budgets are set in the fourth quarter here.",
            ]),
        "status_quo": ThemeWords(
            positive: [
                "Doing nothing was no longer an option for us.",
                "The status quo was costing too much, so this became a top priority.",
                "Leadership made it one of the year's priorities.",
            ],
            negative: [
                "Other projects took priority.",
                "In the end the status quo was the safer choice.",
                "We decided to keep what we have for another year.",
                "A reorganisation put everything on hold.",
                "Competing priorities won: the ERP upgrade came first.",
                "Spreadsheets are painful, but they work, and nobody wanted to change them now.",
            ],
            neutral: [
                "Priorities shift every quarter here.",
                "We have {n} other projects competing for the same people.",
            ]),
        "decision_process": ThemeWords(
            positive: [
                "The decision was quick once the right stakeholders were in the room.",
                "Sign off went through the committee in one meeting.",
                "Approval was easy because every stakeholder had seen the pilot.",
            ],
            negative: [
                "The decision sat with a committee that never met.",
                "A stakeholder who joined late vetoed it.",
                "We could not get approval from the board.",
                "Too many people had to sign off, and each wanted something different.",
            ],
            neutral: [
                "Every decision of this size goes to a committee.",
                "The decision involved {n} stakeholders across {team} and IT.",
            ]),
        "champion": ThemeWords(
            positive: [
                "Our champion in {team} pushed it through.",
                "The sponsor was convinced from the first demo onward.",
                "We had strong internal support from the start.",
            ],
            negative: [
                "Our champion left the company halfway through.",
                "Without an executive sponsor it stalled.",
                "There was little internal support beyond our own team.",
            ],
            neutral: [
                "The project needed a sponsor at director level.",
                "Someone in {team} has to advocate for a project like this.",
            ]),
        "procurement": ThemeWords(
            positive: [
                "Procurement was straightforward, and the contract terms were fair.",
                "Legal had no issues with the contract.",
            ],
            negative: [
                "Procurement pushed back on the contract terms.",
                "Legal review of the terms took longer than the evaluation.",
                "The vendor onboarding paperwork was too heavy.",
            ],
            neutral: [
                "Purchasing has its own process for any new contract.",
                "Every contract goes through legal here.",
            ]),
    ]

    /// How often each theme comes up, for wins, losses and no-decisions.
    static let outcomeWeights: [String: (win: Double, loss: Double, noDecision: Double)] = [
        "price_value": (3, 6, 3), "price_level": (1, 8, 2), "pricing_model": (2, 4, 2), "unclear_value": (1, 4, 6),
        "product_fit": (8, 4, 2), "ease_of_use": (9, 3, 1), "performance_scale": (4, 3, 1),
        "missing_capability": (1, 9, 2), "implementation_risk": (3, 5, 4), "time_to_value": (3, 3, 3),
        "change_management": (2, 2, 4), "integration": (5, 6, 2), "security_compliance": (2, 3, 2),
        "support": (4, 2, 1), "relationship_trust": (8, 2, 2), "incumbent_relationship": (1, 5, 3),
        "sales_experience": (4, 3, 2), "responsiveness": (4, 3, 1), "business_understanding": (5, 3, 2),
        "competitor_strength": (2, 8, 1), "references_proof": (5, 2, 1), "vendor_viability": (1, 2, 1),
        "budget_timing": (2, 2, 10), "status_quo": (1, 1, 10), "decision_process": (3, 3, 5), "champion": (3, 2, 5),
        "procurement": (2, 2, 3),
    ]

    /// The themes most likely to be an interview's primary reason, by outcome.
    static let primaryWeights: [Outcome: [String: Double]] = [
        .win: [
            "ease_of_use": 6, "relationship_trust": 5, "product_fit": 5, "references_proof": 3, "integration": 3,
            "business_understanding": 3, "price_value": 2, "support": 2, "time_to_value": 2,
        ],
        .loss: [
            "price_level": 6, "missing_capability": 6, "competitor_strength": 5, "integration": 3,
            "incumbent_relationship": 3, "price_value": 2, "implementation_risk": 2, "security_compliance": 1,
            "business_understanding": 1,
        ],
        .noDecision: [
            "status_quo": 7, "budget_timing": 7, "unclear_value": 3, "champion": 3, "decision_process": 2,
            "change_management": 1, "implementation_risk": 1,
        ],
    ]

    /// Themes a question draws out more (above 1) or less (below 1) than others.
    static let questionAffinity: [String: [String: Double]] = [
        "current_state": [
            "status_quo": 1.5, "integration": 1.5, "performance_scale": 1.5, "change_management": 1.3,
            "sales_experience": 0.2, "responsiveness": 0.2, "business_understanding": 0.2, "competitor_strength": 0.3,
            "procurement": 0.3, "price_level": 0.5, "pricing_model": 0.5,
        ],
        "gap_reason": [
            "change_management": 2, "status_quo": 1.5, "budget_timing": 1.5, "integration": 1.5, "champion": 1.3,
            "sales_experience": 0.2, "responsiveness": 0.2, "competitor_strength": 0.3,
        ],
        "decision_process": [
            "decision_process": 4, "champion": 3, "procurement": 3, "security_compliance": 1.5, "budget_timing": 1.5,
            "references_proof": 1.5, "ease_of_use": 0.5, "performance_scale": 0.5,
        ],
        "winner_reason": [
            "competitor_strength": 1.8, "product_fit": 1.5, "price_level": 1.3, "references_proof": 1.3,
            "procurement": 0.5, "decision_process": 0.5,
        ],
        "tipping_point": [
            "product_fit": 1.5, "ease_of_use": 1.3, "references_proof": 1.5, "relationship_trust": 1.3,
            "procurement": 0.5, "decision_process": 0.5,
        ],
        "our_shortfall": [
            "missing_capability": 1.5, "price_level": 1.3, "sales_experience": 1.3, "status_quo": 0.3,
        ],
        "do_differently": [
            "price_value": 1.3, "sales_experience": 1.5, "business_understanding": 1.5, "references_proof": 1.3,
        ],
        "sales_experience": [
            "sales_experience": 6, "responsiveness": 6, "business_understanding": 6, "relationship_trust": 2,
        ],
        "runner_up": ["competitor_strength": 5, "price_level": 1.5, "incumbent_relationship": 1.5],
        "near_miss": [
            "price_level": 1.5, "implementation_risk": 1.5, "vendor_viability": 2, "security_compliance": 1.5,
        ],
        "no_decision_reason": ["budget_timing": 2, "status_quo": 2, "unclear_value": 1.5, "champion": 1.5],
        "what_would_change": ["budget_timing": 2, "champion": 2, "unclear_value": 1.5, "status_quo": 1.5],
    ]

    /// Segments bring their own themes up: security in financial services, procurement in the public sector.
    static let industryAffinity: [String: [String: Double]] = [
        "Public Sector": ["procurement": 3, "budget_timing": 1.8, "decision_process": 1.5, "security_compliance": 1.5],
        "Education": ["budget_timing": 2, "procurement": 1.8, "ease_of_use": 1.3],
        "Financial Services": ["security_compliance": 3, "vendor_viability": 2, "integration": 1.3],
        "Healthcare": ["security_compliance": 2.5, "change_management": 1.5, "integration": 1.5],
        "Retail": ["price_level": 1.8, "price_value": 1.5, "performance_scale": 1.8],
        "Software": ["integration": 1.8, "product_fit": 1.3, "missing_capability": 1.5],
        "Manufacturing": ["integration": 1.6, "implementation_risk": 1.4, "change_management": 1.3],
        "Logistics": ["performance_scale": 1.6, "integration": 1.4, "time_to_value": 1.3],
    ]

    static let regionAffinity: [String: [String: Double]] = [
        "EMEA": ["security_compliance": 1.6, "procurement": 1.2],
        "APAC": ["support": 1.6, "responsiveness": 1.4],
        "LATAM": ["price_level": 1.4, "price_value": 1.3, "support": 1.3],
        "North America": ["competitor_strength": 1.2],
    ]

    /// What the buyer says first, before the themes, by question; some answers start straight with a theme.
    static let openers: [String: [String]] = [
        "current_state": [
            "Today we still run most of this on spreadsheets.",
            "The {team} team spends two days a week reconciling data by hand.",
            "Not much has changed since we started looking.",
            "We are managing, but only just.",
        ],
        "gap_reason": [
            "We tried to fix it ourselves twice.",
            "Mostly it comes down to a few things.",
            "It is not for lack of trying.",
        ],
        "decision_process": [
            "We ran a formal evaluation with a shortlist of three.",
            "It started with a request from {team}, then a shortlist, then a pilot.",
            "We issued an RFP and had {n} vendors respond.",
        ],
        "winner_reason": ["It came down to a few things.", "Looking back, it was clear quite early."],
        "tipping_point": ["The moment was the second demo.", "It was clear after the pilot."],
        "our_shortfall": ["To be frank:", "A couple of things."],
        "do_differently": ["If I am honest:", "Two things would have changed it."],
        "runner_up": ["{competitor} came closest.", "It was close for a while."],
        "near_miss": ["We nearly walked away once.", "There was a wobble near the end."],
        "no_decision_reason": ["We paused it in the last quarter.", "Nobody said no; it just stopped."],
        "what_would_change": ["A few things could bring it back.", "It will come back, I am sure of that."],
        "uncovered": [
            "The CRM lists {reason} as the reason; the buyer told a fuller story.",
            "The buyer's account differs from the CRM's {reason}.",
            "Consistent with the CRM's {reason}, with more detail.",
        ],
    ]

    /// Answers to the text questions that are not coded with themes, by metric role or question id.
    static let plainAnswers: [String: [String]] = [
        "measurement": [
            "Hours spent on manual reconciliation each week.",
            "Days to close the month.",
            "The error rate on orders.",
            "Customer churn, quarter by quarter.",
            "Time to onboard a new customer.",
            "We do not really measure it yet.",
            "Tickets resolved on the first contact.",
            "Cost per transaction.",
        ],
        "planned_state": [
            "We wanted to close the month in {n} days by the end of the year.",
            "Halve the manual work within a year.",
            "Errors under one percent by next summer.",
            "One system for {team} and IT by the next fiscal year.",
            "No target was ever written down.",
        ],
        "competitors_considered": [
            "{competitor}, and keeping our spreadsheets.",
            "{competitor} and building it ourselves.",
            "Three vendors, {competitor} among them, and doing nothing.",
            "{competitor}, one smaller vendor, and our current provider's upgrade.",
        ],
        "": [
            "Nothing to add.",
            "It was a useful conversation.",
            "We will see how the next quarter goes.",
        ],
    ]

    /// Private notes interviewers add to some answers, by question.
    static let notes: [String: [String]] = [
        "preferred_vendor": [
            "Named {competitor} as the early favourite.",
            "Favoured {competitor} before we were engaged; said so openly.",
        ],
        "decision_participants": [
            "Finance joined late and cared mostly about the payback period.",
            "IT had a veto and used it for the integration questions.",
            "The executive sponsor changed halfway through.",
        ],
        "gap_value": ["Rough figure; the buyer would not commit to it.", "Figure checked with their finance lead."],
    ]

    static let teams = ["finance", "IT", "operations", "sales ops", "procurement", "customer service"]
}
