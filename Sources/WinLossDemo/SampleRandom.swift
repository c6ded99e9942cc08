/// A small, fast, seedable generator (SplitMix64), so that the same seed always gives the same sample data
/// on every machine and Swift version, which the system generator does not promise.
struct SampleRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A generator for one item, independent of how many numbers other items drew.
    static func forItem(_ index: Int, seed: UInt64, stream: UInt64) -> SampleRandom {
        var mixer = SampleRandom(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        for _ in 0..<2 { _ = mixer.next() }
        return SampleRandom(seed: mixer.next() ^ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[Int(next() % UInt64(items.count))]
    }

    /// True with probability `chance` (0 to 1).
    mutating func chance(_ chance: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < chance
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}
