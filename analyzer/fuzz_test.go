package analyzer

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	goimporter "go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"net"
	"os"
	"os/exec"
	"regexp"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/portlint/portlint/internal/addrval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// FuzzAnalyzeGenerated is fuzz target 2 of issue 9: value resolution and
// fix generation on generated Go source. The input (an address, a host
// and a port as strings, an int port, and a byte string of choices) is
// turned by genSource into a small package that type-checks: one or two
// listen sites whose address is a literal, a constant, a variable with one
// to three assignments, a concatenation, fmt.Sprintf, net.JoinHostPort, a
// net.TCPAddr, net.ResolveTCPAddr, a struct field, an environment branch…,
// in files of several Go versions, with renamed, dot and shadowed imports,
// //portlint:ignore directives, and -host, -env and -allow settings.
//
// The analyzer runs in-process on it (checkGenerated), and then:
//   - it never panics, and every diagnostic lies in the file;
//   - every suggested fix is valid as drivers check it (edits in the file,
//     in order, none overlapping) and the fixed file parses and
//     type-checks, so it has no unused variable or import and no missing
//     import; it never gains an all-interfaces literal such as
//     "0.0.0.0:8080", nor a net.Listen or tls.Listen address that gosec's
//     G102 flags, nor cmp.Or in a file older than Go 1.22; the diagnostics
//     are one line each;
//   - after the first fix of a finding is applied, portlint is silent at
//     that site and reports nothing that it did not report before;
//   - the first fixes of all findings, merged as `portlint -fix` merges
//     them, still give a file that parses and type-checks (up to imports
//     left unused, which that driver deletes).
//
// Run it with
//
//	go test ./analyzer -run '^$' -fuzz FuzzAnalyzeGenerated -fuzztime 10m
//
// The seed corpus under testdata/fuzz/FuzzAnalyzeGenerated runs with every
// plain go test.
func FuzzAnalyzeGenerated(f *testing.F) {
	f.Add(":8080", "localhost", "8080", 8080, []byte{})
	f.Add("127.0.0.1:9000", "::1", "http", 443, []byte{1, 0, 2})
	f.Fuzz(func(t *testing.T, addr, host, port string, n int, choices []byte) {
		g := genSource(genInput{addr: addr, host: host, port: port, n: n, choices: choices})
		checkGenerated(t, g)
	})
}

// TestGeneratorCoversShapes checks that the generator reaches every shape
// it claims to: each choice of the top-level site and of the string
// address, with the other choices at zero, gives a package that
// type-checks (checkGenerated fails otherwise).
func TestGeneratorCoversShapes(t *testing.T) {
	for site := range numSites {
		for shape := range numStrShapes {
			in := genInput{addr: "localhost:8080", host: "127.0.0.1", port: "9090", n: 7070,
				choices: []byte{0, 0, 0, byte(site), byte(shape)}}
			checkGenerated(t, genSource(in))
		}
	}
}

// genInput is one fuzz input.
type genInput struct {
	addr, host, port string
	n                int
	choices          []byte
}

// generated is a generated file and the configuration to check it with.
type generated struct {
	src       string
	goVersion string // types.Config.GoVersion
	cfg       Config
}

// Choice counts of the generator's top-level switches.
const (
	numSites     = 16
	numStrShapes = 15
)

// gen builds a source file. Each choice reads the next byte of the input
// (zero once they run out), so every byte string is a valid program.
type gen struct {
	in      genInput
	next    int
	decls   []string          // package-level declarations
	stmts   []string          // statements of the serve function, in order
	imports map[string]string // import name -> path ("."+path for a dot import)
	names   map[string]string // package path -> name the file imports it as
	shadow  map[string]bool   // package names shadowed by parameters of serve
	counter int
	lastVar string // the last local string variable, for shared sites
}

func (g *gen) choose(n int) int {
	if g.next >= len(g.in.choices) {
		return 0
	}
	c := int(g.in.choices[g.next]) % n
	g.next++
	return c
}

func (g *gen) fresh(prefix string) string {
	g.counter++
	return prefix + strconv.Itoa(g.counter)
}

// q returns the qualifier for package path: at package level the file's
// import name; inside serve, where parameters may shadow package names, a
// second import under an x-prefixed name.
func (g *gen) q(path string, inFunc bool) string {
	name := g.names[path]
	if name == "" {
		name = path[strings.LastIndexByte(path, '/')+1:]
	}
	if name == "." {
		g.imports["."+path] = path
		return ""
	}
	if inFunc && g.shadow[name] {
		name = "x" + name
	}
	g.imports[name] = path
	return name + "."
}

func genSource(in genInput) generated {
	g := &gen{in: in, imports: map[string]string{}, names: map[string]string{}, shadow: map[string]bool{}}
	out := generated{cfg: DefaultConfig()}

	// Byte 0: file environment.
	env := g.choose(256)
	switch env % 3 {
	case 1:
		out.goVersion = "go1.21"
	case 2:
		out.goVersion = "go1.22"
	}
	buildTag := ""
	switch env / 3 % 3 {
	case 1:
		buildTag = "//go:build go1.21\n\n"
	case 2:
		buildTag = "//go:build go1.22\n\n"
	}
	if env/9%2 == 1 {
		out.cfg.Host = "::"
	}
	if env/18%2 == 1 {
		out.cfg.Env = "APP_PORT"
	}
	if env/36%2 == 1 {
		out.cfg.Allow = []string{"localhost:*", "*:8080"}
	}
	// Byte 1: imports and shadowing.
	imp := g.choose(256)
	switch imp % 4 {
	case 1:
		g.names["os"] = "stdos"
	case 2:
		g.names["os"] = "."
	}
	var shadows []string
	for i, name := range []string{"os", "cmp", "net", "strconv", "fmt"} {
		if imp>>(2+i)&1 == 1 {
			g.shadow[name] = true
			shadows = append(shadows, name+" int")
		}
	}
	if imp>>7&1 == 1 {
		// The file already uses cmp (and os, when not shadowed at package level).
		g.decl("var _ = " + g.q("cmp", false) + "Compare[int]")
	}

	// Bytes 2…: one or two sites.
	g.site(0)
	if g.choose(3) == 1 {
		g.site(1)
	}

	var b strings.Builder
	b.WriteString(buildTag)
	b.WriteString("// Package gen is generated by FuzzAnalyzeGenerated.\npackage gen\n\n")
	if len(g.imports) > 0 {
		b.WriteString("import (\n")
		keys := make([]string, 0, len(g.imports))
		for k := range g.imports {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			path := g.imports[k]
			name := k
			switch {
			case strings.HasPrefix(k, "."):
				name = "."
			case name == path[strings.LastIndexByte(path, '/')+1:]:
				name = ""
			}
			if name != "" {
				name += " "
			}
			fmt.Fprintf(&b, "\t%s%q\n", name, path)
		}
		b.WriteString(")\n\n")
	}
	for _, d := range g.decls {
		b.WriteString(d + "\n\n")
	}
	params := append([]string{"param string", "pint int"}, shadows...)
	fmt.Fprintf(&b, "func serve(%s) {\n", strings.Join(params, ", "))
	for _, s := range g.stmts {
		b.WriteString("\t" + strings.ReplaceAll(s, "\n", "\n\t") + "\n")
	}
	b.WriteString("}\n")
	out.src = b.String()
	return out
}

// emit appends statements to serve. Sub-expressions must be generated
// before (they may emit statements themselves), never in the same
// expression as the append.
func (g *gen) emit(stmts ...string) { g.stmts = append(g.stmts, stmts...) }

// decl appends a package-level declaration.
func (g *gen) decl(d string) { g.decls = append(g.decls, d) }

// site appends a listen site to serve (or to the package level). The
// statement holding the address may carry a //portlint:ignore directive.
func (g *gen) site(i int) {
	q := func(p string) string { return g.q(p, true) }
	ignore := ""
	if g.choose(4) == 1 {
		ignore = " //portlint:ignore generated by the fuzzer"
	}
	switch g.choose(numSites) {
	case 0:
		addr := g.strAddr(0, true)
		g.emit(q("net/http") + "ListenAndServe(" + addr + ", nil)" + ignore)
	case 1:
		network := g.network()
		addr := g.strAddr(0, true)
		g.emit(q("net") + "Listen(" + network + ", " + addr + ")" + ignore)
	case 2:
		srv := g.fresh("srv")
		addr := g.strAddr(0, true)
		g.emit(srv+" := &"+q("net/http")+"Server{Addr: "+addr+"}"+ignore, srv+".ListenAndServe()")
	case 3:
		srv := g.fresh("srv")
		g.emit(srv + " := &" + q("net/http") + "Server{}")
		addr := g.strAddr(0, true)
		g.emit(srv+".Addr = "+addr+ignore, srv+".ListenAndServe()")
	case 4:
		lit := g.ipAddrLit("TCPAddr", 0, true)
		g.emit(q("net") + `ListenTCP("tcp", ` + lit + ")" + ignore)
	case 5:
		a, err := g.fresh("ta"), g.fresh("err")
		addr := g.strAddr(0, true)
		g.emit(a+", "+err+" := "+q("net")+`ResolveTCPAddr("tcp", `+addr+")",
			"if "+err+" != nil {\n\treturn\n}",
			q("net")+`ListenTCP("tcp", `+a+")"+ignore)
	case 6:
		lit := g.ipAddrLit("UDPAddr", 0, true)
		g.emit(q("net") + `ListenUDP("udp", ` + lit + ")" + ignore)
	case 7:
		lc := g.fresh("lc")
		network := g.network()
		addr := g.strAddr(0, true)
		g.emit("var "+lc+" "+q("net")+"ListenConfig",
			lc+".Listen("+q("context")+"Background(), "+network+", "+addr+")"+ignore)
	case 8:
		addr := g.strAddr(0, true)
		g.emit(q("crypto/tls") + `Listen("tcp", ` + addr + ", nil)" + ignore)
	case 9:
		addr := g.strAddr(0, true)
		g.emit(q("net") + `ListenPacket("udp", ` + addr + ")" + ignore)
	case 10:
		addr := g.strAddr(0, true)
		g.emit(q("net/http") + "ListenAndServeTLS(" + addr + `, "cert.pem", "key.pem", nil)` + ignore)
	case 11:
		ip := g.ipExpr(0, true)
		g.emit(q("net") + `ListenIP("ip4:icmp", &` + q("net") + "IPAddr{IP: " + ip + "})" + ignore)
	case 12:
		v := g.fresh("tcp")
		lit := g.ipAddrLit("TCPAddr", 0, true)
		g.emit(v+" := "+lit, q("net")+`ListenTCP("tcp", `+v+")"+ignore)
	case 13:
		// A server at package level: only package-level values reach it.
		srv := g.fresh("pkgSrv")
		addr := g.strAddr(0, false)
		g.decl("var " + srv + " = &" + g.q("net/http", false) + "Server{Addr: " + addr + "}" + ignore)
	case 14:
		lc := g.fresh("lc")
		addr := g.strAddr(0, true)
		g.emit("var "+lc+" "+q("net")+"ListenConfig",
			"(*"+q("net")+"ListenConfig).Listen(&"+lc+", "+q("context")+"Background(), \"tcp\", "+addr+")"+ignore)
	case 15:
		// A second site sharing the first site's variable.
		addr := g.lastVar
		if addr == "" || i == 0 {
			addr = g.strAddr(0, true)
		}
		g.emit(q("net/http") + "ListenAndServe(" + addr + ", nil)" + ignore)
	}
}

func (g *gen) network() string {
	switch g.choose(5) {
	case 1:
		return `"tcp4"`
	case 2:
		return `"unix"`
	case 3:
		return "param"
	case 4:
		c := g.fresh("network")
		g.decl("const " + c + ` = "tcp6"`)
		return c
	}
	return `"tcp"`
}

// strAddr returns a string-valued address expression.
func (g *gen) strAddr(depth int, inFunc bool) string {
	q := func(p string) string { return g.q(p, inFunc) }
	if depth > 3 {
		return strconv.Quote(g.in.addr)
	}
	switch c := g.choose(numStrShapes); c {
	case 1:
		name := g.fresh("cAddr")
		g.decl("const " + name + " = " + strconv.Quote(g.in.addr))
		return name
	case 2:
		h := g.hostExpr(depth+1, inFunc)
		p := g.portStr(depth+1, inFunc)
		return h + ` + ":" + ` + p
	case 3:
		return g.hostExpr(depth+1, inFunc) + " + " + strconv.Quote(":"+g.in.port)
	case 4:
		return strconv.Quote(g.in.host+":") + " + " + g.portStr(depth+1, inFunc)
	case 5:
		return g.sprintf(depth+1, inFunc)
	case 6:
		h := g.hostExpr(depth+1, inFunc)
		p := g.portStr(depth+1, inFunc)
		return q("net") + "JoinHostPort(" + h + ", " + p + ")"
	case 7, 10:
		if !inFunc {
			break
		}
		v := g.fresh("addr")
		first := g.strAddr(depth+1, inFunc)
		switch g.choose(4) {
		case 0:
			g.emit(v + " := " + first)
		case 1:
			g.emit("var " + v + " = " + first)
		case 2:
			g.emit("var "+v+" string", v+" = "+first)
		case 3:
			second := g.strAddr(depth+1, inFunc)
			g.emit("var "+v+" string",
				"if param == \"\" {\n\t"+v+" = "+first+"\n} else {\n\t"+v+" = "+second+"\n}")
		}
		if c == 10 {
			// The environment branch: one path reads the port from
			// the environment, so the port is unknown.
			getenv := q("os") + "Getenv"
			g.emit("if e := " + getenv + "(\"PORT\"); e != \"\" {\n\t" + v + " = \":\" + e\n}")
		}
		for k := range g.choose(3) {
			next := g.strAddr(depth+1, inFunc)
			g.emit("if pint == " + strconv.Itoa(k) + " {\n\t" + v + " = " + next + "\n}")
		}
		g.lastVar = v
		return v
	case 8:
		v := g.fresh("pkgAddr")
		init := g.strAddr(depth+1, false)
		g.decl("var " + v + " = " + init)
		if inFunc && g.choose(2) == 1 {
			next := g.strAddr(depth+1, true)
			g.emit(v + " = " + next)
		}
		return v
	case 9:
		if g.choose(2) == 1 && inFunc {
			return "param"
		}
		return q("os") + `Getenv("ADDR")`
	case 11:
		return "(" + g.strAddr(depth+1, inFunc) + ")"
	case 12:
		fn := g.fresh("addrFunc")
		g.decl("func " + fn + "() string { return " + strconv.Quote(g.in.addr) + " }")
		return fn + "()"
	case 13:
		return strconv.Quote(g.in.host) + ` + ":" + ` + strconv.Quote(g.in.port)
	case 14:
		typ := g.fresh("config")
		g.decl("type " + typ + " struct{ Addr string }")
		return typ + "{Addr: " + strconv.Quote(g.in.addr) + "}.Addr"
	}
	return strconv.Quote(g.in.addr)
}

func (g *gen) hostExpr(depth int, inFunc bool) string {
	switch g.choose(7) {
	case 1:
		name := g.fresh("cHost")
		g.decl("const " + name + " = " + strconv.Quote(g.in.host))
		return name
	case 2:
		if inFunc {
			return "param"
		}
	case 3:
		if inFunc {
			v := g.fresh("host")
			g.emit(v + " := " + strconv.Quote(g.in.host))
			return v
		}
	case 4:
		return g.q("os", inFunc) + `Getenv("HOST")`
	case 5:
		return `"[" + ` + strconv.Quote(g.in.host) + ` + "]"`
	case 6:
		if depth < 4 && inFunc {
			v := g.fresh("host")
			g.emit(v + " := " + strconv.Quote(g.in.host))
			next := g.hostExpr(depth+1, inFunc)
			g.emit("if param != \"\" {\n\t" + v + " = " + next + "\n}")
			return v
		}
	}
	return strconv.Quote(g.in.host)
}

// portStr returns a string-valued port expression.
func (g *gen) portStr(depth int, inFunc bool) string {
	q := func(p string) string { return g.q(p, inFunc) }
	switch g.choose(10) {
	case 1:
		name := g.fresh("cPort")
		g.decl("const " + name + " = " + strconv.Quote(g.in.port))
		return name
	case 2:
		return q("strconv") + "Itoa(" + g.portInt(depth+1, inFunc) + ")"
	case 3:
		return q("fmt") + "Sprint(" + g.portInt(depth+1, inFunc) + ")"
	case 4:
		return q("strconv") + "FormatInt(int64(" + g.portInt(depth+1, inFunc) + "), 10)"
	case 5:
		if inFunc {
			return "param"
		}
	case 6:
		if inFunc {
			v := g.fresh("port")
			g.emit(v + " := " + strconv.Quote(g.in.port))
			return v
		}
	case 7:
		return q("os") + `Getenv("PORT")`
	case 8:
		return q("cmp") + `Or(` + q("os") + `Getenv("PORT"), ` + strconv.Quote(g.in.port) + ")"
	case 9:
		if inFunc {
			v := g.fresh("port")
			g.emit(v+" := "+strconv.Quote(g.in.port), "if pint > 0 {\n\t"+v+" = "+strconv.Quote(g.in.port+"0")+"\n}")
			return v
		}
	}
	return strconv.Quote(g.in.port)
}

// portInt returns an int-valued port expression.
func (g *gen) portInt(depth int, inFunc bool) string {
	switch g.choose(6) {
	case 1:
		name := g.fresh("cPortInt")
		g.decl("const " + name + " = " + strconv.Itoa(g.in.n))
		return name
	case 2:
		if inFunc {
			v := g.fresh("portInt")
			g.emit(v + " := " + strconv.Itoa(g.in.n))
			return v
		}
	case 3:
		if inFunc {
			return "pint"
		}
	case 4:
		v := g.fresh("pkgPort")
		g.decl("var " + v + " = " + strconv.Itoa(g.in.n))
		return v
	case 5:
		return "(" + strconv.Itoa(g.in.n) + " + 0)"
	}
	return "(" + strconv.Itoa(g.in.n) + ")"
}

func (g *gen) sprintf(depth int, inFunc bool) string {
	sp := g.q("fmt", inFunc) + "Sprintf("
	pct := func(s string) string { return strings.ReplaceAll(s, "%", "%%") }
	switch g.choose(8) {
	case 1:
		h := g.hostExpr(depth+1, inFunc)
		p := g.portStr(depth+1, inFunc)
		return sp + `"%s:%s", ` + h + ", " + p + ")"
	case 2:
		return sp + strconv.Quote(pct(g.in.host)+":%d") + ", " + g.portInt(depth+1, inFunc) + ")"
	case 3:
		return sp + `":%d", ` + g.portInt(depth+1, inFunc) + ")"
	case 4:
		h := g.hostExpr(depth+1, inFunc)
		p := g.portStr(depth+1, inFunc)
		return sp + `"%v:%v", ` + h + ", " + p + ")"
	case 5:
		return sp + strconv.Quote("%s:"+pct(g.in.port)) + ", " + g.hostExpr(depth+1, inFunc) + ")"
	case 6:
		return sp + strconv.Quote(pct(g.in.addr)) + ")"
	case 7:
		name := g.fresh("cFormat")
		g.decl("const " + name + " = " + strconv.Quote(pct(g.in.host)+":%d"))
		return sp + name + ", " + g.portInt(depth+1, inFunc) + ")"
	}
	h := g.hostExpr(depth+1, inFunc)
	p := g.portInt(depth+1, inFunc)
	return sp + `"%s:%d", ` + h + ", " + p + ")"
}

// ipAddrLit returns &net.TCPAddr{…} or &net.UDPAddr{…}.
func (g *gen) ipAddrLit(typ string, depth int, inFunc bool) string {
	lit := "&" + g.q("net", inFunc) + typ + "{"
	switch g.choose(4) {
	case 1: // unkeyed
		ip := g.ipExpr(depth+1, inFunc)
		p := g.portInt(depth+1, inFunc)
		return lit + ip + ", " + p + `, ""}`
	case 2: // no IP
		return lit + "Port: " + g.portInt(depth+1, inFunc) + "}"
	case 3: // no port
		return lit + "IP: " + g.ipExpr(depth+1, inFunc) + "}"
	}
	ip := g.ipExpr(depth+1, inFunc)
	p := g.portInt(depth+1, inFunc)
	return lit + "IP: " + ip + ", Port: " + p + "}"
}

// ipExpr returns a net.IP-valued expression.
func (g *gen) ipExpr(depth int, inFunc bool) string {
	q := func(p string) string { return g.q(p, inFunc) }
	switch g.choose(8) {
	case 1:
		return "nil"
	case 2:
		var octets []string
		for range 4 {
			octets = append(octets, strconv.Itoa(g.choose(256)))
		}
		return q("net") + "IPv4(" + strings.Join(octets, ", ") + ")"
	case 3:
		return q("net") + "IPv6loopback"
	case 4:
		return q("net") + "IPv4zero"
	case 5:
		return q("net") + "IPv6unspecified"
	case 6:
		if inFunc {
			v := g.fresh("ip")
			h := g.hostExpr(depth+1, inFunc)
			g.emit(v + " := " + q("net") + "ParseIP(" + h + ")")
			return v
		}
	case 7:
		if inFunc {
			return q("net") + "ParseIP(param)"
		}
	}
	return q("net") + "ParseIP(" + g.hostExpr(depth+1, inFunc) + ")"
}

// --- running the analyzer in-process ---

// fuzzPackages are the packages generated files import.
var fuzzPackages = []string{"cmp", "context", "crypto/tls", "fmt", "net", "net/http", "os", "strconv"}

// fuzzEnv is shared by all iterations of a fuzz worker: type-checking the
// standard library again for every input would dominate the run, so one
// importer reads export data that one go list -export call located.
var fuzzEnv struct {
	once sync.Once
	err  error
	fset *token.FileSet
	imp  types.Importer
}

func loadFuzzEnv(t testing.TB) (*token.FileSet, types.Importer) {
	fuzzEnv.once.Do(func() {
		args := append([]string{"list", "-export", "-f", "{{.ImportPath}}\t{{.Export}}"}, fuzzPackages...)
		out, err := exec.Command("go", args...).Output()
		if err != nil {
			fuzzEnv.err = fmt.Errorf("go list -export: %v", err)
			return
		}
		exports := make(map[string]string)
		for l := range strings.SplitSeq(strings.TrimSpace(string(out)), "\n") {
			path, file, _ := strings.Cut(l, "\t")
			exports[path] = file
		}
		fuzzEnv.fset = token.NewFileSet()
		fuzzEnv.imp = goimporter.ForCompiler(fuzzEnv.fset, "gc", func(path string) (io.ReadCloser, error) {
			file, ok := exports[path]
			if !ok || file == "" {
				return nil, fmt.Errorf("no export data for %q (add it to fuzzPackages)", path)
			}
			return os.Open(file)
		})
	})
	if fuzzEnv.err != nil {
		t.Fatal(fuzzEnv.err)
	}
	return fuzzEnv.fset, fuzzEnv.imp
}

// checked is one type-checked, analyzed version of a file.
type checked struct {
	src   []byte
	file  *ast.File
	tok   *token.File
	info  *types.Info
	diags []analysis.Diagnostic
}

// analyzeSource parses, type-checks and analyzes src. A parse or type
// error is returned; an analyzer panic fails the test with the source.
func analyzeSource(t *testing.T, src []byte, goVersion string, cfg Config) (*checked, error) {
	return analyze(t, src, goVersion, cfg, false)
}

// analyze is analyzeSource; with despiteErrors it runs the analyzer on a
// package with type errors too, as a driver would for an analyzer with
// RunDespiteErrors set, and returns the type errors with the result.
func analyze(t *testing.T, src []byte, goVersion string, cfg Config, despiteErrors bool) (*checked, error) {
	fset, imp := loadFuzzEnv(t)
	file, err := parser.ParseFile(fset, "gen.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if file != nil {
		// The shared file set would grow with every input: drop the file
		// once done (diagnostics are resolved to offsets before that).
		t.Cleanup(func() { fset.RemoveFile(fset.File(file.FileStart)) })
	}
	if err != nil {
		return nil, err
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		Instances:    make(map[*ast.Ident]types.Instance),
		FileVersions: make(map[*ast.File]string),
	}
	var errs []error
	conf := types.Config{Importer: imp, GoVersion: goVersion, Error: func(err error) { errs = append(errs, err) }}
	pkg, _ := conf.Check("example.com/gen", fset, []*ast.File{file}, info)
	if len(errs) > 0 && !despiteErrors {
		return nil, errors.Join(errs...)
	}
	c := &checked{src: src, file: file, tok: fset.File(file.FileStart), info: info}
	a := newAnalyzer(&cfg, false)
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("portlint panicked: %v\n%s\nsource:\n%s", p, debug.Stack(), src)
			}
		}()
		results := make(map[*analysis.Analyzer]any)
		var runOne func(a *analysis.Analyzer) any
		runOne = func(a *analysis.Analyzer) any {
			if r, ok := results[a]; ok {
				return r
			}
			pass := &analysis.Pass{
				Analyzer:   a,
				Fset:       fset,
				Files:      []*ast.File{file},
				Pkg:        pkg,
				TypesInfo:  info,
				TypesSizes: types.SizesFor("gc", "amd64"),
				TypeErrors: typeErrors(errs),
				ResultOf:   make(map[*analysis.Analyzer]any),
				ReadFile: func(string) ([]byte, error) {
					return src, nil
				},
				ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
				ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
				ExportObjectFact:  func(types.Object, analysis.Fact) {},
				ExportPackageFact: func(analysis.Fact) {},
				AllObjectFacts:    func() []analysis.ObjectFact { return nil },
				AllPackageFacts:   func() []analysis.PackageFact { return nil },
			}
			for _, req := range a.Requires {
				pass.ResultOf[req] = runOne(req)
			}
			pass.Report = func(d analysis.Diagnostic) { c.diags = append(c.diags, d) }
			r, err := a.Run(pass)
			if err != nil {
				t.Fatalf("%s: %v\nsource:\n%s", a.Name, err, src)
			}
			results[a] = r
			return r
		}
		runOne(a)
	}()
	return c, errors.Join(errs...)
}

func typeErrors(errs []error) []types.Error {
	var out []types.Error
	for _, err := range errs {
		if te, ok := err.(types.Error); ok {
			out = append(out, te)
		}
	}
	return out
}

// off returns the offset of p in the file.
func (c *checked) off(p token.Pos) int { return c.tok.Offset(p) }

// checkGenerated is the property of FuzzAnalyzeGenerated.
func checkGenerated(t *testing.T, g generated) {
	t.Helper()
	src := []byte(g.src)
	orig, err := analyzeSource(t, src, g.goVersion, g.cfg)
	if err != nil {
		t.Fatalf("the generator made a package that does not type-check: %v\n%s", err, numbered(src))
	}
	reported := make(map[int]bool) // offsets of the original findings
	for _, d := range orig.diags {
		checkDiagnostic(t, orig, d)
		reported[orig.off(d.Pos)] = true
	}
	var firstFixes [][]offEdit
	for _, d := range orig.diags {
		messages := make(map[string]bool)
		for i, fix := range d.SuggestedFixes {
			if messages[fix.Message] {
				t.Fatalf("%s: two fixes with the message %q\n%s", orig.tok.Position(d.Pos), fix.Message, numbered(src))
			}
			messages[fix.Message] = true
			edits := fileEdits(t, orig, d, fix)
			if i == 0 {
				firstFixes = append(firstFixes, edits)
			}
			fixed := applyEdits(src, edits)
			after, err := analyzeSource(t, fixed, g.goVersion, g.cfg)
			if err != nil {
				t.Fatalf("fix %q of %q at %s gives a file that does not type-check: %v\noriginal:\n%s\nfixed:\n%s",
					fix.Message, d.Message, orig.tok.Position(d.Pos), err, numbered(src), numbered(fixed))
			}
			checkFixedText(t, orig, after, g, d, fix, edits)
			if i != 0 {
				continue
			}
			// The site is silent now, and nothing new is reported.
			for _, d2 := range after.diags {
				old := mapBack(after.off(d2.Pos), edits)
				// A directive may go stale when a shared variable is fixed.
				if old == orig.off(d.Pos) || !reported[old] && d2.Category != "directive" {
					t.Fatalf("after fix %q of %q at %s, portlint reports %q at %s\noriginal:\n%s\nfixed:\n%s",
						fix.Message, d.Message, orig.tok.Position(d.Pos), d2.Message, after.tok.Position(d2.Pos), numbered(src), numbered(fixed))
				}
			}
		}
	}
	if len(firstFixes) > 1 {
		merged := mergeFixes(firstFixes)
		fixed := applyEdits(src, merged)
		// unitchecker and singlechecker then delete imports left unused
		// (driverutil.FormatSourceRemoveImports); fix_imports.go documents
		// that two fixes sharing an import's last uses rely on it.
		if _, err := analyzeSource(t, fixed, g.goVersion, g.cfg); err != nil && !onlyUnusedImports(err) {
			t.Fatalf("the first fixes of all %d findings, merged as -fix merges them, give a file that does not type-check: %v\noriginal:\n%s\nfixed:\n%s",
				len(firstFixes), err, numbered(src), numbered(fixed))
		}
	}
}

func checkDiagnostic(t *testing.T, c *checked, d analysis.Diagnostic) {
	t.Helper()
	if !inFile(c, d.Pos) || d.End.IsValid() && (!inFile(c, d.End) || d.End < d.Pos) {
		t.Fatalf("diagnostic %q has range %d-%d outside the file\n%s", d.Message, d.Pos, d.End, numbered(c.src))
	}
	switch d.Category {
	case categoryPort, categoryLoopback, categoryPortLoopback, "directive":
	default:
		t.Fatalf("diagnostic %q has category %q", d.Message, d.Category)
	}
	if d.Message == "" || strings.Contains(d.Message, "\n") {
		t.Fatalf("diagnostic message %q is empty or spans lines", d.Message)
	}
	for _, r := range d.Related {
		if !r.Pos.IsValid() {
			t.Fatalf("diagnostic %q has related information %q without a position", d.Message, r.Message)
		}
	}
}

func inFile(c *checked, p token.Pos) bool {
	return p.IsValid() && int(p) >= c.tok.Base() && int(p) <= c.tok.Base()+c.tok.Size()
}

// offEdit is a text edit as byte offsets into the file.
type offEdit struct {
	start, end int
	text       string
}

// fileEdits validates a fix as the drivers do (driverutil.ValidateFixes)
// and returns its edits as offsets, sorted.
func fileEdits(t *testing.T, c *checked, d analysis.Diagnostic, fix analysis.SuggestedFix) []offEdit {
	t.Helper()
	var out []offEdit
	for _, e := range fix.TextEdits {
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		if !inFile(c, e.Pos) || !inFile(c, end) || end < e.Pos {
			t.Fatalf("fix %q of %q: edit %d-%d is outside the file or reversed\n%s", fix.Message, d.Message, e.Pos, end, numbered(c.src))
		}
		out = append(out, offEdit{c.off(e.Pos), c.off(end), string(e.NewText)})
	}
	slices.SortStableFunc(out, func(x, y offEdit) int {
		if x.start != y.start {
			return x.start - y.start
		}
		return x.end - y.end
	})
	for i := 1; i < len(out); i++ {
		if out[i].start < out[i-1].end {
			t.Fatalf("fix %q of %q has overlapping edits %+v and %+v\n%s", fix.Message, d.Message, out[i-1], out[i], numbered(c.src))
		}
	}
	return out
}

func applyEdits(src []byte, edits []offEdit) []byte {
	var b bytes.Buffer
	last := 0
	for _, e := range edits {
		b.Write(src[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(src[last:])
	return b.Bytes()
}

// mapBack maps an offset in the fixed file to the original file: offsets
// inside replaced text map to the start of the edit.
func mapBack(off int, edits []offEdit) int {
	delta := 0
	for _, e := range edits {
		newStart := e.start + delta
		newEnd := newStart + len(e.text)
		if off < newStart {
			break
		}
		if off < newEnd || off == newStart {
			return e.start
		}
		delta += len(e.text) - (e.end - e.start)
	}
	return off - delta
}

// mergeFixes combines fixes in order as driverutil.ApplyFixes does: a fix
// is kept only if each of its edits is identical to an edit already kept
// or touches none of them (identical import insertions coalesce).
func mergeFixes(fixes [][]offEdit) []offEdit {
	var acc []offEdit
	for _, fix := range fixes {
		var add []offEdit
		ok := true
		for _, e := range fix {
			if slices.Contains(acc, e) {
				continue
			}
			for _, a := range acc {
				overlap := e.start < a.end && a.start < e.end
				samePoint := e.start == a.start || e.end == a.end || e.start == e.end && (e.start == a.start || e.start == a.end) || a.start == a.end && (a.start == e.start || a.start == e.end)
				if overlap || samePoint {
					ok = false
				}
			}
			add = append(add, e)
		}
		if ok {
			acc = append(acc, add...)
		}
	}
	slices.SortStableFunc(acc, func(x, y offEdit) int {
		if x.start != y.start {
			return x.start - y.start
		}
		return x.end - y.end
	})
	return acc
}

// checkFixedText checks what a fix wrote: no new all-interfaces literal,
// no net.Listen or tls.Listen call that gosec's G102 flags where
// the fix edited its address, and no cmp.Or in a file older than Go 1.22.
func checkFixedText(t *testing.T, orig, after *checked, g generated, d analysis.Diagnostic, fix analysis.SuggestedFix, edits []offEdit) {
	t.Helper()
	before := allInterfaceLiterals(orig)
	for _, lit := range allInterfaceLiterals(after) {
		if !slices.Contains(before, lit) {
			t.Fatalf("fix %q of %q writes the all-interfaces literal %q (gosec G102 flags it)\nfixed:\n%s",
				fix.Message, d.Message, lit, numbered(after.src))
		}
	}
	// The fix must not introduce a G102 finding; one the original code
	// already had (a variable defined as "0.0.0.0") is not the fix's.
	if call, value := g102(after, edits); call != nil && !slices.Contains(g102Values(orig), value) {
		t.Fatalf("fix %q of %q makes gosec G102 flag %s (address value %q)\nfixed:\n%s",
			fix.Message, d.Message, after.tok.Position(call.Pos()), value, numbered(after.src))
	}
	if v := after.info.FileVersions[after.file]; v != "" && !fileAtLeast(v, "go1.22") && cmpOrUses(after) > cmpOrUses(orig) {
		t.Fatalf("fix %q of %q uses cmp.Or in a %s file\nfixed:\n%s", fix.Message, d.Message, v, numbered(after.src))
	}
}

// allInterfaceLiterals lists the string literals of a file that are an
// all-interfaces host with a fixed port, such as "0.0.0.0:80" (a fix
// must never write one: gosec G102 flags it). Concatenations are g102's business.
func allInterfaceLiterals(c *checked) []string {
	var out []string
	for e, tv := range c.info.Types {
		if _, ok := e.(*ast.BasicLit); !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			continue
		}
		s := constant.StringVal(tv.Value)
		host, port, err := net.SplitHostPort(s)
		if err == nil && host != "" && addrval.HostIsAllInterfaces(host) && !addrval.PortIsEphemeral(port) && !strings.Contains(port, "%") {
			out = append(out, s)
		}
	}
	return out
}

// g102Pattern is gosec v2.30.0's G102 (rules/bind.go): net.Listen and
// tls.Listen whose address starts with 0.0.0.0, [::] or a colon.
var g102Pattern = regexp.MustCompile(`^(0\.0\.0\.0|\[::\]|:).*$`)

// g102 returns a net.Listen or tls.Listen call of the fixed file whose
// address the fix edited and that gosec's G102 flags, with the value it
// matches. Like gosec it looks at the address's constant value, at the
// string literals a variable is defined with, and at the left operand of
// a concatenation.
func g102(c *checked, edits []offEdit) (*ast.CallExpr, string) {
	return g102Scan(c, edits, nil)
}

func g102All(c *checked, all *[]string) { g102Scan(c, nil, all) }

// g102Scan finds the first flagged call among the edited ones, or with
// all set, collects every flagged value of every call.
func g102Scan(c *checked, edits []offEdit, all *[]string) (*ast.CallExpr, string) {
	edited := func(n ast.Node) bool {
		if edits == nil {
			return true // every call
		}
		lo, hi := c.off(n.Pos()), c.off(n.End())
		delta := 0
		for _, e := range edits {
			start := e.start + delta
			end := start + len(e.text)
			if start < hi && lo < end || start == end && lo <= start && start <= hi {
				return true
			}
			delta += len(e.text) - (e.end - e.start)
		}
		return false
	}
	var values func(e ast.Expr) []string
	values = func(e ast.Expr) []string {
		if tv, ok := c.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			return []string{constant.StringVal(tv.Value)}
		}
		switch e := e.(type) {
		case *ast.Ident:
			return identLiterals(c, e)
		case *ast.ParenExpr:
			return values(e.X)
		case *ast.BinaryExpr:
			if e.Op == token.ADD {
				return values(e.X)
			}
		}
		return nil
	}
	var found *ast.CallExpr
	var value string
	ast.Inspect(c.file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found != nil {
			return found == nil
		}
		fn, ok := typeutil.Callee(c.info, call).(*types.Func)
		if !ok || fn.FullName() != "net.Listen" && fn.FullName() != "crypto/tls.Listen" || len(call.Args) < 2 {
			return true
		}
		if !edited(call.Args[1]) {
			return true
		}
		for _, v := range values(call.Args[1]) {
			if g102Pattern.MatchString(v) {
				found, value = call, v
				if all != nil {
					*all = append(*all, v)
					found = nil // keep looking
				}
			}
		}
		return true
	})
	return found, value
}

// g102Values lists the address values G102 flags anywhere in a file.
func g102Values(c *checked) []string {
	var all []string
	g102All(c, &all)
	return all
}

// identLiterals returns the string literals a variable's declaring
// statement assigns (gosec.GetIdentStringValues).
func identLiterals(c *checked, id *ast.Ident) []string {
	obj := c.info.Uses[id]
	if obj == nil {
		return nil
	}
	var out []string
	ast.Inspect(c.file, func(n ast.Node) bool {
		var rhs []ast.Expr
		var lhs []*ast.Ident
		switch n := n.(type) {
		case *ast.ValueSpec:
			rhs, lhs = n.Values, n.Names
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				return true
			}
			rhs = n.Rhs
			for _, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					lhs = append(lhs, id)
				}
			}
		default:
			return true
		}
		declares := false
		for _, l := range lhs {
			if c.info.Defs[l] == obj {
				declares = true
			}
		}
		if declares {
			for _, v := range rhs {
				if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil {
						out = append(out, s)
					}
				}
			}
		}
		return true
	})
	return out
}

// cmpOrUses counts the uses of cmp.Or in a file.
func cmpOrUses(c *checked) int {
	n := 0
	for _, obj := range c.info.Uses {
		if fn, ok := obj.(*types.Func); ok && fn.FullName() == "cmp.Or" {
			n++
		}
	}
	return n
}

// onlyUnusedImports reports whether every type error joined in err is an
// unused import.
func onlyUnusedImports(err error) bool {
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return false // a parse error
	}
	for _, e := range joined.Unwrap() {
		if msg := e.Error(); !strings.Contains(msg, " imported ") || !strings.HasSuffix(msg, " not used") {
			return false
		}
	}
	return true
}

// numbered returns src with line numbers, for failure messages.
func numbered(src []byte) string {
	var b strings.Builder
	for i, l := range strings.Split(string(src), "\n") {
		fmt.Fprintf(&b, "%3d  %s\n", i+1, l)
	}
	return b.String()
}

// TestAnalyzeDespiteTypeErrors runs the analyzer on packages with type
// errors, where go/types leaves some expressions without a type or a
// callee. Drivers skip such packages (portlint does not set
// RunDespiteErrors), but the analyzer must still never panic on them.
func TestAnalyzeDespiteTypeErrors(t *testing.T) {
	// knownPanic lists the inputs that still panic, with why; each runs as
	// a skipped subtest until the analyzer is fixed.
	knownPanic := map[int]string{}
	for i, src := range []string{
		// An undefined operand in a concatenation, a call, a composite.
		"package p\nimport \"net/http\"\nfunc f() { http.ListenAndServe(undefined+\":8080\", nil) }",
		"package p\nimport \"net/http\"\nfunc f() { http.ListenAndServe(\"localhost\"+undefined(), nil) }",
		"package p\nimport \"net/http\"\nfunc f() { _ = &http.Server{Addr: undefined, Nope: 1} }",
		"package p\nimport \"net\"\nfunc f() { net.ListenTCP(\"tcp\", &net.TCPAddr{IP: undefined, Port: \"x\"}) }",
		// Wrong argument types and counts.
		"package p\nimport \"net/http\"\nfunc f() { http.ListenAndServe(8080, nil) }",
		"package p\nimport \"net/http\"\nfunc f() { http.ListenAndServe() }",
		"package p\nimport \"net\"\nfunc f() { net.Listen(\"tcp\") }",
		"package p\nimport \"net\"\nfunc f() { net.Listen(1, 2, 3) }",
		"package p\nimport (\"fmt\"; \"net/http\")\nfunc f() { http.ListenAndServe(fmt.Sprintf(), nil) }",
		"package p\nimport (\"net\"; \"net/http\")\nfunc f() { http.ListenAndServe(net.JoinHostPort(\"localhost\"), nil) }",
		"package p\nimport (\"net\"; \"net/http\")\nfunc f() { a, b := net.ResolveTCPAddr(\"tcp\"); http.ListenAndServe(a, b) }",
		// Variables assigned from undefined or mistyped values.
		"package p\nimport \"net/http\"\nfunc f() { a := undefined; a = \":8080\"; http.ListenAndServe(a, nil) }",
		"package p\nimport \"net/http\"\nvar a, b = f2()\nfunc f() { http.ListenAndServe(a, nil) }",
		"package p\nimport \"net/http\"\nfunc f() { var a string = 1; http.ListenAndServe(a, nil) }",
		"package p\nimport \"net/http\"\nfunc f() { srv := http.Server{}; srv.Addr, srv.Nope = \":8080\"; srv.ListenAndServe() }",
		// A method on an undefined type, a field of an undefined struct.
		"package p\nimport \"net/http\"\nfunc f(s *undefinedServer) { s.Addr = \":8080\"; http.ListenAndServe(s.Addr, nil) }",
		// Helpers and closures with broken signatures.
		"package p\nimport \"net/http\"\nfunc addr() string { return }\nfunc f() { http.ListenAndServe(addr(), nil) }",
		"package p\nimport \"net/http\"\nfunc serve(a string) { http.ListenAndServe(a, nil) }\nfunc f() { serve(\":8080\", 1); serve() }",
		"package p\nimport \"net/http\"\nfunc f() { start := func(a string) { http.ListenAndServe(a, nil) }; start(1) }",
		// Generics with errors.
		"package p\nimport \"net/http\"\nfunc serve[S ~string](a S) { http.ListenAndServe(a, nil) }\nfunc f() { serve(8080) }",
	} {
		t.Run("", func(t *testing.T) {
			if why, ok := knownPanic[i]; ok {
				t.Skipf("known bug, panics: %s", why)
			}
			c, err := analyze(t, []byte(src), "", DefaultConfig(), true)
			if err == nil {
				t.Fatalf("no type error in:\n%s", src)
			}
			for _, d := range c.diags {
				checkDiagnostic(t, c, d)
			}
		})
	}
}
