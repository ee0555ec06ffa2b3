package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The synthetic module: generated into a temporary directory by the
// benchmarks, so that nothing large is checked in and the shapes stay in
// one place. Every package imports the listen packages, so portlint takes
// its full path on all of them.

// shape is one listen site, a function of its own. The template receives
// the site's index (%[1]d) and a port (%[2]d).
type shape struct {
	name   string
	tmpl   string
	report bool // portlint reports it (docs/checks.md)
}

// shapes mix constant, variable and environment-derived addresses, the
// calls, fields and struct addresses portlint knows, in the proportions
// they come in: index i uses shapes[i%len(shapes)].
var shapes = []shape{
	{"const", `func listen%[1]d(h http.Handler) error {
	return http.ListenAndServe(":%[2]d", h)
}
`, true},
	{"const-loopback", `func listen%[1]d() (net.Listener, error) {
	return net.Listen("tcp", "127.0.0.1:%[2]d")
}
`, true},
	{"local-var", `func listen%[1]d(h http.Handler) error {
	addr := ":%[2]d"
	return http.ListenAndServe(addr, h)
}
`, true},
	{"env", `func listen%[1]d(h http.Handler) error {
	return http.ListenAndServe(":"+os.Getenv("PORT"), h)
}
`, false},
	{"env-default-field", `func listen%[1]d(h http.Handler) *http.Server {
	port := os.Getenv("PORT")
	if port == "" {
		port = "%[2]d"
	}
	return &http.Server{Addr: ":" + port, Handler: h}
}
`, false},
	{"sprintf-param", `func listen%[1]d(port int) (net.Listener, error) {
	return net.Listen("tcp", fmt.Sprintf("%%s:%%d", bindHost, port))
}
`, false},
	{"joinhostport-loopback", `func listen%[1]d(port int) (net.Listener, error) {
	return net.Listen("tcp", net.JoinHostPort("localhost", strconv.Itoa(port)))
}
`, true},
	{"field-assign-const", `func listen%[1]d(h http.Handler) error {
	srv := &http.Server{Handler: h}
	srv.Addr = defaultAddr
	return srv.ListenAndServe()
}
`, true},
	{"tcpaddr", `func listen%[1]d() (*net.TCPListener, error) {
	return net.ListenTCP("tcp", &net.TCPAddr{Port: %[2]d})
}
`, true},
	{"env-helper", `func listen%[1]d(h http.Handler) error {
	addr := envAddr()
	return http.ListenAndServe(addr, h)
}
`, false},
}

// filler is ordinary code around the listen sites: calls, composite
// literals and assignments, the nodes portlint's filter visits.
const filler = `type record%[1]d struct {
	ID   int
	Name string
	Tags []string
}

func process%[1]d(in []string) (map[string]int, error) {
	out := make(map[string]int, len(in))
	for i, s := range in {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		r := record%[1]d{ID: i, Name: s, Tags: strings.Split(s, ",")}
		out[r.Name] += len(r.Tags)
		if n, err := strconv.Atoi(s); err == nil {
			out["n"] = n
		} else if len(s) > 64 {
			return nil, fmt.Errorf("process%[1]d: %%q too long", s)
		}
	}
	keys := []string{"a", "b", "c"}
	for _, k := range keys {
		out[k] = len(k) + len(out)
	}
	return out, nil
}
`

const header = `package %s

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
)

var (
	_ = fmt.Sprint
	_ = net.Listen
	_ = http.ListenAndServe
	_ = os.Getenv
	_ = strconv.Itoa
	_ = strings.TrimSpace
)
`

// decls are each package's shared declarations, used by some shapes.
const decls = `
var bindHost = "0.0.0.0"

const defaultAddr = ":8082"

func envAddr() string { return ":" + os.Getenv("PORT") }
`

// synthPkg describes one generated package.
type synthPkg struct {
	name         string
	sites        int // listen sites, one function each
	fillers      int // filler functions
	perFile      int // functions (sites and fillers) per file
	assignments  int // if > 0: one variable with this many assignments
	assignReader int // listen sites reading that variable
}

// reported is how many of p's sites portlint reports.
func (p synthPkg) reported() int {
	n := 0
	for i := range p.sites {
		if shapes[i%len(shapes)].report {
			n++
		}
	}
	return n
}

// writeModule writes module "synth" with pkgs under dir.
func writeModule(dir string, pkgs []synthPkg) error {
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module synth\n\ngo 1.26\n"), 0o666); err != nil {
		return err
	}
	for _, p := range pkgs {
		if err := writePackage(filepath.Join(dir, p.name), p); err != nil {
			return err
		}
	}
	return nil
}

func writePackage(dir string, p synthPkg) error {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return err
	}
	var files []string
	var b strings.Builder
	funcs := 0
	newFile := func() {
		b.Reset()
		fmt.Fprintf(&b, header, p.name)
	}
	endFile := func() {
		files = append(files, b.String())
		funcs = 0
	}
	add := func(src string) {
		if funcs == p.perFile {
			endFile()
			newFile()
		}
		b.WriteString("\n")
		b.WriteString(src)
		funcs++
	}
	newFile()
	b.WriteString(decls)
	// Spread the sites evenly among the fillers, as in a real package.
	total := p.sites + p.fillers
	site := 0
	for i := range total {
		if site < p.sites && (p.fillers == 0 || i*p.sites/total >= site) {
			add(fmt.Sprintf(shapes[site%len(shapes)].tmpl, site, 8000+site%1000))
			site++
			continue
		}
		add(fmt.Sprintf(filler, i))
	}
	if p.assignments > 0 {
		add("var addr string\n")
		for i := range p.assignments {
			if i%2 == 0 {
				add(fmt.Sprintf("func set%d() { addr = \":%d\" }\n", i, 9000+i%1000))
			} else {
				add(fmt.Sprintf("func set%d() { addr = \":\" + os.Getenv(\"PORT%d\") }\n", i, i))
			}
		}
		for i := range p.assignReader {
			add(fmt.Sprintf("func serve%d(h http.Handler) error { return http.ListenAndServe(addr, h) }\n", i))
		}
	}
	endFile()
	for i, src := range files {
		name := filepath.Join(dir, fmt.Sprintf("f%04d.go", i))
		if err := os.WriteFile(name, []byte(src), 0o666); err != nil {
			return err
		}
	}
	return nil
}
