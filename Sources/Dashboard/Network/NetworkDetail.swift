import NeuralCore
import TerminalUI
import Training

/// The selected unit's parameters beside the Network pane's columns: its bias and incoming weights, each with
/// its gradient from the last step when the snapshot carries it, and the one Tab has reached marked (Enter types
/// a new value for it). Scrolled to keep that one in view. `gradient` is the selected unit's layer's block of the
/// last step's gradient (`gradientColumn`), nil without one.
enum NetworkDetail {
    static func draw(
        _ state: DashboardState, network: Network, unit: NetworkUnit?, gradient: [Double]?, in rect: Rect,
        on buffer: inout Buffer
    ) {
        let g = state.glyphs
        guard let unit else {
            let lines = ["u selects a unit,", "or a click on one:", "the decision map", "then shows its map"]
            for (r, line) in lines.enumerated() where r < rect.height {
                buffer.write(line, in: rect, row: r, style: state.theme.label)
            }
            return
        }
        let activation =
            unit.layer == network.layerCount - 1 && network.task == .multiclass
            ? "softmax" : network.activation(layer: unit.layer).rawValue
        buffer.write(
            "\(unit.name(in: network, encoding: state.encoding)) \(g.middleDot) \(activation)", in: rect, row: 0,
            style: state.theme.heading)
        let gradients = gradientColumn(gradient, network: network, unit: unit)
        let lines = parameterLines(state, network: network, unit: unit, gradients: gradients, width: rect.width)
        let typing = state.focus == .parameter
        let hint =
            state.focus == .network
            ? "Tab weight \(g.middleDot) Enter edit" : typing ? "Enter sets \(g.middleDot) Esc cancels" : nil
        let room = max(rect.height - 2 - (hint == nil ? 0 : 1), 0)
        let chosen = min(state.selectedParameter, lines.count - 1)
        let first = chosen >= room ? chosen - room + 1 : 0
        var heading = Text.left("", labelWidth(network, unit)) + Text.right("value", valueWidth)
        if gradients != nil { heading += Text.right("\(g == .ascii ? "grad" : "∇")", gradientWidth) }
        buffer.write(heading, in: rect, row: 1, style: state.theme.label)
        for (r, line) in lines[first..<min(first + room, lines.count)].enumerated() {
            buffer.write(line, x: rect.x, y: rect.y + 2 + r, maxX: rect.maxX)
        }
        if let hint { buffer.write(hint, in: rect, row: rect.height - 1, style: state.theme.label) }
    }

    static let valueWidth = 10
    static let gradientWidth = 10

    private static func labelWidth(_ network: Network, _ unit: NetworkUnit) -> Int {
        "w\(network.sizes[unit.layer])".count + 1
    }

    /// One line a parameter, the bias first: its name, its value (or the text being typed for it), its gradient
    /// when there is one, and where the weight comes from.
    static func parameterLines(
        _ state: DashboardState, network: Network, unit: NetworkUnit, gradients: [String]?, width: Int
    ) -> [[WeightsPane.Span]] {
        let fanIn = network.sizes[unit.layer]
        let names = state.featureMap.map { $0.features.map(\.rawValue) } ?? state.training.featureNames
        let labelWidth = labelWidth(network, unit)
        let chosen = min(state.selectedParameter, fanIn)
        return (0...fanIn).map { k in
            let value = network.parameters[unit.parameterIndex(k, in: network)]
            let label = Text.left(k == 0 ? "b" : "w\(k)", labelWidth)
            let isChosen = k == chosen
            let focused = state.focus == .network || state.focus == .parameter
            var line = [
                WeightsPane.Span(
                    text: label, style: isChosen && focused ? state.theme.focusedField : state.theme.heading)
            ]
            if isChosen && state.focus == .parameter {
                line.append(WeightsPane.Span(text: " ", style: state.theme.label))
                line.append(
                    WeightsPane.Span(
                        text: Text.left(state.parameterText + "_", valueWidth - 1), style: state.theme.focusedField))
            } else {
                line.append(
                    WeightsPane.Span(
                        text: Text.right(WeightsPane.tenWide(value), valueWidth), style: state.theme.signed(value)))
            }
            if let gradients {
                line.append(WeightsPane.Span(text: Text.right(gradients[k], gradientWidth), style: state.theme.label))
            }
            let source =
                k == 0
                ? "bias"
                : unit.layer == 0
                    ? (k - 1 < names.count ? names[k - 1] : "x\(k)")
                    : "\(NetworkUnit.layerName(unit.layer, of: network)) \(k)"
            line.append(WeightsPane.Span(text: " " + source, style: state.theme.label))
            return line
        }
    }

    /// The last recorded step's gradient of layer `layer` (`Snapshot.lastStep`), as `gradientColumn` takes it: the
    /// one place the pane reads it from the snapshot. Nil before a step is recorded, and the column is not drawn.
    static func layerGradient(_ snapshot: Snapshot?, layer: Int) -> [Double]? {
        guard let layers = snapshot?.lastStep?.layers, layers.indices.contains(layer) else { return nil }
        return layers[layer].weightGradient + layers[layer].biasGradient
    }

    /// The gradient column: for each of the unit's parameters (the bias, then each weight), the gradient of the
    /// last step, formatted; nil, drawing no column, without a gradient. `gradient` is layer `unit.layer`'s block
    /// laid out as `Network.parameters` lays out a layer (the weights unit after unit, then the biases); a block
    /// of another size is not this network's and draws no column either.
    static func gradientColumn(_ gradient: [Double]?, network: Network, unit: NetworkUnit) -> [String]? {
        let fanIn = network.sizes[unit.layer], units = network.sizes[unit.layer + 1]
        guard let gradient, gradient.count == units * (fanIn + 1) else { return nil }
        let offset = network.offsets[unit.layer]
        return (0...fanIn).map { k in
            Format.short(gradient[unit.parameterIndex(k, in: network) - offset], digits: 3)
        }
    }
}
