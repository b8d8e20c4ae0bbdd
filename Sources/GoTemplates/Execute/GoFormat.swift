/// Go's `fmt` printing of template values: text/template's `print`, `println` and `printf` are
/// `fmt.Sprint`, `fmt.Sprintln` and `fmt.Sprintf`, and `{{ . }}` prints a value as `fmt.Sprint`
/// does. The code follows Go 1.19's `fmt/print.go`, `fmt/format.go` and the parts of `strconv`
/// they call, step by step, so that flags, widths, error texts and float digits come out byte for
/// byte as Go's.
///
/// A `Value` is printed as the Go value it stands for (see `Value`): `.list` is `[]interface{}`,
/// `.map` is `map[string]interface{}` (`maps.Params` when case-insensitive), `.safe` is one of
/// html/template's string types. A host object prints as a Go `Stringer`: its `printed` text for
/// `%v %s %q %x %X`, its `typeName` for `%T`.
public enum GoFormat {
    /// `fmt.Sprint`: each operand as `%v`, with a space between two operands when neither is a
    /// string.
    public static func sprint(_ arguments: [Value]) -> String {
        var printer = Printer(capacity: 16 * arguments.count)
        var previousIsString = false
        for (index, argument) in arguments.enumerated() {
            let isString = argument.isGoString
            if index > 0 && !isString && !previousIsString {
                printer.write(" ")
            }
            printer.printArgument(argument, verb: "v")
            previousIsString = isString
        }
        return printer.text
    }

    /// `fmt.Sprintln`: each operand as `%v`, always a space between two, and a newline at the end.
    public static func sprintln(_ arguments: [Value]) -> String {
        var printer = Printer(capacity: 16 * arguments.count + 1)
        for (index, argument) in arguments.enumerated() {
            if index > 0 {
                printer.write(" ")
            }
            printer.printArgument(argument, verb: "v")
        }
        printer.write("\n")
        return printer.text
    }

    /// `fmt.Sprintf`: `format`'s verbs applied to `arguments`, with Go's `%!…` texts for what does
    /// not fit (a wrong verb, a missing or extra operand, a bad width or index).
    public static func sprintf(_ format: String, _ arguments: [Value]) -> String {
        var printer = Printer(capacity: format.utf8.count + 16 * arguments.count)
        var format = format
        format.withUTF8 { printer.printFormatted($0, arguments) }
        return printer.text
    }

    /// One value as `%v` prints it: what `{{ . }}` writes (`<nil>` for nil).
    public static func printed(_ value: Value) -> String {
        switch value {
        case .string(let string), .safe(let string, _): return string
        case .int(let integer): return String(integer)
        case .bool(let bool): return bool ? "true" : "false"
        case .null: return "<nil>"
        case .object(let object): return object.printed
        case .float, .list, .map:
            var printer = Printer(capacity: 24)
            printer.printArgument(value, verb: "v")
            return printer.text
        }
    }
}

extension Value {
    /// Whether Go's `reflect.Kind` of the value is `String`, which `fmt.Sprint` puts no space beside.
    fileprivate var isGoString: Bool {
        switch self {
        case .string, .safe: return true
        default: return false
        }
    }
}

/// The flags, width and precision of one verb (Go's `fmtFlags` with `wid` and `prec`).
private struct Flags {
    var width = 0
    var precision = 0
    var hasWidth = false
    var hasPrecision = false
    var minus = false
    var plus = false
    var sharp = false
    var space = false
    var zero = false
    /// `%+v` and `%#v` set these instead of `plus` and `sharp`: they are different formats, not
    /// flags of `%v`.
    var plusV = false
    var sharpV = false
}

private let lowerDigits = Array("0123456789abcdefx".utf8)
private let upperDigits = Array("0123456789ABCDEFX".utf8)

/// Go's `pp` and `fmt` in one: prints operands into `output`.
private struct Printer {
    private var output: [UInt8] = []
    private var flags = Flags()
    /// `Sprintf` state: an explicit argument index was used, so extra operands are not reported.
    private var reordered = false
    /// `Sprintf` state: the current verb's argument index is valid.
    private var goodArgumentIndex = true

    /// A printer whose output is expected to be about `capacity` bytes long.
    init(capacity: Int) {
        output.reserveCapacity(capacity)
    }

    var text: String { String(decoding: output, as: UTF8.self) }

    mutating func write(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    private mutating func write(_ scalar: Unicode.Scalar) {
        UTF8.encode(scalar) { output.append($0) }
    }

    // MARK: Operands

    /// Go's `printArg`: one top-level operand.
    mutating func printArgument(_ value: Value, verb: Unicode.Scalar) {
        if case .null = value {
            switch verb {
            case "T", "v": padString("<nil>"[...])
            default: badVerb(verb, value)
            }
            return
        }
        switch verb {
        case "T":
            formatString(value.goTypeName[...])
        case "p", "w":
            // Go prints the address of a list or map for %p, which a Value does not have, and %w
            // is for errors only: both are bad verbs for every other operand.
            badVerb(verb, value)
        default:
            printValue(value, verb: verb)
        }
    }

    /// Go's `printValue`: an operand, or an element of a list or map.
    private mutating func printValue(_ value: Value, verb: Unicode.Scalar) {
        switch value {
        case .null:
            // Only reached for elements (printArgument handles a nil operand): a nil
            // interface{} inside a list or map prints without padding whatever the verb.
            write(flags.sharpV ? "interface {}(nil)" : "<nil>")
        case .bool(let bool):
            switch verb {
            case "t", "v": padString((bool ? "true" : "false")[...])
            default: badVerb(verb, value)
            }
        case .int(let integer):
            printInteger(integer, verb: verb)
        case .float(let float):
            printFloat(float, verb: verb)
        case .string(let string), .safe(let string, _):
            printString(string[...], verb: verb, value)
        case .list(let elements):
            write(flags.sharpV ? "[]interface {}{" : "[")
            for (index, element) in elements.enumerated() {
                if index > 0 {
                    write(flags.sharpV ? ", " : " ")
                }
                printValue(element, verb: verb)
            }
            write(flags.sharpV ? "}" : "]")
        case .map(let map):
            write(flags.sharpV ? value.goTypeName + "{" : "map[")
            // Go's fmtsort orders string keys by their bytes.
            let entries = map.entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, entry) in entries.enumerated() {
                if index > 0 {
                    write(flags.sharpV ? ", " : " ")
                }
                printString(entry.key[...], verb: verb, .string(entry.key))
                write(":")
                printValue(entry.value, verb: verb)
            }
            write(flags.sharpV ? "}" : "]")
        case .object(let object):
            switch verb {
            case "v", "s", "q", "x", "X":
                // A Stringer's String() for the verbs of strings. (For %#v Go would print the
                // struct's fields, which a host object does not expose.)
                printString(object.printed[...], verb: verb, value)
            default:
                // A Stringer of an integer kind (time.Month) prints as its number for the other verbs.
                if let integer = object.integerValue { printInteger(integer, verb: verb) } else { badVerb(verb, value) }
            }
        }
    }

    /// `%!d(string=hi)`: the verb does not fit the operand, which is printed with `%v` and the
    /// verb's flags.
    private mutating func badVerb(_ verb: Unicode.Scalar, _ value: Value) {
        write("%!")
        write(verb)
        write("(")
        if case .null = value {
            write("<nil>")
        } else {
            write(value.goTypeName)
            write("=")
            printArgument(value, verb: "v")
        }
        write(")")
    }

    private mutating func printInteger(_ integer: Int, verb: Unicode.Scalar) {
        switch verb {
        case "v", "d": formatInteger(integer, base: 10, verb: verb, digits: lowerDigits)
        case "b": formatInteger(integer, base: 2, verb: verb, digits: lowerDigits)
        case "o", "O": formatInteger(integer, base: 8, verb: verb, digits: lowerDigits)
        case "x": formatInteger(integer, base: 16, verb: verb, digits: lowerDigits)
        case "X": formatInteger(integer, base: 16, verb: verb, digits: upperDigits)
        case "c": formatCharacter(integer)
        case "q": formatQuotedCharacter(integer)
        case "U": formatUnicode(integer)
        default: badVerb(verb, .int(integer))
        }
    }

    private mutating func printFloat(_ float: Double, verb: Unicode.Scalar) {
        switch verb {
        case "v": formatFloat(float, format: UInt8(ascii: "g"), precision: -1)
        case "b", "g", "G", "x", "X": formatFloat(float, format: UInt8(verb.value), precision: -1)
        case "f", "e", "E": formatFloat(float, format: UInt8(verb.value), precision: 6)
        case "F": formatFloat(float, format: UInt8(ascii: "f"), precision: 6)
        default: badVerb(verb, .float(float))
        }
    }

    /// A string, a named string type's text or a Stringer's; `value` is the operand, for errors.
    private mutating func printString(_ string: Substring, verb: Unicode.Scalar, _ value: Value) {
        switch verb {
        case "v":
            if flags.sharpV {
                formatQuoted(string)
            } else {
                formatString(string)
            }
        case "s": formatString(string)
        case "x": formatHex(string, digits: lowerDigits)
        case "X": formatHex(string, digits: upperDigits)
        case "q": formatQuoted(string)
        default: badVerb(verb, value)
        }
    }

    // MARK: Padding

    /// Pads what was written from `start` on to the width, which counts runes: on the left, or
    /// with `-` on the right; with zeros for the `0` flag unless `zeroAllowed` is false (Go gives
    /// integers their leading zeros as a precision instead, and pads no infinity with zeros).
    private mutating func pad(from start: Int, zeroAllowed: Bool = true) {
        guard flags.hasWidth else { return }
        let padding = flags.width - output[start...].lazy.filter { $0 & 0xC0 != 0x80 }.count
        guard padding > 0 else { return }
        let byte = flags.zero && zeroAllowed ? UInt8(ascii: "0") : UInt8(ascii: " ")
        if flags.minus {
            output.append(contentsOf: repeatElement(byte, count: padding))
        } else {
            output.insert(contentsOf: repeatElement(byte, count: padding), at: start)
        }
    }

    private mutating func padString(_ string: Substring) {
        let start = output.count
        output.append(contentsOf: string.utf8)
        pad(from: start)
    }

    /// Padding written before the text it pads, whose width is known.
    private mutating func writePadding(_ count: Int) {
        guard count > 0 else { return }
        output.append(contentsOf: repeatElement(flags.zero ? UInt8(ascii: "0") : UInt8(ascii: " "), count: count))
    }

    /// Reverses what was written from `start` on: numbers are written right to left.
    private mutating func reverseWritten(from start: Int) {
        var low = start
        var high = output.count - 1
        while low < high {
            output.swapAt(low, high)
            low += 1
            high -= 1
        }
    }

    // MARK: Strings

    /// The first `precision` runes of `string`, when a precision is given.
    private func truncated(_ string: Substring) -> Substring {
        guard flags.hasPrecision else { return string }
        let scalars = string.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: flags.precision, limitedBy: scalars.endIndex)
        else { return string }
        return Substring(scalars[..<end])
    }

    /// `%s`.
    private mutating func formatString(_ string: Substring) {
        padString(truncated(string))
    }

    /// `%q`: a Go string literal, ASCII-only with `+`, or a raw string with `#` when it can be one.
    private mutating func formatQuoted(_ string: Substring) {
        let string = truncated(string)
        let start = output.count
        if flags.sharp && Strconv.canBackquote(string) {
            output.append(UInt8(ascii: "`"))
            output.append(contentsOf: string.utf8)
            output.append(UInt8(ascii: "`"))
        } else {
            Strconv.appendQuoted(string, quote: UInt8(ascii: "\""), asciiOnly: flags.plus, to: &output)
        }
        pad(from: start)
    }

    /// `%x` of a string: its bytes in hex, the precision counting bytes; `space` separates them,
    /// `#` adds `0x` (to each with `space`).
    private mutating func formatHex(_ string: Substring, digits: [UInt8]) {
        let utf8 = string.utf8
        let length = flags.hasPrecision ? min(flags.precision, utf8.count) : utf8.count
        var width = 2 * length
        guard width > 0 else {
            if flags.hasWidth {
                writePadding(flags.width)
            }
            return
        }
        if flags.space {
            if flags.sharp {
                width *= 2
            }
            width += length - 1
        } else if flags.sharp {
            width += 2
        }
        if flags.hasWidth && flags.width > width && !flags.minus {
            writePadding(flags.width - width)
        }
        if flags.sharp {
            output.append(UInt8(ascii: "0"))
            output.append(digits[16])
        }
        for (index, byte) in utf8.prefix(length).enumerated() {
            if flags.space && index > 0 {
                output.append(UInt8(ascii: " "))
                if flags.sharp {
                    output.append(UInt8(ascii: "0"))
                    output.append(digits[16])
                }
            }
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0xF)])
        }
        if flags.hasWidth && flags.width > width && flags.minus {
            writePadding(flags.width - width)
        }
    }

    // MARK: Integers

    /// `%d %b %o %O %x %X`: Go's `fmtInteger`. A precision, or the `0` flag with a width, gives
    /// leading zeros; the padding is then spaces.
    private mutating func formatInteger(_ integer: Int, base: UInt, verb: Unicode.Scalar, digits: [UInt8]) {
        let negative = integer < 0
        var magnitude = integer.magnitude
        var precision = 0
        if flags.hasPrecision {
            precision = flags.precision
            if precision == 0 && magnitude == 0 {
                // Precision 0 and value 0 print nothing but the padding.
                output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: flags.width))
                return
            }
        } else if flags.zero && flags.hasWidth {
            precision = flags.width
            if negative || flags.plus || flags.space {
                precision -= 1  // room for the sign
            }
        }

        // Written right to left, then reversed.
        let start = output.count
        repeat {
            output.append(digits[Int(magnitude % base)])
            magnitude /= base
        } while magnitude > 0
        if output.count - start < precision {
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: precision - (output.count - start)))
        }
        if flags.sharp {
            switch base {
            case 2: output.append(contentsOf: [UInt8(ascii: "b"), UInt8(ascii: "0")])
            case 8 where output.last != UInt8(ascii: "0"): output.append(UInt8(ascii: "0"))
            case 16: output.append(contentsOf: [digits[16], UInt8(ascii: "0")])
            default: break
            }
        }
        if verb == "O" {
            output.append(contentsOf: [UInt8(ascii: "o"), UInt8(ascii: "0")])
        }
        if negative {
            output.append(UInt8(ascii: "-"))
        } else if flags.plus {
            output.append(UInt8(ascii: "+"))
        } else if flags.space {
            output.append(UInt8(ascii: " "))
        }
        reverseWritten(from: start)
        pad(from: start, zeroAllowed: false)
    }

    /// The rune `%c` and `%q` print for an integer: U+FFFD when it is none (Go converts the int
    /// to uint64 first, so a negative one is out of range too).
    private static func rune(_ integer: Int) -> Unicode.Scalar {
        guard integer >= 0, integer <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(integer)) else { return "\u{FFFD}" }
        return scalar
    }

    /// `%c`.
    private mutating func formatCharacter(_ integer: Int) {
        let start = output.count
        write(Self.rune(integer))
        pad(from: start)
    }

    /// `%q` of an integer: a Go rune literal.
    private mutating func formatQuotedCharacter(_ integer: Int) {
        let start = output.count
        output.append(UInt8(ascii: "'"))
        Strconv.appendEscaped(Self.rune(integer), quote: UInt8(ascii: "'"), asciiOnly: flags.plus, to: &output)
        output.append(UInt8(ascii: "'"))
        pad(from: start)
    }

    /// `%U`: `U+0078`, at least four hex digits (more with a precision); `#` adds ` 'x'` when the
    /// rune is printable.
    private mutating func formatUnicode(_ integer: Int) {
        let value = UInt64(bitPattern: Int64(integer))
        let precision = flags.hasPrecision && flags.precision > 4 ? flags.precision : 4
        // Written right to left, then reversed.
        let start = output.count
        var remaining = value
        repeat {
            output.append(upperDigits[Int(remaining & 0xF)])
            remaining >>= 4
        } while remaining > 0
        if output.count - start < precision {
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: precision - (output.count - start)))
        }
        output.append(contentsOf: [UInt8(ascii: "+"), UInt8(ascii: "U")])
        reverseWritten(from: start)
        if flags.sharp, value <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(value)), Strconv.isPrint(scalar) {
            output.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: "'")])
            write(scalar)
            output.append(UInt8(ascii: "'"))
        }
        pad(from: start, zeroAllowed: false)
    }

    // MARK: Floats

    /// `%e %f %g %b %x` of a float: Go's `fmt.fmtFloat` over `strconv.AppendFloat`. The sign is
    /// handled here (`+`, space, zero padding after the sign); `#` keeps a decimal point and
    /// trailing zeros.
    private mutating func formatFloat(_ float: Double, format: UInt8, precision defaultPrecision: Int) {
        let precision = flags.hasPrecision ? flags.precision : defaultPrecision
        // The number goes after a + sign, which is replaced, dropped or kept.
        let start = output.count
        output.append(UInt8(ascii: "+"))
        Strconv.appendFloat(float, format: format, precision: precision, to: &output)
        if output[start + 1] == UInt8(ascii: "-") || output[start + 1] == UInt8(ascii: "+") {
            output.remove(at: start)
        }
        if flags.space && output[start] == UInt8(ascii: "+") && !flags.plus {
            output[start] = UInt8(ascii: " ")
        }
        // Infinities and NaN are not zero-padded; NaN has no sign unless asked for.
        if output[start + 1] == UInt8(ascii: "I") || output[start + 1] == UInt8(ascii: "N") {
            if output[start + 1] == UInt8(ascii: "N") && !flags.space && !flags.plus {
                output.remove(at: start)
            }
            pad(from: start, zeroAllowed: false)
            return
        }
        if flags.sharp && format != UInt8(ascii: "b") {
            keepDecimalPoint(from: start, format: format, precision: precision)
        }
        if flags.plus || output[start] != UInt8(ascii: "+") {
            // Zero padding goes between the sign and the digits.
            let length = output.count - start
            if flags.zero && flags.hasWidth && flags.width > length {
                output.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: flags.width - length), at: start + 1)
                return
            }
        } else {
            output.remove(at: start)
        }
        pad(from: start)
    }

    /// The `#` flag of the float written from `start` (its sign first): a decimal point always,
    /// and for `%g` and `%x` the trailing zeros up to the precision (6 by default). Go's loop,
    /// quirks included: it counts the `x` of `0x` as a significant digit.
    private mutating func keepDecimalPoint(from start: Int, format: UInt8, precision: Int) {
        var digits = 0
        switch format {
        case UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "x"):
            digits = precision == -1 ? 6 : precision
        default:
            break
        }
        // In hex, e and E are digits.
        let isHex = format == UInt8(ascii: "x") || format == UInt8(ascii: "X")
        var exponent: [UInt8] = []
        var hasDecimalPoint = false
        var sawNonzeroDigit = false
        var index = start + 1
        while index < output.count {
            let byte = output[index]
            if byte == UInt8(ascii: ".") {
                hasDecimalPoint = true
            } else if byte == UInt8(ascii: "p") || byte == UInt8(ascii: "P")
                || !isHex && (byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")) {
                exponent = Array(output[index...])
                output.removeSubrange(index...)
            } else {
                if byte != UInt8(ascii: "0") {
                    sawNonzeroDigit = true
                }
                if sawNonzeroDigit {
                    digits -= 1
                }
            }
            index += 1
        }
        if !hasDecimalPoint {
            // A lone 0 counts once as a digit.
            if output.count - start == 2 && output[start + 1] == UInt8(ascii: "0") {
                digits -= 1
            }
            output.append(UInt8(ascii: "."))
        }
        if digits > 0 {
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        }
        output.append(contentsOf: exponent)
    }

    // MARK: Printf

    /// Go's `doPrintf`.
    mutating func printFormatted(_ format: UnsafeBufferPointer<UInt8>, _ arguments: [Value]) {
        let end = format.count
        var argumentIndex = 0
        var afterIndex = false  // the previous item of the format was an index like [3]
        reordered = false
        var i = 0
        while i < end {
            goodArgumentIndex = true
            let literalStart = i
            while i < end && format[i] != UInt8(ascii: "%") {
                i += 1
            }
            if i > literalStart {
                output.append(contentsOf: format[literalStart..<i])
            }
            if i >= end {
                break
            }
            i += 1

            flags = Flags()
            flagLoop: while i < end {
                switch format[i] {
                case UInt8(ascii: "#"): flags.sharp = true
                case UInt8(ascii: "0"): flags.zero = !flags.minus  // zero padding on the left only
                case UInt8(ascii: "+"): flags.plus = true
                case UInt8(ascii: "-"):
                    flags.minus = true
                    flags.zero = false
                case UInt8(ascii: " "): flags.space = true
                default: break flagLoop
                }
                i += 1
            }

            (argumentIndex, i, afterIndex) = argumentNumber(argumentIndex, format, i, arguments.count)

            if i < end && format[i] == UInt8(ascii: "*") {
                i += 1
                (flags.width, flags.hasWidth, argumentIndex) = Self.integer(from: arguments, at: argumentIndex)
                if !flags.hasWidth {
                    write("%!(BADWIDTH)")
                }
                if flags.width < 0 {
                    // A negative width from an operand means the - flag.
                    flags.width = -flags.width
                    flags.minus = true
                    flags.zero = false
                }
                afterIndex = false
            } else {
                (flags.width, flags.hasWidth, i) = Self.parseNumber(format, from: i, to: end)
                if afterIndex && flags.hasWidth {  // "%[3]2d"
                    goodArgumentIndex = false
                }
            }

            if i + 1 < end && format[i] == UInt8(ascii: ".") {
                i += 1
                if afterIndex {  // "%[3].2d"
                    goodArgumentIndex = false
                }
                (argumentIndex, i, afterIndex) = argumentNumber(argumentIndex, format, i, arguments.count)
                if i < end && format[i] == UInt8(ascii: "*") {
                    i += 1
                    (flags.precision, flags.hasPrecision, argumentIndex) = Self.integer(from: arguments, at: argumentIndex)
                    if flags.precision < 0 {
                        flags.precision = 0
                        flags.hasPrecision = false
                    }
                    if !flags.hasPrecision {
                        write("%!(BADPREC)")
                    }
                    afterIndex = false
                } else {
                    (flags.precision, flags.hasPrecision, i) = Self.parseNumber(format, from: i, to: end)
                    if !flags.hasPrecision {
                        // "%.d": precision 0.
                        flags.precision = 0
                        flags.hasPrecision = true
                    }
                }
            }

            if !afterIndex {
                (argumentIndex, i, afterIndex) = argumentNumber(argumentIndex, format, i, arguments.count)
            }

            if i >= end {
                write("%!(NOVERB)")
                break
            }

            let (verb, length) = Self.scalar(in: format, at: i)
            i += length

            if verb == "%" {
                // Takes no operand, and ignores the width and precision.
                write("%")
            } else if !goodArgumentIndex {
                write("%!")
                write(verb)
                write("(BADINDEX)")
            } else if argumentIndex >= arguments.count {
                write("%!")
                write(verb)
                write("(MISSING)")
            } else {
                if verb == "v" {
                    flags.sharpV = flags.sharp
                    flags.sharp = false
                    flags.plusV = flags.plus
                    flags.plus = false
                }
                printArgument(arguments[argumentIndex], verb: verb)
                argumentIndex += 1
            }
        }

        // Extra operands are reported unless indexes were used, which may skip some on purpose.
        if !reordered && argumentIndex < arguments.count {
            flags = Flags()
            write("%!(EXTRA ")
            for (index, argument) in arguments[argumentIndex...].enumerated() {
                if index > 0 {
                    write(", ")
                }
                if case .null = argument {
                    write("<nil>")
                } else {
                    write(argument.goTypeName)
                    write("=")
                    printArgument(argument, verb: "v")
                }
            }
            write(")")
        }
    }

    /// Go's `argNumber`: the operand an explicit `[n]` at `i` selects, the index after it, and
    /// whether there was one that parsed.
    private mutating func argumentNumber(
        _ argumentIndex: Int, _ format: UnsafeBufferPointer<UInt8>, _ i: Int, _ count: Int
    ) -> (argument: Int, next: Int, found: Bool) {
        guard i < format.count && format[i] == UInt8(ascii: "[") else { return (argumentIndex, i, false) }
        reordered = true
        let (index, length, ok) = Self.parseArgumentNumber(format, at: i)
        if ok && 0 <= index && index < count {
            return (index, i + length, true)
        }
        goodArgumentIndex = false
        return (argumentIndex, i + length, ok)
    }

    /// Go's `parseArgNumber` of `[n]` at `start`: n - 1, the bytes to skip (1 when there is no
    /// closing bracket) and whether n is a number.
    private static func parseArgumentNumber(
        _ format: UnsafeBufferPointer<UInt8>, at start: Int
    ) -> (index: Int, length: Int, ok: Bool) {
        guard format.count - start >= 3 else { return (0, 1, false) }
        for close in (start + 1)..<format.count where format[close] == UInt8(ascii: "]") {
            let (number, ok, next) = parseNumber(format, from: start + 1, to: close)
            guard ok && next == close else { return (0, close - start + 1, false) }
            return (number - 1, close - start + 1, true)
        }
        return (0, 1, false)
    }

    /// Go's `parsenum`: the decimal number at `start`, whether there is one, and the index after
    /// it. A number too long to be a width ends the format (the verb is then missing).
    private static func parseNumber(
        _ format: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
    ) -> (number: Int, isNumber: Bool, next: Int) {
        var number = 0
        var isNumber = false
        var i = start
        while i < end {
            let digit = format[i]
            guard digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "9") else { break }
            if tooLarge(number) {
                return (0, false, end)
            }
            number = number * 10 + Int(digit - UInt8(ascii: "0"))
            isNumber = true
            i += 1
        }
        return (number, isNumber, i)
    }

    /// Go's `intFromArg`: a `*` width or precision from the operand at `index`, whether it is an
    /// int of a sensible size, and the next operand.
    private static func integer(from arguments: [Value], at index: Int) -> (number: Int, isInteger: Bool, next: Int) {
        guard index < arguments.count else { return (0, false, index) }
        guard case .int(let number) = arguments[index], !tooLarge(number) else { return (0, false, index + 1) }
        return (number, true, index + 1)
    }

    private static func tooLarge(_ number: Int) -> Bool {
        number > 1_000_000 || number < -1_000_000
    }

    /// The verb at `i`: a rune (the format is valid UTF-8) and its length in bytes.
    private static func scalar(in format: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = format[i]
        guard lead >= 0x80 else { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0x7F >> UInt32(length))
        for offset in 1..<length {
            value = value << 6 | UInt32(format[i + offset] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

/// The parts of Go's `strconv` that `fmt` uses: floats to text, quoting, `IsPrint`.
private enum Strconv {
    // MARK: Floats

    /// Go's `strconv.AppendFloat(dst, float, format, precision, 64)`: `format` is one of
    /// `e E f g G b x X`; precision -1 (with `g G b x X`) means the fewest digits that read back
    /// as the same float.
    static func appendFloat(_ float: Double, format: UInt8, precision: Int, to bytes: inout [UInt8]) {
        if float.isNaN {
            bytes.append(contentsOf: "NaN".utf8)
            return
        }
        if float.isInfinite {
            bytes.append(contentsOf: (float < 0 ? "-Inf" : "+Inf").utf8)
            return
        }
        let negative = float.sign == .minus
        // mantissa * 2^(exponent - 52), with the implicit top bit, as Go decomposes it.
        var exponent = Int(float.exponentBitPattern)
        var mantissa = float.significandBitPattern
        if exponent == 0 {
            exponent += 1  // subnormal
        } else {
            mantissa |= 1 << 52
        }
        exponent -= 1023

        switch format {
        case UInt8(ascii: "b"):
            appendBinary(negative: negative, mantissa: mantissa, exponent: exponent, to: &bytes)
            return
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            appendHex(negative: negative, mantissa: mantissa, exponent: exponent, format: format, precision: precision, to: &bytes)
            return
        default:
            break
        }

        var digits: DecimalDigits
        var precision = precision
        let shortest = precision < 0
        if shortest {
            // fmt asks for the shortest form only with %g and %G (and %v).
            digits = DecimalDigits(shortest: float)
            precision = digits.digits.count
        } else {
            digits = DecimalDigits(mantissa)
            digits.shift(exponent - 52)
            switch format {
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                digits.round(to: precision + 1)
            case UInt8(ascii: "f"):
                digits.round(to: digits.decimalPoint + precision)
            default:
                if precision == 0 {
                    precision = 1
                }
                digits.round(to: precision)
            }
        }
        appendDigits(digits, negative: negative, shortest: shortest, precision: precision, format: format, to: &bytes)
    }

    /// Go's `formatDigits`: `%g` is `%e` when the exponent is below -4 or at least the precision
    /// (6 for the shortest form, which `%v` uses: 1e+06 but 100000).
    private static func appendDigits(
        _ digits: DecimalDigits, negative: Bool, shortest: Bool, precision: Int, format: UInt8, to bytes: inout [UInt8]
    ) {
        switch format {
        case UInt8(ascii: "e"), UInt8(ascii: "E"):
            appendExponential(digits, negative: negative, precision: precision, format: format, to: &bytes)
        case UInt8(ascii: "f"):
            appendFixed(digits, negative: negative, precision: precision, to: &bytes)
        default:
            let count = digits.digits.count
            var precision = precision
            var exponentPrecision = precision
            if exponentPrecision > count && count >= digits.decimalPoint {
                exponentPrecision = count
            }
            if shortest {
                exponentPrecision = 6
            }
            let exponent = digits.decimalPoint - 1
            if exponent < -4 || exponent >= exponentPrecision {
                if precision > count {
                    precision = count
                }
                let exponentFormat = format == UInt8(ascii: "G") ? UInt8(ascii: "E") : UInt8(ascii: "e")
                appendExponential(digits, negative: negative, precision: precision - 1, format: exponentFormat, to: &bytes)
                return
            }
            if precision > digits.decimalPoint {
                precision = count
            }
            appendFixed(digits, negative: negative, precision: max(precision - digits.decimalPoint, 0), to: &bytes)
        }
    }

    /// `-d.dddde±dd`.
    private static func appendExponential(
        _ digits: DecimalDigits, negative: Bool, precision: Int, format: UInt8, to bytes: inout [UInt8]
    ) {
        let d = digits.digits
        if negative {
            bytes.append(UInt8(ascii: "-"))
        }
        bytes.append(d.first ?? UInt8(ascii: "0"))
        if precision > 0 {
            bytes.append(UInt8(ascii: "."))
            let available = min(d.count, precision + 1)
            if available > 1 {
                bytes.append(contentsOf: d[1..<available])
            }
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: precision + 1 - max(available, 1)))
        }
        bytes.append(format)
        appendExponent(d.isEmpty ? 0 : digits.decimalPoint - 1, to: &bytes)  // 0 has exponent 0
    }

    /// An exponent's sign and at least two digits (`+06`, `-10`).
    private static func appendExponent(_ exponent: Int, to bytes: inout [UInt8]) {
        bytes.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        if abs(exponent) < 10 { bytes.append(UInt8(ascii: "0")) }
        bytes.append(contentsOf: String(abs(exponent)).utf8)
    }

    /// `-ddddd.ddd`.
    private static func appendFixed(_ digits: DecimalDigits, negative: Bool, precision: Int, to bytes: inout [UInt8]) {
        let d = digits.digits
        let point = digits.decimalPoint
        if negative {
            bytes.append(UInt8(ascii: "-"))
        }
        if point > 0 {
            let integerDigits = min(d.count, point)
            bytes.append(contentsOf: d[..<integerDigits])
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: point - integerDigits))
        } else {
            bytes.append(UInt8(ascii: "0"))
        }
        if precision > 0 {
            bytes.append(UInt8(ascii: "."))
            for i in 0..<precision {
                let j = point + i
                bytes.append(j >= 0 && j < d.count ? d[j] : UInt8(ascii: "0"))
            }
        }
    }

    /// `%b`: `-ddddp±ddd`, the mantissa and binary exponent in decimal.
    private static func appendBinary(negative: Bool, mantissa: UInt64, exponent: Int, to bytes: inout [UInt8]) {
        if negative {
            bytes.append(UInt8(ascii: "-"))
        }
        bytes.append(contentsOf: String(mantissa).utf8)
        bytes.append(UInt8(ascii: "p"))
        let exponent = exponent - 52
        if exponent >= 0 {
            bytes.append(UInt8(ascii: "+"))
        }
        bytes.append(contentsOf: String(exponent).utf8)
    }

    /// `%x`: `-0x1.yyyyp±dd`, hex digits of the mantissa rounded to the precision (half to even).
    private static func appendHex(
        negative: Bool, mantissa: UInt64, exponent: Int, format: UInt8, precision: Int, to bytes: inout [UInt8]
    ) {
        var mantissa = mantissa
        var exponent = mantissa == 0 ? 0 : exponent
        // The leading 1, if any, goes to bit 60.
        mantissa <<= 60 - 52
        while mantissa != 0 && mantissa & (1 << 60) == 0 {
            mantissa <<= 1
            exponent -= 1
        }
        if precision >= 0 && precision < 15 {
            let shift = UInt64(precision * 4)
            let extra = (mantissa << shift) & (1 << 60 - 1)
            mantissa >>= 60 - shift
            if extra | (mantissa & 1) > 1 << 59 {
                mantissa += 1
            }
            mantissa <<= 60 - shift
            if mantissa & (1 << 61) != 0 {
                // Rounded up past the leading digit.
                mantissa >>= 1
                exponent += 1
            }
        }
        let hex = format == UInt8(ascii: "X") ? upperDigits : lowerDigits
        if negative {
            bytes.append(UInt8(ascii: "-"))
        }
        bytes.append(contentsOf: [UInt8(ascii: "0"), format, UInt8(ascii: "0") + UInt8((mantissa >> 60) & 1)])
        mantissa <<= 4  // drops the leading digit
        if precision < 0 && mantissa != 0 {
            bytes.append(UInt8(ascii: "."))
            while mantissa != 0 {
                bytes.append(hex[Int((mantissa >> 60) & 15)])
                mantissa <<= 4
            }
        } else if precision > 0 {
            bytes.append(UInt8(ascii: "."))
            for _ in 0..<precision {
                bytes.append(hex[Int((mantissa >> 60) & 15)])
                mantissa <<= 4
            }
        }
        bytes.append(format == UInt8(ascii: "X") ? UInt8(ascii: "P") : UInt8(ascii: "p"))
        appendExponent(exponent, to: &bytes)
    }

    // MARK: Quoting

    /// Go's `strconv.AppendQuote` (`AppendQuoteToASCII` when `asciiOnly`): the runes escaped as
    /// needed, between two `quote`s.
    static func appendQuoted(_ string: Substring, quote: UInt8, asciiOnly: Bool, to bytes: inout [UInt8]) {
        bytes.append(quote)
        for scalar in string.unicodeScalars {
            appendEscaped(scalar, quote: quote, asciiOnly: asciiOnly, to: &bytes)
        }
        bytes.append(quote)
    }

    /// Go's `appendEscapedRune`: the rune as is when printable (and ASCII, when `asciiOnly`),
    /// else `\n`-style, `\x7f`, `\u00a0` or `\U000e0001`.
    static func appendEscaped(_ scalar: Unicode.Scalar, quote: UInt8, asciiOnly: Bool, to bytes: inout [UInt8]) {
        let value = scalar.value
        if value == UInt32(quote) || value == 0x5C {  // the quote and the backslash
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(value))
            return
        }
        if asciiOnly ? value < 0x80 && isPrint(scalar) : isPrint(scalar) {
            UTF8.encode(scalar) { bytes.append($0) }
            return
        }
        let escape: Unicode.Scalar
        switch value {
        case 0x07: escape = "a"
        case 0x08: escape = "b"
        case 0x0C: escape = "f"
        case 0x0A: escape = "n"
        case 0x0D: escape = "r"
        case 0x09: escape = "t"
        case 0x0B: escape = "v"
        default:
            let (prefix, digitCount) = value < 0x20 || value == 0x7F ? ("\\x", 2) : value < 0x10000 ? ("\\u", 4) : ("\\U", 8)
            bytes.append(contentsOf: prefix.utf8)
            for shift in stride(from: (digitCount - 1) * 4, through: 0, by: -4) {
                bytes.append(lowerDigits[Int((value >> UInt32(shift)) & 0xF)])
            }
            return
        }
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(escape.value))
    }

    /// Go's `strconv.CanBackquote`: no control character but tab, no backquote, no BOM.
    static func canBackquote(_ string: Substring) -> Bool {
        string.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            if value >= 0x80 {
                return value != 0xFEFF
            }
            return (value >= 0x20 || value == 0x09) && value != 0x60 && value != 0x7F
        }
    }

    /// The Unicode version of Go 1.19's tables (its `unicode.Version`): runes assigned later are
    /// not printable for Go, though Swift's newer tables know them.
    private static let goUnicodeVersion: Unicode.Version = (major: 13, minor: 0)

    /// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value <= 0xFF {
            return (0x20...0x7E).contains(value) || ((0xA1...0xFF).contains(value) && value != 0xAD)
        }
        let properties = scalar.properties
        guard let age = properties.age, age <= goUnicodeVersion else { return false }
        switch properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }
}

/// A decimal number as digits, for printing floats exactly: Go's `strconv.decimal`. A float is
/// assigned its mantissa and shifted by its binary exponent, which in decimal is exact (2 divides
/// 10); then it is rounded to the digits asked for, half to even.
private struct DecimalDigits {
    /// ASCII digits, without trailing zeros; empty for 0.
    var digits: [UInt8]
    /// The value is 0.digits × 10^decimalPoint.
    var decimalPoint: Int

    private static let zero = UInt8(ascii: "0")
    /// The largest shift done at once: 9 << 60 and the carry still fit in 64 bits.
    private static let maxShift = 60

    init(_ value: UInt64) {
        digits = []
        digits.reserveCapacity(20)
        var remaining = value
        repeat {
            digits.append(UInt8(remaining % 10) + Self.zero)
            remaining /= 10
        } while remaining > 0
        digits.reverse()
        decimalPoint = digits.count
        trim()
    }

    /// The shortest digits that read back as `float`, from Swift's description, which picks the
    /// same digits as Go's (shortest, then closest).
    init(shortest float: Double) {
        digits = []
        digits.reserveCapacity(17)
        var integerDigits = 0
        var sawPoint = false
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for byte in float.magnitude.description.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    exponent = exponent * 10 + Int(byte - Self.zero)
                } else {
                    digits.append(byte)
                    if !sawPoint {
                        integerDigits += 1
                    }
                }
            case UInt8(ascii: "."): sawPoint = true
            case UInt8(ascii: "e"): inExponent = true
            case UInt8(ascii: "-"): exponentSign = -1
            default: break  // "+" of the exponent
            }
        }
        decimalPoint = integerDigits + exponentSign * exponent
        let leadingZeros = digits.prefix { $0 == Self.zero }.count
        digits.removeFirst(leadingZeros)
        decimalPoint -= leadingZeros
        trim()
    }

    private mutating func trim() {
        while digits.last == Self.zero {
            digits.removeLast()
        }
        if digits.isEmpty {
            decimalPoint = 0
        }
    }

    /// Multiplies by 2^k (k > 0) or divides by 2^-k.
    mutating func shift(_ k: Int) {
        guard !digits.isEmpty else { return }
        // Dividing by 2^k adds up to k digits; multiplying adds fewer.
        digits.reserveCapacity(digits.count + abs(k))
        var k = k
        while k > Self.maxShift {
            leftShift(by: Self.maxShift)
            k -= Self.maxShift
        }
        while k < -Self.maxShift {
            rightShift(by: Self.maxShift)
            k += Self.maxShift
        }
        if k > 0 {
            leftShift(by: k)
        } else if k < 0 {
            rightShift(by: -k)
        }
    }

    /// × 2^k: each digit from the right takes the carry; what carry is left makes new leading digits.
    private mutating func leftShift(by k: Int) {
        var carry: UInt = 0
        for index in digits.indices.reversed() {
            carry += UInt(digits[index] - Self.zero) << k
            digits[index] = UInt8(carry % 10) + Self.zero
            carry /= 10
        }
        var leading: [UInt8] = []
        while carry > 0 {
            leading.append(UInt8(carry % 10) + Self.zero)
            carry /= 10
        }
        digits.insert(contentsOf: leading.reversed(), at: 0)
        decimalPoint += leading.count
        trim()
    }

    /// ÷ 2^k: long division from the left, in place (Go's `rightShift`). The digits are not
    /// empty and do not start with 0, so the division reaches a nonzero digit.
    private mutating func rightShift(by k: Int) {
        let count = digits.count
        // The quotient has at most k digits more.
        digits.append(contentsOf: repeatElement(Self.zero, count: k))
        let (written, leadingRead) = digits.withUnsafeMutableBufferPointer { d -> (Int, Int) in
            var read = 0
            var write = 0
            var n: UInt = 0
            // Enough leading digits (zeros past the end) to divide.
            while n >> k == 0 {
                n = n * 10 + (read < count ? UInt(d[read] - Self.zero) : 0)
                read += 1
            }
            let leadingRead = read
            let mask: UInt = (1 << k) - 1
            while read < count {
                let next = UInt(d[read] - Self.zero)
                d[write] = UInt8(n >> k) + Self.zero
                write += 1
                n = (n & mask) * 10 + next
                read += 1
            }
            while n > 0 {
                d[write] = UInt8(n >> k) + Self.zero
                write += 1
                n = (n & mask) * 10
            }
            return (write, leadingRead)
        }
        decimalPoint -= leadingRead - 1
        digits.removeSubrange(written...)
        trim()
    }

    /// Rounds to `count` digits, half to even; `count` 0 rounds just left of the digits (0.09 to
    /// 0.1), and a negative count changes nothing.
    mutating func round(to count: Int) {
        guard count >= 0 && count < digits.count else { return }
        let roundsUp: Bool
        if digits[count] == UInt8(ascii: "5") && count + 1 == digits.count {
            // Exactly half way: to even.
            roundsUp = count > 0 && (digits[count - 1] - Self.zero) % 2 == 1
        } else {
            roundsUp = digits[count] >= UInt8(ascii: "5")
        }
        guard roundsUp else {
            digits.removeSubrange(count...)
            trim()
            return
        }
        for index in stride(from: count - 1, through: 0, by: -1) where digits[index] < UInt8(ascii: "9") {
            digits[index] += 1
            digits.removeSubrange((index + 1)...)
            return
        }
        // All nines: 1 with the decimal point one further.
        digits = [UInt8(ascii: "1")]
        decimalPoint += 1
    }
}
