// Command format prints what Go's fmt.Sprint, Sprintln and Sprintf make of template values, as the
// expectations of GoFormatTests (Tests/GoTemplatesTests/Fixtures/go-format.json):
//
//	cd scripts/go-oracle/format && go run . > ../../../Tests/GoTemplatesTests/Fixtures/go-format.json
//
// Each case is one line: {"group", "function", "format", "arguments", "output"}. An argument is
// JSON null (Go's nil) or an object with one kind key: {"bool": true}, {"int": "-3"} (a string, so
// that 64-bit values survive JSON), {"float": "1.5"} (Go's shortest form; "NaN", "+Inf", "-Inf",
// "-0"), {"string": "…"}, {"safe": "…", "kind": "html"} (html/template's named string types),
// {"list": […]}, {"map": {…}}, {"params": {…}} (Hugo's maps.Params), or
// {"object": "printed", "type": "*main.page"} (a host object: a Stringer).
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"unicode"

	"sitegen/go-oracle/format/maps"
)

// arg is one argument: the Go value given to fmt and its JSON form for the Swift test.
type arg struct {
	value interface{}
	json  interface{}
}

var null = arg{nil, nil}

func B(b bool) arg   { return arg{b, map[string]interface{}{"bool": b}} }
func I(i int) arg    { return arg{i, map[string]interface{}{"int": strconv.Itoa(i)}} }
func S(s string) arg { return arg{s, map[string]interface{}{"string": s}} }
func F(f float64) arg {
	return arg{f, map[string]interface{}{"float": strconv.FormatFloat(f, 'g', -1, 64)}}
}

func safe(kind string, s string) arg {
	var v interface{}
	switch kind {
	case "html":
		v = template.HTML(s)
	case "htmlAttribute":
		v = template.HTMLAttr(s)
	case "css":
		v = template.CSS(s)
	case "js":
		v = template.JS(s)
	case "jsString":
		v = template.JSStr(s)
	case "url":
		v = template.URL(s)
	case "srcset":
		v = template.Srcset(s)
	default:
		panic(kind)
	}
	return arg{v, map[string]interface{}{"safe": s, "kind": kind}}
}

func L(items ...arg) arg {
	values := []interface{}{}
	jsons := []interface{}{}
	for _, item := range items {
		values = append(values, item.value)
		jsons = append(jsons, item.json)
	}
	return arg{values, map[string]interface{}{"list": jsons}}
}

// entries pairs keys (strings) with args: "a", I(1), "b", S("x").
func entries(pairs []interface{}) (map[string]interface{}, map[string]interface{}) {
	values := map[string]interface{}{}
	jsons := map[string]interface{}{}
	for i := 0; i < len(pairs); i += 2 {
		key := pairs[i].(string)
		values[key] = pairs[i+1].(arg).value
		jsons[key] = pairs[i+1].(arg).json
	}
	return values, jsons
}

func M(pairs ...interface{}) arg {
	values, jsons := entries(pairs)
	return arg{values, map[string]interface{}{"map": jsons}}
}

func P(pairs ...interface{}) arg {
	values, jsons := entries(pairs)
	return arg{maps.Params(values), map[string]interface{}{"params": jsons}}
}

// page stands for a host object: Hugo's objects print through their String method.
type page struct{ printed string }

func (p *page) String() string { return p.printed }

func O(printed string) arg {
	return arg{&page{printed}, map[string]interface{}{"object": printed, "type": "*main.page"}}
}

type testCase struct {
	Group     string        `json:"group"`
	Function  string        `json:"function"`
	Format    string        `json:"format,omitempty"`
	Arguments []interface{} `json:"arguments"`
	Output    string        `json:"output"`
}

var cases []testCase

func add(group, function, format string, args ...arg) {
	values := make([]interface{}, len(args))
	jsons := make([]interface{}, len(args))
	for i, a := range args {
		values[i] = a.value
		jsons[i] = a.json
	}
	var output string
	switch function {
	case "sprint":
		output = fmt.Sprint(values...)
	case "sprintln":
		output = fmt.Sprintln(values...)
	case "sprintf":
		output = fmt.Sprintf(format, values...)
	}
	cases = append(cases, testCase{group, function, format, jsons, output})
}

func printf(group, format string, args ...arg) { add(group, "sprintf", format, args...) }

var (
	negativeZero = F(math.Copysign(0, -1))
	ints         = []arg{I(0), I(1), I(42), I(-42), I(255), I(0x1F600), I(math.MaxInt64), I(math.MinInt64)}
	floats       = []arg{
		F(0), negativeZero, F(1), F(1.5), F(-2.5), F(math.Pi), F(0.1), F(100000), F(1e6), F(1234567),
		F(123456789), F(1e20), F(1e21), F(1e-4), F(1.25e-5), F(5e-324), F(math.MaxFloat64),
		F(math.NaN()), F(math.Inf(1)), F(math.Inf(-1)),
	}
	strs = []arg{
		S(""), S("hi"), S("héllo wörld"), S("日本語"), S("tab\there\n"), S(`quote" back\slash 'single'`),
		S("`back`"), S("\x00\a\b\f\v\r\x1b\x7f"), S("\u00a0\u00ad\u200b\u2028\ufeff\U000e0001"),
		S("😀 e\u0301"), S("\U0010ffff\ufffd"),
	}
	safes = []arg{
		safe("html", "<b>x</b>"), safe("htmlAttribute", `a="b"`), safe("css", "color: red"),
		safe("js", "x<y"), safe("jsString", "it's"), safe("url", "http://x/?a=1&b=2"), safe("srcset", "a.png 2x"),
	}
	collections = []arg{
		L(), L(I(1), S("a"), null, F(2.5), B(true)), L(L(I(1), I(2)), L(), S("x y")),
		L(safe("html", "<i>"), M("k", I(1)), O("Page(/a)")),
		M(), M("b", I(2), "a", S("x"), "c", null, "d", L(I(1), F(0.5))),
		M("é", I(1), "z", I(2), "E", I(3), "a b", M("x", B(false))),
		P(), P("title", S("T"), "weight", I(3), "tags", L(S("a"), S("b"))),
	}
	objects = []arg{O("Page(/posts/a)"), O("")}
)

func all() []arg {
	values := []arg{null, B(true), B(false)}
	values = append(values, ints...)
	values = append(values, floats...)
	values = append(values, strs...)
	values = append(values, safes...)
	values = append(values, collections...)
	return append(values, objects...)
}

// scalars are the values whose %p Go reports as a bad verb (a list or map prints its address).
func scalars() []arg {
	values := []arg{null, B(true), B(false)}
	values = append(values, ints...)
	values = append(values, floats...)
	values = append(values, strs...)
	return append(values, safes...)
}

func printCases() {
	for _, a := range all() {
		add("printed", "sprint", "", a)
	}
	mixes := [][]arg{
		{}, {S("a"), S("b")}, {I(1), I(2)}, {S("a"), I(1), I(2), S("b"), S("c")}, {I(1), S("a"), I(2)},
		{null, null}, {null, S("x"), null}, {F(1.5), B(true), L(I(1)), M("a", I(1))},
		{safe("html", "<b>"), safe("url", "u"), I(1)}, {I(1), safe("html", "<b>"), I(2)},
		{O("P1"), O("P2"), S("s"), O("P3")}, {S(""), S(""), I(0)}, {P("a", I(1)), L()},
	}
	for _, args := range mixes {
		add("print", "sprint", "", args...)
		add("print", "sprintln", "", args...)
	}
}

// verbCases prints every value with every verb, no flags.
func verbCases() {
	verbs := []string{"v", "+v", "#v", "s", "q", "+q", "#q", "x", "X", "d", "b", "o", "O", "c", "U", "#U",
		"e", "E", "f", "F", "g", "G", "t", "T", "w", "z", "é"}
	for _, verb := range verbs {
		for _, a := range all() {
			if !printsStruct("%"+verb, a) {
				printf("verbs", "%"+verb, a)
			}
		}
	}
	for _, a := range scalars() {
		printf("verbs", "%p", a)
	}
}

func flagCases() {
	intFormats := []string{"%d", "%5d", "%-5d", "%05d", "%+d", "% d", "%+05d", "% 05d", "%.3d", "%8.3d",
		"%-8.3d", "%08.3d", "%.0d", "%5.0d", "%-05d", "%0-5d", "%x", "%#x", "%#X", "%#08x", "%# x", "%o",
		"%#o", "%O", "%#O", "%b", "%#b", "%08b", "%c", "%5c", "%-4c|", "%q", "%+q", "%#q", "%8q", "%U",
		"%#U", "%.6U", "%#10.6U", "%010U", "%v", "%+v", "%#v", "%08v", "%t"}
	intValues := append([]arg{I(7), I(0x41), I(0x7f), I(0xe9), I(0xD800), I(0x10FFFF), I(0x110000), I(-1),
		I(0x200b), I(0x27)}, ints...)
	for _, format := range intFormats {
		for _, a := range intValues {
			printf("integers", format, a)
		}
	}

	floatFormats := []string{"%v", "%e", "%E", "%f", "%F", "%g", "%G", "%b", "%x", "%X", "%.0f", "%.1f",
		"%.2f", "%.3e", "%.0e", "%.3g", "%.0g", "%.10g", "%.17g", "%.20f", "%.30e", "%10.2f", "%-10.2f|",
		"%010.2f", "%+.2f", "%+010.2f", "% .2f", "% 010.2f", "%+ .2f", "%#g", "%#.3g", "%#e", "%#.0e",
		"%#f", "%#.0f", "%#x", "%#.2x", "%.3x", "%.0x", "%#X", "%8v", "%-8v|", "%08v", "%#v", "%+v",
		"%.3v", "%10.3e", "%010e", "%020.10x", "%.1000f"}
	floatValues := append([]arg{F(0.5), F(2.5), F(0.125), F(1e100), F(1.0 / 3), F(-1e-10), F(999.9999),
		F(9.5), F(0.05), F(0.00049), F(2.2250738585072014e-308), F(123456789012345678)}, floats...)
	for _, format := range floatFormats {
		for _, a := range floatValues {
			if format == "%.1000f" && a.value.(float64) != 5e-324 {
				continue
			}
			printf("floats", format, a)
		}
	}

	stringFormats := []string{"%s", "%v", "%q", "%+q", "%#q", "%#+q", "%x", "%X", "% x", "%# x", "%#X",
		"% X", "%.2x", "%.1s", "%.3s", "%.0s", "%8s", "%-8s|", "%08s", "%8.2s", "%-8.2q|", "%.2q", "%10x",
		"%-10x|", "%010x", "%#10x", "%5.1x", "% .1x", "%#v", "%+v", "%08q", "%T", "%10T", "%.3T"}
	stringValues := append([]arg{S("abc"), S("a\x00b"), S("\u00e9t\u00e9"), S("\x7f"), S("\ufeff")}, strs...)
	stringValues = append(stringValues, safes...)
	for _, format := range stringFormats {
		for _, a := range stringValues {
			printf("strings", format, a)
		}
	}

	otherFormats := []string{"%v", "%+v", "%#v", "%s", "%d", "%5d", "%-5v|", "%05d", "%x", "%X", "%q",
		"%.1f", "%e", "%t", "%T", "%8T", "%c", "%U", "%10v", "%.1s", "%#x"}
	otherValues := append([]arg{null, B(true), B(false)}, collections...)
	otherValues = append(otherValues, objects...)
	otherValues = append(otherValues, L(null, null), M("a", null), L(L(null)), L(I(-1), I(65), I(1e6)),
		L(F(1e6), F(math.NaN()), negativeZero), M("k", L(M("n", S("deep")))))
	for _, format := range otherFormats {
		for _, a := range otherValues {
			if printsStruct(format, a) {
				continue
			}
			printf("collections", format, a)
		}
	}
}

// printsStruct tells whether Go prints an object in a, a pointer to a struct, by its fields or
// address rather than its String method (which GoFormat prints): with %#v, and with the verbs
// that are not for strings.
func printsStruct(format string, a arg) bool {
	verb := format[len(format)-1:]
	return containsObject(a.value) && (!strings.Contains("vsqxXT", verb) || strings.Contains(format, "#v"))
}

func containsObject(v interface{}) bool {
	switch x := v.(type) {
	case *page:
		return true
	case []interface{}:
		for _, e := range x {
			if containsObject(e) {
				return true
			}
		}
	case map[string]interface{}:
		for _, e := range x {
			if containsObject(e) {
				return true
			}
		}
	}
	return false
}

func errorCases() {
	g := "errors"
	printf(g, "%d", S("hi"))
	printf(g, "%5d|%-5d|%.1d", S("hi"), S("hi"), S("hi"))
	printf(g, "%#d %+d % d %08d", F(1.5), F(1.5), F(1.5), F(1.5))
	printf(g, "%s")
	printf(g, "%s %d", I(1))
	printf(g, "%d", I(1), S("x"), null, L(I(1)), F(2.5))
	printf(g, "x", I(1))
	printf(g, "", null)
	printf(g, "%")
	printf(g, "abc%")
	printf(g, "%-")
	printf(g, "%5")
	printf(g, "%.")
	printf(g, "%.5")
	printf(g, "%[1]")
	printf(g, "%5.2", I(1))
	printf(g, "%%")
	printf(g, "%5%|%-5%|%.2%", I(1))
	printf(g, "%%%d%%", I(1))
	printf(g, "%!")
	printf(g, "%!", I(1))
	printf(g, "%*d", I(5), I(1))
	printf(g, "%-*d|", I(5), I(1))
	printf(g, "%*d|", I(-5), I(1))
	printf(g, "%0*d|", I(-5), I(1))
	printf(g, "%*d", S("5"), I(1))
	printf(g, "%*d", F(5), I(1))
	printf(g, "%*d")
	printf(g, "%*d", I(5))
	printf(g, "%*d", I(10000000), I(1))
	printf(g, "%.*f", I(2), F(math.Pi))
	printf(g, "%.*f", I(-2), F(math.Pi))
	printf(g, "%.*f", S("2"), F(math.Pi))
	printf(g, "%.*f", I(10000001), F(math.Pi))
	printf(g, "%*.*f|", I(8), I(3), F(math.Pi))
	printf(g, "%-*.*s|", I(6), I(2), S("hello"))
	printf(g, "%.*s", I(0), S("hello"))
	printf(g, "%[2]d %[1]d", I(1), I(2))
	printf(g, "%[2]d %d", I(1), I(2), I(3))
	printf(g, "%[3]d", I(1), I(2))
	printf(g, "%[0]d", I(1))
	printf(g, "%[-1]d", I(1))
	printf(g, "%[x]d", I(1))
	printf(g, "%[1d", I(1))
	printf(g, "%[]d", I(1))
	printf(g, "%[1]d %[1]x %[1]o", I(64))
	printf(g, "%[1]*[2]d|", I(5), I(1))
	printf(g, "%[2]*[1]d|", I(1), I(5))
	printf(g, "%[1]*.[2]*[3]f|", I(10), I(2), F(math.Pi))
	printf(g, "%[3]*.[2]*[1]f|", F(12), I(2), I(6))
	printf(g, "%.[2]d", I(1), I(2))
	printf(g, "%[1]2d", I(1))
	printf(g, "%[1].2d", I(1))
	printf(g, "%[1]", I(1))
	printf(g, "%[5]d %d", I(1), I(2))
	printf(g, "%d %d %[1]d %d", I(1), I(2))
	printf(g, "%[2]d %[2]d", I(1), I(2))
	printf(g, "%d %[3]d %d", I(1), I(2))
	printf(g, "%.[1]", I(1))
	printf(g, "%100000000d|", I(1))
	printf(g, "%.100000000d|", I(1))
	printf(g, "%*d|", I(1000001), I(1))
	printf(g, "%d", null)
	printf(g, "%s %v %T %x %5v| %-7T|", null, null, null, null, null, null)
	printf(g, "%!d(x)", I(1))
	printf(g, "%é %日", I(1), S("x"))
	printf(g, "héllo %s wörld", S("日本"))
	printf(g, "%d %d", L(S("a"), I(1)), M("k", S("v")))
	printf(g, "%s", L(I(1), F(1.5), B(true), null))
	printf(g, "%d", B(true), F(1), I(1), S("1"), safe("html", "1"))
	printf(g, "%t", I(1), S("x"))
	printf(g, "%#-+ 08.3d|", I(5))
	printf(g, "%-08d|%0-8d|", I(5), I(5))
	printf(g, "%+-8.3e|%#-10.2g|", F(1.5), F(1.5))
	printf(g, "%v %v %v", I(1), I(2))
	printf(g, "%w", I(1))
	printf(g, "%x %X %o %b %c %U %q", F(1.5), F(1.5), F(1.5), F(1.5), F(1.5), F(1.5), F(1.5))
	printf(g, "%e %f %g", I(1), S("x"), B(true))
}

func randomFloatCases() {
	random := rand.New(rand.NewSource(19))
	formats := []string{"%v", "%e", "%.0f", "%.2f", "%.3e", "%.17g", "%g", "%.20e", "%x", "%.5x", "%b", "%.15g"}
	var values []float64
	for len(values) < 150 {
		f := math.Float64frombits(random.Uint64())
		if !math.IsNaN(f) {
			values = append(values, f)
		}
	}
	for i := 0; i < 100; i++ {
		values = append(values, float64(random.Int63n(2000000)-1000000)/math.Pow(10, float64(random.Intn(8))))
	}
	for i := 0; i < 64; i++ {
		values = append(values, math.Ldexp(1, i*33-1074), math.Pow(10, float64(i*10-320)))
	}
	for i, f := range values {
		printf("random-floats", formats[i%len(formats)], F(f))
		printf("random-floats", "%v", F(f))
	}
}

// quoteCases quotes, in one string, the scalars at both ends of every range of printable or
// non-printable scalars of Go's strconv.IsPrint (Unicode 13.0.0 in Go 1.19).
func quoteCases() {
	var b strings.Builder
	previous := true
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		printable := strconv.IsPrint(r)
		if printable != previous && r > 0 {
			if r-1 < 0xD800 || r-1 > 0xDFFF {
				b.WriteRune(r - 1)
			}
			b.WriteRune(r)
		}
		previous = printable
	}
	b.WriteRune(unicode.MaxRune)
	boundaries := b.String()
	printf("quoting", "%q", S(boundaries))
	printf("quoting", "%+q", S(boundaries))
	var runes []arg
	for _, r := range boundaries {
		runes = append(runes, I(int(r)))
	}
	printf("quoting", strings.Repeat("%q", len(runes)), runes...)
	printf("quoting", strings.Repeat("%#U", len(runes)), runes...)
}

func main() {
	printCases()
	verbCases()
	flagCases()
	errorCases()
	randomFloatCases()
	quoteCases()

	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	out.WriteString("[\n")
	for i, c := range cases {
		var line strings.Builder
		encoder := json.NewEncoder(&line)
		encoder.SetEscapeHTML(false)
		if err := encoder.Encode(c); err != nil {
			panic(err)
		}
		out.WriteString(strings.TrimSuffix(line.String(), "\n"))
		if i < len(cases)-1 {
			out.WriteString(",")
		}
		out.WriteString("\n")
	}
	out.WriteString("]\n")
}
