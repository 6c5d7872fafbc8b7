/// What one training step did to one layer: the gradient the update rule was given for each of its weights and
/// biases (the batch's mean, the penalty's included) and the change it then made, both laid out as the layer's
/// parameters are in `Network.parameters`: weights row by row (`weight[j][i]` at `j · fanIn + i`), then biases.
public struct LayerStep: Sendable, Equatable {
    public let fanIn: Int
    public let units: Int
    public let weightGradient: [Double]
    public let biasGradient: [Double]
    /// The change applied: the parameter after the step less the parameter before.
    public let weightUpdate: [Double]
    public let biasUpdate: [Double]

    public init(fanIn: Int, units: Int, gradient: ArraySlice<Double>, update: ArraySlice<Double>) {
        precondition(gradient.count == units * (fanIn + 1) && update.count == gradient.count, "not one layer's")
        self.fanIn = fanIn
        self.units = units
        let g = Array(gradient), u = Array(update), weights = units * fanIn
        weightGradient = Array(g[..<weights])
        biasGradient = Array(g[weights...])
        weightUpdate = Array(u[..<weights])
        biasUpdate = Array(u[weights...])
    }

    /// The gradient of the weight from input `i` to unit `j`.
    public func gradient(unit j: Int, input i: Int) -> Double { weightGradient[j * fanIn + i] }
    public func update(unit j: Int, input i: Int) -> Double { weightUpdate[j * fanIn + i] }

    /// √(Σ g²) over the layer's weights and biases.
    public var gradientNorm: Double { norm(weightGradient, biasGradient) }
    /// √(Σ Δ²) over the layer's weights and biases.
    public var updateNorm: Double { norm(weightUpdate, biasUpdate) }

    private func norm(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for x in a { sum += x * x }
        for x in b { sum += x * x }
        return sum.squareRoot()
    }
}

/// The last step a run took, layer by layer (`layers[l]` maps `sizes[l]` units to `sizes[l + 1]`).
public struct ParameterStep: Sendable, Equatable {
    /// The iteration the step brought the run to.
    public let iteration: Int
    public let layers: [LayerStep]

    /// The step of a network of layer `sizes` from its mean `gradient` and the parameters `before` and `after`.
    public init(iteration: Int, sizes: [Int], gradient: [Double], before: [Double], after: [Double]) {
        precondition(gradient.count == before.count && before.count == after.count, "mismatched parameters")
        self.iteration = iteration
        var layers: [LayerStep] = []
        var start = 0
        var update = [Double](repeating: 0, count: after.count)
        for k in after.indices { update[k] = after[k] - before[k] }
        for l in 0..<(sizes.count - 1) {
            let end = start + sizes[l + 1] * (sizes[l] + 1)
            layers.append(
                LayerStep(
                    fanIn: sizes[l], units: sizes[l + 1], gradient: gradient[start..<end], update: update[start..<end]))
            start = end
        }
        self.layers = layers
    }

    /// Whether it is a step of a network of these layer sizes.
    public func fits(_ sizes: [Int]) -> Bool {
        layers.count == sizes.count - 1
            && layers.indices.allSatisfy { layers[$0].fanIn == sizes[$0] && layers[$0].units == sizes[$0 + 1] }
    }
}
