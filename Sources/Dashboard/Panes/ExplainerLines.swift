import NeuralCore
import TerminalUI

extension ExplainerPane {
    /// The explanation's lines, made one at a time.
    struct Lines {
        /// A piece of a line in one style (named here for the extensions, where `Span` is the standard library's).
        typealias Span = ExplainerPane.Span
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

        func n(_ x: Double, _ digits: Int = 6) -> String { Format.short(x, digits: digits) }
        func plain(_ text: String) -> Span { Span(text: text, style: .plain) }
        func label(_ text: String) -> Span { Span(text: text, style: theme.label) }
        func heading(_ text: String) -> Span { Span(text: text, style: theme.heading) }
        /// A number after a space, right-aligned in `width` (0: as long as it is).
        func value(_ x: Double, _ width: Int = 11, digits: Int = 6) -> Span {
            let text = n(x, digits)
            // Never cut: a number longer than its column pushes the rest of the line right.
            let padded = width > 0 && text.count < width - 1 ? Text.right(text, width - 1) : text
            return Span(text: width > 0 ? " " + padded : text, style: theme.signed(x))
        }
    }
}
