import NeuralCore
import TerminalUI

/// An editable field per input feature; the network's weighted sum z, σ(z), the class, and each feature's
/// contribution to z, from the newest weights (`DashboardState.probeReading`, made when the weights, the
/// fields or the fields on screen change).
enum ProbePane {
    static let fieldWidth = 10

    /// The features whose fields the pane shows for `state`, or nil when it is not drawn.
    static func shownFields(_ state: DashboardState) -> Range<Int>? {
        guard state.size.covers(Layout.minimum) else { return nil }
        let inner = Panel.inner(of: state.layout.probe)
        guard inner.height >= 1, inner.width >= 12 else { return nil }
        let fieldRows = max(inner.height - 3, 1), count = state.probeTexts.count
        let first = firstField(state, fieldRows: fieldRows)
        return first..<min(first + fieldRows, count)
    }

    /// What the network makes of the probe's inputs, with the contributions of the features in `fields`; nil
    /// before the first snapshot (or with a network of another width) or while a field is not a number.
    static func reading(_ state: DashboardState, fields: Range<Int>) -> ProbeReading? {
        guard case .success(let values) = state.probeInput, let network = state.snapshot?.network,
            network.inputCount == state.networkInputCount, values.count == state.training.featureCount
        else { return nil }
        return ProbeReading(
            network: network, input: state.networkInput(values), shown: fields,
            passes: FrameBudget.passes(FrameBudget.probe, of: network))
    }

    /// The first field on screen when `fieldRows` fit: scrolled to keep the edited one in view.
    private static func firstField(_ state: DashboardState, fieldRows: Int) -> Int {
        let editing: Int = if case .probe(let k) = state.focus { k } else { 0 }
        return max(0, min(editing - fieldRows + 1, state.probeTexts.count - fieldRows))
    }

    static func draw(_ state: DashboardState, in rect: Rect, on buffer: inout Buffer) {
        let g = state.glyphs
        let editing: Int? = if case .probe(let k) = state.focus { k } else { nil }
        let inner = Panel(
            title: editing == nil ? "Probe \(g.middleDot) Tab to edit" : "Probe \(g.middleDot) editing",
            focused: editing != nil
        ).draw(in: rect, on: &buffer, glyphs: g, theme: state.theme)
        guard inner.height >= 1, inner.width >= 12 else { return }
        let names = state.training.featureNames
        let contributionLabel = contributionLabel(state)
        // Names as long as the room beside the field and its contribution allows: a wide screen shows them whole.
        let room = inner.width - fieldWidth - 1 - (contributionLabel.count + 9)
        let nameWidth = min(max(names.map(\.count).max() ?? 1, 2), max(room, 8))
        // Fields: as many as fit above the three summary lines, scrolled to keep the edited one in view.
        let fieldRows = max(inner.height - 3, 1)
        let count = state.probeTexts.count
        let first = firstField(state, fieldRows: fieldRows)
        let reading: ProbeReading?
        let problem: ProbeInputError?
        switch state.probeInput {
        case .success:
            reading = state.probeReading
            problem = nil
        case .failure(let error):
            reading = nil
            problem = error
        }

        for (r, k) in (first..<min(first + fieldRows, count)).enumerated() {
            var x = buffer.write(
                Text.left(Text.truncate(names[k], to: nameWidth, ellipsis: g.ellipsis), nameWidth) + " ",
                in: inner, row: r, style: state.theme.heading)
            let text = state.probeTexts[k]
            if editing == k && state.fieldSelected {
                // Selected, as entered: the text alone is highlighted (no cursor), and the first key replaces it.
                let selected = Text.truncate(text, to: fieldWidth, ellipsis: g.ellipsis)
                let end = buffer.write(
                    selected, x: x, y: inner.y + r, style: state.theme.focusedField, maxWidth: inner.maxX - x)
                x = buffer.write(
                    Text.left("", fieldWidth - selected.count), x: end, y: inner.y + r, style: state.theme.field,
                    maxWidth: inner.maxX - end)
            } else {
                let shown =
                    editing == k
                    ? Text.left(String(text.suffix(fieldWidth - 1)) + "_", fieldWidth)
                    : Text.left(Text.truncate(text, to: fieldWidth, ellipsis: g.ellipsis), fieldWidth)
                let style =
                    editing == k
                    ? state.theme.focusedField : (problem?.field == k ? state.theme.problem : state.theme.field)
                x = buffer.write(shown, x: x, y: inner.y + r, style: style, maxWidth: inner.maxX - x)
            }
            if let c = reading?.contribution(of: k), state.encoding.task == .binary {
                x = buffer.write(
                    "  \(contributionLabel) ", x: x, y: inner.y + r, style: state.theme.label, maxWidth: inner.maxX - x)
                buffer.write(
                    Format.signed(c, decimals: 3), x: x, y: inner.y + r, style: state.theme.signed(c),
                    maxWidth: inner.maxX - x)
            }
        }

        let summaryRow = min(fieldRows, count)
        if let problem {
            let name = names[problem.field]
            buffer.write(
                "\(name): \"\(problem.text)\" is not a number", in: inner, row: summaryRow, style: state.theme.problem)
        } else if let reading, state.encoding.task != .binary {
            buffer.write(
                outputLine(reading, state.encoding), in: inner, row: summaryRow, style: state.theme.heading.bolded)
            if state.encoding.task == .multiclass {
                buffer.write(
                    classLine(reading.outputs, state.encoding, width: inner.width, glyphs: g), in: inner,
                    row: summaryRow + 1,
                    style: state.theme.label)
            }
        } else if let reading {
            var x = buffer.write("z ", in: inner, row: summaryRow, style: state.theme.label)
            x = buffer.write(
                Format.fixed(reading.z, decimals: 4), x: x, y: inner.y + summaryRow,
                style: state.theme.signed(reading.z), maxWidth: inner.maxX - x)
            x = buffer.write(
                "  \(g.sigma)(z) ", x: x, y: inner.y + summaryRow, style: state.theme.label, maxWidth: inner.maxX - x)
            buffer.write(
                Format.fixed(reading.probability, decimals: 7), x: x, y: inner.y + summaryRow,
                style: state.theme.heading, maxWidth: inner.maxX - x)
            var line = "class \(state.encoding.label(ofClass: reading.predictedClass))"
            if let b = reading.bias { line += "  (bias \(Format.signed(b, decimals: 3)))" }
            buffer.write(
                line, in: inner, row: summaryRow + 1,
                style: reading.predictedClass == 1 ? state.theme.positive.bolded : state.theme.negative.bolded)
        }
        let hint: String
        if editing == nil {
            hint =
                reading != nil && state.encoding.task == .binary
                ? contributionMeaning(state) : "Tab: edit inputs"
        } else {
            hint =
                (state.fieldSelected ? "typing replaces it" : "type a number")
                + " \(g.middleDot) Tab next \(g.middleDot) Esc done"
        }
        buffer.write(hint, in: inner, row: summaryRow + 2, style: state.theme.label)
    }

    /// What each feature's figure is: w·x for a single unit (the terms of z, with the bias), Δz for a network
    /// with hidden layers (how much z drops when that input alone is set to 0; these do not add up to z).
    static func contributionLabel(_ state: DashboardState) -> String {
        let single = (state.snapshot?.network.layerCount ?? 1) == 1
        switch (single, state.glyphs == .unicode) {
        case (true, true): return "w\(state.glyphs.middleDot)x"
        case (true, false): return "w*x"
        case (false, true): return "\u{394}z"
        case (false, false): return "dz"
        }
    }

    /// The line under the reading that says what `contributionLabel` means.
    static func contributionMeaning(_ state: DashboardState) -> String {
        let label = contributionLabel(state)
        return (state.snapshot?.network.layerCount ?? 1) == 1
            ? "z = bias + \(state.glyphs == .unicode ? "Σ" : "sum of") weight \(state.glyphs.times) input"
            : "\(label) = z \(state.glyphs == .unicode ? "−" : "-") z(this input = 0)"
    }

    /// Every class's probability, in the classes' order, as many as fit `width` whole (an ellipsis for the rest).
    static func classLine(_ outputs: [Double], _ encoding: TargetEncoding, width: Int, glyphs g: GlyphSet) -> String {
        let items = outputs.enumerated().map { k, p in
            "\(encoding.label(ofClass: k)) \(p.isFinite ? Format.fixed(p, decimals: 2) : "-")"
        }
        let all = Text.wholeItems(["p"] + items, separator: "  ", width: width)
        if all.count >= ("p  " + items.joined(separator: "  ")).count { return all }
        return Text.wholeItems(["p"] + items, separator: "  ", width: width - 3) + "  " + g.ellipsis
    }

    /// A multiclass network's most likely class with its probability (and the runner-up), or a regression's
    /// value in the target's units.
    static func outputLine(_ reading: ProbeReading, _ encoding: TargetEncoding) -> String {
        let outputs = reading.outputs
        guard encoding.task == .multiclass else {
            return "value \(Format.short(encoding.value(fromOutput: outputs.first ?? .nan), digits: 6))"
        }
        let order = outputs.indices.sorted { outputs[$0] > outputs[$1] }
        guard let best = order.first, outputs[best].isFinite else { return "class none (outputs not numbers)" }
        var line = "class \(encoding.label(ofClass: best))  p \(Format.fixed(outputs[best], decimals: 3))"
        if order.count > 1 {
            line += "  (next \(encoding.label(ofClass: order[1])) \(Format.fixed(outputs[order[1]], decimals: 3)))"
        }
        return line
    }
}
