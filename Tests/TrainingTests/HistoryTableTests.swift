@testable import NeuralCore
import Testing
@testable import Training

/// The one history CSV writer: a full log of reports (`nntop train --history`) in the columns of the bounded
/// history (`e`).
@Suite struct HistoryTableTests {
    static func report(_ iteration: Int, _ error: Double, test: Double? = nil) -> Trainer.Report {
        Trainer.Report(
            iteration: iteration, trainingError: error, testError: test, trainingAccuracy: 1, testAccuracy: nil,
            saturatedMistakes: 0)
    }

    @Test func aFullLogHasARowPerReport() {
        let table = HistoryTable(reports: [Self.report(100, 1.5), Self.report(200, 0.25)], hasTest: false)
        #expect(
            table.csv == "iteration,loss,minimum,maximum,reports\n100,1.5,1.5,1.5,1\n200,0.25,0.25,0.25,1\n"
        )
    }

    @Test func withTestDataEveryRowHasTheColumnEvenWithoutAValue() {
        let table = HistoryTable(reports: [Self.report(100, 2, test: 3), Self.report(150, 1)], hasTest: true)
        #expect(
            table.csv
                == "iteration,loss,minimum,maximum,reports,test_loss\n100,2.0,2.0,2.0,1,3.0\n150,1.0,1.0,1.0,1,\n"
        )
    }

    @Test func aLogAndTheBoundedHistoryOfTheSameReportsAgree() {
        var history = ErrorHistory()
        let reports = (1...5).map { Self.report($0 * 100, 1 / Double($0), test: 2 / Double($0)) }
        for r in reports {
            history.append(.init(iteration: r.iteration, error: r.trainingError, testError: r.testError))
        }
        #expect(HistoryTable(reports: reports, hasTest: true) == HistoryTable(history))
    }
}
