import NeuralCore
import TerminalUI
import Training

/// The bottom line: state word, iteration and limit, measured speed, learning rate, speed setting, key hints
/// (or what is being typed, or a notice). Every item is shown whole or not at all: when the line is too narrow
/// the least important go first (`rank`), so the iteration and the learning rate stay at 60 columns.
enum StatusBar {
    static func draw(_ state: DashboardState, in rect: Rect, on buffer: inout Buffer) {
        guard !rect.isEmpty else { return }
        let theme = state.theme
        buffer.fill(rect, style: theme.statusBar)
        guard let s = state.snapshot else {
            buffer.write(" starting\(state.glyphs.ellipsis)", in: rect, row: 0, style: theme.statusBar)
            return
        }
        let g = state.glyphs
        var x = buffer.write(" \(s.state.rawValue) ", in: rect, row: 0, style: theme.state(s.state.rawValue))
        // What is being typed, or a problem, takes the place of the figures: it must be readable at any width.
        if state.focus == .learningRate {
            buffer.write(
                "learning rate: \(state.learningRateText)_  (Enter sets, Esc cancels)", x: x + 1, y: rect.y,
                style: theme.statusBar.bolded, maxWidth: rect.maxX - x - 1)
            return
        }
        if let notice = state.notice, notice.isProblem {
            buffer.write(
                Text.cutAtWord(notice.text, to: rect.maxX - x - 1, ellipsis: g.ellipsis), x: x + 1, y: rect.y,
                style: theme.alert, maxWidth: rect.maxX - x - 1)
            return
        }
        // One message where the key hints go: news (a file saved, new data), why a run diverged, or a hint
        // about the run. The figures make room for it, least important first.
        let message: (text: String, style: Style)?
        if let notice = state.notice {
            message = (notice.text, theme.statusBar.bolded)
        } else if s.state == .diverged {
            message = (divergence(s, unscaled: state.standardization == nil && state.featuresUnscaled), theme.alert)
        } else if let diagnosis = state.diagnosis {
            message = (diagnosis.hint, theme.hint)
        } else {
            message = nil
        }
        let room = rect.maxX - x
        let hints = message == nil ? keyHints(running: s.state == .running) : []
        let kept = Text.kept(figures(s) + hints, rank: \.rank, width: room) {
            line($0, message: message?.text, g).count
        }
        let shown = kept.filter { !$0.isHint }
        let tail = message?.text ?? kept.filter(\.isHint).map(\.text).joined(separator: "  ")
        if !shown.isEmpty {
            let figures = " " + joined(shown, g)
            x = buffer.write(
                figures + (tail.isEmpty ? "" : " \(g.vertical) "), x: x, y: rect.y, style: theme.statusBar,
                maxWidth: room)
        } else {
            x += 1
        }
        // A message too long for the line on its own is cut at a word.
        buffer.write(
            Text.cutAtWord(tail, to: rect.maxX - x, ellipsis: g.ellipsis), x: x, y: rect.y,
            style: message?.style ?? theme.statusBar, maxWidth: rect.maxX - x)
    }

    /// An item of the line: a figure or a key hint, and its rank (0 is kept longest).
    struct Item {
        var text: String
        var rank: Int
        var isHint = false
        /// Read with the item before it, after a space: the epochs with the iteration.
        var attached = false
    }

    /// The figures, each with its rank: the iteration is kept longest, then the learning rate and optimizer,
    /// the measured speed and the batch size; then the speed setting, the epochs and the loss's interval.
    static func figures(_ s: Snapshot) -> [Item] {
        var iteration = "it \(Format.count(s.iteration))"
        if let limit = s.limit { iteration += "/\(Format.count(limit))" }
        var items = [
            Item(text: iteration, rank: 0),
            Item(
                text:
                    "ep \(s.epochs < 1_000 ? Format.short(s.epochs, digits: 3) : Format.count(Int(saturating: s.epochs)))",
                rank: 6, attached: true),
            Item(text: "\(Format.rate(s.stepsPerSecond)) it/s", rank: 2),
            Item(text: "lr \(Format.decimal(s.learningRate)) \(s.optimizer.kind.rawValue)", rank: 1),
            Item(text: "speed \(speedText(s.speed))", rank: 5)
        ]
        if s.batchSize > 1 { items.append(Item(text: "batch \(s.batchSize)", rank: 3)) }
        if s.reportIntervalAdapted {
            items.append(Item(text: "loss every \(Format.count(s.reportInterval)) it", rank: 7))
        }
        return items
    }

    /// The key hints, ranked among the figures: "? help" before the speed setting, "q quit" after the loss's
    /// interval, the rest after every figure, in the key table's order.
    static func keyHints(running: Bool) -> [Item] {
        KeyTable.hints(running: running).enumerated().map { order, text in
            let rank = text == "? help" ? 4 : text == "q quit" ? 8 : 10 + order
            return Item(text: text, rank: rank, isHint: true)
        }
    }

    /// The line that `items` (and `message`, in the hints' place) make after the state word.
    static func line(_ items: [Item], message: String?, _ g: GlyphSet) -> String {
        let figures = items.filter { !$0.isHint }
        let tail = message ?? items.filter(\.isHint).map(\.text).joined(separator: "  ")
        guard !figures.isEmpty else { return " " + tail }
        let head = " " + joined(figures, g)
        return tail.isEmpty ? head : head + " \(g.vertical) " + tail
    }

    /// Figures between bars, an attached one after a space.
    private static func joined(_ figures: [Item], _ g: GlyphSet) -> String {
        var text = ""
        for (k, item) in figures.enumerated() {
            if k > 0 { text += item.attached ? " " : " \(g.vertical) " }
            text += item.text
        }
        return text
    }

    /// The speed setting with its number in the measured speed's style: 300.0k/s, max.
    static func speedText(_ speed: Speed) -> String {
        switch speed {
        case .perSecond(let rate): return "\(Format.rate(rate))/s"
        case .unlimited: return "max"
        }
    }

    /// Why the run diverged and what to try: a lower rate, or standardized features when they are unscaled.
    static func divergence(_ s: Snapshot, unscaled: Bool) -> String {
        let reason = s.divergence?.reason ?? "the loss stopped being a finite number"
        let scaleFix = unscaled
        return "diverged: \(reason); try - (a lower rate)\(scaleFix ? " or S (standardize)" : ""), then space"
    }
}
