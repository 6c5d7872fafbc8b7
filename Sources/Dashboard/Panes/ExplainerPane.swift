import NeuralCore
import TerminalUI

/// The step explainer (X), over the right column: the last explained step with its numbers, the tutorial's
/// chain. The batch's rows and the first one's x; every hidden layer's z, a and δ; the output, the error, its
/// two slopes and δ; then the update rule and, for every parameter, its value before, its gradient, the rule's
/// memory that went into the update, and its value after. Arrows and pages scroll it; only the lines on screen
/// are formatted.
enum ExplainerPane {
    /// Where it is drawn: over the weights and the loss chart.
    static func area(_ layout: Layout) -> Rect {
        Rect(
            x: layout.weights.x, y: layout.weights.y, width: layout.weights.width,
            height: max(layout.error.maxY - layout.weights.y, 0))
    }

    /// Lines the explanation of `trace` has in all.
    static func lineCount(_ trace: StepTrace) -> Int { Lines(trace, unicode: true).count }

    static func draw(_ state: DashboardState, in rect: Rect, on buffer: inout Buffer) {
        buffer.fill(rect)
        let g = state.glyphs, dot = g.middleDot
        guard let snapshot = state.snapshot, let trace = snapshot.explanation else {
            let inner = Panel(title: "Step explainer", focused: true).draw(in: rect, on: &buffer, glyphs: g)
            buffer.write("taking one step\(g.ellipsis) (Esc closes)", in: inner, row: 0, style: state.theme.label)
            return
        }
        var title = "Step explainer \(dot) iteration \(Format.count(trace.iteration))"
        if snapshot.iteration != trace.iteration { title += " (now \(Format.count(snapshot.iteration)))" }
        title += " \(dot) X steps \(dot) Esc closes"
        let inner = Panel(title: title, focused: true).draw(in: rect, on: &buffer, glyphs: g)
        guard inner.height > 0 else { return }
        let labels = state.encoding.labels != nil && state.encoding.task == trace.task
        let lines = Lines(
            trace, unicode: g != .ascii, theme: state.theme, labels: labels ? state.encoding.classLabels : nil)
        let room = lines.count > inner.height ? inner.height - 1 : inner.height
        let top = min(max(state.explainer?.scroll ?? 0, 0), max(lines.count - room, 0))
        for r in 0..<max(min(room, lines.count - top), 0) {
            var x = inner.x
            for span in lines.line(top + r) {
                x = buffer.write(span.text, x: x, y: inner.y + r, style: span.style, maxWidth: inner.maxX - x)
            }
        }
        if room < lines.count {
            let below = lines.count - top - room
            let text =
                below > 0
                ? "\(g.ellipsis) \(Format.count(below)) more lines (arrows, PgUp PgDn, Home End)"
                : "\(g.ellipsis) the end (arrows, PgUp PgDn, Home End)"
            buffer.write(text, in: inner, row: room, style: state.theme.label)
        }
    }

    typealias Span = WeightsPane.Span

    /// The explanation's lines, made one at a time.
    struct Lines {
        let theme: Theme
        /// The classes' texts in output order, when the target held texts: shown beside the class numbers.
        let labels: [String]?
        let trace: StepTrace
        let unicode: Bool
        /// The sections in order, each a number of lines and how to make line k of them.
        private var sections: [(count: Int, line: (Int) -> [Span])] = []

        var count: Int { sections.reduce(0) { $0 + $1.count } }

        /// The lines are made by closures over this value as it is now: everything they read is set here.
        init(_ trace: StepTrace, unicode: Bool, theme: Theme = .dark, labels: [String]? = nil) {
            self.trace = trace
            self.unicode = unicode
            self.theme = theme
            self.labels = labels
            let layers = trace.sizes.count - 1
            let me = self
            sections.append((2, { me.batch($0) }))
            for l in 0..<(layers - 1) {
                sections.append((1 + trace.sizes[l + 1], { me.hidden(l, $0) }))
            }
            sections.append((outputLines, { me.output($0) }))
            sections.append((updateHeader.count, { [h = updateHeader] k in h[k] }))
            for l in 0..<layers {
                let units = trace.sizes[l + 1], fanIn = trace.sizes[l]
                sections.append((units * (fanIn + 1) + (layers > 1 ? 1 : 0), { me.parameters(l, $0) }))
            }
        }

        func line(_ k: Int) -> [Span] {
            var rest = k
            for section in sections {
                if rest < section.count { return section.line(rest).map { spell($0) } }
                rest -= section.count
            }
            return []
        }

        /// The text in ASCII where the screen has no Unicode.
        private func spell(_ span: Span) -> Span {
            guard !unicode else { return span }
            var text = span.text
            for (from, to) in Self.ascii { text = text.replacingOccurrences(of: from, with: to) }
            return Span(text: text, style: span.style)
        }

        static let ascii: [(String, String)] = [
            ("←", "<-"), ("−", "-"), ("·", "*"), ("η", "lr"), ("δ", "d"), ("∂", "d"), ("σ", "s"), ("²", "^2"),
            ("√", "sqrt"), ("ε", "eps"), ("α", "a"), ("β₁", "b1"), ("β₂", "b2"), ("μ", "mu"),
            ("Σ", "sum "), ("ŷ", "yhat"), ("′", "'"), ("×", "x"), ("λ", "lambda"), ("…", "~"),
            ("ₖ", "k"), ("ₚ", "c")
        ]

        // MARK: Numbers

        private func n(_ x: Double, _ digits: Int = 6) -> String { Format.short(x, digits: digits) }
        private func plain(_ text: String) -> Span { Span(text: text, style: .plain) }
        private func label(_ text: String) -> Span { Span(text: text, style: theme.label) }
        private func heading(_ text: String) -> Span { Span(text: text, style: theme.heading) }
        /// A number after a space, right-aligned in `width` (0: as long as it is).
        private func value(_ x: Double, _ width: Int = 11, digits: Int = 6) -> Span {
            let text = n(x, digits)
            // Never cut: a number longer than its column pushes the rest of the line right.
            let padded = width > 0 && text.count < width - 1 ? Text.right(text, width - 1) : text
            return Span(text: width > 0 ? " " + padded : text, style: theme.signed(x))
        }

        // MARK: The batch and its first row

        private func batch(_ k: Int) -> [Span] {
            let i = trace.instance
            if k == 0 {
                let rows = trace.rows.prefix(12).map { Format.count($0 + 1) }.joined(separator: ", ")
                let more = trace.rows.count > 12 ? ", …" : ""
                if trace.rows.count == 1 { return [heading("row \(rows)"), label(" (a batch of one)")] }
                return [
                    heading("batch of \(trace.rows.count): rows \(rows)\(more)"),
                    label(" · the first shown")
                ]
            }
            let xs = i.input.prefix(16).map { n($0, 4) }.joined(separator: ", ")
            return [
                plain("x = (\(xs)\(i.input.count > 16 ? ", …" : ""))"), label(" · target "), plain(target(i.target))
            ]
        }

        private func target(_ y: Double) -> String {
            let text = trace.task == .multiclass ? "class \(Format.short(y + 1))" : n(y)
            guard let name = classText(ofTarget: y) else { return text }
            return "\(text) (\(name))"
        }

        /// The text of a class target (the class's index), when the target held texts.
        private func classText(ofTarget y: Double) -> String? {
            guard let labels, trace.task != .regression, y.isFinite else { return nil }
            let k = Int(saturating: y)
            return labels.indices.contains(k) ? Text.truncate(labels[k], to: 20, ellipsis: "…") : nil
        }

        /// An output unit's class: its text when the target held texts, else its number from 1.
        private func className(_ c: Int) -> String {
            guard let labels, labels.indices.contains(c) else { return "class \(c + 1)" }
            return Text.truncate(labels[c], to: 8, ellipsis: "…")
        }

        // MARK: Forward and back

        private func hidden(_ l: Int, _ k: Int) -> [Span] {
            let f = trace.hiddenActivation.rawValue
            if k == 0 {
                return [
                    heading("hidden \(l + 1) (\(trace.sizes[l + 1]) \(f)): "),
                    label("a = \(f)(z), δ = (Σ w·δ above)·\(f)′(z)")
                ]
            }
            let i = trace.instance, j = k - 1
            return [
                label(Text.left("u\(j + 1)", 5)), label("z"), value(i.z[l][j], 13), label("  a"),
                value(i.a[l][j], 13), label("  δ"), value(i.delta[l][j], 13)
            ]
        }

        private var outputLines: Int {
            trace.task == .multiclass ? 3 + trace.sizes[trace.sizes.count - 1] : 6
        }

        private func output(_ k: Int) -> [Span] {
            let i = trace.instance, last = trace.sizes.count - 2
            let z = i.z[last], a = i.a[last], d = i.delta[last], y = i.target
            if trace.task == .multiclass {
                let classes = a.count
                if k == 0 { return [heading("output (\(classes) classes): "), label("p = softmax(z)")] }
                if k <= classes {
                    let c = k - 1
                    return [
                        label(Text.left(className(c), 9)), label("z"), value(z[c], 13), label("  p"),
                        value(a[c], 13), label("  δ"), value(d[c], 13)
                    ]
                }
                if k == classes + 1 {
                    return trace.loss == .crossEntropy
                        ? [plain("E = −ln pₚ = "), value(i.loss, 0)]
                        : [plain("E = Σ(pₖ − tₖ)² = "), value(i.loss, 0)]
                }
                return [
                    label(
                        trace.loss == .crossEntropy
                            ? "δ = ∂E/∂z = p − t (t: the target's one-hot)"
                            : "δ = p·(g − Σ g·p), g = 2(p − t) (t: the target's one-hot)")
                ]
            }
            let regression = trace.task == .regression
            let p = regression ? "ŷ" : "p", slopes = i.outputSlopes
            switch k {
            case 0:
                return [heading("output: "), plain("z = \(sum()) = "), value(z[0], 0)]
            case 1:
                return [plain(regression ? "ŷ = z = " : "p = σ(z) = "), value(a[0], 0)]
            case 2:
                let formula =
                    regression || trace.loss == .squaredError
                    ? "E = (\(p) − y)² = " : "E = −[y·ln p + (1 − y)·ln(1 − p)] = "
                return [
                    heading("error: "), plain(formula), value(i.loss, 0),
                    label(" (y = \(n(y))\(classText(ofTarget: y).map { ", \($0)" } ?? ""))")
                ]
            case 3:
                let formula = trace.loss == .crossEntropy && !regression ? "(p − y) / (p(1 − p))" : "2(\(p) − y)"
                return [plain("∂E/∂\(p) = \(formula) = "), value(slopes?.loss[0] ?? .nan, 0)]
            case 4:
                return [plain(regression ? "∂ŷ/∂z = 1" : "∂p/∂z = p(1 − p) = ")]
                    + (regression ? [] : [value(slopes?.activation[0] ?? .nan, 0)])
            default:
                let formula = trace.loss == .crossEntropy && !regression ? "p − y" : "∂E/∂\(p) · ∂\(p)/∂z"
                return [plain("δ = ∂E/∂z = \(formula) = "), value(d[0], 0)]
            }
        }

        /// z's sum written out for a unit of at most three inputs (`1.45×3 + -0.66×1.5 + 0`), else `w·x + b`.
        private func sum() -> String {
            let last = trace.sizes.count - 2, fanIn = trace.sizes[last]
            guard fanIn <= 3 else { return "w·x + b" }
            let start = trace.offset(layer: last)
            let x = last == 0 ? trace.instance.input : trace.instance.a[last - 1]
            let terms = (0..<fanIn).map { "\(n(trace.before[start + $0], 4))×\(n(x[$0], 4))" }
            return (terms + [n(trace.before[start + fanIn], 4)]).joined(separator: " + ")
        }

        // MARK: The update

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

        private var updateHeader: [[Span]] {
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

        private func parameters(_ l: Int, _ k: Int) -> [Span] {
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
}
