package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The sinkmod fixture is the end-to-end test of learned listen APIs
// (sinks): a real multi-package module whose command, cmd/api, starts
// every server through an API that portlint learns from code, not from
// its table — server.Run's parameter and server.Config.Addr in the
// module's own package server, tableflip's Fds.Listen (reached through a
// callback), dns.Server.Addr and dns.ListenAndServe's parameter (stored
// into a Server it starts) in the real third-party modules pinned in its
// go.mod. Package shapes holds the shapes real libraries hide their
// addresses in (options, a variadic address, a constructor whose reader
// package engine calls, a host and a port in a net.TCPAddr); package
// constants an exported variable that cmd/api and package status listen
// on. cmd/worker calls the same APIs with configured addresses and calls
// helpers that only format or dial: nothing is reported there.
//
// main waits on server.Run, the primary: it alone reads $PORT; the admin
// server (loopback), the tableflip listener (served by http.Serve in a
// goroutine), the two DNS servers (in goroutines) and the others are
// secondaries.

var sinkmodDir = filepath.Join("testdata", "sinkmod")

// sinkmodEnv keeps a go.work around the checkout out of the fixture.
var sinkmodEnv = []string{"GOWORK=off"}

// sinkmodWant returns the findings expected in cmd/api/main.go of the
// sinkmod module in dir: those of the module's own package server, and
// those of the dependencies' APIs (tableflip, dns), which only a driver
// with the dependencies' facts can report.
func sinkmodWant(t *testing.T, dir string) (own, deps []finding) {
	t.Helper()
	mainGo := filepath.Join(dir, "cmd", "api", "main.go")
	run := lineOf(t, mainGo, `server.Run(`)
	own = []finding{
		{"cmd/api/main.go", lineOf(t, mainGo, `"localhost:9090"`), "server.Config.Addr listens on hard-coded port 9090: " + sinkmodSecondary(run)},
		{"cmd/api/main.go", run, "server.Run listens on hard-coded port 8080: read the port from $PORT"},
		{"cmd/api/main.go", lineOf(t, mainGo, `":2222"`), "shapes.ListenAndServe listens on hard-coded port 2222: " + sinkmodSecondary(run)},
		{"cmd/api/main.go", lineOf(t, mainGo, `":8082"`), "shapes.Engine.Run listens on hard-coded port 8082: " + sinkmodSecondary(run)},
		{"cmd/api/main.go", lineOf(t, mainGo, `":4000"`), "shapes.NewRemote listens on hard-coded port 4000: " + sinkmodSecondary(run)},
		{"cmd/api/main.go", lineOf(t, mainGo, `":2223"`), "shapes.ListenAndServe listens on hard-coded port 2223: " + sinkmodSecondary(run)},
		{"cmd/api/main.go", lineOf(t, mainGo, `7300)`), "shapes.ListenTCP listens on hard-coded port 7300: " + sinkmodSecondary(run)},
		{"cmd/api/main.go", lineOf(t, mainGo, `constants.GRPCAddr`), "net.Listen listens on hard-coded port 50051: " + sinkmodSecondary(run)},
		{"cmd/tiny/main.go", lineOf(t, filepath.Join(dir, "cmd", "tiny", "main.go"), `":8099"`), "wrap.Run listens on hard-coded port 8099: read the port from $PORT"},
	}
	return own, sinkmodDeps(t, dir)
}

// sinkmodStatus is the finding only the portlint command, run on the
// whole module, makes: package status listens on an exported variable
// that no package of the module assigns, which go vet cannot know there.
func sinkmodStatus(t *testing.T, dir string) finding {
	t.Helper()
	return finding{"status/status.go", lineOf(t, filepath.Join(dir, "status", "status.go"), `constants.StatusAddr`),
		"http.ListenAndServe listens on hard-coded port 9402: the platform routes only $PORT, to a program's primary server; read this listener's port from $STATUS_PORT"}
}

// sinkmodDeps returns the findings at the dependencies' APIs in
// cmd/api/main.go of the sinkmod module in dir, fixed or not.
func sinkmodDeps(t *testing.T, dir string) []finding {
	t.Helper()
	mainGo := filepath.Join(dir, "cmd", "api", "main.go")
	secondary := sinkmodSecondary(lineOf(t, mainGo, `server.Run(`))
	return []finding{
		{"cmd/api/main.go", lineOf(t, mainGo, `":8081"`), "tableflip.Fds.Listen listens on hard-coded port 8081: " + secondary},
		{"cmd/api/main.go", lineOf(t, mainGo, `":5353"`), "dns.Server.Addr listens on hard-coded port 5353: " + secondary},
		{"cmd/api/main.go", lineOf(t, mainGo, `":5354"`), "dns.ListenAndServe listens on hard-coded port 5354: " + secondary},
	}
}

// sinkmodSecondary is what the finding of a secondary server of cmd/api
// says: main waits on server.Run, at line run of main.go.
func sinkmodSecondary(run int) string {
	return fmt.Sprintf("the platform routes only $PORT, to the primary server server.Run (main.go:%d)", run)
}

// TestSinkModule checks what each driver reports on the sinkmod fixture:
// go vet -vettool and golangci-lint, which compute facts for every
// package, report the eleven servers of cmd/api; the portlint command,
// which computes the dependencies' facts too and sees the whole module,
// those and status's. portlint -fix leaves a module that builds.
func TestSinkModule(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads and type-checks tableflip and miekg/dns")
	}
	own, deps := sinkmodWant(t, sinkmodDir)
	all := append(append([]finding(nil), own...), deps...)

	t.Run("go vet", func(t *testing.T) {
		t.Parallel()
		dir := copyDir(t, sinkmodDir)
		out, code := run(t, dir, sinkmodEnv, "go", "vet", "-vettool="+portlintBin, "./...")
		if code == 0 {
			t.Errorf("go vet exited 0 with findings, want non-zero")
		}
		checkFindings(t, out, all...)
	})

	t.Run("golangci-lint", func(t *testing.T) {
		if testing.Short() && !inCI() {
			t.Skip("skipping in -short mode: the first build of the custom golangci-lint takes minutes")
		}
		t.Parallel()
		bin := golangciLint(t)
		dir := copyDir(t, sinkmodDir)
		if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(gclConfig()), 0o644); err != nil {
			t.Fatal(err)
		}
		env := append([]string{"GOLANGCI_LINT_CACHE=" + t.TempDir()}, sinkmodEnv...)
		out, code := run(t, dir, env, bin, "run", "./...")
		if code != 1 {
			t.Errorf("exit status %d, want 1 (issues found)", code)
		}
		checkFindings(t, out, all...)
	})

	t.Run("command", func(t *testing.T) {
		t.Parallel()
		// The command computes the dependencies' facts too, and sees the
		// whole module.
		want := append(append([]finding(nil), all...), sinkmodStatus(t, sinkmodDir))
		dir := copyDir(t, sinkmodDir)
		out, code := run(t, dir, sinkmodEnv, portlintBin, "./...")
		if code != 3 {
			t.Errorf("portlint ./... exited %d, want 3 (findings)", code)
		}
		checkFindings(t, out, want...)
	})

	t.Run("command -fix", func(t *testing.T) {
		t.Parallel()
		dir := copyDir(t, sinkmodDir)
		out, code := run(t, dir, sinkmodEnv, portlintBin, "-fix", "./...")
		if code != 0 && code != 3 {
			t.Fatalf("portlint -fix ./... exited %d:\n%s", code, out)
		}
		fixed, err := os.ReadFile(filepath.Join(dir, "cmd", "api", "main.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{
			`server.Run(net.JoinHostPort("0.0.0.0", cmp.Or(os.Getenv("PORT"), "8080")))`,
			`server.Config{Addr: net.JoinHostPort("localhost", cmp.Or(os.Getenv(`,
		} {
			if !strings.Contains(string(fixed), w) {
				t.Errorf("fixed cmd/api/main.go lacks %s", w)
			}
		}
		if out, code := run(t, dir, sinkmodEnv, "go", "build", "./..."); code != 0 {
			t.Fatalf("go build ./... after -fix:\n%s\ncmd/api/main.go:\n%s", out, fixed)
		}
		if out, code := run(t, dir, sinkmodEnv, portlintBin, "./..."); code != 0 {
			t.Errorf("portlint ./... after -fix exited %d, want 0\n%s", code, out)
		}
		// The command has the dependencies' facts: go vet, with every
		// package's, finds nothing left either.
		out, _ = run(t, dir, sinkmodEnv, "go", "vet", "-vettool="+portlintBin, "./...")
		checkFindings(t, out)
		if t.Failed() {
			t.Logf("fixed cmd/api/main.go:\n%s", fixed)
		}
	})
}

// TestSinkModuleStarts applies every fix to the sinkmod fixture through
// go fix -fixtool, which, like go vet, has the facts of every package
// (the dependencies' too), then checks that the module builds, that
// neither go vet nor the portlint command reports anything, and that the
// command, started with a free $PORT, serves the app there on all
// interfaces and every other listener on its own variable.
func TestSinkModuleStarts(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads and builds tableflip and miekg/dns")
	}
	if runtime.GOOS != "linux" {
		t.Skipf("skipping: the test finds a process's listening sockets in /proc, which GOOS=%s lacks", runtime.GOOS)
	}
	dir := copyDir(t, sinkmodDir)
	out, code := run(t, dir, sinkmodEnv, "go", "fix", "-fixtool="+portlintBin, "./...")
	if code != 0 {
		t.Fatalf("go fix -fixtool ./... exited %d:\n%s", code, out)
	}
	mainGo := filepath.Join(dir, "cmd", "api", "main.go")
	fixed, err := os.ReadFile(mainGo)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("fixed cmd/api/main.go:\n%s", fixed)
	// Every server reads a variable: no port literal is left alone.
	for _, lit := range []string{`"localhost:9090"`, `":8081"`, `":5353"`, `":5354"`, `":8080"`, `":2222"`, `":2223"`, `":8082"`, `":4000"`, `constants.GRPCAddr`} {
		if strings.Contains(string(fixed), lit) {
			t.Errorf("go fix left %s in cmd/api/main.go", lit)
		}
	}
	if n := strings.Count(string(fixed), `os.Getenv("PORT")`); n != 1 {
		t.Errorf("%d servers read $PORT after go fix, want 1 (the primary, server.Run)", n)
	}
	if out, code := run(t, dir, sinkmodEnv, "go", "build", "./..."); code != 0 {
		t.Fatalf("go build ./... after go fix:\n%s", out)
	}
	if out, code := run(t, dir, sinkmodEnv, "go", "vet", "-vettool="+portlintBin, "./..."); code != 0 {
		t.Errorf("go vet -vettool after go fix exited %d, want 0:\n%s", code, out)
	}
	// The command, seeing the whole module, still finds package status's
	// exported variable, which go vet (and so go fix) cannot follow there.
	out, code = run(t, dir, sinkmodEnv, portlintBin, "./...")
	if code != 3 {
		t.Errorf("portlint ./... after go fix exited %d, want 3 (status's finding)", code)
	}
	checkFindings(t, out, sinkmodStatus(t, dir))
	// The app (server.Run), the tableflip listener, the DNS servers, the
	// five of package shapes, the gRPC-style listener and status's server
	// (on its old port: go fix did not see it) on all interfaces, the
	// admin server on loopback.
	checkProgram(t, filepath.Join(dir, "cmd", "api"), fixedProgram{
		name: "sinkmod", listeners: 12, loopback: 1, notHTTP: 2, body: "hello from sinkmod\n",
	})
}
