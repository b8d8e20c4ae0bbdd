// Package server serves files.
package server

import (
	"fmt"
	"net/http"
)

const maxSize = 1 << 20

type Handler struct {
	Root  string
	count int
}

/* ServeHTTP answers
   every request. */
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.count++
	if r.Method != http.MethodGet && r.Method != "HEAD" {
		http.Error(w, fmt.Sprintf("method %q not allowed", r.Method), 405)
		return
	}
	tmpl := `{{ .Title }} and {{ range .Items }}{{ . }}{{ end }}`
	var ch chan<- error = make(chan error, 1)
	go func() { ch <- nil }()
	fmt.Fprintln(w, tmpl, 'x', 3.5i, 0x1F, 0o17, len(r.URL.Path), maxSize)
}
