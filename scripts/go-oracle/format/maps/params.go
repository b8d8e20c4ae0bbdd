// Package maps has the one type of Hugo's package maps that the tests print: %T and %#v of a
// case-insensitive map show its name, maps.Params.
package maps

// Params is Hugo's maps.Params: front matter params and .Site.Params.
type Params map[string]interface{}
