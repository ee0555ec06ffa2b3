package integration

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// The fieldmod fixture is the end-to-end test of addresses kept in
// struct fields (issue 26): a module of nine commands whose servers
// listen on a hard-coded address that reaches the listener through a
// field.
//
//   - cmd/web and cmd/admin read fields of the *config.Config that
//     config.Load returns (the constructor case): the address is written
//     in package config and read in the command, which only a FieldFact
//     carries across.
//   - cmd/api builds api.New(api.Options{Port: 9100}) and calls its Run,
//     which listens on a field New copied the port into (the copied-field
//     case); New's default on an empty port is no server.
//   - cmd/apidefault builds api.New(api.Options{}): the port left unset,
//     New's default is where it listens, and the fix adds the field.
//   - cmd/node builds node.New("127.0.0.1", 7100), kept in two fields and
//     joined, resolved and listened on by Start.
//   - cmd/bind listens on a field of a package variable nothing writes
//     after its initializer (the package-variable case).
//   - cmd/svc builds one service from a config with two ports, the app's
//     and its metrics' (served in the background): one program, whose
//     app reads $PORT and metrics $METRICS_PORT.
//   - cmd/peer serves its own cluster node and pings its peers, nodes of
//     the same type: only the node it serves is a server.
//   - cmd/hostport listens on hostport.Config.Addr(), a method of another
//     package joining its receiver's fields: its ReturnsFact names them,
//     and their FieldFacts fill them.
//
// Each other command has one server, so its fix reads $PORT.

var fieldmodDir = filepath.Join("testdata", "fieldmod")

// fieldmodEnv keeps a go.work around the checkout out of the fixture.
var fieldmodEnv = []string{"GOWORK=off"}

// fieldmodCommands are the fixture's commands, under cmd/, with what
// each app answers to GET / and the variables its fixes read beside
// $PORT, one listener each.
var fieldmodCommands = []struct {
	name, body string
	others     []string
}{
	{"web", "hello from web\n", nil},
	{"admin", "hello from admin\n", nil},
	{"api", "hello from api\n", nil},
	{"apidefault", "hello from api\n", nil},
	{"node", "hello from node\n", nil},
	{"bind", "hello from bind\n", nil},
	{"svc", "hello from svc\n", []string{"METRICS_PORT"}},
	{"peer", "hello from peer\n", nil},
	{"hostport", "hello from hostport\n", nil},
}

// fieldmodWant returns the findings expected in the fieldmod module in
// dir, one per server: the first of each command its program's primary.
func fieldmodWant(t *testing.T, dir string) []finding {
	t.Helper()
	at := func(cmd, substr, text string) finding {
		file := "cmd/" + cmd + "/main.go"
		return finding{file, lineOf(t, filepath.Join(dir, filepath.FromSlash(file)), substr), text}
	}
	return []finding{
		at("web", `Addr: config.Load().Listen`, `http.Server.Addr listens on hard-coded port 7000 and loopback host "localhost": read the port from $PORT and bind 0.0.0.0`),
		at("admin", `cfg.AdminAddr`, "http.ListenAndServe listens on hard-coded port 7001: read the port from $PORT"),
		at("api", `api.Options{Port: 9100}`, "api.Options.Port listens on hard-coded port 9100: read the port from $PORT"),
		at("apidefault", `api.Options{}`, "api.Options.Port (unset) listens on hard-coded port 8000: read the port from $PORT"),
		at("node", `node.New("127.0.0.1", 7100)`, `node.New listens on hard-coded port 7100 and loopback host "127.0.0.1": read the port from $PORT and bind 0.0.0.0`),
		at("bind", `Addr: settings.Bind`, "http.Server.Addr listens on hard-coded port 5300: read the port from $PORT"),
		at("svc", `Port:        9000`, "svc.Config.Port listens on hard-coded port 9000: read the port from $PORT"),
		at("svc", `MetricsPort: 9101`, "svc.Config.MetricsPort listens on hard-coded port 9101: the platform routes only $PORT, to the primary server svc.Config.Port (main.go:14); read this listener's port from $METRICS_PORT"),
		at("peer", `Addr: ":7946"`, "cluster.Node.Addr listens on hard-coded port 7946: read the port from $PORT"),
		at("hostport", `c.Addr()`, `http.ListenAndServe listens on hard-coded port 7200 and loopback host "127.0.0.1": read the port from $PORT and bind 0.0.0.0`),
	}
}

// TestFieldModule checks that every way of running reports the ten
// servers of the fieldmod fixture, and nothing at the libraries: go vet
// and golangci-lint analyse every dependency, so package config's
// FieldFacts reach the commands; the portlint command computes the
// facts of the module's packages.
func TestFieldModule(t *testing.T) {
	want := fieldmodWant(t, fieldmodDir)

	t.Run("go vet", func(t *testing.T) {
		t.Parallel()
		dir := copyDir(t, fieldmodDir)
		out, code := run(t, dir, fieldmodEnv, "go", "vet", "-vettool="+portlintBin, "./...")
		if code == 0 {
			t.Errorf("go vet exited 0 with findings, want non-zero")
		}
		checkFindings(t, out, want...)
	})

	t.Run("golangci-lint", func(t *testing.T) {
		if testing.Short() && !inCI() {
			t.Skip("skipping in -short mode: the first build of the custom golangci-lint takes minutes")
		}
		t.Parallel()
		bin := golangciLint(t)
		dir := copyDir(t, fieldmodDir)
		if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(gclConfig()), 0o644); err != nil {
			t.Fatal(err)
		}
		env := append([]string{"GOLANGCI_LINT_CACHE=" + t.TempDir()}, fieldmodEnv...)
		out, code := run(t, dir, env, bin, "run", "./...")
		if code != 1 {
			t.Errorf("exit status %d, want 1 (issues found)", code)
		}
		checkFindings(t, out, want...)
	})

	t.Run("command", func(t *testing.T) {
		t.Parallel()
		dir := copyDir(t, fieldmodDir)
		out, code := run(t, dir, fieldmodEnv, portlintBin, "./...")
		if code != 3 {
			t.Errorf("portlint ./... exited %d, want 3 (findings)", code)
		}
		checkFindings(t, out, want...)
		// The write in another package is the finding's related
		// information.
		for _, w := range []string{"port 7000 is written here", "port 7001 is written here"} {
			if !strings.Contains(out, w) {
				t.Errorf("output lacks %q", w)
			}
		}
	})

	t.Run("command on one package", func(t *testing.T) {
		t.Parallel()
		// A command named alone is still a whole program: its imports
		// are loaded with facts.
		dir := copyDir(t, fieldmodDir)
		out, code := run(t, dir, fieldmodEnv, portlintBin, "./cmd/web")
		if code != 3 {
			t.Errorf("portlint ./cmd/web exited %d, want 3 (findings)", code)
		}
		checkFindings(t, out, want[0])
	})
}

// TestFieldModuleStarts applies every fix to the fieldmod fixture with
// go fix -fixtool, checks that the fixes land in the commands (a
// constructor's constants stay in package config: the read is wrapped),
// that the module builds and that neither go vet nor the portlint
// command reports anything, then starts each command with a free $PORT
// and checks from outside that its app, its only listener, answers on
// $PORT on all interfaces: no socket of it is left on the old port.
func TestFieldModuleStarts(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skipf("skipping: the test finds a process's listening sockets in /proc, which GOOS=%s lacks", runtime.GOOS)
	}
	dir := copyDir(t, fieldmodDir)
	before := readTree(t, dir)
	out, code := run(t, dir, fieldmodEnv, "go", "fix", "-fixtool="+portlintBin, "./...")
	if code != 0 {
		t.Fatalf("go fix -fixtool ./... exited %d:\n%s", code, out)
	}
	after := readTree(t, dir)
	defer func() {
		if t.Failed() {
			t.Logf("fixed sources:\n%s", dump(after))
		}
	}()
	for _, lib := range []string{"config/config.go", "api/api.go", "node/node.go", "svc/svc.go", "cluster/cluster.go", "hostport/hostport.go"} {
		path := filepath.Join(dir, filepath.FromSlash(lib))
		if after[path] != before[path] {
			t.Errorf("go fix changed %s; the fixes belong in the commands", lib)
		}
	}
	for _, c := range fieldmodCommands {
		src := after[filepath.Join(dir, "cmd", c.name, "main.go")]
		// Each command's primary reads $PORT, each other server a
		// variable of its own.
		var vars []string
		for _, m := range getenvCall.FindAllStringSubmatch(src, -1) {
			vars = append(vars, m[1])
		}
		if want := append([]string{"PORT"}, c.others...); !slices.Equal(vars, want) {
			t.Errorf("cmd/%s reads %q after go fix, want %q", c.name, vars, want)
		}
	}
	for file, w := range map[string]string{
		"web":        `return net.JoinHostPort("0.0.0.0", p)`, // the loopback host is replaced
		"node":       `node.New("0.0.0.0", func() int {`,
		"bind":       `var settings = &Settings{Bind: net.JoinHostPort("0.0.0.0", cmp.Or(os.Getenv("PORT"), "5300"))`, // at the literal
		"apidefault": `api.New(api.Options{Port: func() int {`,                                                        // the unset field added
	} {
		if src := after[filepath.Join(dir, "cmd", file, "main.go")]; !strings.Contains(src, w) {
			t.Errorf("fixed cmd/%s/main.go lacks %s", file, w)
		}
	}

	if out, code := run(t, dir, fieldmodEnv, "go", "build", "./..."); code != 0 {
		t.Fatalf("go build ./... after go fix:\n%s", out)
	}
	if out, code := run(t, dir, fieldmodEnv, "go", "vet", "-vettool="+portlintBin, "./..."); code != 0 {
		t.Errorf("go vet -vettool after go fix exited %d, want 0:\n%s", code, out)
	}
	if out, code := run(t, dir, fieldmodEnv, portlintBin, "./..."); code != 0 {
		t.Errorf("portlint ./... after go fix exited %d, want 0:\n%s", code, out)
	}

	for _, c := range fieldmodCommands {
		t.Run(c.name, func(t *testing.T) {
			// One listener, on all interfaces at $PORT, answering GET /:
			// nothing of the app stays on its old port or on loopback.
			checkProgram(t, filepath.Join(dir, "cmd", c.name), fixedProgram{
				name: "fieldmod/cmd/" + c.name, listeners: 1 + len(c.others), body: c.body,
			})
		})
	}
}
