import NeuralCore
import TerminalUI
import Training

/// The bottom line: state word, iteration and limit, measured speed, learning rate, speed setting, key hints
/// (or what is being typed, or a notice).
enum StatusBar {
    static func draw(_ state: DashboardState, in rect: Rect, on buffer: inout Buffer) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect, style: Theme.statusBar)
        guard let s = state.snapshot else {
            buffer.write(" starting\(state.glyphs.ellipsis)", in: rect, row: 0, style: Theme.statusBar)
            return
        }
        let g = state.glyphs
        var x = buffer.write(" \(s.state.rawValue) ", in: rect, row: 0, style: Theme.state(s.state.rawValue))
        var text = " it \(Format.count(s.iteration))"
        if let limit = s.limit { text += "/\(Format.count(limit))" }
        text += " ep \(s.epochs < 1_000 ? Format.short(s.epochs, digits: 3) : Format.count(Int(saturating: s.epochs)))"
        text +=
            " \(g.vertical) \(Format.rate(s.stepsPerSecond)) it/s \(g.vertical) lr \(Format.decimal(s.learningRate))"
        text += " \(s.optimizer.kind.rawValue) \(g.vertical) speed \(speedText(s.speed))"
        if s.batchSize > 1 { text += " \(g.vertical) batch \(s.batchSize)" }
        if s.reportIntervalAdapted { text += " \(g.vertical) loss every \(Format.count(s.reportInterval)) it" }
        text += " \(g.vertical) "
        // What is being typed, or a notice, takes the place of the figures: it must be readable at any width.
        // News (a file saved, new data) goes where the key hints go when it fits there.
        let newsFits = state.notice.map { !$0.isProblem && x + text.count + $0.text.count <= rect.maxX } ?? false
        if state.focus != .learningRate && (state.notice == nil || newsFits) {
            x = buffer.write(text, x: x, y: rect.y, style: Theme.statusBar, maxWidth: rect.maxX - x)
        } else {
            x += 1
        }
        if state.focus == .learningRate {
            buffer.write(
                "learning rate: \(state.learningRateText)_  (Enter sets, Esc cancels)", x: x, y: rect.y,
                style: Theme.statusBar.bolded, maxWidth: rect.maxX - x)
        } else if let notice = state.notice {
            let style = notice.isProblem ? Style(.red, bold: true, reverse: true) : Theme.statusBar.bolded
            buffer.write(notice.text, x: x, y: rect.y, style: style, maxWidth: rect.maxX - x)
        } else if s.state == .diverged {
            buffer.write(
                StatusBar.divergence(s, unscaled: state.standardization == nil && state.featuresUnscaled), x: x,
                y: rect.y,
                style: Style(.red, bold: true, reverse: true), maxWidth: rect.maxX - x)
        } else if let diagnosis = state.diagnosis {
            buffer.write(
                diagnosis.hint, x: x, y: rect.y, style: Style(.yellow, bold: true, reverse: true),
                maxWidth: rect.maxX - x)
        } else {
            // Key hints, as many whole ones as fit.
            let hints = Text.wholeItems(
                KeyTable.hints(running: s.state == .running), separator: "  ", width: rect.maxX - x)
            buffer.write(hints, x: x, y: rect.y, style: Theme.statusBar, maxWidth: rect.maxX - x)
        }
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
