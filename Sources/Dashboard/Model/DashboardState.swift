import NeuralCore
import TerminalUI
import Training

/// Everything the dashboard shows, as one value: the newest snapshot from the trainer plus what the user is
/// doing (focus, probe text, scrolling, toggles), and what the network makes of what is on screen. `update`
/// changes it; `render` draws it.
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
        /// Choosing a unit of the Network pane, and one of its parameters.
        case network
        /// Typing a value for the selected unit's chosen parameter.
        case parameter
        /// Moving the weights pane's selected parameter (`weightsCursor`).
        case weights
    }

    /// What the terminal can show: no colour, the eight standard colours, or the 256-colour palette.
    public enum ColourDepth: Sendable, Equatable {
        case monochrome, eight, palette
    }

    public var snapshot: Snapshot? {
        didSet {
            generation += 1
            diagnose()
            refresh()
        }
    }
    /// The status bar's hint for the newest snapshot: worked out once per snapshot (it runs the network over up
    /// to 64 rows), not in every frame.
    private(set) var diagnosis: Diagnosis?
    /// What the network makes of what is on screen: the dataset pane's predictions, the probe's reading, the
    /// decision map's judged points. Each is made when what it depends on changes (`refresh`), not in every
    /// frame, so `render` only reads them. (The map's probability field is the exception: `MapPane` samples it
    /// while drawing, within its share of `FrameBudget`.)
    private(set) var predictions = RowPredictions.none
    private(set) var probeReading: ProbeReading?
    private(set) var pointPredictions: [Double] = []
    /// Counts changes of the network or the data: a reading made for another count is made again.
    private var generation = 0
    /// What the probe's reading and the map's points were made for.
    private var probeMade: (generation: Int, fields: Range<Int>?)?
    private var pointsMade: (generation: Int, shown: Bool)?
    /// True while `replaceData` changes several inputs at once: the readings are made once, at its end.
    private var replacing = false
    /// The characters to draw with (Unicode, or ASCII when the locale is not UTF-8 or `--ascii`).
    public var glyphs: GlyphSet { didSet { refresh() } }
    public var colours: ColourDepth { didSet { restyle() } }
    /// The theme and palette the screen is drawn in (the config file, --theme and --palette; P cycles the
    /// palette), and the styles made from them for `colours`.
    public var themeName = Theme.Name.dark { didSet { restyle() } }
    public var palette = Theme.Palette.standard { didSet { restyle() } }
    private(set) var theme: Theme
    /// Whether the decision map is drawn when the screen is large enough (the config file's `map`).
    public var showsMap = true
    /// The parameters shown in the previous frame, for the ▲/▼ change marks.
    public var previousParameters: [Double]?
    /// The training data as the user wrote it (before any standardization).
    public private(set) var training: Dataset
    public private(set) var test: Dataset?
    /// Applied to shown rows and probe inputs before the forward pass, when the data were standardized.
    public private(set) var standardization: Standardization?
    /// How the targets read: 0/1, class labels, or a regression's values (and its target standardization).
    public var encoding = TargetEncoding(task: .binary)
    /// The inputs made from each two-feature point (`--features`), applied before the standardization; nil for
    /// the data's own columns.
    public private(set) var featureMap: FeatureMap?
    /// Inputs the network takes: the feature map's, or the data's columns.
    public var networkInputCount: Int { featureMap?.features.count ?? training.featureCount }
    /// Whether the raw features look unscaled (`FeatureScale.needsStandardizing`): S is then the fix to offer.
    public private(set) var featuresUnscaled = false
    /// The training data as the network sees them (standardized when the data are).
    public private(set) var trainingInput: Dataset
    public var focus: Focus = .none { didSet { refresh() } }
    public var probeTexts: [String] {
        didSet {
            probeInput = DashboardState.parse(probeTexts)
            probeMade = nil
            probeVersion &+= 1
            refresh()
        }
    }
    /// The probe's texts as numbers, or the first that is not one: read when a text changes, not every frame
    /// (a file of 100 000 features has as many fields).
    public private(set) var probeInput: Result<[Double], ProbeInputError>
    public var learningRateText = ""
    /// Whether the text being edited (the learning rate, or the probe's field) is still as it was when the field
    /// was entered, shown whole: the first key typed replaces it, Backspace clears it.
    public var fieldSelected = false
    /// A one-line note for the user (a rejected learning rate, say), cleared by the next key, or by the host once
    /// it has been shown for its `lifetime` (`DashboardEvent.noticeExpired`).
    public var notice: Notice?
    public var datasetScroll = 0 { didSet { refresh() } }
    /// The dataset pane's rows and columns (`t`, `f`, Left and Right).
    public var datasetView = DatasetView() { didSet { refresh() } }
    /// The shown set's wrong rows, while the pane shows only those (made in `refresh`).
    private(set) var wrongRows: WrongRows?
    /// The rows the dataset pane shows: the test set's (`t`, when there is one) or the training set's.
    public var datasetRows: Dataset { datasetView.showsTest ? (test ?? training) : training }
    public var showHelp = false {
        didSet { helpPage = 0 }
    }
    /// The help overlay's page, on a screen too small for every key at once.
    public var helpPage = 0
    /// The confusion matrix shown over the panes (the C key), as of when it was opened; nil when closed.
    public var confusion: ConfusionTable?
    public var logScale = false { didSet { refresh() } }
    /// Show the whole run (true) or the recent window at full resolution (false).
    public var wholeRun = true { didSet { refresh() } }
    /// The loss chart's smoothing weight (`Smoothing.levels`; 0 is none).
    public var smoothing = 0.0 { didSet { refresh() } }
    /// What the loss chart draws, made when the snapshot, the chart's size or its keys change.
    private(set) var errorChart: ErrorChart?
    private var chartMade: ChartInputs?
    public var size: Size { didSet { refresh() } }
    /// The weights pane's selected parameter, moved while the pane has focus.
    public var weightsCursor = WeightsCursor()
    /// The step explainer, when open (the X key): which of its lines is first on screen.
    public var explainer: ExplainerView?
    /// Hidden units saturated, layer by layer, for the weights pane: worked out once per snapshot.
    private(set) var saturation: Saturation?
    /// The decision map's plane (which features across and up, over what range).
    var mapPlane: MapPlane { didSet { refresh() } }
    /// The Network pane shown (true) or hidden (false) by the user, or nil: shown from `Layout.networkDefault` up
    /// for a network with a hidden layer.
    public var networkShown: Bool? { didSet { refresh() } }
    /// The unit chosen in the Network pane: the decision map shows its map. Nil for the network's output.
    public var selectedUnit: NetworkUnit?
    /// Which of the selected unit's parameters Tab has reached: 0 its bias, k its weight from input k.
    public var selectedParameter = 0
    /// The value being typed for that parameter.
    public var parameterText = ""
    /// What the Network pane draws, made when what it depends on changes.
    private(set) var networkReading: NetworkReading?
    private var networkMade: NetworkInputs?
    /// Counts changes of the probe's texts.
    private var probeVersion = 0
    /// The map's cursor, in cells from the map's top-left corner (clamped to the map when drawn).
    public var mapCursor = (column: 0, row: 0)
    /// Draw the map in two flat colours (the predicted class) instead of shading by probability.
    public var discrete = false

    public init(
        training: Dataset, test: Dataset? = nil, standardization: Standardization? = nil,
        featureMap: FeatureMap? = nil, size: Size,
        glyphs: GlyphSet = .unicode, colours: ColourDepth = .palette
    ) {
        self.glyphs = glyphs
        self.colours = colours
        theme = Theme(colours: colours)
        mapPlane = MapPlane(training: training, test: test, across: 0, up: training.featureCount > 1 ? 1 : nil)
        self.training = training
        self.test = test
        self.standardization = standardization
        self.featureMap = featureMap
        trainingInput = InputPipeline(featureMap: featureMap, standardization: standardization).apply(training)
        featuresUnscaled = FeatureScale(of: training)?.needsStandardizing ?? false
        self.size = size
        // Start the probe at the first training instance, so it shows something real at once.
        probeTexts = training.row(0).map { Format.short($0) }
        probeInput = DashboardState.parse(probeTexts)
        refresh()
    }

    /// The network's input for raw values: mapped (`featureMap`), then standardized when the data were.
    public func networkInput(_ raw: [Double]) -> [Double] { pipeline.apply(raw) }

    /// Rows of raw data as the network takes them: mapped, then standardized.
    public func networkInput(_ raw: Dataset) -> Dataset { pipeline.apply(raw) }

    /// What the network's inputs get: the feature map, then the standardization.
    public var pipeline: InputPipeline { InputPipeline(featureMap: featureMap, standardization: standardization) }

    /// The noise the built-in dataset was last drawn with (changed by [ and ]).
    public var noise: Double = 0
    /// Whether the data are a built-in set drawn at a noise level (xor, circle, gaussian, spiral; not the
    /// tutorial's fixed points nor a file): the dataset pane's title shows `noise`.
    public var drawsData = false

    /// Shows other data: the raw rows for the panes, the standardization the network's inputs get. The map
    /// plane and the probe start over on them.
    public mutating func replaceData(
        training: Dataset, test: Dataset?, standardization: Standardization?, featureMap: FeatureMap? = nil
    ) {
        replacing = true
        defer {
            replacing = false
            generation += 1
            refresh()
        }
        self.training = training
        self.test = test
        self.standardization = standardization
        self.featureMap = featureMap
        trainingInput = pipeline.apply(training)
        featuresUnscaled = FeatureScale(of: training)?.needsStandardizing ?? false
        diagnose()
        mapPlane = MapPlane(training: training, test: test, across: 0, up: training.featureCount > 1 ? 1 : nil)
        datasetScroll = 0
        datasetView.firstColumn = 0
        if test == nil { datasetView.showsTest = false }
        if training.count > 0 { probeTexts = training.row(0).map { Format.short($0) } }
        if case .probe = focus { focus = .none }
    }

    /// Standardized in place (the S key): the network's inputs get `z` from now on, while the rows shown, the map
    /// plane and the probe's texts stay in the data's own units.
    public mutating func standardize(by z: Standardization) {
        standardization = z
        trainingInput = pipeline.apply(training)
        generation += 1
        refresh()
        diagnose()
    }

    /// Where the panes go on the current screen.
    var layout: Layout {
        let sizes = snapshot?.network.sizes ?? [training.featureCount, 1]
        return Layout(
            size: size, rows: training.count, features: training.featureCount,
            parameterRows: WeightsPane.rows(for: sizes),
            networkRows: showsNetwork ? NetworkGeometry.wantedRows(sizes) : nil, map: showsMap)
    }

    /// Whether the Network pane is wanted: as the user chose, or by default for a network with a hidden layer on
    /// a screen of `Layout.networkDefault` and up. (`Layout` also asks whether it fits.)
    var showsNetwork: Bool {
        guard let network = snapshot?.network else { return false }
        return networkShown ?? (network.layerCount > 1 && size.covers(Layout.networkDefault))
    }

    private mutating func restyle() { theme = Theme(themeName, palette: palette, colours: colours) }

    /// The map's cursor clamped to a map drawn in `area`.
    func mapCursorCell(in area: Rect) -> (column: Int, row: Int) {
        (min(max(mapCursor.column, 0), area.width - 1), min(max(mapCursor.row, 0), area.height - 1))
    }

    private mutating func diagnose() {
        diagnosis = snapshot.flatMap { Diagnosis.of($0, training: trainingInput) }
        saturation = snapshot.flatMap { WeightsPane.saturation($0.network, training: trainingInput) }
    }

    /// Brings the readings up to date with the snapshot, the data and the view: each is made again only when
    /// what it depends on has changed since (scrolling keeps the predictions of rows still on screen).
    private mutating func refresh() {
        guard !replacing else { return }
        let chartInputs = ChartInputs(
            generation: generation, area: ErrorPane.chartArea(self), logScale: logScale, wholeRun: wholeRun,
            smoothing: smoothing, braille: glyphs.braille)
        if chartMade != chartInputs {
            errorChart = chartInputs.area.flatMap { area in
                snapshot.flatMap { s in
                    ErrorChart(
                        history: s.chartHistory ?? s.history, now: [s.trainingLoss, s.testLoss], best: s.bestError,
                        wholeRun: wholeRun,
                        logScale: logScale, smoothing: smoothing, cells: area.width, rows: area.height,
                        dotsAcross: glyphs.braille ? 2 : 1)
                }
            }
            chartMade = chartInputs
        }
        if datasetView.wrongOnly {
            if wrongRows?.generation != generation || wrongRows?.test != datasetView.showsTest {
                wrongRows = WrongRows(self, generation: generation)
            }
        } else if wrongRows != nil {
            wrongRows = nil
        }
        let rows = DatasetPane.shownRows(self)
        if predictions.generation != generation || predictions.rows != rows {
            predictions = RowPredictions(self, rows: rows, generation: generation, reusing: predictions)
        }
        let fields = ProbePane.shownFields(self)
        if probeMade?.generation != generation || probeMade?.fields != fields {
            probeReading = fields.flatMap { ProbePane.reading(self, fields: $0) }
            probeMade = (generation, fields)
        }
        let geometry = NetworkPane.geometry(self)
        let networkInputs = NetworkInputs(
            generation: generation, plane: mapPlane, probe: probeVersion,
            samples: geometry.map { $0.maps ? [$0.mapWidth, $0.sampleRows] : [0, 0] })
        if networkMade != networkInputs {
            networkReading = networkInputs.samples.flatMap {
                NetworkReading(self, sampleColumns: $0[0], sampleRows: $0[1])
            }
            networkMade = networkInputs
        }
        let shown = MapPane.showsPoints(self)
        if pointsMade?.generation != generation || pointsMade?.shown != shown {
            pointPredictions = shown ? MapPane.judgedPoints(self) : []
            pointsMade = (generation, shown)
        }
    }

    /// The probe's inputs, or the first field that is not a number.
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

/// What the loss chart was made for.
private struct ChartInputs: Equatable {
    var generation: Int
    var area: Rect?
    var logScale: Bool
    var wholeRun: Bool
    var smoothing: Double
    var braille: Bool
}

/// What the Network pane's reading was made for.
private struct NetworkInputs: Equatable {
    var generation: Int
    var plane: MapPlane
    var probe: Int
    /// The samples of each unit's map, across and down; nil while the pane is not on screen.
    var samples: [Int]?
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
