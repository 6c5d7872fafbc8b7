import NeuralCore
import TerminalUI

/// A unit of the network as the Network pane selects it: `layer` counts the network's layers from 0 (the first
/// hidden layer; the output layer is `layerCount - 1`), `index` the unit within it. Inputs have no incoming
/// weights and are not selected.
public struct NetworkUnit: Sendable, Equatable, Hashable {
    public var layer: Int
    public var index: Int

    public init(layer: Int, index: Int) {
        self.layer = layer
        self.index = index
    }

    /// Whether `network` has this unit.
    func exists(in network: Network) -> Bool {
        layer >= 0 && layer < network.layerCount && index >= 0 && index < network.sizes[layer + 1]
    }

    /// Where the unit's value lies in `ForwardPass.a` (layer after layer).
    func passIndex(in network: Network) -> Int { network.sizes[1..<(layer + 1)].reduce(0, +) + index }

    /// The index in `network.parameters` of the unit's bias (`parameter` 0) or of its weight from input
    /// `parameter - 1` of its layer.
    func parameterIndex(_ parameter: Int, in network: Network) -> Int {
        let fanIn = network.sizes[layer], offset = network.offsets[layer]
        return parameter == 0
            ? offset + fanIn * network.sizes[layer + 1] + index : offset + index * fanIn + parameter - 1
    }

    /// The unit's name on screen: h1 3 for the third unit of the first hidden layer, out 1 for the first output,
    /// and, when the target held texts, the class an output stands for: out 2 (eel), or out 1 (yes) for a binary
    /// network's one output, the probability of class 1.
    func name(in network: Network, encoding: TargetEncoding? = nil) -> String {
        let name = "\(NetworkUnit.layerName(layer + 1, of: network)) \(index + 1)"
        guard layer == network.layerCount - 1, let encoding, encoding.labels != nil, network.task.isClassification
        else { return name }
        let label = encoding.label(ofClass: network.task == .binary ? 1 : index)
        return "\(name) (\(Text.truncate(label, to: 12, ellipsis: "…")))"
    }

    /// A column's name: in for the inputs (column 0), h1, h2… for the hidden layers, out for the output layer.
    static func layerName(_ column: Int, of network: Network) -> String {
        column == 0 ? "in" : column == network.layerCount ? "out" : "h\(column)"
    }
}

/// How a unit's value becomes the maps' 0…1 scale, 0.5 its middle: tanh's −1…1 and a probability's 0…1 as
/// they are, an unbounded value (ReLU, linear, an input, a regression's output) over the largest magnitude
/// shown beside it.
enum UnitScale: Equatable {
    case range(Double, Double)
    case largest

    /// The scale of column `column` of `network`: 0 the inputs, l + 1 layer l.
    static func of(_ network: Network, column: Int) -> UnitScale {
        guard column > 0 else { return .largest }
        if column == network.layerCount { return network.task == .regression ? .largest : .range(0, 1) }
        switch network.hiddenActivation {
        case .tanh: return .range(-1, 1)
        case .sigmoid: return .range(0, 1)
        case .relu, .linear: return .largest
        }
    }

    /// `v` on the 0…1 scale, `largest` the largest magnitude among the values shown with it; 0.5 for what is not
    /// a number.
    func shade(_ v: Double, largest: Double) -> Double {
        guard v.isFinite else { return 0.5 }
        switch self {
        case .range(let low, let high): return min(max((v - low) / (high - low), 0), 1)
        case .largest: return largest > 0 && largest.isFinite ? 0.5 + 0.5 * min(max(v / largest, -1), 1) : 0.5
        }
    }

    /// Every value on the 0…1 scale, as a whole (the largest magnitude taken among them).
    func shades(_ values: [Double]) -> [Double] {
        let largest = values.reduce(0) { $1.isFinite ? max($0, abs($1)) : $0 }
        return values.map { shade($0, largest: largest) }
    }
}
