// Command escape runs Go's html/template over test cases and records what Go does, so that the
// Swift tests of the escaper (Tests/GoTemplatesTests/HTMLEscaperTests.swift) compare with Go itself:
//
//	cd scripts/go-oracle/escape && go run . > ../../../Tests/GoTemplatesTests/Fixtures/html-escape.json
//
// The cases are Go's own: the templates of html/template's tests (escape_test.go, content_test.go,
// transition_test.go), read from GOROOT with go/ast, and the inputs of its escaping functions'
// tests (html_test.go, js_test.go, css_test.go, url_test.go) put in templates that use those
// functions; then those of extra-cases.json here.
//
// Data is JSON, as the Swift tests read it: integers are ints, other numbers float64; an object
// with the one key "$html", "$css", "$htmlattr", "$js", "$jsstr", "$url" or "$srcset" is that
// typed content (template.HTML…), {"$float": x} a float64 ("NaN", "+Inf", "-Inf" too), and
// {"$object": "text"} a value whose String method returns the text (a host object).
//
// Each case records the output, or the error: "parse", "exec", or "escape" with Go's
// description and line; and for the entry template, once escaped, the commands of each of its
// actions, as the names of their functions ("_" for what is not a function). The rows of
// TestEnsurePipelineContains, which tests the rewriting of pipelines directly, come along as
// "pipelines".
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"html/template"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"text/template/parse"
)

type testCase struct {
	Name     string `json:"name"`
	Template string `json:"template"`
	// Templates of a set the Swift side prepares first and puts under the case's; Go parses
	// them into the same set, first.
	Parent   string          `json:"parent,omitempty"`
	Entry    string          `json:"entry,omitempty"`
	Data     json.RawMessage `json:"data,omitempty"`
	Output   *string         `json:"output,omitempty"`
	Error    *caseError      `json:"error,omitempty"`
	Escapers []string        `json:"escapers,omitempty"`
}

type caseError struct {
	Kind    string `json:"kind"`
	Message string `json:"message"`
	Line    int    `json:"line,omitempty"`
}

// stringer is a value that prints as its text, as a host object does.
type stringer struct{ text string }

func (s stringer) String() string { return s.text }

var funcs = template.FuncMap{
	// The predecessor of a natural number, for recursive templates (TestEscapeSet's).
	"pred": func(a ...any) (any, error) {
		if len(a) == 1 {
			if i, _ := a[0].(int); i > 0 {
				return i - 1, nil
			}
		}
		return nil, fmt.Errorf("undefined pred(%v)", a)
	},
}

func main() {
	cases := goCases()
	extra, err := os.ReadFile("extra-cases.json")
	if err != nil {
		panic(err)
	}
	var more []testCase
	if err := json.Unmarshal(extra, &more); err != nil {
		panic(err)
	}
	cases = append(cases, more...)
	// Go runs what the Swift side reads: strings as JSON keeps them (no invalid UTF-8).
	encoded, err := json.Marshal(cases)
	if err != nil {
		panic(err)
	}
	cases = nil
	if err := json.Unmarshal(encoded, &cases); err != nil {
		panic(err)
	}
	seen := map[string]bool{}
	for i := range cases {
		if seen[cases[i].Name] {
			panic("two cases named " + cases[i].Name)
		}
		seen[cases[i].Name] = true
		run(&cases[i])
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetIndent("", " ")
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(fixture{Cases: cases, Pipelines: pipelineCases()}); err != nil {
		panic(err)
	}
}

type fixture struct {
	Cases     []testCase     `json:"cases"`
	Pipelines []pipelineCase `json:"pipelines"`
}

// pipelineCase is a row of TestEnsurePipelineContains, which Go's escaper passes: the
// pipeline of input once the escapers ids are ensured at its end.
type pipelineCase struct {
	Input  string   `json:"input"`
	Output string   `json:"output"`
	IDs    []string `json:"ids"`
}

func pipelineCases() []pipelineCase {
	var rows []pipelineCase
	for _, row := range table(testFunctions()["TestEnsurePipelineContains"]) {
		ids := []string{}
		for _, id := range row[2].(*ast.CompositeLit).Elts {
			ids = append(ids, str(id))
		}
		rows = append(rows, pipelineCase{Input: str(row[0]), Output: str(row[1]), IDs: ids})
	}
	return rows
}

func run(c *testCase) {
	entry := c.Entry
	if entry == "" {
		entry = c.Name
	}
	t := template.New(c.Name).Funcs(funcs)
	if c.Parent != "" {
		if _, err := t.New("parent").Parse(c.Parent); err != nil {
			c.Error = &caseError{Kind: "parse", Message: err.Error()}
			return
		}
	}
	if _, err := t.Parse(c.Template); err != nil {
		c.Error = &caseError{Kind: "parse", Message: err.Error()}
		return
	}
	var out strings.Builder
	err := t.ExecuteTemplate(&out, entry, data(c.Data))
	var escapeError *template.Error
	switch {
	case errors.As(err, &escapeError):
		c.Error = &caseError{Kind: "escape", Message: escapeError.Description, Line: line(escapeError)}
		return
	case err != nil:
		c.Error = &caseError{Kind: "exec", Message: err.Error()}
	default:
		s := out.String()
		c.Output = &s
	}
	if tree := t.Lookup(entry).Tree; tree != nil {
		c.Escapers = escapers(tree.Root)
	}
}

// line is the line Go's message shows.
func line(e *template.Error) int {
	if e.Node == nil {
		return e.Line
	}
	location, _ := (*parse.Tree)(nil).ErrorContext(e.Node)
	parts := strings.Split(location, ":")
	n, _ := strconv.Atoi(parts[len(parts)-2])
	return n
}

// escapers lists the commands of each action under node, in order.
func escapers(node parse.Node) []string {
	var actions []string
	var walk func(parse.Node)
	walk = func(node parse.Node) {
		switch n := node.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, child := range n.Nodes {
					walk(child)
				}
			}
		case *parse.ActionNode:
			var commands []string
			for _, command := range n.Pipe.Cmds {
				if identifier, ok := command.Args[0].(*parse.IdentifierNode); ok {
					commands = append(commands, identifier.Ident)
				} else {
					commands = append(commands, "_")
				}
			}
			actions = append(actions, strings.Join(commands, " | "))
		case *parse.IfNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.List)
			walk(n.ElseList)
		}
	}
	walk(node)
	return actions
}

func data(raw json.RawMessage) any {
	if len(raw) == 0 {
		return nil
	}
	decoder := json.NewDecoder(strings.NewReader(string(raw)))
	decoder.UseNumber()
	var value any
	if err := decoder.Decode(&value); err != nil {
		panic(err)
	}
	return convert(value)
}

func convert(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return int(i)
		}
		f, _ := x.Float64()
		return f
	case []any:
		for i := range x {
			x[i] = convert(x[i])
		}
		return x
	case map[string]any:
		if len(x) == 1 {
			for key, value := range x {
				if typed, ok := typedContent(key, value); ok {
					return typed
				}
			}
		}
		for k := range x {
			x[k] = convert(x[k])
		}
		return x
	}
	return v
}

func typedContent(key string, value any) (any, bool) {
	text, _ := value.(string)
	switch key {
	case "$html":
		return template.HTML(text), true
	case "$css":
		return template.CSS(text), true
	case "$htmlattr":
		return template.HTMLAttr(text), true
	case "$js":
		return template.JS(text), true
	case "$jsstr":
		return template.JSStr(text), true
	case "$url":
		return template.URL(text), true
	case "$srcset":
		return template.Srcset(text), true
	case "$object":
		return stringer{text}, true
	case "$float":
		switch text {
		case "NaN":
			return math.NaN(), true
		case "+Inf":
			return math.Inf(1), true
		case "-Inf":
			return math.Inf(-1), true
		}
		f, _ := value.(json.Number).Float64()
		return f, true
	}
	return nil, false
}

// MARK: Go's tests

// Probes put a value in the contexts of each escaping function.
var (
	htmlProbes = []string{`{{.}}`, `<a title="{{.}}">`, `<a title='{{.}}'>`, `<a title={{.}}>`, `<textarea>{{.}}</textarea>`,
		`<title>{{.}}</title>`, `<p><!-- {{.}} --></p>`, `<input {{.}}>`, `<input {{.}}="v">`}
	jsProbes = []string{`<script>var x = {{.}};</script>`, `<a onclick="f({{.}})">`, `<script>var s = '{{.}}';</script>`,
		`<script>var s = "{{.}}";</script>`, `<a onclick='f("{{.}}")'>`, `<script>var r = /{{.}}/;</script>`,
		`<a onclick="r = /x{{.}}/">`, `<script>/* {{.}} */ // {{.}}` + "\n</script>"}
	cssProbes = []string{`<style>p { color: {{.}} }</style>`, `<p style="color: {{.}}">`, `<p style=color:{{.}}>`,
		`<style>p { font-family: "x{{.}}" }</style>`, `<p style="font-family: 'x{{.}}'">`,
		`<style>p { background: url({{.}}) }</style>`, `<p style="background: url('{{.}}')">`, `<style>/* {{.}} */</style>`}
	urlProbes = []string{`<a href="{{.}}">`, `<a href='{{.}}'>`, `<a href={{.}}>`, `<a href="/x{{.}}">`,
		`<a href="/?q={{.}}">`, `<a href="/#{{.}}">`, `<img src="http://x/{{.}}">`, `<a data-url="{{.}}">`}
	srcsetProbes = []string{`<img srcset="{{.}}">`, `<img srcset={{.}}>`, `<img srcset="x.png 1x, {{.}}">`}
	allProbes    = concat(htmlProbes, jsProbes, cssProbes, urlProbes, srcsetProbes)
)

func concat(lists ...[]string) []string {
	var all []string
	for _, list := range lists {
		all = append(all, list...)
	}
	return all
}

const escapeData = `{"F": false, "T": true, "C": "<Cincinnati>", "G": "<Goodbye>", "H": "<Hello>", "A": ["<a>", "<b>"],
	"E": [], "N": 42, "U": null, "B": {"$object": "bad"}, "M": {"$object": "good"},
	"W": {"$html": "&iexcl;<b class=\"foo\">Hello</b>, <textarea>O'World</textarea>!"}}`

const typedData = `[
	"<b> \"foo%\" O'Reilly &bar;",
	{"$css": "a[href =~ \"//example.com\"]#foo"},
	{"$html": "Hello, <b>World</b> &amp;tc!"},
	{"$htmlattr": " dir=\"ltr\""},
	{"$js": "c && alert(\"Hello, World!\");"},
	{"$jsstr": "Hello, World & O'Reilly\\u0021"},
	{"$url": "greeting=H%69,&addressee=(World)"},
	{"$srcset": "greeting=H%69,&addressee=(World) 2x, https://golang.org/favicon.ico 500.5w"},
	{"$url": ",foo/,"}
]`

// testFunctions is the test functions of html/template, by name.
func testFunctions() map[string]*ast.FuncDecl {
	dir := filepath.Join(runtime.GOROOT(), "src", "html", "template")
	functions := map[string]*ast.FuncDecl{}
	for _, file := range []string{"escape_test.go", "content_test.go", "transition_test.go", "html_test.go", "js_test.go", "css_test.go", "url_test.go"} {
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, file), nil, 0)
		if err != nil {
			panic(err)
		}
		for _, decl := range f.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok {
				functions[fn.Name.Name] = fn
			}
		}
	}
	return functions
}

func goCases() []testCase {
	functions := testFunctions()
	var cases []testCase
	add := func(name, template, data string) {
		cases = append(cases, testCase{Name: name, Template: template, Data: json.RawMessage(data)})
	}
	probe := func(name string, values []string, probes []string) {
		for i, value := range values {
			encoded, _ := json.Marshal(value)
			for j, p := range probes {
				add(fmt.Sprintf("%s %d.%d", name, i, j), p, string(encoded))
			}
		}
	}

	for i, row := range table(functions["TestEscape"]) {
		add(fmt.Sprintf("Escape %d %s", i, str(row[0])), str(row[1]), escapeData)
	}
	for i, row := range table(functions["TestEscapeMap"]) {
		add(fmt.Sprintf("EscapeMap %d", i), str(row[1]), `{"html": "<h1>Hi!</h1>", "urlquery": "http://www.foo.com/index.html?title=main"}`)
	}
	for i, row := range table(functions["TestEscapeSet"]) {
		bodies := map[string]string{}
		for _, element := range row[0].(*ast.CompositeLit).Elts {
			kv := element.(*ast.KeyValueExpr)
			bodies[str(kv.Key)] = str(kv.Value)
		}
		names := make([]string, 0, len(bodies))
		for name := range bodies {
			names = append(names, name)
		}
		sort.Strings(names)
		source := ""
		for _, name := range names {
			source += fmt.Sprintf("{{define %q}}%s{{end}} ", name, bodies[name])
		}
		cases = append(cases, testCase{Name: fmt.Sprintf("EscapeSet %d", i), Template: source, Entry: "main",
			Data: json.RawMessage(`{"Children": [{"X": "foo"}, {"X": "<bar>"}, {"Children": [{"X": "baz"}]}]}`)})
	}
	for i, row := range table(functions["TestErrors"]) {
		add(fmt.Sprintf("Errors %d", i), str(row[0]), "")
	}
	for i, row := range table(functions["TestEscapeText"]) {
		add(fmt.Sprintf("EscapeText %d", i), str(row[0]), "")
	}
	pipelineContexts := []string{`%s`, `<a href="%s">`, `<a href="/?q=%s">`, `<p title=%s>`, `<p title="%s">`,
		`<script>var x = %s</script>`, `<script>var s = '%s'</script>`, `<textarea>%s</textarea>`, `<style>p { color: %s }</style>`}
	for i, row := range table(functions["TestEnsurePipelineContains"]) {
		for j, context := range pipelineContexts {
			add(fmt.Sprintf("EnsurePipelineContains %d.%d", i, j), fmt.Sprintf(context, str(row[0])),
				`{"X": "<a href=\"x\">?&+ 'y'", "Y": 2, "Z": "z"}`)
		}
	}
	for i, input := range stringList(functions["TestEscapeMalformedPipelines"]) {
		add(fmt.Sprintf("EscapeMalformedPipelines %d", i), input, "")
	}
	var typed []json.RawMessage
	if err := json.Unmarshal([]byte(typedData), &typed); err != nil {
		panic(err)
	}
	for i, row := range table(functions["TestTypedContent"]) {
		for j, value := range typed {
			add(fmt.Sprintf("TypedContent %d.%d", i, j), str(row[0]), string(value))
		}
	}
	for i, row := range table(functions["TestFindEndTag"]) {
		add(fmt.Sprintf("FindEndTag %d", i), "<"+str(row[1])+">"+str(row[0]), "")
	}

	probe("HTMLNospaceEscaper", assigned(functions["TestHTMLNospaceEscaper"], "input"), allProbes)
	var stripped []string
	for _, row := range table(functions["TestStripTags"]) {
		stripped = append(stripped, str(row[0]))
	}
	for i, html := range stripped {
		encoded, _ := json.Marshal(map[string]string{"$html": html})
		for j, p := range htmlProbes {
			add(fmt.Sprintf("StripTags %d.%d", i, j), p, string(encoded))
		}
	}
	for i, row := range table(functions["TestNextJsCtx"]) {
		add(fmt.Sprintf("NextJsCtx %d.0", i), "<script>"+str(row[1])+"/{{.}}/</script>", `"x"`)
		add(fmt.Sprintf("NextJsCtx %d.1", i), "<script>"+str(row[1])+" /{{.}}</script>", `"x"`)
	}
	probe("JSValEscaper", inputs(table(functions["TestJSValEscaper"])), jsProbes)
	probe("JSStrEscaper", inputs(table(functions["TestJSStrEscaper"])), jsProbes)
	probe("JSRegexpEscaper", inputs(table(functions["TestJSRegexpEscaper"])), jsProbes)
	probe("EscapersOnLower7", assigned(functions["TestEscapersOnLower7AndSelectHighCodepoints"], "input"), allProbes)
	for i, row := range table(functions["TestEndsWithCSSKeyword"]) {
		add(fmt.Sprintf("EndsWithCSSKeyword %d", i), `<p style="x: `+str(row[0])+`({{.}})">`, `"a b"`)
	}
	for i, row := range table(functions["TestDecodeCSS"]) {
		add(fmt.Sprintf("DecodeCSS %d", i), `<p style="background: '`+str(row[0])+`{{.}}'">`, `"a:b?c"`)
	}
	probe("DecodeCSS value", inputs(table(functions["TestDecodeCSS"])), cssProbes[:3])
	probe("CSSEscaper", assigned(functions["TestCSSEscaper"], "input"), allProbes)
	probe("CSSValueFilter", inputs(table(functions["TestCSSValueFilter"])), cssProbes[:3])
	probe("URLNormalizer", inputs(table(functions["TestURLNormalizer"])), urlProbes)
	probe("URLFilters", assigned(functions["TestURLFilters"], "input"), allProbes)
	var srcsets []string
	for _, row := range table(functions["TestSrcsetFilter"]) {
		srcsets = append(srcsets, str(row[1]))
	}
	probe("SrcsetFilter", srcsets, concat(srcsetProbes, urlProbes))
	return cases
}

// table is the rows of the function's first table of structs.
func table(fn *ast.FuncDecl) [][]ast.Expr {
	var rows [][]ast.Expr
	ast.Inspect(fn, func(n ast.Node) bool {
		if rows != nil {
			return false
		}
		literal, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		array, ok := literal.Type.(*ast.ArrayType)
		if !ok {
			return true
		}
		if _, ok := array.Elt.(*ast.StructType); !ok {
			return true
		}
		rows = [][]ast.Expr{}
		for _, element := range literal.Elts {
			rows = append(rows, element.(*ast.CompositeLit).Elts)
		}
		return false
	})
	return rows
}

// stringList is the function's first list of strings.
func stringList(fn *ast.FuncDecl) []string {
	var list []string
	ast.Inspect(fn, func(n ast.Node) bool {
		literal, ok := n.(*ast.CompositeLit)
		if !ok || list != nil {
			return list == nil
		}
		if array, ok := literal.Type.(*ast.ArrayType); ok {
			if ident, ok := array.Elt.(*ast.Ident); ok && ident.Name == "string" {
				list = []string{}
				for _, element := range literal.Elts {
					list = append(list, str(element))
				}
			}
		}
		return true
	})
	return list
}

// inputs is the strings of the rows' first column.
func inputs(rows [][]ast.Expr) []string {
	var values []string
	for _, row := range rows {
		if s, ok := stringValue(row[0]); ok {
			values = append(values, s)
		}
	}
	return values
}

// assigned is the strings the function assigns to the variable.
func assigned(fn *ast.FuncDecl, variable string) []string {
	var values []string
	ast.Inspect(fn, func(n ast.Node) bool {
		if assign, ok := n.(*ast.AssignStmt); ok {
			for i, lhs := range assign.Lhs {
				if ident, ok := lhs.(*ast.Ident); ok && ident.Name == variable && i < len(assign.Rhs) {
					if s, ok := stringValue(assign.Rhs[i]); ok {
						values = append(values, s)
					}
				}
			}
		}
		return true
	})
	return values
}

func str(e ast.Expr) string {
	s, ok := stringValue(e)
	if !ok {
		panic(fmt.Sprintf("not a string: %#v", e))
	}
	return s
}

// stringValue evaluates a constant string expression: literals, concatenated, in parentheses.
func stringValue(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(x.Value)
		return s, err == nil
	case *ast.ParenExpr:
		return stringValue(x.X)
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		a, okA := stringValue(x.X)
		b, okB := stringValue(x.Y)
		return a + b, okA && okB
	}
	return "", false
}
