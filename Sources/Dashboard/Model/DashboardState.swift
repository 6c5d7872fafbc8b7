import NeuralCore
import TerminalUI
import Training

/// Everything the dashboard shows, as one value: the newest snapshot from the trainer plus what the user is
/// doing (focus, probe text, scrolling, toggles), and what the network makes of what is on screen. `update`
/// changes it; `render` draws it.
public struct DashboardState: Sendable {
    public var snapshot: Snapshot? {
        didSet {
            generation += 1
            diagnose()
            refresh()
        }
    }
    /// The status bar's hint for the newest snapshot: worked out once per snapshot (it runs the network over up
    /// to 64 rows), not in every frame.
    var diagnosis: Diagnosis?
    /// What the network makes of what is on screen: the dataset pane's predictions, the probe's reading, the
    /// decision map's judged points. Each is made when what it depends on changes (`refresh`), not in every
    /// frame, so `render` only reads them. (The map's probability field is the exception: `MapPane` samples it
    /// while drawing, within its share of `FrameBudget`.) These and the other readings below are set only by
    /// `refresh` and `diagnose` (`Readings.swift`).
    var predictions = RowPredictions.none
    var probeReading: ProbeReading?
    var pointPredictions: [Double] = []
    /// Counts changes of the network or the data: a reading made for another count is made again.
    private(set) var generation = 0
    /// What the probe's reading and the map's points were made for.
    var probeMade: (generation: Int, fields: Range<Int>?)?
    var pointsMade: (generation: Int, shown: Bool)?
    /// True while `replaceData` changes several inputs at once: the readings are made once, at its end.
    private(set) var replacing = false
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
    var wrongRows: WrongRows?
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
    var errorChart: ErrorChart?
    var chartMade: ChartInputs?
    public var size: Size { didSet { refresh() } }
    /// The weights pane's selected parameter, moved while the pane has focus.
    public var weightsCursor = WeightsCursor()
    /// The step explainer, when open (the X key): which of its lines is first on screen.
    public var explainer: ExplainerView?
    /// Hidden units saturated, layer by layer, for the weights pane: worked out once per snapshot.
    var saturation: Saturation?
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
    var networkReading: NetworkReading?
    var networkMade: NetworkInputs?
    /// Counts changes of the probe's texts.
    private(set) var probeVersion = 0
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

    private mutating func restyle() { theme = Theme(themeName, palette: palette, colours: colours) }
}
