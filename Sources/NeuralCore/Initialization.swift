/// How a layer's starting weights are drawn.
public enum Initialization: String, Sendable, Codable {
    /// Standard normal weights and bias: the tutorial's network.
    case standardNormal
    /// Normal with variance 2/fanIn, biases zero: keeps ReLU activations from shrinking or exploding.
    case he
    /// Normal with variance 1/fanIn, biases zero: suited to tanh, sigmoid and linear units.
    case glorot

    func weightScale(fanIn: Int) -> Double {
        switch self {
        case .standardNormal: return 1
        case .he: return (2.0 / Double(fanIn)).squareRoot()
        case .glorot: return (1.0 / Double(fanIn)).squareRoot()
        }
    }

    var drawsBias: Bool { self == .standardNormal }
}
