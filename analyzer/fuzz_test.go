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
	"maps"
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
	"github.com/portlint/portlint/internal/report"
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
// //portlint:ignore directives, and -host, -env and -allow settings. Or,
// for issue 14, a command: main starts two to four servers with such
// addresses, in go statements and go func literals, and waits on the last
// one or in select {}; their values are named after words (metricsAddr,
// adminSrv) so that the variables derived from them clash; the package
// may import net/http/pprof.
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
//     left unused, which that driver deletes);
//   - in a command, the servers are judged as one program (checkCommand,
//     checkSecondaryFix): a server started in a goroutine while main
//     waits on another is a secondary, whose finding says the platform
//     routes only $PORT and whose fix does not read the -env variable;
//     and after the merged fixes no two fixed servers read the same
//     environment variable that they did not both read before.
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
	// Commands; TestGeneratorCoversShapes spells out their choices.
	// Servers in goroutines on constants metricsPort and metricsAddr,
	// whose variables would both be METRICS_PORT, and main's http.Server.
	f.Add(":9101", "", "9100", 8080, []byte{cmdEnv, 0, 0, 1, 1, 0, 0, 0, 0, 4, 1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 1})
	// Three secondaries named metrics on one port, and main's server.
	f.Add(":9100", "", "9100", 7070, []byte{cmdEnv, 0, 0, 2, 1, 0, 0, 0, 0, 4, 1, 1, 0, 0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 5, 3, 0})
	// Four servers in goroutines with -env APP_PORT: net.Listen and
	// http.Serve on metricsAddr (the primary), an http.Server on a
	// package-level adminAddr, net.ListenTCP, and one on appAddr, whose
	// variable would be APP_PORT.
	f.Add(":8080", "127.0.0.1", "9090", 7070, []byte{cmdEnv, 18, 0, 14, 1, 0, 2, 0, 0, 1, 2, 0, 1, 1, 0, 8, 0, 0, 0, 0, 6, 1, 0, 0, 4, 2, 1, 3, 0, 5, 0, 1, 7, 0, 0, 0})
	// A loopback debugging endpoint (net/http/pprof), and main's server.
	f.Add(":8080", "localhost", "6060", 7070, []byte{cmdEnv, 0, 0, 3, 4, 0, 0, 0, 0, 13, 0, 0, 0, 0, 0})
	// A server in a goroutine and main's, sharing adminAddr: they collide.
	f.Add(":8080", "localhost", "8080", 7070, []byte{cmdEnv, 0, 0, 0, 2, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 5, 1, 0})
	// os dot-imported, net shadowed: http.ListenAndServeTLS on grpcHost
	// and grpcPort and a library site in goroutines, and main's
	// net.Listen and http.Serve.
	f.Add(":8080", "127.0.0.1", "9443", 7070, []byte{cmdEnv, 0, 18, 1, 5, 0, 3, 1, 0, 6, 1, 1, 0, 0, 6, 1, 0, 0, 1, 0, 5, 3, 0, 0, 0, 2, 1, 2, 0, 0, 0})
	// Go 1.21, -host ::, both servers in goroutines: net.ListenTCP on
	// 127.0.0.1 is the primary, an IPv6 loopback one a secondary.
	f.Add(":8080", "::1", "9090", 7070, []byte{cmdEnv, 10, 0, 12, 0, 0, 4, 0, 1, 0, 2, 127, 0, 0, 1, 0, 1, 0, 0, 1, 0, 3, 5, 0})
	f.Fuzz(func(t *testing.T, addr, host, port string, n int, choices []byte) {
		g := genSource(genInput{addr: addr, host: host, port: port, n: n, choices: choices})
		checkGenerated(t, g)
	})
}

// TestGeneratorCoversShapes checks that the generator reaches every shape
// it claims to: each choice of the top-level site and of the string
// address, with the other choices at zero, gives a package that
// type-checks (checkGenerated fails otherwise); and for a command, each
// server kind started each way, with either handler, named after each
// word, each way main waits, with and without net/http/pprof, and each
// string address in main, with and without shadowed package names.
func TestGeneratorCoversShapes(t *testing.T) {
	for site := range numSites {
		for shape := range numStrShapes {
			in := genInput{addr: "localhost:8080", host: "127.0.0.1", port: "9090", n: 7070,
				choices: []byte{0, 0, 0, byte(site), byte(shape)}}
			checkGenerated(t, genSource(in))
		}
	}

	// A command's choices: cmdEnv, the environment, the imports, then
	// the command byte (2 + c%3 servers, net/http/pprof if c/3%2 == 1,
	// main waits on its last server through log.Fatal if c/6%3 == 0, or
	// without if 1, in select {} if 2), then for each server its name
	// word, directive, kind, goroutine (none for the one main waits on),
	// handler and address.
	cmdIn := func(choices ...byte) genInput {
		return genInput{addr: ":8081", host: "localhost", port: "9090", n: 7070,
			choices: append([]byte{cmdEnv, 0, 0}, choices...)}
	}
	check := func(in genInput, wantSites int, wantBlocking bool) {
		t.Helper()
		g := genSource(in)
		if g.cmd == nil || len(g.cmd.sites) != wantSites || g.cmd.blocking != wantBlocking {
			t.Fatalf("choices %v: got command %+v, want %d servers (main waits on the last: %v)\n%s",
				in.choices, g.cmd, wantSites, wantBlocking, g.src)
		}
		checkGenerated(t, g)
	}
	for kind := range numCmdSites {
		word := byte(kind % len(namePool))
		for literal := range byte(2) {
			for handler := range byte(2) {
				for _, c := range []byte{0, 3, 12, 15} { // waits (log.Fatal) or in select {}; with pprof
					check(cmdIn(c, word, 0, byte(kind), literal, handler), 2, c < 12)
				}
			}
		}
		// Main waits on this kind: after a first server of kind 0 with a
		// literal address (six bytes).
		for _, c := range []byte{0, 3, 6, 9} { // log.Fatal or not; with pprof
			for handler := range byte(2) {
				check(cmdIn(c, 0, 0, 0, 0, 0, 0, word, 0, byte(kind), handler), 2, true)
			}
		}
	}
	for shape := range numStrShapes {
		for _, imp := range []byte{0, 1, 2, 0xfc} { // os, os as stdos, os dot-imported, every name shadowed
			in := cmdIn(1, 1, 0, 0, 0, 0, byte(shape)) // three servers
			in.choices[2] = imp
			check(in, 3, true)
		}
	}
	check(cmdIn(2, 1, 1), 4, true)         // four servers, a directive
	check(cmdIn(14, 2, 0, 0, 1), 4, false) // four servers in goroutines
	// Only library sites (net.Listen), with the app's handler chosen: no
	// net/http import is left unused.
	check(cmdIn(12, 0, 0, 6, 1, 1, 0, 1, 0, 0, 0, 0, 6, 1, 1, 0, 1, 0, 0), 2, false)
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
	cmd       *genCommand // a command's servers; nil for a library package
}

// genCommand is what the generator knows of the servers of a command's
// main function, to check the program-wide judgement against.
type genCommand struct {
	sites []genSite // in file order
	// blocking says main's last statement is a server it waits on: the
	// primary. Otherwise every server runs in a goroutine and main ends
	// with select {}.
	blocking bool
}

// genSite is one server of main.
type genSite struct {
	inGo        bool // started in a goroutine
	from, to    int  // its statements, as indexes into gen.stmts
	first, last int  // its lines in the file
}

// Choice counts of the generator's top-level switches.
const (
	numSites     = 16
	numStrShapes = 15
	numCmdSites  = 7
	// A first byte from cmdEnv on makes a command; none of the seeds
	// written before commands existed has one, so they keep their meaning.
	cmdEnv = 216
)

// namePool are the words a command's servers are named after (metricsAddr,
// adminSrv), so that the variables derived from them can clash; "" keeps
// the numbered names (cAddr1).
var namePool = []string{"", "metrics", "admin", "app", "debug", "grpc"}

// wordSuffix is what fresh appends to a name word, by prefix: the prefixes
// of the values and servers an address is held in.
var wordSuffix = map[string]string{
	"cAddr": "Addr", "addr": "Addr", "pkgAddr": "Addr", "addrFunc": "Addr",
	"cPort": "Port", "port": "Port", "cPortInt": "Port", "portInt": "Port", "pkgPort": "Port",
	"cHost": "Host", "host": "Host", "srv": "Srv", "ln": "Ln", "tcp": "TCPAddr", "config": "Config",
}

// gen builds a source file. Each choice reads the next byte of the input
// (zero once they run out), so every byte string is a valid program.
type gen struct {
	in      genInput
	next    int
	decls   []string          // package-level declarations
	stmts   []string          // statements of the serve function, in order
	imports map[string]string // import name -> path ("."+path for a dot import)
	names   map[string]string // package path -> name the file imports it as
	shadow  map[string]bool   // package names shadowed by parameters of serve (locals of main)
	counter int
	lastVar string // the last local string variable, for shared sites
	cmd     *genCommand
	word    string          // the current server's name word, see namePool
	used    map[string]bool // names made from words
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
	if suffix, ok := wordSuffix[prefix]; ok && g.word != "" {
		name := g.word + suffix
		if !g.used[name] {
			g.used[name] = true
			return name
		}
		return name + strconv.Itoa(g.counter)
	}
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
	g := &gen{in: in, imports: map[string]string{}, names: map[string]string{}, shadow: map[string]bool{}, used: map[string]bool{}}
	out := generated{cfg: DefaultConfig()}

	// Byte 0: file environment, or a command whose environment is byte 1.
	env := g.choose(256)
	if env >= cmdEnv {
		g.cmd = &genCommand{}
		env = g.choose(cmdEnv)
	}
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
	var shadows, shadowNames []string
	for i, name := range []string{"os", "cmp", "net", "strconv", "fmt"} {
		if imp>>(2+i)&1 == 1 {
			g.shadow[name] = true
			shadows = append(shadows, name+" int")
			shadowNames = append(shadowNames, name)
		}
	}
	if imp>>7&1 == 1 {
		// The file already uses cmp (and os, when not shadowed at package level).
		g.decl("var _ = " + g.q("cmp", false) + "Compare[int]")
	}

	if g.cmd != nil {
		// Bytes 3…: main and its servers.
		g.command(shadowNames)
	} else {
		// Bytes 2…: one or two sites.
		g.site(0)
		if g.choose(3) == 1 {
			g.site(1)
		}
	}

	var b strings.Builder
	b.WriteString(buildTag)
	if g.cmd != nil {
		b.WriteString("// Command gen is generated by FuzzAnalyzeGenerated.\npackage main\n\n")
	} else {
		b.WriteString("// Package gen is generated by FuzzAnalyzeGenerated.\npackage gen\n\n")
	}
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
	if g.cmd != nil {
		b.WriteString("func main() {\n")
	} else {
		params := append([]string{"param string", "pint int"}, shadows...)
		fmt.Fprintf(&b, "func serve(%s) {\n", strings.Join(params, ", "))
	}
	line := strings.Count(b.String(), "\n") + 1
	lines := make([]int, len(g.stmts)+1) // the first line of each statement
	for i, s := range g.stmts {
		lines[i] = line
		line += strings.Count(s, "\n") + 1
		b.WriteString("\t" + strings.ReplaceAll(s, "\n", "\n\t") + "\n")
	}
	lines[len(g.stmts)] = line
	b.WriteString("}\n")
	out.src = b.String()
	if g.cmd != nil {
		for i := range g.cmd.sites {
			s := &g.cmd.sites[i]
			s.first, s.last = lines[s.from], lines[s.to]-1
		}
		out.cmd = g.cmd
	}
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
	kind := g.choose(numSites)
	if kind == 13 && g.cmd != nil {
		kind = 0 // a command's package-level server that never starts would be a primary
	}
	switch kind {
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

// command writes main: locals standing for serve's parameters (and the
// package names its parameters would shadow), then two to four servers.
// One byte says how many, whether the package imports net/http/pprof
// (so that a loopback server of http.DefaultServeMux is a debugging
// endpoint), and how main waits: on its last server, through log.Fatal or
// not, or, with every server started in a goroutine, in select {}.
func (g *gen) command(shadows []string) {
	q := func(p string) string { return g.q(p, true) }
	c := g.choose(256)
	n := 2 + c%3
	pprof := c/3%2 == 1
	wait := c / 6 % 3
	if pprof {
		g.imports["_"] = "net/http/pprof"
	}
	g.emit("param, pint := "+q("os")+"Args[0], len("+q("os")+"Args)", "_, _ = param, pint")
	for _, name := range shadows {
		g.emit("var "+name+" int", "_ = "+name)
	}
	g.cmd.blocking = wait < 2
	for i := range n {
		g.cmdSite(i, g.cmd.blocking && i == n-1, wait == 0, pprof)
	}
	if !g.cmd.blocking {
		g.emit("select {}")
	}
}

// cmdSite appends a server to main: started by a go statement or in a go
// func literal, or, when blocking, run by the statement main waits on.
func (g *gen) cmdSite(i int, blocking, fatal, pprof bool) {
	q := func(p string) string { return g.q(p, true) }
	g.word = namePool[g.choose(len(namePool))]
	defer func() { g.word = "" }()
	ignore := ""
	if g.choose(4) == 1 {
		ignore = " //portlint:ignore generated by the fuzzer"
	}
	kind := g.choose(numCmdSites)
	literal := false
	if !blocking {
		literal = g.choose(2) == 1
	}
	if kind == 6 && !literal {
		kind = 0 // a library site runs only in a func literal
	}
	// The app's handler, or http.DefaultServeMux (nil). The server main
	// waits on always serves the app: never a debugging endpoint, it is
	// the primary.
	appHandler := g.choose(2) == 1 || blocking && pprof
	handler := func() string {
		if appHandler {
			return q("net/http") + "NotFoundHandler()"
		}
		return "nil"
	}
	from, lastVar := len(g.stmts), g.lastVar
	var call string // the call that serves, or "" when the site is a statement of its own
	switch kind {
	case 0:
		addr := g.strAddr(0, true)
		call = q("net/http") + "ListenAndServe(" + addr + ", " + handler() + ")"
	case 1:
		srv := g.fresh("srv")
		addr := g.strAddr(0, true)
		h := ""
		if appHandler {
			h = ", Handler: " + handler()
		}
		g.emit(srv + " := &" + q("net/http") + "Server{Addr: " + addr + h + "}" + ignore)
		call, ignore = srv+".ListenAndServe()", ""
	case 2, 4:
		ln, err := g.fresh("ln"), g.fresh("err")
		listen := ""
		if kind == 2 {
			listen = q("net") + `Listen("tcp", ` + g.strAddr(0, true) + ")"
		} else {
			listen = q("net") + `ListenTCP("tcp", ` + g.ipAddrLit("TCPAddr", 0, true) + ")"
		}
		g.emit(ln+", "+err+" := "+listen+ignore, "if "+err+" != nil {\n\tpanic("+err+")\n}")
		call, ignore = q("net/http")+"Serve("+ln+", "+handler()+")", ""
	case 3:
		addr := g.strAddr(0, true)
		call = q("net/http") + "ListenAndServeTLS(" + addr + `, "cert.pem", "key.pem", ` + handler() + ")"
	case 5:
		// A server sharing an earlier server's variable.
		addr := g.lastVar
		if addr == "" {
			addr = g.strAddr(0, true)
		}
		call = q("net/http") + "ListenAndServe(" + addr + ", " + handler() + ")"
	case 6:
		g.site(i)
	}
	if call != "" {
		switch {
		case blocking && fatal:
			g.emit(q("log") + "Fatal(" + call + ")" + ignore)
		case blocking, literal:
			g.emit(call + ignore)
		default:
			g.emit("go " + call + ignore)
		}
	}
	if literal {
		body := slices.Clone(g.stmts[from:])
		for k, s := range body {
			body[k] = strings.ReplaceAll(s, "\n", "\n\t")
		}
		g.stmts = append(g.stmts[:from], "go func() {\n\t"+strings.Join(body, "\n\t")+"\n}()")
		g.lastVar = lastVar // the literal's variables are out of scope
	}
	g.cmd.sites = append(g.cmd.sites, genSite{inGo: !blocking, from: from, to: len(g.stmts)})
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
var fuzzPackages = []string{"cmp", "context", "crypto/tls", "fmt", "log", "net", "net/http", "net/http/pprof", "os", "strconv"}

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
	c, pkg, errs, err := typeCheck(t, src, goVersion)
	if err != nil {
		return nil, err
	}
	if len(errs) > 0 && !despiteErrors {
		return nil, errors.Join(errs...)
	}
	fset, _ := loadFuzzEnv(t)
	file, info := c.file, c.info
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

// typeCheck parses and type-checks src. It returns the file with its
// type errors, or a parse error.
func typeCheck(t *testing.T, src []byte, goVersion string) (*checked, *types.Package, []error, error) {
	fset, imp := loadFuzzEnv(t)
	file, err := parser.ParseFile(fset, "gen.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if file != nil {
		// The shared file set would grow with every input: drop the file
		// once done (diagnostics are resolved to offsets before that).
		t.Cleanup(func() { fset.RemoveFile(fset.File(file.FileStart)) })
	}
	if err != nil {
		return nil, nil, nil, err
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
	return &checked{src: src, file: file, tok: fset.File(file.FileStart), info: info}, pkg, errs, nil
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
	reported := make(map[int]bool)   // offsets of the original findings
	collisions := make(map[int]bool) // offsets of the original collisions
	for _, d := range orig.diags {
		checkDiagnostic(t, orig, d)
		reported[orig.off(d.Pos)] = true
		if d.Category == report.CategoryCollision {
			collisions[orig.off(d.Pos)] = true
		}
	}
	var firstFixes [][]offEdit
	var fixedDiags []analysis.Diagnostic // the finding of each of firstFixes
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
				fixedDiags = append(fixedDiags, d)
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
			if g.cmd != nil {
				checkSecondaryFix(t, g, orig, after, d, fix)
			}
			// The site is silent now, and nothing new is reported.
			for _, d2 := range after.diags {
				old := mapBack(after.off(d2.Pos), edits)
				// A directive may go stale when a shared variable is fixed.
				// A collision the site had stays while the earlier server
				// keeps the port (the fix changes its variable, not its default).
				if old == orig.off(d.Pos) && !(d2.Category == report.CategoryCollision && collisions[old]) ||
					!reported[old] && d2.Category != "directive" {
					t.Fatalf("after fix %q of %q at %s, portlint reports %q at %s\noriginal:\n%s\nfixed:\n%s",
						fix.Message, d.Message, orig.tok.Position(d.Pos), d2.Message, after.tok.Position(d2.Pos), numbered(src), numbered(fixed))
				}
			}
		}
	}
	merged, kept := mergeFixes(firstFixes)
	if len(firstFixes) > 1 {
		fixed := applyEdits(src, merged)
		// unitchecker and singlechecker then delete imports left unused
		// (driverutil.FormatSourceRemoveImports); fix_imports.go documents
		// that two fixes sharing an import's last uses rely on it.
		if _, err := analyzeSource(t, fixed, g.goVersion, g.cfg); err != nil && !onlyUnusedImports(err) {
			t.Fatalf("the first fixes of all %d findings, merged as -fix merges them, give a file that does not type-check: %v\noriginal:\n%s\nfixed:\n%s",
				len(firstFixes), err, numbered(src), numbered(fixed))
		}
	}
	if g.cmd != nil {
		checkCommand(t, g, orig, fixedDiags, merged, kept)
	}
}

// secondaryText is what a secondary server's finding says.
const secondaryText = "the platform routes only"

// primaryReadsEnv reports whether a secondary's message names as the
// primary a server started in a goroutine, where the program reads the
// -env variable: a server already on $PORT beside the others is the one
// the platform reaches, so the server main waits on may not take $PORT.
func primaryReadsEnv(cmd *genCommand, msg string, src []byte, env string) bool {
	m := regexp.MustCompile(`\(gen\.go:(\d+)\)`).FindStringSubmatch(msg)
	if m == nil {
		return false
	}
	line, _ := strconv.Atoi(m[1])
	k := cmd.siteAt(line)
	return k >= 0 && cmd.sites[k].inGo && bytes.Contains(src, []byte("Getenv("+strconv.Quote(env)+")"))
}

// siteReadsEnv reports whether the statements of server k of main read
// the platform's variable: a server already reading it in a goroutine is
// the one the platform reaches, the primary (docs/checks.md, "One port
// per program").
func siteReadsEnv(cmd *genCommand, k int, src []byte, env string) bool {
	lines := bytes.Split(src, []byte("\n"))
	s := cmd.sites[k]
	if s.first < 1 || s.last > len(lines) {
		return false
	}
	return bytes.Contains(bytes.Join(lines[s.first-1:s.last], []byte("\n")), []byte("Getenv("+strconv.Quote(env)+")"))
}

// siteAt returns the index of the server of main whose statements hold
// line, or -1.
func (cmd *genCommand) siteAt(line int) int {
	for k, s := range cmd.sites {
		if s.first <= line && line <= s.last {
			return k
		}
	}
	return -1
}

// checkCommand checks a command's servers, judged together:
//   - every finding lies in a server of main. When main waits on its last
//     server, that one is the primary and every server started in a
//     goroutine a secondary, whose finding says the platform routes only
//     $PORT, unless a server in a goroutine already reads $PORT (it is
//     then the primary); when every server runs in a goroutine, at most
//     one is reported as the primary;
//   - after the first fixes of all findings, merged as `portlint -fix`
//     merges them, no two servers of main reported with a hard-coded port
//     and fixed read the same environment variable (os.Getenv("X"),
//     os.LookupEnv, syscall.Getenv, with a constant name) in their
//     addresses — the expression at the finding, with the definitions of
//     the variables, constants and functions it uses, transitively. Two
//     servers may share a variable the original program already read in
//     both addresses (a collision the fixer did not create), or that they
//     read through one call, in a definition both addresses use (which a
//     fix can only edit once). main has no alternatives that cannot both
//     run, so every pair counts.
func checkCommand(t *testing.T, g generated, orig *checked, fixedDiags []analysis.Diagnostic, merged []offEdit, kept []bool) {
	t.Helper()
	cmd := g.cmd
	primaries := make(map[int]bool)
	for _, d := range orig.diags {
		if d.Category == report.CategoryCollision || d.Category == "directive" {
			continue
		}
		k := cmd.siteAt(orig.tok.Line(d.Pos))
		if k < 0 {
			t.Fatalf("finding %q at %s lies in no server of main\n%s", d.Message, orig.tok.Position(d.Pos), numbered(orig.src))
		}
		secondary := strings.Contains(d.Message, secondaryText)
		switch {
		case cmd.blocking && cmd.sites[k].inGo && !secondary && !siteReadsEnv(cmd, k, orig.src, g.cfg.Env):
			t.Fatalf("%s: a server started in a goroutine, while main waits on the server at line %d, is not reported as a secondary: %q\n%s",
				orig.tok.Position(d.Pos), cmd.sites[len(cmd.sites)-1].first, d.Message, numbered(orig.src))
		case !cmd.sites[k].inGo && secondary && !primaryReadsEnv(cmd, d.Message, orig.src, g.cfg.Env):
			t.Fatalf("%s: the server main waits on is reported as a secondary: %q\n%s", orig.tok.Position(d.Pos), d.Message, numbered(orig.src))
		case !secondary:
			primaries[k] = true
		}
	}
	if len(primaries) > 1 {
		t.Fatalf("every server of main runs in a goroutine, yet %d are reported as primaries\n%s", len(primaries), numbered(orig.src))
	}

	if len(merged) == 0 {
		return
	}
	fixedSrc := applyEdits(orig.src, merged)
	fixed, _, errs, err := typeCheck(t, fixedSrc, g.goVersion)
	if err != nil || len(errs) > 0 && !onlyUnusedImports(errors.Join(errs...)) {
		t.Fatalf("the first fixes of all findings, merged as -fix merges them, give a file that does not type-check: %v %v\n%s", err, errs, numbered(fixedSrc))
	}
	type server struct {
		d             analysis.Diagnostic
		before, after map[string][]*ast.CallExpr
	}
	var servers []server
	for j, d := range fixedDiags {
		if !kept[j] || d.Category != report.CategoryPort && d.Category != report.CategoryPortLoopback {
			continue
		}
		lo, hi := orig.off(d.Pos), orig.off(d.End)
		nlo, nhi := mapRange(lo, hi, merged)
		servers = append(servers, server{d, envReadsIn(orig, lo, hi), envReadsIn(fixed, nlo, nhi)})
	}
	for a, x := range servers {
		for _, y := range servers[a+1:] {
			for _, name := range slices.Sorted(maps.Keys(x.after)) {
				xr, yr := x.after[name], y.after[name]
				switch {
				case len(yr) == 0:
				case len(x.before[name]) > 0 && len(y.before[name]) > 0:
					// Both read it before the fixes.
				case slices.ContainsFunc(xr, func(c *ast.CallExpr) bool { return slices.Contains(yr, c) }):
					// Through a definition both use.
				default:
					t.Fatalf("after the first fixes of all findings, merged as -fix merges them, the servers of %q (%s) and %q (%s) both read $%s\noriginal:\n%s\nfixed:\n%s",
						x.d.Message, orig.tok.Position(x.d.Pos), y.d.Message, orig.tok.Position(y.d.Pos), name, numbered(orig.src), numbered(fixedSrc))
				}
			}
		}
	}
}

// checkSecondaryFix checks the first fix of a finding of a command on its
// own: when main waits on a server, the primary, the fix of a server
// started in a goroutine does not read the -env variable.
func checkSecondaryFix(t *testing.T, g generated, orig, after *checked, d analysis.Diagnostic, fix analysis.SuggestedFix) {
	t.Helper()
	k := g.cmd.siteAt(orig.tok.Line(d.Pos))
	if !g.cmd.blocking || k < 0 || !g.cmd.sites[k].inGo {
		return
	}
	if n, m := envReadCount(orig, g.cfg.Env), envReadCount(after, g.cfg.Env); m > n {
		t.Fatalf("fix %q of the secondary %q at %s reads $%s, which only the primary's may\noriginal:\n%s\nfixed:\n%s",
			fix.Message, d.Message, orig.tok.Position(d.Pos), g.cfg.Env, numbered(orig.src), numbered(after.src))
	}
}

// envReaders are the functions that read one environment variable by name.
var envReaders = []string{"os.Getenv", "os.LookupEnv", "syscall.Getenv"}

// envReadOf returns the variable a call reads, if it is an envReaders
// call with a constant name (through any import name: the callee is
// resolved with types).
func envReadOf(info *types.Info, call *ast.CallExpr) (string, bool) {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || !slices.Contains(envReaders, fn.FullName()) || len(call.Args) != 1 {
		return "", false
	}
	tv := info.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// envReadCount counts the calls of a file that read the variable name.
func envReadCount(c *checked, name string) int {
	n := 0
	ast.Inspect(c.file, func(n2 ast.Node) bool {
		if call, ok := n2.(*ast.CallExpr); ok {
			if v, ok := envReadOf(c.info, call); ok && v == name {
				n++
			}
		}
		return true
	})
	return n
}

// envReadsIn returns the environment variables read, with a constant
// name, by the expressions within the byte range [lo, hi] of a file and
// by the definitions of the variables, constants and functions of the
// file they use, transitively: each variable with the calls reading it.
// A variable's definitions are every value assigned to it.
func envReadsIn(c *checked, lo, hi int) map[string][]*ast.CallExpr {
	defs := make(map[types.Object][]ast.Node)
	add := func(obj types.Object, n ast.Node) {
		if obj != nil {
			defs[obj] = append(defs[obj], n)
		}
	}
	assign := func(objs []types.Object, values []ast.Expr) {
		for i, obj := range objs {
			if len(values) == len(objs) {
				add(obj, values[i])
				continue
			}
			for _, v := range values { // a, err := f()
				add(obj, v)
			}
		}
	}
	ast.Inspect(c.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ValueSpec:
			var objs []types.Object
			for _, id := range n.Names {
				objs = append(objs, c.info.Defs[id])
			}
			assign(objs, n.Values)
		case *ast.AssignStmt:
			var objs []types.Object
			for _, l := range n.Lhs {
				var obj types.Object
				if id, ok := ast.Unparen(l).(*ast.Ident); ok {
					obj = c.info.ObjectOf(id)
				}
				objs = append(objs, obj)
			}
			assign(objs, n.Rhs)
		case *ast.FuncDecl:
			if n.Body != nil {
				add(c.info.Defs[n.Name], n.Body)
			}
		}
		return true
	})
	reads := make(map[string][]*ast.CallExpr)
	seen := make(map[types.Object]bool)
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if name, ok := envReadOf(c.info, n); ok && !slices.Contains(reads[name], n) {
					reads[name] = append(reads[name], n)
				}
			case *ast.Ident:
				if obj := c.info.Uses[n]; obj != nil && !seen[obj] {
					seen[obj] = true
					for _, d := range defs[obj] {
						visit(d)
					}
				}
			}
			return true
		})
	}
	ast.Inspect(c.file, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		start, end := c.off(n.Pos()), c.off(n.End())
		switch {
		case end < lo || start > hi:
			return false
		case lo <= start && end <= hi:
			visit(n)
			return false
		}
		return true
	})
	return reads
}

// mapRange maps the byte range [lo, hi) of a file to the file with edits
// applied (sorted, not overlapping). The range takes in the edits within
// it, those inserting at either end, and those straddling an end.
func mapRange(lo, hi int, edits []offEdit) (int, int) {
	nlo, nhi := lo, hi
	delta := 0
	for _, e := range edits {
		newStart := e.start + delta
		growth := len(e.text) - (e.end - e.start)
		switch {
		case e.end < lo || e.end == lo && e.start < lo: // before the range
			nlo += growth
		case e.start < lo: // across the start
			nlo = newStart
		}
		switch {
		case e.end < hi || e.end == hi && e.start < hi || e.start == hi && e.end == hi: // before the end, or inserting there
			nhi += growth
		case e.start < hi: // across the end
			nhi = newStart + len(e.text)
		}
		delta += growth
	}
	return nlo, nhi
}

func checkDiagnostic(t *testing.T, c *checked, d analysis.Diagnostic) {
	t.Helper()
	if !inFile(c, d.Pos) || d.End.IsValid() && (!inFile(c, d.End) || d.End < d.Pos) {
		t.Fatalf("diagnostic %q has range %d-%d outside the file\n%s", d.Message, d.Pos, d.End, numbered(c.src))
	}
	switch d.Category {
	case report.CategoryPort, report.CategoryLoopback, report.CategoryPortLoopback, "directive":
	case report.CategoryCollision:
		if len(d.SuggestedFixes) > 0 {
			t.Fatalf("collision %q has a suggested fix", d.Message)
		}
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
// or touches none of them (identical import insertions coalesce). It
// returns the edits and which fixes were kept.
func mergeFixes(fixes [][]offEdit) ([]offEdit, []bool) {
	var acc []offEdit
	kept := make([]bool, len(fixes))
	for i, fix := range fixes {
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
			kept[i] = true
		}
	}
	slices.SortStableFunc(acc, func(x, y offEdit) int {
		if x.start != y.start {
			return x.start - y.start
		}
		return x.end - y.end
	})
	return acc, kept
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
	if v := after.info.FileVersions[after.file]; v != "" && !report.FileAtLeast(v, "go1.22") && cmpOrUses(after) > cmpOrUses(orig) {
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
		if err == nil && host != "" && addrval.BindHost(host) == "*" && !addrval.PortIsEphemeral(port) && !strings.Contains(port, "%") {
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
		// A positional literal with too few elements.
		"package p\nimport \"net/http\"\nfunc f() { c := struct{ host, port string }{\"localhost\"}; http.ListenAndServe(c.host+\":\"+c.port, nil) }",
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
