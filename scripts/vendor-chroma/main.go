// Writes Chroma's lexers, styles and token types as Swift source for Sources/Highlighting: the
// Chroma that Debian's Hugo 0.111 is built with (golang-github-alecthomas-chroma-v2-dev), so that
// code is highlighted token for token as that Hugo does. Run by ./run, which says how.
package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"unsafe"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// node is an element of a marshalled lexer, read back generically.
type node struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []node     `xml:",any"`
	Text     string     `xml:",chardata"`
}

func (n node) attr(name string) []string {
	var values []string
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			values = append(values, a.Value)
		}
	}
	return values
}

func emitter(n node) interface{} {
	switch n.XMLName.Local {
	case "token":
		return map[string]interface{}{"token": n.attr("type")[0]}
	case "bygroups":
		var groups []interface{}
		for _, c := range n.Children {
			groups = append(groups, emitter(c))
		}
		return map[string]interface{}{"bygroups": groups}
	case "usingself":
		return map[string]interface{}{"usingself": n.attr("state")[0]}
	case "using":
		return map[string]interface{}{"using": n.attr("lexer")[0]}
	case "usingbygroup":
		var name, code int
		var groups []interface{}
		for _, c := range n.Children {
			switch c.XMLName.Local {
			case "sublexer_name_group":
				fmt.Sscan(c.Text, &name)
			case "code_group":
				fmt.Sscan(c.Text, &code)
			case "emitters":
				for _, e := range c.Children {
					groups = append(groups, emitter(e))
				}
			}
		}
		return map[string]interface{}{"usingbygroup": map[string]interface{}{"name": name, "code": code, "emitters": groups}}
	}
	panic("emitter " + n.XMLName.Local)
}

func mutator(n node) interface{} {
	switch n.XMLName.Local {
	case "push":
		return map[string]interface{}{"push": append([]string{}, n.attr("state")...)}
	case "pop":
		var depth int
		fmt.Sscan(n.attr("depth")[0], &depth)
		return map[string]interface{}{"pop": depth}
	case "include":
		return map[string]interface{}{"include": n.attr("state")[0]}
	case "combined":
		return map[string]interface{}{"combined": n.attr("state")}
	case "mutators":
		var all []interface{}
		for _, c := range n.Children {
			all = append(all, mutator(c))
		}
		return map[string]interface{}{"multiple": all}
	}
	return nil
}

func rules(lexer *chroma.RegexLexer) map[string][]map[string]interface{} {
	data, err := chroma.Marshal(lexer)
	if err != nil {
		panic(err)
	}
	var root node
	if err := xml.Unmarshal(data, &root); err != nil {
		panic(err)
	}
	out := map[string][]map[string]interface{}{}
	for _, section := range root.Children {
		if section.XMLName.Local != "rules" {
			continue
		}
		for _, state := range section.Children {
			list := []map[string]interface{}{}
			for _, r := range state.Children {
				rule := map[string]interface{}{}
				if p := r.attr("pattern"); len(p) > 0 {
					rule["pattern"] = p[0]
				} else {
					rule["pattern"] = ""
				}
				for _, c := range r.Children {
					if m := mutator(c); m != nil {
						rule["mutate"] = m
					} else {
						rule["emit"] = emitter(c)
					}
				}
				list = append(list, rule)
			}
			out[state.attr("name")[0]] = list
		}
	}
	return out
}

// goRules is lexers/go.go's, whose raw strings are lexed as Go templates, which no XML can say.
func goRules() map[string][]map[string]interface{} {
	t := func(name string) interface{} { return map[string]interface{}{"token": name} }
	r := func(pattern string, emit interface{}) map[string]interface{} {
		return map[string]interface{}{"pattern": pattern, "emit": emit}
	}
	words := func(prefix, suffix string, list ...string) string { return chroma.Words(prefix, suffix, list...) }
	groups := func(e ...interface{}) interface{} { return map[string]interface{}{"bygroups": e} }
	return map[string][]map[string]interface{}{"root": {
		r(`\n`, t("Text")), r(`\s+`, t("Text")), r(`\\\n`, t("Text")),
		r(`//(.*?)\n`, t("CommentSingle")),
		r(`/(\\\n)?[*](.|\n)*?[*](\\\n)?/`, t("CommentMultiline")),
		r(`(import|package)\b`, t("KeywordNamespace")),
		r(`(var|func|struct|map|chan|type|interface|const)\b`, t("KeywordDeclaration")),
		r(words(``, `\b`, `break`, `default`, `select`, `case`, `defer`, `go`, `else`, `goto`, `switch`, `fallthrough`, `if`, `range`, `continue`, `for`, `return`), t("Keyword")),
		r(`(true|false|iota|nil)\b`, t("KeywordConstant")),
		r(words(``, `\b(\()`, `uint`, `uint8`, `uint16`, `uint32`, `uint64`, `int`, `int8`, `int16`, `int32`, `int64`, `float`, `float32`, `float64`, `complex64`, `complex128`, `byte`, `rune`, `string`, `bool`, `error`, `uintptr`, `print`, `println`, `panic`, `recover`, `close`, `complex`, `real`, `imag`, `len`, `cap`, `append`, `copy`, `delete`, `new`, `make`), groups(t("NameBuiltin"), t("Punctuation"))),
		r(words(``, `\b`, `uint`, `uint8`, `uint16`, `uint32`, `uint64`, `int`, `int8`, `int16`, `int32`, `int64`, `float`, `float32`, `float64`, `complex64`, `complex128`, `byte`, `rune`, `string`, `bool`, `error`, `uintptr`), t("KeywordType")),
		r(`\d+i`, t("LiteralNumber")),
		r(`\d+\.\d*([Ee][-+]\d+)?i`, t("LiteralNumber")),
		r(`\.\d+([Ee][-+]\d+)?i`, t("LiteralNumber")),
		r(`\d+[Ee][-+]\d+i`, t("LiteralNumber")),
		r(`\d+(\.\d+[eE][+\-]?\d+|\.\d*|[eE][+\-]?\d+)`, t("LiteralNumberFloat")),
		r(`\.\d+([eE][+\-]?\d+)?`, t("LiteralNumberFloat")),
		r(`0[0-7]+`, t("LiteralNumberOct")),
		r(`0[xX][0-9a-fA-F_]+`, t("LiteralNumberHex")),
		r(`0b[01_]+`, t("LiteralNumberBin")),
		r(`(0|[1-9][0-9_]*)`, t("LiteralNumberInteger")),
		r(`'(\\['"\\abfnrtv]|\\x[0-9a-fA-F]{2}|\\[0-7]{1,3}|\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|[^\\])'`, t("LiteralStringChar")),
		r("(`)([^`]*)(`)", groups(t("LiteralString"), map[string]interface{}{"usingremapped": []string{"Go Text Template", "Other", "LiteralString"}}, t("LiteralString"))),
		r(`"(\\\\|\\"|[^"])*"`, t("LiteralString")),
		r(`(<<=|>>=|<<|>>|<=|>=|&\^=|&\^|\+=|-=|\*=|/=|%=|&=|\|=|&&|\|\||<-|\+\+|--|==|!=|:=|\.\.\.|[+\-*/%&])`, t("Operator")),
		r(`([a-zA-Z_]\w*)(\s*)(\()`, groups(t("NameFunction"), map[string]interface{}{"usingself": "root"}, t("Punctuation"))),
		r(`[|^<>=!()\[\]{}.,;:]`, t("Punctuation")),
		r(`[^\W\d]\w*`, t("NameOther")),
	}}
}

// delegating reads a chroma.DelegatingLexer's two lexers, which it does not export.
func delegating(l chroma.Lexer) (root chroma.Lexer, language chroma.Lexer, ok bool) {
	v := reflect.ValueOf(l)
	if v.Kind() != reflect.Ptr || v.Elem().Type().Name() != "delegatingLexer" {
		return nil, nil, false
	}
	field := func(name string) chroma.Lexer {
		f := v.Elem().FieldByName(name)
		return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface().(chroma.Lexer)
	}
	return field("root"), field("language"), true
}

func optionalString(s string) string {
	if s == "" {
		return "nil"
	}
	return swiftString(s)
}

func swiftString(s string) string {
	// A raw string needs more #s than any "#, #" or \# in the text.
	hashes := "#"
	for strings.Contains(s, "\""+hashes) || strings.Contains(s, hashes+"\"") || strings.Contains(s, "\\"+hashes) {
		hashes += "#"
	}
	return hashes + "\"" + s + "\"" + hashes
}

func swiftList(values []string) string {
	quoted := []string{}
	for _, v := range values {
		quoted = append(quoted, swiftString(v))
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

func main() {
	out := os.Args[1]
	var lexerSource bytes.Buffer
	lexerSource.WriteString("// Written by scripts/vendor-chroma from Chroma " + os.Args[2] + " (MIT, see COPYING): do not edit.\n\n")
	lexerSource.WriteString("extension LexerDefinition {\n    /// Chroma's lexers, in the order its registry holds them.\n    static let all: [LexerDefinition] = [\n")
	skipped := []string{}
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		config := l.Config()
		var ruleSet map[string][]map[string]interface{}
		delegateRoot := ""
		if root, language, ok := delegating(l); ok {
			// HTML with another language's tokens in it (Go HTML templates, PHP, Markdown).
			rl, isRegex := language.(*chroma.RegexLexer)
			if !isRegex {
				skipped = append(skipped, config.Name)
				continue
			}
			if _, err := chroma.Marshal(rl); err != nil {
				skipped = append(skipped, config.Name)
				continue
			}
			ruleSet = rules(rl)
			delegateRoot = root.Config().Name
		} else if config.Name == "Go" {
			ruleSet = goRules()
		} else if rl, ok := l.(*chroma.RegexLexer); ok {
			if _, err := chroma.Marshal(rl); err != nil {
				skipped = append(skipped, config.Name)
				continue
			}
			ruleSet = rules(rl)
		} else {
			skipped = append(skipped, config.Name)
			continue
		}
		data, err := json.Marshal(ruleSet)
		if err != nil {
			panic(err)
		}
		ensureNL := config.EnsureNL
		fmt.Fprintf(&lexerSource, "        LexerDefinition(\n            name: %s, aliases: %s, filenames: %s, aliasFilenames: %s,\n            caseInsensitive: %v, dotAll: %v, notMultiline: %v, ensureNewline: %v, priority: %v,\n            delegateRoot: %s, rules: %s\n        ),\n",
			swiftString(config.Name), swiftList(config.Aliases), swiftList(config.Filenames), swiftList(config.AliasFilenames),
			config.CaseInsensitive, config.DotAll, config.NotMultiline, ensureNL, config.Priority, optionalString(delegateRoot), swiftString(string(data)))
	}
	lexerSource.WriteString("    ]\n\n    /// Chroma's lexers that are Go code this port does not have.\n    static let missing: [String] = " + swiftList(skipped) + "\n}\n")
	if err := os.WriteFile(filepath.Join(out, "Lexers.swift"), lexerSource.Bytes(), 0o644); err != nil {
		panic(err)
	}

	// Token types: name, number, CSS class.
	var typeSource bytes.Buffer
	typeSource.WriteString("// Written by scripts/vendor-chroma from Chroma " + os.Args[2] + " (MIT, see COPYING): do not edit.\n\n")
	typeSource.WriteString("extension TokenType {\n    /// Every token type: its name, its number (which says its category) and its CSS class.\n    static let table: [(name: String, value: Int, cssClass: String?)] = [\n")
	for _, t := range chroma.TokenTypeValues() {
		class, ok := chroma.StandardTypes[t]
		classText := "nil"
		if ok {
			classText = swiftString(class)
		}
		fmt.Fprintf(&typeSource, "        (%s, %d, %s),\n", swiftString(t.String()), int(t), classText)
	}
	typeSource.WriteString("    ]\n}\n")
	if err := os.WriteFile(filepath.Join(out, "TokenTypes.swift"), typeSource.Bytes(), 0o644); err != nil {
		panic(err)
	}

	// Styles: each token type's CSS, as Chroma's HTML formatter computes it before its options.
	var styleSource bytes.Buffer
	styleSource.WriteString("// Written by scripts/vendor-chroma from Chroma " + os.Args[2] + " (MIT, see COPYING): do not edit.\n\n")
	styleSource.WriteString("extension HighlightStyle {\n    /// Chroma's styles by name: the CSS of each token type it colours, against its background.\n    static let all: [String: [String: String]] = [\n")
	names := styles.Names()
	sort.Strings(names)
	for _, name := range names {
		style := styles.Get(name)
		bg := style.Get(chroma.Background)
		entries := map[string]string{}
		for t := range chroma.StandardTypes {
			entry := style.Get(t)
			if t != chroma.Background {
				entry = entry.Sub(bg)
			}
			if entry.IsZero() {
				continue
			}
			entries[t.String()] = html.StyleEntryToCSS(entry)
		}
		keys := []string{}
		for k := range entries {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Fprintf(&styleSource, "        %s: [\n", swiftString(name))
		for _, k := range keys {
			fmt.Fprintf(&styleSource, "            %s: %s,\n", swiftString(k), swiftString(entries[k]))
		}
		styleSource.WriteString("        ],\n")
	}
	styleSource.WriteString("    ]\n}\n")
	if err := os.WriteFile(filepath.Join(out, "Styles.swift"), styleSource.Bytes(), 0o644); err != nil {
		panic(err)
	}
}
