import Foundation
import Testing

/// CSV files as RFC 4180 and pandas write them, through the real executable: quoted cells, text columns as
/// categories kept in the model, text targets as labels, missing cells refused or dropped or filled, columns
/// chosen, a pandas row index left out, and `predict` encoding new rows as the training rows were.
@Suite struct MessyCSVCLITests {
    /// A small passenger list in pandas' style: a row index, quoted names with commas, doubled quotes and a
    /// line end inside quotes, text columns and a missing age.
    static let passengers =
        [
            ",Name,Sex,Age,Port,Survived",
            "0,\"Braund, Mr. Owen\",male,22,S,0",
            "1,\"Cumings, Mrs. John \"\"Flo\"\"\",female,38,C,1",
            "2,\"Heikkinen, Miss.\nLaina\",female,,S,1",
            "3,\"Allen, Mr. William\",male,35,S,0",
            "4,\"Moran, Mr. James\",male,27,Q,0",
            "5,\"Palsson, Master. Gosta\",male,2,S,0",
            "6,\"Johnson, Mrs. Oscar\",female,27,S,1",
            "7,\"Nasser, Mrs. Nicholas\",female,14,C,1"
        ].joined(separator: "\n") + "\n"

    static let train = ["train", "--target", "survived", "--drop", "name", "--iterations", "3000", "--standardize"]

    @Test func aPassengerListTrainsWithMissingMeanAndItsModelPredictsTheSameWay() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("passengers.csv", Self.passengers)
        let refused = try runNNTop(Self.train + ["--data", data])
        expectOneLineFailure(
            refused, contains: ["passengers.csv:4:4: ", "column \"Age\" has 1 missing cell", "--missing drop"])
        let result = try runNNTop(
            Self.train + ["--data", data, "--missing", "mean", "--save", scratch.path("m.json"), "--json"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("a row index"), "\(result)")
        #expect(result.stderr.contains("read as categories, one input each: Sex (2), Port (3)"), "\(result)")
        #expect(result.stderr.contains("filled 1 missing cell (--missing mean)"), "\(result)")
        _ = try jsonObject(result)
        let model = try scratch.read("m.json")
        #expect(model.contains("\"version\" : 3"))
        #expect(model.contains("\"categories\" : ["))
        // New rows: other columns, another order, no target, a missing age filled with the training mean.
        let new = try scratch.file(
            "new.csv", "Port,Age,Extra,Sex\nC,30,x,female\nS,,\"y, z\",male\n")
        let predicted = try runNNTop(["predict", "--model", scratch.path("m.json"), "--data", new])
        #expect(predicted.status == 0, "\(predicted)")
        let lines = predicted.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasSuffix("class 1") && lines[1].hasSuffix("class 0"), "\(predicted)")
        // The training file itself, index, names and all: its target is found by name and scored.
        let again = try runNNTop(["predict", "--model", scratch.path("m.json"), "--data", data])
        #expect(again.status == 0 && again.stdout.contains("accuracy 100.0% (8 of 8)"), "\(again)")
    }

    @Test func anUnseenCategoryIsNamedOrReadAsZeros() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("passengers.csv", Self.passengers)
        let saved = try runNNTop(
            Self.train + ["--data", data, "--missing", "drop", "--save", scratch.path("m.json")])
        #expect(saved.status == 0 && saved.stderr.contains("left out 1 of 8 rows"), "\(saved)")
        let new = try scratch.file("new.csv", "Sex,Age,Port\nfemale,30,C\nmale,40,X\n")
        expectOneLineFailure(
            try runNNTop(["predict", "--model", scratch.path("m.json"), "--data", new]),
            contains: ["new.csv:3:3: ", "category \"X\" of column \"Port\"", "(C, Q, S)", "--unknown zero"])
        let zero = try runNNTop(["predict", "--model", scratch.path("m.json"), "--data", new, "--unknown", "zero"])
        #expect(zero.status == 0 && zero.stdout.split(separator: "\n").count == 2, "\(zero)")
        // A model trained with --missing drop has nothing to fill a missing cell with.
        let holed = try scratch.file("holed.csv", "Sex,Age,Port\nfemale,,C\n")
        expectOneLineFailure(
            try runNNTop(["predict", "--model", scratch.path("m.json"), "--data", holed]),
            contains: ["holed.csv:2:2: ", "1 missing cell", "--missing drop", "--missing mean or mode"])
        // A column the model takes must be there.
        let short = try scratch.file("short.csv", "Sex,Age\nfemale,3\n")
        expectOneLineFailure(
            try runNNTop(["predict", "--model", scratch.path("m.json"), "--data", short]),
            contains: ["short.csv: ", "has no column \"Port\", which the model takes"])
    }

    /// `train --model` reads the target the model names, not the last column, as `predict` does.
    @Test func carryingOnFindsTheModelsTargetByName() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var text = "a,answer,colour\n"
        for i in 0..<20 { text += "\(i % 4),\(["no", "yes"][i % 2]),\(["red", "blue"][i % 3 == 0 ? 0 : 1])\n" }
        let data = try scratch.file("data.csv", text)
        let model = scratch.path("m.json")
        let first = try runNNTop(["train", "--data", data, "--target", "answer", "--iterations", "200", "--save", model]
        )
        try #require(first.status == 0, "\(first)")
        let again = try runNNTop(["train", "--data", data, "--model", model, "--iterations", "200", "--save", model])
        #expect(again.status == 0, "\(again)")
        #expect(again.stdout.contains("no, yes"), "\(again)")
    }

    @Test func aTextTargetIsReadAsClassLabels() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var text = "x,kind\n"
        for i in 0..<30 { text += "\(i % 3),\(["cat", "dog", "eel"][i % 3])\n" }
        let data = try scratch.file("kinds.csv", text)
        let result = try runNNTop(
            ["train", "--data", data, "--iterations", "4000", "--hidden", "4", "--save", scratch.path("m.json")])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("multiclass (3 classes: cat, dog, eel)"), "\(result)")
        let new = try scratch.file("new.csv", "x,kind\n0,cat\n2,eel\n")
        let predicted = try runNNTop(["predict", "--model", scratch.path("m.json"), "--data", new])
        #expect(predicted.stdout.contains("class cat"), "\(predicted)")
        #expect(predicted.stdout.contains("target eel"), "\(predicted)")
        let unknown = try scratch.file("unknown.csv", "x,kind\n0,fox\n")
        expectOneLineFailure(
            try runNNTop(["predict", "--model", scratch.path("m.json"), "--data", unknown]),
            contains: ["unknown.csv:2:2: ", "the label \"fox\" is not among the training data's (cat, dog, eel)"])
    }

    @Test func columnsAreChosenByNameAndTheModelRemembersThem() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var text = "ID,a,noise,B,label\n"
        for i in 0..<40 { text += "id\(i),\(i % 2),\(i * 7 % 5),\(i % 4 < 2 ? 1 : 0),\(i % 2)\n" }
        let data = try scratch.file("data.csv", text)
        let trained = try runNNTop(
            [
                "train", "--data", data, "--columns", "A,b", "--target", "LABEL", "--iterations", "2000",
                "--save", scratch.path("m.json")
            ])
        #expect(trained.status == 0, "\(trained)")
        let model = try scratch.read("m.json")
        #expect(model.contains("\"inputs\" : 2"))
        // The same kind of file, extra columns and all, in another order.
        let new = try scratch.file("new.csv", "B,label,zzz,a\n0,1,9,1\n")
        let predicted = try runNNTop(["predict", "--model", scratch.path("m.json"), "--data", new])
        #expect(predicted.status == 0 && predicted.stdout.contains("target 1"), "\(predicted)")
        expectOneLineFailure(
            try runNNTop(["train", "--data", data, "--drop", "nope"]),
            contains: ["data.csv: ", "--drop \"nope\" not found in header (ID, a, noise, B, label)"])
        expectOneLineFailure(
            try runNNTop(["train", "--data", data, "--columns", "a", "--drop", "b"]),
            contains: ["--columns and --drop"])
    }

    @Test func aNumericFileWithAPandasIndexLeavesTheIndexOut() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let data = try scratch.file("indexed.csv", ",x1,x2,y\n0,3,1.5,0\n1,2,1,1\n2,4,1.5,0\n3,3,4,1\n")
        let result = try runNNTop(["train", "--data", data, "--iterations", "10", "--save", scratch.path("m.json")])
        #expect(result.status == 0 && result.stderr.contains("a row index"), "\(result)")
        #expect(try scratch.read("m.json").contains("\"inputs\" : 2"))
        // The model is a plain numeric one (version 2), and predict leaves the index of its file out too.
        #expect(try scratch.read("m.json").contains("\"version\" : 2"))
        let predicted = try runNNTop(["predict", "--model", scratch.path("m.json"), "--data", data])
        #expect(predicted.status == 0 && predicted.stdout.split(separator: "\n").count == 5, "\(predicted)")
        #expect(predicted.stdout.contains("target 0"), "\(predicted)")
        let export = try runNNTop(["export", "--model", scratch.path("m.json"), "--onnx", scratch.path("m.onnx")])
        #expect(export.status == 0, "\(export)")
    }

    /// A header that names a column twice, as pandas reads it: the second is "a.1", said in a note, and is chosen
    /// by that name; the model finds it again in the same file.
    @Test func aRepeatedHeaderNameIsReadAsPandasNamesIt() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var text = "a,b,a,kind,y\n"
        for i in 0..<20 { text += "\(i % 3),\(i % 5),\(i % 2),\(["p", "q"][i % 2]),\(i % 2)\n" }
        let data = try scratch.file("twice.csv", text)
        let note = "nntop: note: column 3 repeats the name \"a\": read as \"a.1\", as pandas names it"
        let trained = try runNNTop([
            "train", "--data", data, "--columns", "a.1,b", "--iterations", "2000", "--save", scratch.path("m.json"),
            "--json"
        ])
        #expect(trained.stderrLines.first == Substring(note), "\(trained)")
        let summary = try jsonObject(trained)
        #expect(summary["feature_names"] as? [String] == ["a.1", "b"], "\(trained)")
        #expect(number(summary["train_accuracy"]) == 1, "the second a is the target: \(trained)")
        let predicted = try runNNTop(["predict", "--model", scratch.path("m.json"), "--data", data])
        #expect(predicted.status == 0 && predicted.stderrLines.first == Substring(note), "\(predicted)")
        #expect(predicted.stdout.contains("accuracy 100.0% (20 of 20)"), "\(predicted)")

        // A file of numbers only takes the fast reader, which names the columns alike.
        let numbers = try scratch.file("numbers.csv", "y,x,y\n0,1,1\n1,2,0\n0,3,1\n1,4,0\n")
        let plain = try runNNTop(["train", "--data", numbers, "--target", "y.1", "--iterations", "10", "--json"])
        #expect(
            plain.stderr == "nntop: note: column 3 repeats the name \"y\": read as \"y.1\", as pandas names it\n",
            "\(plain)")
        #expect(try jsonObject(plain)["feature_names"] as? [String] == ["y", "x"], "\(plain)")
    }

    @Test func nanIsAMissingCell() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        for cell in ["nan", "NaN", "NA", "?", "null", "\"\""] {
            let data = try scratch.file("d.csv", "a,b,y\n1,2,0\n3,\(cell),1\n5,6,1\n")
            expectOneLineFailure(
                try runNNTop(["train", "--data", data]),
                contains: ["d.csv:3:2: ", "column \"b\" has 1 missing cell"])
            let filled = try runNNTop(["train", "--data", data, "--missing", "mode", "--iterations", "10"])
            #expect(filled.status == 0 && filled.stderr.contains("filled 1 missing cell"), "\(filled)")
        }
    }
}
