// Prints the tokens Chroma (Debian's, the one its hugo is built with) makes of files, as JSON
// lines of [type, value] pairs, for Tests/HighlightingTests. Run by ./run.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

func main() {
	// Arguments: LANGUAGE FILE, any number of pairs; one line of output for each.
	for i := 1; i+1 < len(os.Args); i += 2 {
		lexer := lexers.Get(os.Args[i])
		if lexer == nil {
			fmt.Println("null")
			continue
		}
		data, err := os.ReadFile(os.Args[i+1])
		if err != nil {
			panic(err)
		}
		it, err := chroma.Coalesce(lexer).Tokenise(nil, string(data))
		if err != nil {
			panic(err)
		}
		out := [][2]string{}
		for _, t := range it.Tokens() {
			out = append(out, [2]string{t.Type.String(), t.Value})
		}
		line, _ := json.Marshal(out)
		fmt.Println(string(line))
	}
}
