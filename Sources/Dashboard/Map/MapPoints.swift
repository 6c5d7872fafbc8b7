import NeuralCore
import TerminalUI

/// The decision map's data points: which rows are drawn, and which of them the network gets wrong.
extension MapPane {
    /// Whether `state` draws the map's points: a map on screen and a network as wide as the data.
    static func showsPoints(_ state: DashboardState) -> Bool {
        guard let map = state.layout.map, area(inner: Panel.inner(of: map)) != nil,
            let network = state.snapshot?.network
        else { return false }
        return network.inputCount == state.networkInputCount
    }

    /// The network's output for the points drawn (`shownRows` of each labelled set, training then test), as
    /// many from the first as the share of passes pays for (`FrameBudget.points`): made once per snapshot or
    /// data (`DashboardState.pointPredictions`), for `drawPoints` to tell right from wrong. For multiclass, each
    /// point's predicted class.
    static func judgedPoints(_ state: DashboardState) -> [Double] {
        guard let network = state.snapshot?.network else { return [] }
        var pass = ForwardPass(network: network)
        var input = [Double](repeating: 0, count: network.inputCount)
        var judged = FrameBudget.passes(FrameBudget.points, of: network)
        var out: [Double] = []
        for (data, _) in labelledSets(state) {
            for i in shownRows(data.count) {
                guard judged > 0 else { return out }
                judged -= 1
                if state.featureMap != nil {
                    input = state.networkInput(Array(data.row(i)))
                } else {
                    for (k, x) in data.row(i).enumerated() {
                        input[k] = state.standardization?.apply(feature: k, x) ?? x
                    }
                }
                let output = input.withUnsafeBufferPointer { pass.run(network, input: $0.baseAddress!) }
                let strongest = StrongestClass.decode(ProbabilityGrid.strongest(pass, network)).class
                out.append(network.task == .multiclass ? Double(strongest) : output)
            }
        }
        return out
    }

    /// The sets whose points are drawn: the training data, then the test data, each when labelled.
    static func labelledSets(_ state: DashboardState) -> [(data: Dataset, isTest: Bool)] {
        var sets: [(data: Dataset, isTest: Bool)] = [(state.training, false)]
        if let test = state.test { sets.append((test, true)) }
        return sets.filter(\.data.isLabelled)
    }

    /// At most this many points of each set are drawn. The map has far fewer cells than that, and each point
    /// judged costs a forward pass for every snapshot.
    static let pointLimit = 2_000

    /// The rows of a set of `count` rows whose points are drawn: all of them, or `pointLimit` distinct rows
    /// scattered over the whole set in a fixed order — rows k·step mod count, the step about 0.618 of the count
    /// (the golden ratio spreads such a sequence evenly) and prime to it — so that data whose labels follow a
    /// period (as the built-in sets alternate them) is not seen through the period.
    static func shownRows(_ count: Int) -> [Int] {
        guard count > pointLimit else { return Array(0..<count) }
        var step = Int(Double(count) * 0.618_033_988_75)
        while gcd(step, count) != 1 { step += 1 }
        return (0..<pointLimit).map { ($0 * step) % count }
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// How many rows a drawn point stands for, for the legend (1: every row is drawn): the larger set's share.
    static func shownShare(_ state: DashboardState) -> Int {
        let largest = max(state.training.count, state.test?.count ?? 0)
        return largest > pointLimit ? Int((Double(largest) / Double(pointLimit)).rounded()) : 1
    }

    /// The labelled points in the plane (all, or `pointLimit` of them: `shownRows`): its label by glyph (and colour), test
    /// apart from train, a wrong prediction in white on red (reversed without colour). Wrong points are drawn last
    /// so none is hidden under a right one.
    /// A multiclass network's points are each marked in a dark shade of its class's colour (one glyph for every
    /// class: the field says which), judged against the predicted class; a regression's in its value's colour
    /// along `ramp`, never judged.
    static func drawPoints(
        _ state: DashboardState, plane: MapPlane, in area: Rect,
        on buffer: inout Buffer, ramp: ValueRamp? = nil
    ) {
        let task = state.snapshot?.network.task ?? .binary
        let m = state.glyphs.mapMarks, map = state.theme.map, palette = state.colours == .palette
        var wrongOnes: [(x: Int, y: Int, glyph: Unicode.Scalar)] = []
        // Points past the share of passes (`judgedPoints`) are drawn by their label alone, not judged.
        let judged = state.pointPredictions
        var k = 0
        for (data, isTest) in labelledSets(state) {
            for i in shownRows(data.count) {
                let raw = data.row(i)
                let p = k < judged.count ? judged[k] : data.targets[i]
                k += 1
                let label = data.targets[i]
                let x = raw[raw.startIndex + plane.across]
                let y = plane.up.map { raw[raw.startIndex + $0] } ?? plane.upValue(row: 0, of: 1)
                let cell = (
                    x: area.x + plane.column(of: x, columns: area.width),
                    y: area.y + plane.row(of: y, rows: area.height * 2) / 2
                )
                let one = task != .binary || label >= 0.5
                let glyph = isTest ? (one ? m.testOne : m.testZero) : (one ? m.trainOne : m.trainZero)
                let wrong: Bool
                switch task {
                case .binary: wrong = (p >= 0.5) != (label >= 0.5)
                case .multiclass: wrong = p != label
                case .regression: wrong = false
                }
                if wrong {
                    wrongOnes.append((cell.x, cell.y, glyph))
                    continue
                }
                var style = Style(bold: true)
                if state.colours != .monochrome {
                    switch task {
                    case .binary: style.foreground = map.point(label: label)
                    case .multiclass:
                        style.foreground = ClassColours.point(Int(saturating: label), palette: palette)
                    case .regression:
                        style.foreground = (ramp ?? ValueRamp(over: [])).colour(label, palette: palette)
                    }
                    style.background = buffer[cell.x, cell.y].style.background
                }
                buffer.put(glyph, x: cell.x, y: cell.y, style: style)
            }
        }
        let wrongStyle = state.colours == .monochrome ? Style(bold: true, reverse: true) : map.wrongPoint
        for point in wrongOnes { buffer.put(point.glyph, x: point.x, y: point.y, style: wrongStyle) }
    }
}
