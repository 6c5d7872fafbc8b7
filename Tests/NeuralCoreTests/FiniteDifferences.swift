import Testing

@testable import NeuralCore

/// Expects `analytic` to be ∂`objective`/∂θ at `network`'s parameters, against central differences with step
/// 1e-6: each entry within 1e-5 of the two's size (at least 1e-3).
func expectGradient(
    _ analytic: [Double], of objective: (Network) -> Double, at network: Network, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let h = 1e-6
    for k in network.parameters.indices {
        var plus = network, minus = network
        plus.parameters[k] += h
        minus.parameters[k] -= h
        let numeric = (objective(plus) - objective(minus)) / (2 * h)
        let scale = max(1e-3, abs(numeric) + abs(analytic[k]))
        #expect(
            abs(numeric - analytic[k]) / scale < 1e-5, "\(label) parameter \(k): \(analytic[k]) vs \(numeric)",
            sourceLocation: sourceLocation)
    }
}
