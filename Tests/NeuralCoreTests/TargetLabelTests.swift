import Testing
@testable import NeuralCore

/// A target column of texts: the encoding keeps the texts, so a class, a target and a message name them.
@Suite struct TargetLabelTests {
    @Test func classesAreNamedByTheirTexts() throws {
        // Texts sorted as read, "bird" = 0, "cat" = 1, "dog" = 2; only cat and dog are in the training targets.
        let labels = ["bird", "cat", "dog"]
        let (multiclass, _) = try TargetEncoding.choose(nil, targets: [1, 2, 2, 1], labels: labels)
        #expect(multiclass.task == .multiclass && multiclass.classes == [1, 2])
        #expect(multiclass.classLabels == ["cat", "dog"])
        #expect(multiclass.label(ofClass: 1) == "dog")
        #expect(multiclass.text(ofTarget: 0) == "bird")
        // A test target of a label the training targets lacked is named by its text.
        let test = Dataset(rows: [[0], [1]], targets: [1, 0])
        #expect(
            throws: TargetEncoding.Mismatch(
                row: 1, message: "class bird is not among the training data's classes cat, dog")
        ) {
            try multiclass.encode(test)
        }

        let (binary, _) = try TargetEncoding.choose(.binary, targets: [0, 1, 1], labels: ["no", "yes"])
        #expect(binary.classLabels == ["no", "yes"] && binary.label(ofClass: 1) == "yes")
        // One text for every row: the refusal names it, not its number.
        let one = #expect(throws: TargetEncoding.Mismatch.self) {
            try TargetEncoding.choose(.multiclass, targets: [0, 0], labels: ["yes"])
        }
        #expect(one?.message.contains("every target is yes") == true, "\(String(describing: one))")
    }

    @Test func numberTargetsKeepTheirValues() throws {
        let (multiclass, _) = try TargetEncoding.choose(nil, targets: [3, 5, 9, 3])
        #expect(multiclass.labels == nil && multiclass.classLabels == ["3", "5", "9"])
        #expect(multiclass.text(ofTarget: 7) == "7")
        #expect(TargetEncoding(task: .binary).classLabels == ["0", "1"])
        #expect(TargetEncoding(task: .regression).classLabels.isEmpty)
    }
}
