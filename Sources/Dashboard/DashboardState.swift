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
        /// Moving the decision map's cursor, which the probe follows.
        case map
    }

    /// What the terminal can show: no colour, the eight standard colours, or the 256-colour palette.
    public enum ColourDepth: Sendable, Equatable {
        case monochrome, eight, palette
    }

    public var snapshot: Snapshot? { didSet { diagnose() } }
    /// The status bar's hint for the newest snapshot: worked out once per snapshot (it runs the network over up
    /// to 64 rows), not in every frame.
    private(set) var diagnosis: Diagnosis?
    /// The characters to draw with (Unicode, or ASCII when the locale is not UTF-8 or `--ascii`).
    public var glyphs: GlyphSet
    public var colours: ColourDepth
    /// The parameters shown in the previous frame, for the ▲/▼ change marks.
    public var previousParameters: [Double]?
    /// The training data as the user wrote it (before any standardization).
    public private(set) var training: Dataset
    public private(set) var test: Dataset?
    /// Applied to shown rows and probe inputs before the forward pass, when the data were standardized.
    public private(set) var standardization: Standardization?
    /// The training data as the network sees them (standardized when the data are).
    public private(set) var trainingInput: Dataset
    public var focus: Focus = .none
    public var probeTexts: [String] { didSet { probeInput = DashboardState.parse(probeTexts) } }
    /// The probe's texts as numbers, or the first that is not one: read when a text changes, not every frame
    /// (a file of 100 000 features has as many fields).
    public private(set) var probeInput: Result<[Double], ProbeInputError>
    public var learningRateText = ""
    /// A one-line note for the user (a rejected learning rate, say), cleared by the next key, or by the host once
    /// it has been shown for its `lifetime` (`DashboardEvent.noticeExpired`).
    public var notice: Notice?
    public var datasetScroll = 0
    public var showHelp = false
    public var logScale = false
    /// Show the whole run (true) or the recent window at full resolution (false).
    public var wholeRun = true
    public var size: Size
    /// The decision map's plane (which features across and up, over what range).
    var mapPlane: MapPlane
    /// The map's cursor, in cells from the map's top-left corner (clamped to the map when drawn).
    public var mapCursor = (column: 0, row: 0)
    /// Draw the map in two flat colours (the predicted class) instead of shading by probability.
    public var discrete = false

    public init(
        training: Dataset, test: Dataset? = nil, standardization: Standardization? = nil, size: Size,
        glyphs: GlyphSet = .unicode, colours: ColourDepth = .palette
    ) {
        self.glyphs = glyphs
        self.colours = colours
        mapPlane = MapPlane(training: training, test: test, across: 0, up: training.featureCount > 1 ? 1 : nil)
        self.training = training
        self.test = test
        self.standardization = standardization
        trainingInput = standardization?.apply(training) ?? training
        self.size = size
        // Start the probe at the first training instance, so it shows something real at once.
        probeTexts = training.row(0).map { Format.short($0) }
        probeInput = DashboardState.parse(probeTexts)
    }

    /// The network's input for raw values: standardized when the data were.
    public func networkInput(_ raw: [Double]) -> [Double] {
        standardization?.apply(raw) ?? raw
    }

    /// The noise the built-in dataset was last drawn with (changed by [ and ]).
    public var noise: Double = 0

    /// Shows other data: the raw rows for the panes, the standardization the network's inputs get. The map
    /// plane and the probe start over on them.
    public mutating func replaceData(training: Dataset, test: Dataset?, standardization: Standardization?) {
        self.training = training
        self.test = test
        self.standardization = standardization
        trainingInput = standardization?.apply(training) ?? training
        diagnose()
        mapPlane = MapPlane(training: training, test: test, across: 0, up: training.featureCount > 1 ? 1 : nil)
        datasetScroll = 0
        if training.count > 0 { probeTexts = training.row(0).map { Format.short($0) } }
        if case .probe = focus { focus = .none }
    }

    /// Where the panes go on the current screen.
    var layout: Layout {
        let sizes = snapshot?.network.sizes ?? [training.featureCount, 1]
        return Layout(
            size: size, rows: training.count, features: training.featureCount,
            parameterRows: WeightsPane.rows(for: sizes))
    }

    /// The map's cursor clamped to a map drawn in `area`.
    func mapCursorCell(in area: Rect) -> (column: Int, row: Int) {
        (min(max(mapCursor.column, 0), area.width - 1), min(max(mapCursor.row, 0), area.height - 1))
    }

    /// The probe's inputs, or the first field that is not a number.
    private mutating func diagnose() {
        diagnosis = snapshot.flatMap { Diagnosis.of($0, training: trainingInput) }
    }

    static func parse(_ texts: [String]) -> Result<[Double], ProbeInputError> {
        var values: [Double] = []
        values.reserveCapacity(texts.count)
        for (k, text) in texts.enumerated() {
            var trimmed = Substring(text)
            while trimmed.first == " " { trimmed = trimmed.dropFirst() }
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            guard let x = Double(trimmed), x.isFinite else { return .failure(ProbeInputError(field: k, text: text)) }
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
