import NeuralCore

extension GraphBuilder {
    /// x′ = (x − mean) / divisor per column, as `Standardization.apply` computes it: a `Sub` and a `Div` by
    /// constants of shape [F], broadcast over the rows. A constant column's divisor is 1.
    mutating func standardize(_ z: Standardization, _ x: String) -> String {
        let count = z.mean.count
        let mean = constant("input_mean", z.mean, dims: [count])
        let divisor = constant("input_divisor", (0..<count).map(z.scale), dims: [count])
        let centred = node("Sub", [x, mean], name: "centred")
        return node("Div", [centred, divisor], name: "standardized")
    }

    /// y = z · deviation + mean: a regression's output back in the target's units, as `TargetScale.restore`.
    mutating func restore(_ scale: TargetScale, _ z: String) -> String {
        let deviation = constant("target_deviation", [scale.deviation], dims: [1])
        let mean = constant("target_mean", [scale.mean], dims: [1])
        return node("Add", [node("Mul", [z, deviation], name: "scaled"), mean], name: "restored")
    }
}
