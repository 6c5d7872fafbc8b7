import NeuralCore
import TerminalUI
import Training

/// Everything the dashboard shows, as one value: the newest snapshot from the trainer plus what the user is
/// doing (focus, probe text, scrolling, toggles). `update` changes it; `render` draws it.
public struct DashboardState: Sendable {
    /// Where typed keys go.
    public enum Focus: Sendable, Equatable {
        case none
        /// Editing the probe's field for feature `index`.
        case probe(Int)
        /// Typing an exact learning rate.
        case learningRate
    }

    public var snapshot: Snapshot?
    /// The characters to draw with (Unicode, or ASCII when the locale is not UTF-8 or `--ascii`).
    public var glyphs: GlyphSet
    /// The parameters shown in the previous frame, for the ▲/▼ change marks.
    public var previousParameters: [Double]?
    /// The training data as the user wrote it (before any standardization).
    public let training: Dataset
    public let test: Dataset?
    /// Applied to shown rows and probe inputs before the forward pass, when the data were standardized.
    public let standardization: Standardization?
    public var focus: Focus = .none
    public var probeTexts: [String]
    public var learningRateText = ""
    /// A one-line note for the user (a rejected learning rate, say), cleared by the next key.
    public var notice: String?
    public var datasetScroll = 0
    public var showHelp = false
    public var logScale = false
    /// Show the whole run (true) or the recent window at full resolution (false).
    public var wholeRun = true
    public var size: Size
    public var quit = false

    public init(training: Dataset, test: Dataset? = nil, standardization: Standardization? = nil, size: Size,
                glyphs: GlyphSet = .unicode) {
        self.glyphs = glyphs
        self.training = training
        self.test = test
        self.standardization = standardization
        self.size = size
        // Start the probe at the first training instance, so it shows something real at once.
        probeTexts = training.row(0).map { Format.short($0) }
    }

    /// The network's input for raw values: standardized when the data were.
    public func networkInput(_ raw: [Double]) -> [Double] {
        standardization?.apply(raw) ?? raw
    }

    /// The probe's inputs, or the first field that is not a number.
    public var probeInput: Result<[Double], ProbeInputError> {
        var values: [Double] = []
        for (k, text) in probeTexts.enumerated() {
            guard let x = Double(text.trimmingCharacters(in: " ")), x.isFinite else {
                return .failure(ProbeInputError(field: k, text: text))
            }
            values.append(x)
        }
        return .success(values)
    }
}

public struct ProbeInputError: Error, Equatable, Sendable {
    public let field: Int
    public let text: String
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
