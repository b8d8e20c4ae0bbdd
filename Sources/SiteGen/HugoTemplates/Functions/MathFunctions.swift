import Foundation
import GoTemplates
import Synchronization

/// Hugo's `math` namespace. `add`, `sub`, `mul` and `div` keep integers integers and go to floats
/// when either operand is one (Hugo's `DoArithmetic`); `add` also joins strings.
enum MathFunctions {
    static let all: [HugoFunction] = [
        arithmetic("math.Add", alias: "add", "+"),
        arithmetic("math.Sub", alias: "sub", "-"),
        arithmetic("math.Mul", alias: "mul", "*"),
        arithmetic("math.Div", alias: "div", "/"),
        HugoFunction("math.Mod", aliases: ["mod"], arity: .exactly(2)) { arguments, _ in
            .int(try modulo(arguments[0], arguments[1]))
        },
        HugoFunction("math.ModBool", aliases: ["modBool"], arity: .exactly(2)) { arguments, _ in
            .bool(try modulo(arguments[0], arguments[1]) == 0)
        },
        HugoFunction("math.Pow", aliases: ["pow"], arity: .exactly(2)) { arguments, _ in
            let operands = try arguments.map { try float($0, operator: "Pow") }
            return .float(Foundation.pow(operands[0], operands[1]))
        },
        unary("math.Ceil", "Ceil") { $0.rounded(.up) },
        unary("math.Floor", "Floor") { $0.rounded(.down) },
        unary("math.Round", "Round") { $0.rounded(.toNearestOrAwayFromZero) },
        unary("math.Log", "Log") { Foundation.log($0) },
        unary("math.Sqrt", "Sqrt") { $0.squareRoot() },
        extremum("math.Max", "Max", Swift.max),
        extremum("math.Min", "Min", Swift.min),
        HugoFunction("math.Counter", arity: .exactly(0)) { _, _ in
            .int(counter.withLock { count in
                count += 1
                return count
            })
        },
    ]

    /// The count `math.Counter` increments, shared by every template of the build as Hugo's is.
    private static let counter = Mutex(0)

    private static func arithmetic(_ name: String, alias: String, _ operation: Character) -> HugoFunction {
        HugoFunction(name, aliases: [alias], arity: .atLeast(1)) { arguments, _ in
            try arguments.dropFirst().reduce(arguments[0]) { try apply(operation, $0, $1) }
        }
    }

    /// Hugo's `DoArithmetic`: two integers give an integer (wrapping as Go's int64 does), a float
    /// on either side gives a float, two strings can only be added. The result is zero when both
    /// operands are; dividing by zero fails.
    static func apply(_ operation: Character, _ a: TemplateValue, _ b: TemplateValue) throws -> TemplateValue {
        switch (a, b) {
        case _ where a.goKind == .int && b.goKind == .int:
            return try integers(operation, a.integer!, b.integer!)
        case _ where a.number != nil && b.number != nil:
            return try floats(operation, a.number!, b.number!)
        case (.string(let x), .string(let y)) where operation == "+",
             (.string(let x), .safe(let y, _)) where operation == "+",
             (.safe(let x, _), .string(let y)) where operation == "+",
             (.safe(let x, _), .safe(let y, _)) where operation == "+":
            return .string(x + y)
        default:
            throw TemplateFailure("can't apply the operator to the values")
        }
    }

    private static func integers(_ operation: Character, _ x: Int, _ y: Int) throws -> TemplateValue {
        switch operation {
        case "+": return .int(x &+ y)
        case "-": return .int(x &- y)
        case "*": return .int(x &* y)
        default:
            guard y != 0 else { throw TemplateFailure("can't divide the value by 0") }
            return .int(x.dividedReportingOverflow(by: y).partialValue)
        }
    }

    /// Go reaches floats with the integer operands left at zero, so a zero result is the integer 0.
    private static func floats(_ operation: Character, _ x: Double, _ y: Double) throws -> TemplateValue {
        switch operation {
        case "+": return x != 0 || y != 0 ? .float(x + y) : .int(0)
        case "-": return x != 0 || y != 0 ? .float(x - y) : .int(0)
        case "*": return x != 0 || y != 0 ? .float(x * y) : .int(0)
        default:
            guard y != 0 else { throw TemplateFailure("can't divide the value by 0") }
            return .float(x / y)
        }
    }

    private static func modulo(_ a: TemplateValue, _ b: TemplateValue) throws -> Int {
        guard let x = try? GoCast.int(a), let y = try? GoCast.int(b) else {
            throw TemplateFailure("modulo operator can't be used with non integer value")
        }
        guard y != 0 else { throw TemplateFailure("the number can't be divided by zero at modulo operation") }
        return x.remainderReportingOverflow(dividingBy: y).partialValue
    }

    private static func float(_ value: TemplateValue, operator name: String) throws -> Double {
        guard let float = try? GoCast.float(value) else {
            throw TemplateFailure("\(name) operator can't be used with non-float value")
        }
        return float
    }

    private static func unary(_ name: String, _ operatorName: String, _ function: @escaping @Sendable (Double) -> Double) -> HugoFunction {
        HugoFunction(name, arity: .exactly(1)) { arguments, _ in
            .float(function(try float(arguments[0], operator: operatorName)))
        }
    }

    /// `math.Max` and `math.Min` of any number of numbers (0 for none).
    private static func extremum(_ name: String, _ operatorName: String,
                                 _ choose: @escaping @Sendable (Double, Double) -> Double) -> HugoFunction {
        HugoFunction(name, arity: .atLeast(0)) { arguments, _ in
            let values = try arguments.map { try float($0, operator: operatorName) }
            return .float(values.dropFirst().reduce(values.first ?? 0, choose))
        }
    }
}
