// Generated from Templates/ by Scripts/embed-templates.sh; do not edit. A test keeps it identical to Templates/.

/// The built-in templates and codebook, compiled into the binary so that they are found wherever it runs.
enum BuiltInTemplates {
    static let files: [(name: String, text: String)] = [
        (
            "codebook.yaml",
            #"""
            # The themes interview answers are coded with. Ids are stable: rename a label freely, but never reuse an id for
            # something else. Keywords suggest a theme for an answer; they are matched with stemming, so "price" also finds
            # "priced" and "pricing".
            version: "1"
            themes:
              - id: price_value
                label: Price and value
                description: What the buyer paid or would have paid, against the value they expected.
                keywords: [price, cost, expensive, cheap, budget, discount, value for money, return on investment, roi]
                themes:
                  - id: price_level
                    label: Price level
                    description: The amount itself was too high, or lower than the alternatives.
                    keywords: [expensive, too much, cheaper, price tag, overpriced]
                  - id: pricing_model
                    label: Pricing model
                    description: How the price is structured, such as per seat, usage, tiers or contract length.
                    keywords: [per seat, licence, license, subscription, usage based, tier, contract term, commitment]
                  - id: unclear_value
                    label: Unclear value
                    description: The buyer could not see or prove a return that justified the spend.
                    keywords: [business case, justify, return on investment, roi, payback, not worth]

              - id: product_fit
                label: Product fit
                description: How well the product matched the buyer's needs and way of working.
                keywords: [fit, features, functionality, usability, easy to use, workflow, meets our needs]
                themes:
                  - id: ease_of_use
                    label: Ease of use
                    description: How easy the product was to learn and use day to day.
                    keywords: [easy, intuitive, clunky, confusing, user friendly, learning curve]
                  - id: performance_scale
                    label: Performance and scale
                    description: Speed, reliability and capacity at the buyer's volume.
                    keywords: [slow, fast, performance, scale, reliability, uptime, volume]

              - id: missing_capability
                label: Missing capability
                description: Something the buyer needed that the product could not do, or not yet.
                keywords: [missing, lack, gap, roadmap, not available, could not, does not support, feature request]

              - id: implementation_risk
                label: Implementation and onboarding risk
                description: Doubts about getting the product live, on time, with the effort the buyer could spare.
                keywords: [implementation, onboarding, rollout, migration, deployment, time to value, resources, risk]
                themes:
                  - id: time_to_value
                    label: Time to value
                    description: How long before the buyer would see results.
                    keywords: [months to go live, time to value, quick win, how long, timeline]
                  - id: change_management
                    label: Change management
                    description: Getting people to adopt a new way of working.
                    keywords: [adoption, training, change management, resistance, habits]

              - id: integration
                label: Integration
                description: Fitting with the buyer's existing systems and data.
                keywords: [integration, integrate, api, connector, data, erp, crm, compatible, existing systems]

              - id: security_compliance
                label: Security and compliance
                description: Security reviews, certifications, data protection and regulation.
                keywords: [security, compliance, gdpr, soc 2, iso 27001, audit, data residency, privacy, risk review]

              - id: support
                label: Support
                description: The help the buyer expected after buying, and how much they trusted it.
                keywords: [support, service, help desk, customer success, response time, sla, account management]

              - id: relationship_trust
                label: Relationship and trust
                description: Trust in the vendor and its people, including an existing relationship with a competitor.
                keywords: [trust, relationship, credibility, confidence, partner, known them]
                themes:
                  - id: incumbent_relationship
                    label: Incumbent relationship
                    description: An existing vendor already in place or already trusted.
                    keywords: [incumbent, existing vendor, already use, current provider, long relationship]

              - id: sales_experience
                label: The sales experience
                description: How the buyer experienced our sales team and process.
                keywords: [sales team, rep, salesperson, demo, proposal, pushy, process]
                themes:
                  - id: responsiveness
                    label: Responsiveness
                    description: How quickly and reliably the buyer got answers.
                    keywords: [responsive, slow to respond, quick, follow up, answers, chased]
                  - id: business_understanding
                    label: Understanding of the buyer's business
                    description: Whether our team understood the buyer's problem, industry and goals.
                    keywords: [understood, understanding, listened, generic, did not get, our business, industry knowledge]

              - id: competitor_strength
                label: Competitor strengths
                description: What the buyer saw in another option that made it stand out.
                keywords: [competitor, alternative, better, stronger, they offered, their product, other vendor]

              - id: references_proof
                label: References and proof
                description: Evidence that the product works for companies like the buyer's.
                keywords: [reference, case study, proof, pilot, proof of concept, similar companies, track record]

              - id: vendor_viability
                label: Vendor viability
                description: Doubts about the vendor's size, funding, stability or future.
                keywords: [viability, startup, too small, funding, stability, acquired, around in five years]

              - id: budget_timing
                label: Budget and timing
                description: Money not available, or not available now; the timing of the decision.
                keywords: [budget, timing, fiscal year, next year, freeze, not now, funding, quarter]

              - id: status_quo
                label: Internal priorities and the status quo
                description: Other priorities won, or keeping things as they are seemed safer.
                keywords: [priority, priorities, status quo, do nothing, keep what we have, other projects, reorganisation]

              - id: decision_process
                label: The decision process and its stakeholders
                description: How the buyer decided and who was involved, including missing sponsors and late vetoes.
                keywords: [decision, stakeholder, sponsor, champion, committee, approval, sign off, procurement, veto]
                themes:
                  - id: champion
                    label: Champion
                    description: Whether someone inside the buyer argued for the purchase.
                    keywords: [champion, advocate, internal support, left the company, sponsor]
                  - id: procurement
                    label: Procurement and legal
                    description: Purchasing rules, contract terms and legal review.
                    keywords: [procurement, legal, contract, terms, purchasing, vendor onboarding, paperwork]

            """#
        ),
        (
            "loss.yaml",
            #"""
            # The loss interview: the buyer's own situation (the gap), how they decided, why they chose someone else,
            # and whether we were ever really in the running.
            id: loss
            version: "2"
            title: Loss interview
            outcomes: [loss]

            introduction: |
              Thank you for making time for this. I work on the customer side of our company, not in sales, and I was not
              part of your evaluation. We talk to buyers after every decision, whichever way it went, because it is the
              only honest way to learn what we do well and what we do not. There are no wrong answers, nothing you say is
              a sales conversation, and you can skip any question. It takes about forty minutes.

            guidance: |
              You are here to learn, not to win the deal back. Never defend the product, correct the buyer or argue with a
              reason you disagree with: thank them, and ask what led them there. Ask one question at a time, let silences
              run, and probe with the buyer's own words. Write answers down as close to verbatim as you can: the exact
              words are what a sales leader will read. Record the consent choices before the first question.

            sections:
              - title: Where you are
                guidance: |
                  The gap questions come first, before any talk of vendors. They show what was at stake for the buyer, in
                  their own terms, and they make the value of the deal comparable across interviews.
                questions:
                  - id: current_state
                    prompt: Where does your team stand today on the problem that started this evaluation?
                    type: long_text
                    required: true
                    metric: current_state
                    themes: true
                    guidance: |
                      Let them describe the situation in their own words. If they jump to vendors, bring them back gently:
                      "Before we get to the vendors, what was happening in the business?"
                    probes:
                      - What does that look like on an ordinary day?
                      - Who feels it most?

                  - id: measurement
                    prompt: How do you measure that situation?
                    type: short_text
                    metric: measurement
                    guidance: |
                      You want their metric, not ours: hours lost, error rate, revenue, churn, days to close. If they have no
                      measure, write that down; it matters as much as a number.
                    probes:
                      - Which number would your manager look at first?

                  - id: planned_state
                    prompt: Where had you planned to be by now, on that same measure?
                    type: long_text
                    metric: planned_state
                    guidance: Ask for the target they had set, with its date if there was one.
                    probes:
                      - Who set that target, and when?

                  - id: gap_reason
                    prompt: What has kept you from getting there?
                    type: long_text
                    metric: gap_reason
                    themes: true
                    guidance: |
                      This is the heart of the gap. Stay curious and ask for examples; do not suggest answers, and do not
                      mention how a product would help.
                    probes:
                      - What have you tried so far?
                      - What got in the way?

                  - id: gap_value
                    prompt: What would closing that gap be worth to your business?
                    type: money
                    period: year
                    metric: gap_value
                    guidance: |
                      Ask for their own estimate in money for a period, and write the period they use ("EUR 200k a year").
                      If they answer in their own metric, ask how it converts. A rough figure is far better than none.
                    probes:
                      - How did you arrive at that figure?

                  - id: inaction_cost
                    prompt: What does it cost you for each year the gap stays open?
                    type: money
                    period: year
                    metric: inaction_cost
                    guidance: |
                      The cost of doing nothing: lost revenue, extra staff, penalties, risk. It may differ from the value of
                      closing the gap; record both as the buyer states them.

                  - id: ownership_years
                    prompt: Over how many years do you expect to use the solution you chose?
                    type: number
                    unit: years
                    min: 1
                    max: 20
                    metric: ownership_years
                    guidance: |
                      With the yearly value above, this gives the value at stake over the life of the decision. Take their
                      planning horizon; three to five years is common.

              - title: How you decided
                questions:
                  - id: decision_process
                    prompt: How did your team go about this decision, from the first conversation to the signature?
                    type: long_text
                    required: true
                    metric: decision_process
                    themes: true
                    guidance: |
                      Listen for the steps, the order, and where things sped up or stalled. Ask about the moments that
                      mattered, not for a formal procedure.
                    probes:
                      - What happened first?
                      - Where did the decision really get made?

                  - id: decision_participants
                    prompt: Who took part in the decision, and what did each of them care about most?
                    type: multiple_choice
                    metric: decision_participants
                    choices:
                      - id: executive
                        label: An executive sponsor
                      - id: finance
                        label: Finance
                      - id: it
                        label: IT or engineering
                      - id: security
                        label: Security or compliance
                      - id: procurement
                        label: Procurement or legal
                      - id: operations
                        label: The business team that owns the problem
                      - id: users
                        label: The people who would use it every day
                      - id: external
                        label: Consultants or advisers
                    guidance: |
                      Tick everyone involved, and write down in a note what each cared about. Listen for anyone who joined
                      late or had a veto: that is often where a deal turned.
                    probes:
                      - Who had the final say?
                      - Who joined late?

                  - id: competitors_considered
                    prompt: Which options did you weigh, including building it yourselves or changing nothing?
                    type: long_text
                    metric: competitors_considered
                    guidance: Write every option they name, in their words, including "do nothing" and in-house builds.

              - title: The choice
                questions:
                  - id: winner_reason
                    prompt: What made the option you chose the right one for you?
                    type: long_text
                    required: true
                    metric: winner_reason
                    themes: true
                    guidance: |
                      Let them praise the winner without interruption; the strengths they name are the most useful part of
                      the interview. Do not compare, and do not correct them about our product.
                    probes:
                      - What did they show you that convinced you?
                      - What would you have missed without it?

                  - id: our_shortfall
                    prompt: Where did we fall short of what you needed?
                    type: long_text
                    themes: true
                    guidance: |
                      Thank them for candour and ask for specifics. If they name something we do have, do not say so: ask how
                      they formed that view, which tells us more.
                    probes:
                      - When did you first feel that?
                      - What would have changed your mind?

                  - id: preferred_vendor
                    prompt: Before we were involved, which vendor, if any, was your team already leaning towards?
                    type: yes_no
                    metric: preferred_vendor
                    guidance: |
                      The column-fodder check: answer yes if a favourite existed before our first meeting, and name it in a
                      note. Ask it neutrally and without blame; either answer is useful.
                    probes:
                      - What made them the early favourite?

                  - id: first_contact_with_winner
                    prompt: How many months before our first meeting had you started talking to them?
                    type: months
                    metric: first_contact_with_winner
                    when:
                      question: preferred_vendor
                      equals: "yes"
                    guidance: A rough figure is enough; zero if the conversations started at the same time.

                  - id: sales_experience
                    prompt: How would you describe working with our team during the evaluation?
                    type: long_text
                    themes: true
                    guidance: |
                      Listen for responsiveness and for how well our team understood their business. Do not name or defend
                      the rep.
                    probes:
                      - How well did we understand what you were trying to achieve?
                      - How quickly did you get answers?

                  - id: do_differently
                    prompt: What would we have had to do differently to win your business?
                    type: long_text
                    themes: true
                    guidance: Write their words down exactly; this answer is often quoted in reviews.

                  - id: look_again
                    prompt: When this choice comes up for review, at renewal or sooner, how would you feel about including us?
                    type: yes_no
                    metric: would_reconsider
                    guidance: |
                      Answer yes only if they would genuinely consider us again; a polite "maybe" is a no. Do not use the
                      answer to reopen the deal during the call: a rep will call when the time comes.

                  - id: revisit_when
                    prompt: When is that choice likely to come up again?
                    type: date
                    metric: revisit_when
                    when:
                      question: look_again
                      equals: "yes"
                    guidance: |
                      The renewal of the contract they signed, the end of a pilot, the next budget round: record a date. If
                      they cannot say, leave it, and the callback list will use its default.

              - title: After the interview
                audience: interviewer
                guidance: Fill this in straight after the call, while the conversation is fresh.
                questions:
                  - id: uncovered
                    prompt: What did this interview uncover that the CRM record does not show?
                    type: long_text
                    metric: uncovered
                    themes: true
                    guidance: Compare with the CRM's stated reason; note where the buyer's account differs.

                  - id: openness
                    prompt: How open is the buyer to considering something new in the future?
                    type: scale
                    min: 1
                    max: 5
                    labels:
                      1: Not at all
                      3: Would listen
                      5: Actively looking
                    metric: openness
                    guidance: Judge from what they said, not from politeness.

                  - id: next_step_committed
                    prompt: Did the buyer commit to a next step, such as a follow-up call, an introduction or a date to talk again?
                    type: yes_no
                    metric: next_step_committed
                    guidance: Only a concrete commitment counts; "keep in touch" is not one.

                  - id: candor
                    prompt: How candid was the buyer?
                    type: scale
                    min: 1
                    max: 5
                    labels:
                      1: Guarded
                      5: Very open
                    metric: candor
                    guidance: This weighs the interview when themes are compared; be honest.

            """#
        ),
        (
            "no-decision.yaml",
            #"""
            # The no-decision interview: the buyer's own situation (the gap, which is still open), why nothing was decided,
            # and when to come back. Next year's first calls start from these answers.
            id: no-decision
            version: "1"
            title: No-decision interview
            outcomes: [no_decision]

            introduction: |
              Thank you for making time for this. I work on the customer side of our company, not in sales, and I was not
              part of your evaluation. When a project is put on hold we like to understand why, because it teaches us a
              great deal about timing and priorities. This is not a sales call, there are no wrong answers, and you can skip
              any question. It takes about thirty minutes.

            guidance: |
              The buyer chose nothing, which usually means the gap is still there. Your aim is to understand the gap, what it
              costs them to wait, and what would make it a priority again, so that a rep can call at the right moment with
              the right context. Do not try to revive the deal during the call: do not defend the product, and never argue
              with the decision. Record the consent choices before the first question; they decide what the rep may later
              see.

            sections:
              - title: Where you are
                guidance: |
                  The gap questions matter most here: the cost of waiting and the value of acting are what a rep needs
                  before calling again.
                questions:
                  - id: current_state
                    prompt: Where does your team stand today on the problem that started this evaluation?
                    type: long_text
                    required: true
                    metric: current_state
                    themes: true
                    guidance: Let them describe the situation in their own words, as it is now.
                    probes:
                      - Has anything changed since you paused the project?
                      - Who feels it most?

                  - id: measurement
                    prompt: How do you measure that situation?
                    type: short_text
                    metric: measurement
                    guidance: You want their metric, not ours. If they have none, write that down.
                    probes:
                      - Which number would your manager look at first?

                  - id: planned_state
                    prompt: Where had you planned to be by now, on that same measure?
                    type: long_text
                    metric: planned_state
                    guidance: Ask for the target they had set, with its date if there was one.

                  - id: gap_reason
                    prompt: What has kept you from getting there?
                    type: long_text
                    metric: gap_reason
                    themes: true
                    guidance: Ask for examples; do not suggest answers.
                    probes:
                      - What have you tried so far?

                  - id: gap_value
                    prompt: What would closing that gap be worth to your business?
                    type: money
                    period: year
                    metric: gap_value
                    guidance: |
                      Ask for their own estimate in money for a period, and write the period they use. If they answer in
                      their own metric, ask how it converts.
                    probes:
                      - How did you arrive at that figure?

                  - id: inaction_cost
                    prompt: What does waiting cost you for each year the gap stays open?
                    type: money
                    period: year
                    metric: inaction_cost
                    guidance: |
                      The single most useful figure for the rep who calls next year. Ask for their estimate, not ours, and
                      write down what it is made of.
                    probes:
                      - What would make that cost go up?

                  - id: ownership_years
                    prompt: Over how many years would you expect to use a solution, once you choose one?
                    type: number
                    unit: years
                    min: 1
                    max: 20
                    metric: ownership_years
                    guidance: With the yearly cost of waiting, this shows what the decision is worth over its life.

              - title: How the decision went
                questions:
                  - id: decision_process
                    prompt: How far did your team get with the decision, and where did it stop?
                    type: long_text
                    required: true
                    metric: decision_process
                    themes: true
                    guidance: Listen for the moment the project lost momentum, and who was in the room.
                    probes:
                      - What happened in the last few weeks before it paused?

                  - id: decision_participants
                    prompt: Who took part in the decision, and who would need to be involved next time?
                    type: multiple_choice
                    metric: decision_participants
                    choices:
                      - id: executive
                        label: An executive sponsor
                      - id: finance
                        label: Finance
                      - id: it
                        label: IT or engineering
                      - id: security
                        label: Security or compliance
                      - id: procurement
                        label: Procurement or legal
                      - id: operations
                        label: The business team that owns the problem
                      - id: users
                        label: The people who would use it every day
                      - id: external
                        label: Consultants or advisers
                    guidance: |
                      Tick everyone involved, and write down who was missing: a no-decision often means the right person was
                      never in the room.

                  - id: competitors_considered
                    prompt: Which options did you weigh, including building it yourselves or keeping things as they are?
                    type: long_text
                    metric: competitors_considered
                    guidance: Write every option they name, in their words, including the status quo.

              - title: Why nothing was decided
                questions:
                  - id: no_decision_reason
                    prompt: What led your team to leave things as they are for now?
                    type: long_text
                    required: true
                    metric: no_decision_reason
                    themes: true
                    guidance: |
                      Budget, timing, other priorities, risk, a reorganisation: let them name it. Probe for the reason behind
                      the reason; "budget" often means the value was not clear enough.
                    probes:
                      - What took priority instead?
                      - Who decided to pause?

                  - id: what_would_change
                    prompt: What would have to change for this to become a priority again?
                    type: long_text
                    themes: true
                    guidance: |
                      Listen for events a rep can watch for: a new budget year, a hire, an audit, a failure.

                  - id: revisit_when
                    prompt: When would it make sense for us to talk again?
                    type: date
                    metric: revisit_when
                    guidance: |
                      Record a date. If they say "after the budget round in March", note 1 April; if they cannot say, leave it
                      and the callback list will use its default.

                  - id: sales_experience
                    prompt: How would you describe working with our team during the evaluation?
                    type: long_text
                    themes: true
                    guidance: Listen for responsiveness and for how well we understood their business.

              - title: After the interview
                audience: interviewer
                guidance: Fill this in straight after the call, while the conversation is fresh.
                questions:
                  - id: uncovered
                    prompt: What did this interview uncover that the CRM record does not show?
                    type: long_text
                    metric: uncovered
                    themes: true
                    guidance: Compare with the CRM's stated reason; note where the buyer's account differs.

                  - id: openness
                    prompt: How open is the buyer to taking the project up again?
                    type: scale
                    min: 1
                    max: 5
                    labels:
                      1: Not at all
                      3: Would listen
                      5: Actively looking
                    metric: openness
                    guidance: Judge from what they said, not from politeness.

                  - id: next_step_committed
                    prompt: Did the buyer commit to a next step, such as a date to talk again or an introduction?
                    type: yes_no
                    metric: next_step_committed
                    guidance: Only a concrete commitment counts; "keep in touch" is not one.

                  - id: candor
                    prompt: How candid was the buyer?
                    type: scale
                    min: 1
                    max: 5
                    labels:
                      1: Guarded
                      5: Very open
                    metric: candor
                    guidance: This weighs the interview when themes are compared; be honest.

            """#
        ),
        (
            "win.yaml",
            #"""
            # The win interview: the buyer's own situation (the gap), how they decided, and what tipped it our way,
            # told by the buyer rather than by the rep who won it.
            id: win
            version: "1"
            title: Win interview
            outcomes: [win]

            introduction: |
              Thank you for making time for this, and for choosing us. I work on the customer side of our company, not in
              sales, and I was not part of your evaluation. We talk to buyers after every decision, because hearing how you
              decided teaches us more than our own view of it. There are no wrong answers, and you can skip any question.
              It takes about thirty minutes.

            guidance: |
              A win interview is not a celebration or an upsell. Ask about the doubts and the close calls as carefully as
              about what went well: the reasons we nearly lost are the most valuable part. Do not defend the product or argue
              with a doubt they raise, and never correct their view of a competitor. Write answers down as close to verbatim
              as you can, and record the consent choices before the first question.

            sections:
              - title: Where you are
                guidance: |
                  The gap questions come first. For a win they describe the situation the buyer bought us to change, in their
                  terms, and the value they expect; later interviews can hold us to it.
                questions:
                  - id: current_state
                    prompt: Where does your team stand today on the problem that led you to look for a solution?
                    type: long_text
                    required: true
                    metric: current_state
                    themes: true
                    guidance: |
                      Let them describe the situation in their own words, as it was when they started looking. Keep product
                      talk out of it for now.
                    probes:
                      - What does that look like on an ordinary day?
                      - Who feels it most?

                  - id: measurement
                    prompt: How do you measure that situation?
                    type: short_text
                    metric: measurement
                    guidance: |
                      You want their metric, not ours. If they have no measure yet, write that down: it tells customer success
                      what to set up first.
                    probes:
                      - Which number would your manager look at first?

                  - id: planned_state
                    prompt: Where do you plan to be, on that same measure, and by when?
                    type: long_text
                    metric: planned_state
                    guidance: Ask for the target and its date; this is the promise the purchase has to keep.

                  - id: gap_reason
                    prompt: What has kept you from getting there until now?
                    type: long_text
                    metric: gap_reason
                    themes: true
                    guidance: Ask for examples, and do not suggest that the product will fix them.
                    probes:
                      - What have you tried so far?

                  - id: gap_value
                    prompt: What is closing that gap worth to your business?
                    type: money
                    period: year
                    metric: gap_value
                    guidance: |
                      Ask for their own estimate in money for a period, and write the period they use. If they answer in
                      their own metric, ask how it converts.
                    probes:
                      - How did you arrive at that figure?

                  - id: inaction_cost
                    prompt: What would it have cost you to leave things as they were for another year?
                    type: money
                    period: year
                    metric: inaction_cost
                    guidance: The cost of doing nothing, as the buyer sees it; it may differ from the value above.

                  - id: ownership_years
                    prompt: Over how many years do you expect to use what you bought?
                    type: number
                    unit: years
                    min: 1
                    max: 20
                    metric: ownership_years
                    guidance: With the yearly value, this gives the value of the decision over its life.

              - title: How you decided
                questions:
                  - id: decision_process
                    prompt: How did your team go about this decision, from the first conversation to the signature?
                    type: long_text
                    required: true
                    metric: decision_process
                    themes: true
                    guidance: Listen for the steps, the order, and where things sped up or stalled.
                    probes:
                      - Where did the decision really get made?

                  - id: decision_participants
                    prompt: Who took part in the decision, and what did each of them care about most?
                    type: multiple_choice
                    metric: decision_participants
                    choices:
                      - id: executive
                        label: An executive sponsor
                      - id: finance
                        label: Finance
                      - id: it
                        label: IT or engineering
                      - id: security
                        label: Security or compliance
                      - id: procurement
                        label: Procurement or legal
                      - id: operations
                        label: The business team that owns the problem
                      - id: users
                        label: The people who would use it every day
                      - id: external
                        label: Consultants or advisers
                    guidance: Tick everyone involved, and write down in a note what each cared about.
                    probes:
                      - Who had the final say?

                  - id: competitors_considered
                    prompt: Which other options did you weigh, including building it yourselves or changing nothing?
                    type: long_text
                    metric: competitors_considered
                    guidance: Write every option they name, in their words.

              - title: The choice
                questions:
                  - id: tipping_point
                    prompt: What tipped the decision our way?
                    type: long_text
                    required: true
                    metric: tipping_point
                    themes: true
                    guidance: |
                      Ask for the moment, not the list of features: a demonstration, a reference call, a person, a price.
                      Press gently for the one thing that mattered most.
                    probes:
                      - When did you know?
                      - If you had to name one reason, which would it be?

                  - id: runner_up
                    prompt: Which option came closest, and what would have made you choose it?
                    type: long_text
                    themes: true
                    guidance: Do not argue with what they admired in the runner-up; write it down.

                  - id: near_miss
                    prompt: What almost stopped you from choosing us?
                    type: long_text
                    themes: true
                    guidance: |
                      The most useful question of a win interview. Give it time; the first answer is usually polite, the
                      second one true.
                    probes:
                      - What worried the others on your team?

                  - id: sales_experience
                    prompt: How would you describe working with our team during the evaluation?
                    type: long_text
                    themes: true
                    guidance: Listen for responsiveness and for how well we understood their business.
                    probes:
                      - How well did we understand what you were trying to achieve?

              - title: After the interview
                audience: interviewer
                guidance: Fill this in straight after the call, while the conversation is fresh.
                questions:
                  - id: uncovered
                    prompt: What did this interview uncover that the CRM record does not show?
                    type: long_text
                    metric: uncovered
                    themes: true
                    guidance: Compare with the CRM's stated reason; note where the buyer's account differs.

                  - id: openness
                    prompt: How open is the buyer to considering more from us in the future?
                    type: scale
                    min: 1
                    max: 5
                    labels:
                      1: Not at all
                      3: Would listen
                      5: Actively looking
                    metric: openness
                    guidance: Judge from what they said, not from politeness.

                  - id: next_step_committed
                    prompt: Did the buyer commit to a next step, such as a reference, a case study or a follow-up call?
                    type: yes_no
                    metric: next_step_committed
                    guidance: Only a concrete commitment counts.

                  - id: candor
                    prompt: How candid was the buyer?
                    type: scale
                    min: 1
                    max: 5
                    labels:
                      1: Guarded
                      5: Very open
                    metric: candor
                    guidance: This weighs the interview when themes are compared; be honest.

            """#
        ),
    ]
}
