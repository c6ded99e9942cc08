/// An inline tag (`#prcie`) that names no theme or alias of the programme's codebook.
///
/// It is kept with its answer, as typed, and becomes a code as soon as a theme or alias of that name exists; until
/// then it counts for nothing, so whoever typed it is told.
public struct UnknownTag: Sendable, Equatable, CustomStringConvertible {
    package var tag: String
    /// The theme the tag was most likely meant to name.
    package var suggestion: String?

    public var description: String {
        "#\(tag) names no theme of the codebook" + (suggestion.map { " (did you mean #\($0)?)" } ?? "")
            + "; it is kept with the answer, but counts only once a theme or alias of that name is added"
    }

    /// The tags of `tags` that `known` (theme ids and aliases) does not have, in order.
    static func find(_ tags: [String], known: Set<String>) -> [UnknownTag] {
        let names = known.sorted()
        return tags.filter { !known.contains($0) }.map {
            UnknownTag(tag: $0, suggestion: NodeReader.closest(to: $0, in: names))
        }
    }
}

extension WinLossStore {
    /// The names a tag may use: every theme's id, and those of themes merged into others (aliases).
    public func tagNames() throws -> Set<String> {
        Set(try themes().map(\.id))
    }

    /// The tags of `tags` that name no theme or alias of the programme's codebook.
    public func unknownTags(_ tags: [String]) throws -> [UnknownTag] {
        tags.isEmpty ? [] : UnknownTag.find(tags, known: try tagNames())
    }
}
