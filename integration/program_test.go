package integration

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A fixedProgram is a program TestFixedProgramsStart fixes and runs.
type fixedProgram struct {
	name string
	dir  string // its module, relative to this package

	listeners int    // listen calls in its main.go, one socket each once it is up
	loopback  int    // how many of them stay on loopback (fewest)
	body      string // what the app writes for GET /
	pprof     bool   // it serves net/http/pprof, which must stay on loopback
	notHTTP   int    // how many of its listeners on all interfaces do not speak HTTP (a DNS server)
}

// TestFixedProgramsStart is the end-to-end test of issue 14 (one port per
// program): it applies portlint -fix to a program, builds it, starts it
// with a free $PORT (and a free port for every other variable the fixes
// read), and checks from outside the process that every listener came
// up, the app answers on $PORT on all interfaces, and no socket on all
// interfaces serves /debug/pprof/.
func TestFixedProgramsStart(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skipf("skipping: the test finds a process's listening sockets in /proc, which GOOS=%s lacks", runtime.GOOS)
	}
	for _, p := range []fixedProgram{
		// admin (ADMIN_ADDR, set to loopback here), metrics, the loopback
		// debug listener, and the app, which main waits on.
		{name: "demo", dir: "../examples/demo", listeners: 4, loopback: 2, body: "hello\n"},
		// the app, which main waits on, metrics, and pprof on loopback.
		{name: "progmod", dir: "testdata/progmod", listeners: 3, loopback: 1, body: "hello from progmod\n", pprof: true},
	} {
		t.Run(p.name, func(t *testing.T) {
			dir := stdlibModule(t, p.dir)
			out, code := run(t, dir, nil, portlintBin, "-fix", "./...")
			if code != 0 && code != 3 {
				t.Fatalf("portlint -fix ./... exited %d:\n%s", code, out)
			}
			out, code = run(t, dir, nil, portlintBin, "./...")
			t.Logf("portlint ./... after -fix: exit %d\n%s", code, out)
			checkProgram(t, dir, p)
		})
	}
}

// stdlibModule copies the .go files of the module src into a temporary
// directory with a go.mod of only its module and go lines: the program,
// not the tools its module may require, builds offline.
func stdlibModule(t *testing.T, src string) string {
	t.Helper()
	mod, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for l := range strings.SplitSeq(string(mod), "\n") {
		if strings.HasPrefix(l, "module ") || strings.HasPrefix(l, "go ") {
			lines = append(lines, l)
		}
	}
	if len(lines) != 2 {
		t.Fatalf("%s/go.mod: want a module and a go line, got %q", src, lines)
	}
	dst := t.TempDir()
	if err := os.WriteFile(filepath.Join(dst, "go.mod"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(src, "*.go"))
	if len(files) == 0 {
		t.Fatalf("%s: no .go files", src)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// getenvCall matches a read of a literally named environment variable.
var getenvCall = regexp.MustCompile(`os\.(?:Getenv|LookupEnv)\("(\w+)"\)`)

// checkProgram builds the (fixed) program in dir, runs it with a free
// port in $PORT and in every other variable its main.go reads, and checks
// its listeners from outside.
func checkProgram(t *testing.T, dir string, p fixedProgram) {
	src, err := os.ReadFile(filepath.Join(dir, "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	var env []string
	var socks []netip.AddrPort
	stderr := filepath.Join(dir, "stderr")
	defer func() {
		if t.Failed() {
			out, _ := os.ReadFile(stderr)
			t.Logf("environment: %v\nlistening sockets: %v\nprogram output:\n%s\nfixed main.go:\n%s", env, socks, out, src)
		}
	}()

	mustRun(t, dir, nil, "go", "build", "-o", "prog", ".")

	names := []string{"PORT"}
	for _, m := range getenvCall.FindAllStringSubmatch(string(src), -1) {
		if !slices.Contains(names, m[1]) {
			names = append(names, m[1])
		}
	}
	ports := freePorts(t, len(names))
	for i, name := range names {
		v := strconv.Itoa(ports[i])
		if strings.HasSuffix(name, "_ADDR") {
			v = "127.0.0.1:" + v
		}
		env = append(env, name+"="+v)
	}
	port := ports[0]

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	cmd := exec.CommandContext(ctx, filepath.Join(dir, "prog"))
	cmd.Dir = dir
	cmd.Env = env
	f, err := os.Create(stderr)
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = f, f
	err = cmd.Start()
	f.Close()
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	exited := make(chan struct{})
	var waitErr error
	go func() {
		waitErr = cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		cancel() // kills the program
		<-exited
	})

	// Wait for every listener.
	const patience = 10 * time.Second
	deadline := time.Now().Add(patience)
	for {
		var seen []netip.AddrPort
		if seen, err = listeningSockets(cmd.Process.Pid); err == nil {
			socks = seen
		}
		if len(socks) >= p.listeners {
			break
		}
		select {
		case <-exited:
			t.Fatalf("the program exited (%v) with %d of its %d listeners up; see its output below", waitErr, len(socks), p.listeners)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			if err != nil {
				t.Errorf("reading the program's sockets: %v", err)
			}
			t.Fatalf("after %v, %d of the program's %d listeners are up", patience, len(socks), p.listeners)
		}
	}
	t.Logf("environment: %v\nlistening sockets: %v", env, socks)
	if len(socks) != p.listeners {
		t.Errorf("%d listening sockets, want %d", len(socks), p.listeners)
	}

	var public, loopback []netip.AddrPort
	for _, s := range socks {
		switch {
		case s.Addr().IsUnspecified():
			public = append(public, s)
		case s.Addr().IsLoopback():
			loopback = append(loopback, s)
		}
	}
	for i, name := range names { // a listener came up where each variable says
		if !slices.ContainsFunc(socks, func(s netip.AddrPort) bool {
			return int(s.Port()) == ports[i] && (!strings.HasSuffix(name, "_ADDR") || s.Addr() == netip.MustParseAddr("127.0.0.1"))
		}) {
			t.Errorf("no listener where %s says", env[i])
		}
	}
	if len(loopback) < p.loopback {
		t.Errorf("%d listeners on loopback, want at least %d: %v", len(loopback), p.loopback, loopback)
	}

	// The app answers on $PORT on all interfaces, and nothing else
	// listens there.
	if n := len(slices.DeleteFunc(slices.Clone(socks), func(s netip.AddrPort) bool { return int(s.Port()) != port })); n > 1 {
		t.Errorf("%d listeners on $PORT (%d), want 1", n, port)
	}
	if !slices.ContainsFunc(public, func(s netip.AddrPort) bool { return int(s.Port()) == port }) {
		t.Errorf("no listener on all interfaces at $PORT (%d)", port)
	} else if code, body, err := httpGet(viaLoopback(port), "/"); err != nil || code != http.StatusOK || body != p.body {
		t.Errorf("GET / on $PORT: status %d, body %q, error %v; want 200 and %q", code, body, err, p.body)
	}

	// No socket on all interfaces serves the profiler, which still
	// serves on loopback.
	var notHTTP []string
	for _, s := range public {
		if yes, err := servesProfiler(viaLoopback(int(s.Port())), cmd.Args[0]); err != nil {
			notHTTP = append(notHTTP, fmt.Sprintf("%v: %v", s, err))
		} else if yes {
			t.Errorf("%v (all interfaces) serves /debug/pprof/", s)
		}
	}
	if len(notHTTP) != p.notHTTP {
		t.Errorf("%d listeners on all interfaces do not answer HTTP, want %d:\n%s", len(notHTTP), p.notHTTP, strings.Join(notHTTP, "\n"))
	}
	if p.pprof && !slices.ContainsFunc(loopback, func(s netip.AddrPort) bool {
		yes, _ := servesProfiler(s, cmd.Args[0])
		return yes
	}) {
		t.Errorf("no loopback listener serves /debug/pprof/ (loopback listeners: %v)", loopback)
	}
}

// servesProfiler reports whether the HTTP server at addr is the
// net/http/pprof of the program started as argv0: whether
// /debug/pprof/cmdline answers with its command line. (Asking for
// /debug/pprof/ does not tell: a handler for "/" answers it too.)
func servesProfiler(addr netip.AddrPort, argv0 string) (bool, error) {
	code, body, err := httpGet(addr, "/debug/pprof/cmdline")
	return err == nil && code == http.StatusOK && body == argv0, err
}

// freePorts returns n distinct TCP ports that were free on 127.0.0.1.
func freePorts(t *testing.T, n int) []int {
	t.Helper()
	var ports []int
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close() // held open until all are chosen, so they differ
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports
}

func viaLoopback(port int) netip.AddrPort {
	return netip.AddrPortFrom(netip.MustParseAddr("127.0.0.1"), uint16(port))
}

// httpGet gets path from the HTTP server at addr, a loopback address, and
// returns the status code and the start of the body.
func httpGet(addr netip.AddrPort, path string) (int, string, error) {
	c := &http.Client{
		Timeout:   2 * time.Second,
		Transport: &http.Transport{Proxy: nil, DisableKeepAlives: true},
	}
	resp, err := c.Get("http://" + addr.String() + path)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4096))
	return resp.StatusCode, string(body), err
}

// listeningSockets returns the local addresses of the listening TCP
// sockets of process pid: its socket descriptors (/proc/pid/fd) looked
// up by inode in its network namespace's socket tables (/proc/pid/net).
func listeningSockets(pid int) ([]netip.AddrPort, error) {
	proc := "/proc/" + strconv.Itoa(pid)
	fds, err := os.ReadDir(proc + "/fd")
	if err != nil {
		return nil, err
	}
	inodes := make(map[string]bool)
	for _, fd := range fds {
		link, err := os.Readlink(proc + "/fd/" + fd.Name())
		if err != nil {
			continue // closed meanwhile
		}
		if inode, ok := strings.CutPrefix(link, "socket:["); ok {
			inodes[strings.TrimSuffix(inode, "]")] = true
		}
	}
	var socks []netip.AddrPort
	for _, table := range []string{"tcp", "tcp6"} {
		data, err := os.ReadFile(proc + "/net/" + table)
		if os.IsNotExist(err) && table == "tcp6" {
			continue // no IPv6
		}
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(data), "\n")[1:] {
			// sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
			f := strings.Fields(line)
			if len(f) < 10 || f[3] != "0A" || !inodes[f[9]] { // 0A: TCP_LISTEN
				continue
			}
			a, err := parseProcNetAddr(f[1])
			if err != nil {
				return nil, fmt.Errorf("%s/net/%s: %v", proc, table, err)
			}
			socks = append(socks, a)
		}
	}
	return socks, nil
}

// parseProcNetAddr parses an address of /proc/net/tcp or tcp6: the IP
// in hex as 32-bit words, each in host byte order, a colon and the port
// in hex. An IPv4-mapped IPv6 address is returned as IPv4.
func parseProcNetAddr(s string) (netip.AddrPort, error) {
	hexIP, hexPort, ok := strings.Cut(s, ":")
	raw, err := hex.DecodeString(hexIP)
	if !ok || err != nil || (len(raw) != 4 && len(raw) != 16) {
		return netip.AddrPort{}, fmt.Errorf("bad address %q", s)
	}
	port, err := strconv.ParseUint(hexPort, 16, 16)
	if err != nil {
		return netip.AddrPort{}, fmt.Errorf("bad port in %q", s)
	}
	ip := make([]byte, len(raw))
	for i := 0; i < len(raw); i += 4 {
		binary.NativeEndian.PutUint32(ip[i:], binary.BigEndian.Uint32(raw[i:]))
	}
	addr, _ := netip.AddrFromSlice(ip)
	return netip.AddrPortFrom(addr.Unmap(), uint16(port)), nil
}

// TestListeningSockets checks listeningSockets and parseProcNetAddr
// against this process's own listeners.
func TestListeningSockets(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skipf("skipping: /proc/<pid>/net is Linux's (GOOS=%s)", runtime.GOOS)
	}
	want := make(map[string]bool)
	for _, addr := range []string{"127.0.0.1:0", ":0", "[::1]:0"} {
		l, err := net.Listen("tcp", addr)
		if err != nil {
			if addr == "[::1]:0" {
				continue // no IPv6
			}
			t.Fatal(err)
		}
		defer l.Close()
		a := l.Addr().(*net.TCPAddr).AddrPort()
		want[netip.AddrPortFrom(a.Addr().Unmap(), a.Port()).String()] = true
	}
	// A connected socket is not listed.
	var first netip.AddrPort
	for w := range want {
		if a := netip.MustParseAddrPort(w); a.Addr().IsLoopback() && a.Addr().Is4() {
			first = a
		}
	}
	c, err := net.Dial("tcp", first.String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	dialed := c.LocalAddr().(*net.TCPAddr).AddrPort()

	socks, err := listeningSockets(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	got := make(map[string]bool)
	for _, s := range socks {
		got[s.String()] = true
	}
	for w := range want {
		if !got[w] {
			t.Errorf("listeningSockets lacks %s; got %v", w, socks)
		}
	}
	for _, s := range socks {
		if s.Port() == dialed.Port() {
			t.Errorf("listeningSockets lists the connected socket %v", s)
		}
	}

	if binary.NativeEndian.Uint16([]byte{1, 0}) != 1 {
		return // the table below is little-endian
	}
	for in, want := range map[string]string{
		"0100007F:1F90":                         "127.0.0.1:8080",
		"00000000:0050":                         "0.0.0.0:80",
		"00000000000000000000000000000000:1F90": "[::]:8080",
		"00000000000000000000000001000000:17B4": "[::1]:6068",
		"0000000000000000FFFF00000100007F:1F90": "127.0.0.1:8080",
		"B80D0120000000000000000001000000:0001": "[2001:db8::1]:1",
	} {
		got, err := parseProcNetAddr(in)
		if err != nil || got.String() != want {
			t.Errorf("parseProcNetAddr(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"0100007F", "0100007:1F90", "0100007F:XYZ", "01000000:10000"} {
		if got, err := parseProcNetAddr(bad); err == nil {
			t.Errorf("parseProcNetAddr(%q) = %v, want an error", bad, got)
		}
	}
}
