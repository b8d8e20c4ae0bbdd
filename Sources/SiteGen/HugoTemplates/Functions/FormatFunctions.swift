import GoTemplates

/// Hugo's `fmt` namespace: Go's `fmt` printing, and the functions that report a template's own
/// errors and warnings.
enum FormatFunctions {
    static let all: [HugoFunction] = [
        HugoFunction("fmt.Print", aliases: ["print"], arity: .atLeast(0)) { arguments, _ in
            .string(GoFormat.sprint(arguments))
        },
        HugoFunction("fmt.Printf", aliases: ["printf"], arity: .atLeast(1)) { arguments, _ in
            .string(try formatted(arguments))
        },
        HugoFunction("fmt.Println", aliases: ["println"], arity: .atLeast(0)) { arguments, _ in
            .string(GoFormat.sprintln(arguments))
        },
        HugoFunction("fmt.Errorf", aliases: ["errorf"], arity: .atLeast(1)) { arguments, _ in
            throw TemplateFailure(try formatted(arguments))
        },
        // `erroridf ID FORMAT ARGS…`: an error a site can silence by its ID; SiteGen has no way to.
        HugoFunction("fmt.Erroridf", aliases: ["erroridf"], arity: .atLeast(2)) { arguments, _ in
            throw TemplateFailure(try formatted(Array(arguments.dropFirst())))
        },
        // A warning, which Hugo logs; the template goes on.
        HugoFunction("fmt.Warnf", aliases: ["warnf"], arity: .atLeast(1)) { _, _ in .string("") },
    ]

    /// `fmt.Sprintf` of a format Go declares as a `string`, and the values after it.
    private static func formatted(_ arguments: [TemplateValue]) throws -> String {
        GoFormat.sprintf(try StringsFunctions.typedString(arguments[0]), Array(arguments.dropFirst()))
    }
}
