/// The built-in datasets: the tutorial's eight points, and four two-feature problems in the manner of
/// TensorFlow Playground's classification data.
public enum DatasetKind: String, CaseIterable, Sendable, Codable {
    /// The tutorial's eight fixed points (no sampling, no noise).
    case tutorial
    /// Four quadrants: class 1 where x1 and x2 have the same sign.
    case xor
    /// A disc (class 1) inside a ring (class 0).
    case circle
    /// Two normal blobs, class 1 around (2, 2) and class 0 around (−2, −2).
    case gaussian
    /// Two interleaved spiral arms.
    case spiral

    /// Samples drawn when none are asked for.
    public static let defaultSamples = 200
    /// The largest noise accepted: half the data's scale, as in Playground.
    public static let maximumNoise = 0.5
}
