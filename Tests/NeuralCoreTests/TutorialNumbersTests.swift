import Testing
@testable import NeuralCore

/// The figures the tutorial prints, to 7 significant digits.
@Suite struct TutorialNumbersTests {
    let network = Network(weights: [1.45, -0.66], bias: 0)

    @Test func firstInputPredictsAboutPointEight() {
        #expect(agrees(network.predict([1.66, 1.56]), printed: "0.7985731"))
    }

    @Test func secondInputPredictsAboutPointEightSeven() {
        #expect(agrees(network.predict([2, 1.5]), printed: "0.87101915"))
    }

    @Test func squaredErrorAgainstZero() {
        let p = network.predict([2, 1.5])
        #expect(agrees(Loss.squaredError(prediction: p, target: 0), printed: "0.75867436"))
    }

    @Test func derivativeOfTheErrorAndTheUpdatedPrediction() {
        let p = network.predict([2, 1.5])
        let derivative = 2 * (p - 0)
        #expect(agrees(derivative, printed: "1.7420383"))
        let updated = Network(weights: [1.45 - derivative, -0.66 - derivative], bias: 0)
        let q = updated.predict([2, 1.5])
        #expect(agrees(q, printed: "0.01496248"))
        #expect(agrees(Loss.squaredError(prediction: q, target: 0), printed: "0.00022388"))
    }

    @Test func oneSGDStepMatchesTheChainRuleByHand() {
        // One online step on instance (x, y) must move w by −η·2(p−y)·p(1−p)·x and b by −η·2(p−y)·p(1−p).
        var net = network
        let data = Dataset(rows: [[2, 1.5]], targets: [0])
        var sgd = StochasticGradientDescent(network: net, learningRate: 0.1)
        var generator = SeededGenerator(seed: 1)
        let p = net.predict([2, 1.5])
        let g = 2 * p * p * (1 - p)
        sgd.step(&net, on: data, generator: &generator)
        #expect(abs(net.parameters[0] - (1.45 - 0.1 * g * 2)) < 1e-15)
        #expect(abs(net.parameters[1] - (-0.66 - 0.1 * g * 1.5)) < 1e-15)
        #expect(abs(net.parameters[2] - (0 - 0.1 * g)) < 1e-15)
    }

    @Test func theTutorialDataIsBuiltIn() {
        #expect(Dataset.tutorial.count == 8)
        #expect(Dataset.tutorial.featureCount == 2)
        #expect(Dataset.tutorial.targets == [0, 1, 0, 1, 0, 1, 1, 0])
        #expect(Array(Dataset.tutorial.row(3)) == [3, 4])
    }
}

/// True when `x`, rounded to the significant digits the tutorial printed (at most 7), reads as `printed`.
func agrees(_ x: Double, printed: String) -> Bool {
    let digits = printed.filter(\.isNumber).drop { $0 == "0" }.count
    let places = min(7, digits) - 1
    return String(format: "%.\(places)e", x) == String(format: "%.\(places)e", Double(printed)!)
}

import Foundation
