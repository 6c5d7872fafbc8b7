public enum NNTopMain { public static func main() {} }
