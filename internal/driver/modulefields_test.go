package driver

import (
	"bytes"
	"maps"
	"strconv"
	"strings"
	"testing"

	"github.com/portlint/portlint/analyzer"
)

// layeredModule is an application whose package server listens on a
// field of package config's struct, which config.Default fills and main
// hands from one to the other: the most common layering of a service.
var layeredModule = map[string]string{
	"go.mod": "module example.com/layered\n\ngo 1.22\n",
	"config/config.go": `package config

type HTTP struct{ Port int }

type Server struct{ HTTP *HTTP }

type Config struct{ Server *Server }

func Default() *Config { return &Config{Server: &Server{HTTP: &HTTP{Port: 8086}}} }
`,
	"server/server.go": `package server

import (
	"fmt"
	"net/http"

	"example.com/layered/config"
)

type Server struct{ cfg *config.Config }

func New(cfg *config.Config) *Server { return &Server{cfg: cfg} }

func (s *Server) ListenAndServe() error {
	return http.ListenAndServe(fmt.Sprintf(":%d", s.cfg.Server.HTTP.Port), nil)
}
`,
	"cmd/app/main.go": `package main

import (
	"log"

	"example.com/layered/config"
	"example.com/layered/server"
)

func main() {
	c := config.Default()
	// a write here
	log.Fatal(server.New(c).ListenAndServe())
}
`,
}

// TestModuleFields checks the driver's view of a module's exported
// fields: a library reads another package's field as that package's
// constants when no other package of the whole module writes it, or
// hands its struct out of the module's sight.
func TestModuleFields(t *testing.T) {
	const finding = "server/server.go:15:29: http.ListenAndServe listens on hard-coded port 8086"
	for _, tc := range []struct {
		name, write, pattern string
		want                 bool
	}{
		{"nothing else writes it", "", "./...", true},
		{"main writes it", "c.Server.HTTP.Port = 9000", "./...", false},
		{"main hands it to a decoder", `json.Unmarshal([]byte(os.Getenv("CONFIG")), c)`, "./...", false},
		{"a package alone: the rest of the module is unseen", "", "./server", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			imports := ""
			if strings.Contains(tc.write, "json") {
				imports = "encoding/json os"
			}
			out, code := runWithModule(t, layeredModule, tc.write, imports, tc.pattern)
			if got := strings.Contains(out, finding); got != tc.want || code != map[bool]int{true: 3, false: 0}[tc.want] {
				t.Errorf("exit %d, finding %v, want %v:\n%s", code, got, tc.want, out)
			}
		})
	}
}

// runWithModule writes module, its cmd/app/main.go's "// a write here"
// replaced by write and the space-separated imports added, and runs the
// driver with its view of the module on pattern: its output and status.
func runWithModule(t *testing.T, module map[string]string, write, imports, pattern string) (string, int) {
	t.Helper()
	files := maps.Clone(module)
	main := strings.Replace(files["cmd/app/main.go"], "// a write here", write, 1)
	for _, imp := range strings.Fields(imports) {
		main = strings.Replace(main, `"log"`, strconv.Quote(imp)+"\n\t\"log\"", 1)
	}
	files["cmd/app/main.go"] = main
	writeModule(t, files)
	var stderr bytes.Buffer
	code := RunWith(analyzer.Analyzer, Options{Module: analyzer.UseModule}, []string{pattern}, &bytes.Buffer{}, &stderr)
	return stderr.String(), code
}

// defaultModule is an application whose package config hands out a
// config with a default address and serves on it.
var defaultModule = map[string]string{
	"go.mod": "module example.com/dflt\n\ngo 1.22\n",
	"config/config.go": `package config

import "net/http"

type Config struct{ Addr string }

func Default() Config { return Config{Addr: ":8080"} }

func (c Config) Serve() error { return http.ListenAndServe(c.Addr, nil) }
`,
	"cmd/app/main.go": `package main

import (
	"log"
	"os"

	"example.com/dflt/config"
)

func main() {
	c := config.Default()
	// a write here
	log.Fatal(c.Serve())
}
`,
}

// TestModuleDefault checks that a library's default for a field its
// callers can change is a server only where the driver sees that no
// other package of the module changes it.
func TestModuleDefault(t *testing.T) {
	const finding = "config/config.go:7:45: config.Config.Addr listens on hard-coded port 8080"
	for _, tc := range []struct {
		name, write string
		want        bool
	}{
		{"nothing changes it", "_ = os.Args", true},
		{"main sets it from the environment", `c.Addr = ":" + os.Getenv("PORT")`, false},
		{"main lets a flag set it", `flag.StringVar(&c.Addr, "addr", c.Addr, ""); _ = os.Args`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			imports := ""
			if strings.Contains(tc.write, "flag") {
				imports = "flag"
			}
			out, code := runWithModule(t, defaultModule, tc.write, imports, "./...")
			if got := strings.Contains(out, finding); got != tc.want || code != map[bool]int{true: 3, false: 0}[tc.want] {
				t.Errorf("exit %d, finding %v, want %v:\n%s", code, got, tc.want, out)
			}
		})
	}
}

// TestModuleServerDefault checks the same of a library handing out an
// http.Server: its constant Addr is a default where another package of
// the module sets the field, a server where none does.
func TestModuleServerDefault(t *testing.T) {
	module := map[string]string{
		"go.mod": "module example.com/srvdef\n\ngo 1.22\n",
		"internal/web/web.go": `package web

import "net/http"

func New(h http.Handler) *http.Server { return &http.Server{Addr: ":8080", Handler: h} }
`,
		"cmd/app/main.go": `package main

import (
	"log"
	"net/http"
	"os"

	"example.com/srvdef/internal/web"
)

func main() {
	srv := web.New(http.NotFoundHandler())
	// a write here
	_ = os.Args
	log.Fatal(srv.ListenAndServe())
}
`,
	}
	const finding = "internal/web/web.go:5:67: http.Server.Addr listens on hard-coded port 8080"
	for _, tc := range []struct {
		name, write string
		want        bool
	}{
		{"nothing changes it", "", true},
		{"main sets it from the environment", `if p := os.Getenv("PORT"); p != "" { srv.Addr = ":" + p }`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, code := runWithModule(t, module, tc.write, "", "./...")
			if got := strings.Contains(out, finding); got != tc.want || code != map[bool]int{true: 3, false: 0}[tc.want] {
				t.Errorf("exit %d, finding %v, want %v:\n%s", code, got, tc.want, out)
			}
		})
	}
}
