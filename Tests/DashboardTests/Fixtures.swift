import NeuralCore
import TerminalUI
import Training
@testable import Dashboard

/// Hand-built snapshots and states, so every cell on screen is predictable.
enum Fixtures {
    static let sizes = [Size(width: 120, height: 40), Size(width: 80, height: 24), Layout.minimum]

    /// The tutorial's worked network: w1 1.45, w2 -0.66, b 0.
    static let tutorialNetwork = Network(weights: [1.45, -0.66], bias: 0)

    /// A history with one report every 100 iterations, from `first` on.
    static func history(_ errors: [Double], first: Int = 100, every: Int = 100, tests: [Double?]? = nil) -> ErrorHistory
    {
        var h = ErrorHistory()
        for (k, e) in errors.enumerated() {
            h.append(.init(iteration: first + k * every, error: e, testError: tests?[k]))
        }
        return h
    }

    static func snapshot(
        network: Network = tutorialNetwork, state: TrainingState = .running, iteration: Int = 1_200,
        limit: Int? = 10_000, learningRate: Double = 0.1, speed: Speed = .unlimited, batchSize: Int = 1,
        stepsPerSecond: Double = 52_000, history: ErrorHistory? = nil, events: [TrainingEvent] = [],
        // The mean losses shown (the cumulative error, shown only on the tutorial's points, is left out).
        trainingError: Double? = 1.25, testError: Double? = nil, bestError: Double? = 1.25,
        bestIteration: Int? = 1_200, reportInterval: Int = 100
    ) -> Snapshot {
        Snapshot(
            version: 1, iteration: iteration, limit: limit, state: state, learningRate: learningRate, speed: speed,
            batchSize: batchSize, stepsPerSecond: stepsPerSecond, seed: 1, loss: .squaredError, network: network,
            trainingError: nil, testError: nil, trainingAccuracy: 0.5, testAccuracy: nil,
            bestError: bestError, bestIteration: bestIteration,
            history: history ?? Fixtures.history([4, 3.5, 3, 2.5, 2, 1.8, 1.6, 1.5, 1.4, 1.3, 1.27, 1.25]),
            events: events, reportInterval: reportInterval, trainingLoss: trainingError, testLoss: testError)
    }

    /// The tutorial data at `size`, showing `snapshot` (none when nil).
    static func state(
        size: Size = Size(width: 120, height: 40), snapshot: Snapshot? = Fixtures.snapshot(),
        glyphs: GlyphSet = .unicode, training: Dataset = .tutorial, test: Dataset? = nil
    ) -> DashboardState {
        var s = DashboardState(training: training, test: test, size: size, glyphs: glyphs)
        s.snapshot = snapshot
        return s
    }

    /// A state after the given keys (effects discarded).
    static func pressing(_ keys: [Key], on state: DashboardState) -> DashboardState {
        var s = state
        for key in keys { _ = update(&s, .key(key)) }
        return s
    }

    /// The effects of the given keys on `state`, in order.
    static func effects(_ keys: [Key], on state: inout DashboardState) -> [Effect] {
        keys.flatMap { update(&state, .key($0)) }
    }

    /// The trainer commands among `effects`, or nil when there is anything else (a request, quitting).
    static func commands(_ effects: [Effect]) -> [TrainingCommand]? {
        var commands: [TrainingCommand] = []
        for effect in effects {
            guard case .command(let command) = effect else { return nil }
            commands.append(command)
        }
        return commands
    }

    /// The 2-8-8-1 network with recognisable parameters: parameter k is (k mod 7 − 3) / 4.
    static func deepNetwork(activation: Activation = .tanh) -> Network {
        let sizes = [2, 8, 8, 1]
        let count = Network.parameterCount(sizes: sizes)
        return Network(
            sizes: sizes, hiddenActivation: activation,
            parameters: (0..<count).map { Double($0 % 7 - 3) / 4 })
    }
}

extension Buffer {
    /// The text of `rect`, one string per row, trailing blanks removed.
    func lines(in rect: Rect) -> [String] {
        (rect.y..<rect.maxY).map { y in
            var s = String.UnicodeScalarView()
            for x in rect.x..<rect.maxX { s.append(self[x, y].scalar) }
            var text = String(s)
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// The row holding `text`, if any.
    func row(containing text: String) -> Int? { lines.firstIndex { $0.contains(text) } }

    func contains(_ text: String) -> Bool { row(containing: text) != nil }
}

/// The pane rectangles `render` uses for `state`.
func layout(of state: DashboardState) -> Layout { state.layout }

/// The text inside a pane's border, one string per row.
func inside(_ pane: KeyPath<Layout, Rect>, of state: DashboardState) -> [String] {
    render(state).lines(in: layout(of: state)[keyPath: pane].inset(by: 1))
}

/// The top border of a pane, where its title is.
func titleLine(_ pane: KeyPath<Layout, Rect>, of state: DashboardState) -> String {
    let rect = layout(of: state)[keyPath: pane]
    return render(state).lines(in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1))[0]
}
