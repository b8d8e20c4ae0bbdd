// Command text runs Go's text/template over test cases and records what Go prints, so that the
// Swift tests compare with Go itself: go run ./scripts/go-oracle/text < cases.json > expected.json
//
// Input: a JSON list of {"name", "template", "data"}; JSON numbers that are integers become Go
// ints, others float64 (as the Swift tests convert them). Output: the same list with "output" set,
// or "error": true when parsing or executing fails.
package main

import (
	"encoding/json"
	"os"
	"strings"
	"text/template"
)

type testCase struct {
	Name     string          `json:"name"`
	Template string          `json:"template"`
	Data     json.RawMessage `json:"data,omitempty"`
	Output   *string         `json:"output,omitempty"`
	Error    bool            `json:"error,omitempty"`
}

func convert(v interface{}) interface{} {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return int(i)
		}
		f, _ := x.Float64()
		return f
	case []interface{}:
		for i := range x {
			x[i] = convert(x[i])
		}
		return x
	case map[string]interface{}:
		for k := range x {
			x[k] = convert(x[k])
		}
		return x
	}
	return v
}

func main() {
	var cases []testCase
	decoder := json.NewDecoder(os.Stdin)
	if err := decoder.Decode(&cases); err != nil {
		panic(err)
	}
	for i := range cases {
		c := &cases[i]
		var data interface{}
		if len(c.Data) > 0 {
			d := json.NewDecoder(strings.NewReader(string(c.Data)))
			d.UseNumber()
			if err := d.Decode(&data); err != nil {
				panic(err)
			}
			data = convert(data)
		}
		t, err := template.New(c.Name).Parse(c.Template)
		if err != nil {
			c.Error = true
			continue
		}
		var out strings.Builder
		if err := t.Execute(&out, data); err != nil {
			c.Error = true
			continue
		}
		s := out.String()
		c.Output = &s
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetIndent("", "  ")
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(cases); err != nil {
		panic(err)
	}
}
