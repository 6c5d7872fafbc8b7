import TerminalUI

/// The readings `DashboardState` makes from the network for what is on screen, and when each is made again.
extension DashboardState {
    /// The status bar's hint and the hidden units' saturation, for the snapshot and the data now.
    mutating func diagnose() {
        diagnosis = snapshot.flatMap { Diagnosis.of($0, training: trainingInput) }
        saturation = snapshot.flatMap { WeightsPane.saturation($0.network, training: trainingInput) }
    }

    /// Brings the readings up to date with the snapshot, the data and the view: each is made again only when
    /// what it depends on has changed since (scrolling keeps the predictions of rows still on screen).
    mutating func refresh() {
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
}

/// What the loss chart was made for.
struct ChartInputs: Equatable {
    var generation: Int
    var area: Rect?
    var logScale: Bool
    var wholeRun: Bool
    var smoothing: Double
    var braille: Bool
}

/// What the Network pane's reading was made for.
struct NetworkInputs: Equatable {
    var generation: Int
    var plane: MapPlane
    var probe: Int
    /// The samples of each unit's map, across and down; nil while the pane is not on screen.
    var samples: [Int]?
}
