import Foundation
import GRDB

/// What `winloss terms` looks for: the words most distinctive of one outcome's interviews.
public struct TermRequest: Sendable {
    package var filter: DealFilter
    package var outcome: Outcome
    package var limit: Int
    /// A term used in fewer interviews than this, in all, is left out as noise.
    package var minimumInterviews: Int
    /// Two-word phrases too, beside single words.
    package var phrases: Bool

    /// A term no buyer who may be quoted used is shown only when at least this many interviews used it, whatever
    /// ``minimumInterviews`` says: a word only one or two buyers who asked not to be quoted used would point at
    /// them. Such a term still counts in every other term's score.
    package static let unattributableInterviews = 3

    public init(
        outcome: Outcome, filter: DealFilter = DealFilter(), limit: Int = 25, minimumInterviews: Int = 3,
        phrases: Bool = true
    ) {
        self.outcome = outcome
        self.filter = filter
        self.limit = limit
        self.minimumInterviews = minimumInterviews
        self.phrases = phrases
    }
}

/// A word or two-word phrase, with how distinctive it is of the outcome.
package struct DistinctiveTerm: Sendable, Codable, Equatable {
    package var term: String
    /// Interviews of the outcome that use it, of the outcome's interviews.
    package var inOutcome: Share
    /// Interviews of the other outcomes that use it, of theirs.
    package var inRest: Share
    /// The weighted log-odds z-score of the outcome against the rest (see ``LogOdds``), among terms of the same
    /// length (words with words, phrases with phrases).
    package var z: Double
    /// A codebook theme with this term among its keywords, if any: a term with none may be a theme the codebook
    /// does not have yet.
    package var themeID: String?
}

public struct TermReport: Sendable, Codable, Equatable {
    package var outcome: Outcome
    /// The filters, in words.
    package var scope: [String]
    /// Interviews read, by outcome.
    package var interviews: ByOutcome<Int>
    /// Most distinctive first.
    package var terms: [DistinctiveTerm]
}

extension WinLossStore {
    /// The words and two-word phrases buyers used most distinctively in one outcome's interviews against the
    /// others', by the weighted log-odds of ``LogOdds``, counting each interview once per term. Reads the text
    /// answers to the buyer's questions of completed interviews, one at a time.
    ///
    /// A term is shown only when a buyer who agreed to be quoted used it, or when it was used in at least
    /// ``TermRequest/unattributableInterviews`` interviews, so that no term points at a buyer who asked not to be
    /// quoted.
    public func distinctiveTerms(_ request: TermRequest) throws -> TermReport {
        try read { db in
            let sql: SQLRequest<Row> = """
                SELECT interview.id AS interviewID, deal.outcome AS outcome, answer.displayText AS text,
                       interview.quotePermission IN ('named', 'anonymous') AS quotable
                FROM interview
                JOIN deal ON deal.id = interview.dealID
                JOIN account ON account.id = deal.accountID
                JOIN person ON person.id = deal.repID
                JOIN answer ON answer.interviewID = interview.id
                JOIN templateQuestion AS question
                    ON question.templateVersionID = interview.templateVersionID AND question.questionID = answer.questionID
                WHERE interview.status = \(InterviewStatus.completed) AND question.audience = 'buyer'
                  AND question.kind IN ('short_text', 'long_text') AND answer.displayText IS NOT NULL
                  AND \(request.filter.condition)
                ORDER BY interview.id
                """
            var counts: [String: ByOutcome<Int>] = [:]
            // Terms a buyer who may be quoted used.
            var quotable: Set<String> = []
            var interviews = ByOutcome<Int>.zero
            var current: (id: Int64, outcome: Outcome, quotable: Bool)?
            var seen: Set<String> = []
            func finish() {
                guard let current else { return }
                interviews[current.outcome] += 1
                for term in seen { counts[term, default: .zero][current.outcome] += 1 }
                if current.quotable { quotable.formUnion(seen) }
                seen.removeAll(keepingCapacity: true)
            }
            let cursor = try sql.fetchCursor(db)
            while let row = try cursor.next() {
                let id: Int64 = row["interviewID"]
                guard let outcome = Outcome(rawValue: row["outcome"]) else { continue }
                if current?.id != id {
                    finish()
                    current = (id, outcome, row["quotable"] ?? false)
                }
                let words = Tokenizer.words(row["text"])
                seen.formUnion(words.compactMap { $0 })
                if request.phrases {
                    for (first, second) in zip(words, words.dropFirst()) {
                        if let first, let second { seen.insert(first + " " + second) }
                    }
                }
            }
            finish()
            let keywords = try Self.keywordThemes(in: db)
            var terms: [DistinctiveTerm] = []
            // Words are scored among words, phrases among phrases.
            for isPhrase in [false, true] {
                let vocabulary = counts.filter {
                    $0.key.contains(" ") == isPhrase && $0.value.total >= request.minimumInterviews
                }.sorted { $0.key < $1.key }
                let scores = LogOdds.zScores(
                    vocabulary.map { [$0.value[request.outcome], $0.value.total - $0.value[request.outcome]] })
                for ((term, count), z) in zip(vocabulary, scores) {
                    guard let z = z[0], z > 0,
                        quotable.contains(term) || count.total >= TermRequest.unattributableInterviews
                    else { continue }
                    let own = count[request.outcome]
                    terms.append(
                        DistinctiveTerm(
                            term: term, inOutcome: Share(own, of: interviews[request.outcome]),
                            inRest: Share(count.total - own, of: interviews.total - interviews[request.outcome]),
                            z: z, themeID: keywords[term]))
                }
            }
            terms.sort { ($1.z, $0.term) < ($0.z, $1.term) }
            return TermReport(
                outcome: request.outcome, scope: request.filter.summary, interviews: interviews,
                terms: Array(terms.prefix(request.limit)))
        }
    }

    /// Each keyword of the codebook, in lower case, with the first theme that has it.
    static func keywordThemes(in db: Database) throws -> [String: String] {
        var result: [String: String] = [:]
        for theme in try themes(in: db) where theme.mergedInto == nil {
            for keyword in theme.keywords {
                let key = Tokenizer.words(keyword).compactMap { $0 }.joined(separator: " ")
                if !key.isEmpty, result[key] == nil { result[key] = theme.id }
            }
        }
        return result
    }
}

/// Splits text into lower-case words for counting, leaving out the words that carry no meaning on their own.
enum Tokenizer {
    /// The words of the text, in order, with nil where a stop word, a number or punctuation between sentences
    /// was: a two-word phrase never spans one.
    static func words(_ text: String) -> [String?] {
        var result: [String?] = []
        var word = String.UnicodeScalarView()
        func flush() {
            guard !word.isEmpty else { return }
            while let last = word.last, last == "'" || last == "-" { word.removeLast() }
            let text = String(word).lowercased()
            let meaningful = text.unicodeScalars.count >= 2 && text.unicodeScalars.contains(where: isLetter)
            result.append(meaningful && !stopWords.contains(text) ? text : nil)
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if isWordCharacter(scalar) {
                word.append(scalar)
            } else if (scalar == "'" || scalar == "\u{2019}" || scalar == "-"), !word.isEmpty {
                word.append(scalar == "-" ? "-" : "'")
            } else {
                flush()
                let isSpace =
                    scalar.value < 0x80
                    ? scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
                    : scalar.properties.isWhitespace
                if !isSpace { result.append(nil) }
            }
        }
        flush()
        return result
    }

    /// Letters and digits of any script; ASCII is answered without looking up Unicode properties, which is most
    /// of the time a tokenizer takes otherwise.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0...0x7F: false
        default: scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0...0x7F: false
        default: scalar.properties.isAlphabetic
        }
    }

    /// Common English function words, and the words every interview answer is full of.
    static let stopWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "don't", "down", "during", "each", "even", "ever", "every", "few", "for", "from",
        "further", "get", "got", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i",
        "i'd", "i'm", "if", "in", "into", "is", "it", "it's", "its", "itself", "just", "let", "like", "ll", "me",
        "more", "most", "much", "my", "nor", "now", "of", "off", "on", "once", "one", "only", "or",
        "other", "our", "ours", "out", "over", "own", "quite", "really", "re", "same", "she", "should", "so", "some",
        "still", "such", "than", "that", "that's", "the", "their", "theirs", "them", "then", "there", "these", "they",
        "they're", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we", "we'd",
        "we're", "we've", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
        "would", "yes", "you", "your", "yours", "ve", "said", "says", "say", "thing", "things", "lot", "bit", "way",
        "well", "yeah", "okay", "ok", "think", "know", "want", "went", "go", "going", "made", "make",
    ]
}
