import NeuralCore
import Testing
import Training

@testable import Dashboard

/// The Network pane's gradient column reads the snapshot's last recorded step, layer by layer.
@Suite struct NetworkGradientTests {
    @Test func theSelectedUnitsGradientComesFromTheLastStep() throws {
        let network = Fixtures.deepNetwork()
        let count = network.parameters.count
        let gradient = (0..<count).map { Double($0) / 100 }
        var snapshot = Fixtures.snapshot(network: network)
        #expect(NetworkDetail.layerGradient(snapshot, layer: 0) == nil)
        snapshot.lastStep = ParameterStep(
            iteration: 5, sizes: network.sizes, gradient: gradient, before: network.parameters,
            after: network.parameters)
        // Layer 1 (8 → 8): its block starts after layer 0's 2·8 weights and 8 biases.
        let block = try #require(NetworkDetail.layerGradient(snapshot, layer: 1))
        #expect(block == Array(gradient[24..<(24 + 72)]))
        let column = try #require(
            NetworkDetail.gradientColumn(block, network: network, unit: NetworkUnit(layer: 1, index: 0)))
        #expect(column.count == 9)
        #expect(NetworkDetail.layerGradient(snapshot, layer: 7) == nil)
    }
}
