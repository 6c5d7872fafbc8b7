import TerminalUI

/// The step explainer's update: the rule with its constants, then every parameter before, its gradient, the rule's
/// memory and after.
extension ExplainerPane.Lines {
    /// What is remembered per parameter and shown in its line: b, v, or m and v.
    private var memoryColumns: [(name: String, values: [Double])] {
        let m = trace.memoryAfter
        switch trace.optimizer.kind {
        case .sgd: return []
        case .momentum, .nesterov: return [("b", m.first)]
        case .rmsprop: return [("v", m.second)]
        case .adam: return [("m", m.first), ("v", m.second)]
        }
    }

    var updateHeader: [[Span]] {
        let o = trace.optimizer, eta = "η \(n(trace.learningRate))"
        let constants: String, rule: [String]
        switch o.kind {
        case .sgd:
            (constants, rule) = (eta, ["w ← w − η·g"])
        case .momentum:
            (constants, rule) = ("\(eta), μ \(n(o.momentum))", ["b ← μ·b + g", "w ← w − η·b"])
        case .nesterov:
            (constants, rule) = ("\(eta), μ \(n(o.momentum))", ["b ← μ·b + g", "w ← w − η·(g + μ·b)"])
        case .rmsprop:
            (constants, rule) = (
                "\(eta), α \(n(o.rmsDecay)), ε \(n(o.epsilon))", ["v ← α·v + (1 − α)·g²", "w ← w − η·g / (√v + ε)"]
            )
        case .adam:
            constants =
                "\(eta), β₁ \(n(o.beta1)), β₂ \(n(o.beta2)), ε \(n(o.epsilon)), t \(trace.memoryAfter.steps)"
            rule = [
                "m ← β₁·m + (1 − β₁)·g", "v ← β₂·v + (1 − β₂)·g²", "w ← w − η/(1 − β₁^t)·m / (√v/√(1 − β₂^t) + ε)"
            ]
        }
        var lines: [[Span]] = [[heading("update (\(o.kind.rawValue)): "), label(constants)]]
        lines += rule.map { [plain("  " + $0)] }
        lines.append([label("g = ∂E/∂w = δ·(the weight's input), ∂E/∂b = δ")])
        var notes: [String] = []
        if trace.rows.count > 1 { notes.append("the mean over the batch's \(trace.rows.count) rows") }
        if trace.regularization != .none, trace.regularizationRate != 0 {
            let term = trace.regularization == .l2 ? "λ·w" : "λ·sign(w)"
            notes.append(
                "+ \(term) on weights (\(trace.regularization.rawValue.uppercased()) λ \(n(trace.regularizationRate)))"
            )
        }
        if !notes.isEmpty { lines.append([label("  " + notes.joined(separator: "; "))]) }
        let columns =
            [Text.left("", nameWidth), Text.right("before", 12), Text.right("g", 12)]
            + memoryColumns.map { Text.right($0.name, 10) } + [Text.right("after", 12)]
        lines.append([heading(columns.joined())])
        return lines
    }

    private var nameWidth: Int { trace.sizes.count == 2 && trace.sizes[1] == 1 ? 4 : 8 }

    func parameters(_ l: Int, _ k: Int) -> [Span] {
        let layers = trace.sizes.count - 1, fanIn = trace.sizes[l], units = trace.sizes[l + 1]
        var k = k
        if layers > 1 {
            if k == 0 {
                let name = l == layers - 1 ? "output" : "hidden \(l + 1)"
                return [heading("\(name): \(fanIn)×\(units)")]
            }
            k -= 1
        }
        // Unit by unit: its bias, then its weights; the tutorial's single unit as w1 … wn, b.
        let single = trace.sizes.count == 2 && units == 1
        let j = single ? 0 : k / (fanIn + 1), c = single ? (k + 1) % (fanIn + 1) : k % (fanIn + 1)
        let start = trace.offset(layer: l)
        let index = c == 0 ? start + fanIn * units + j : start + j * fanIn + c - 1
        let name = single ? (c == 0 ? "b" : "w\(c)") : "u\(j + 1) " + (c == 0 ? "b" : "w\(c)")
        var line = [
            label(Text.left(name, nameWidth)), value(trace.before[index], 12, digits: 5),
            value(trace.gradient[index], 12, digits: 5)
        ]
        for column in memoryColumns {
            line.append(value(column.values.isEmpty ? 0 : column.values[index], 10, digits: 3))
        }
        line.append(value(trace.after[index], 12, digits: 5))
        return line
    }
}
