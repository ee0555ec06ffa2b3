package integration

import (
	"bufio"
	"context"
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
	"testing"
	"time"
)

// TestFixedGnetProgramStarts is the end-to-end test of issue 27: a program
// serving a TCP echo protocol with gnet v2 (the real module, from the
// module proxy, as TestFrameworks) on a hard-coded tcp:// address beside
// an HTTP metrics server is fixed with portlint -fix, built, and started
// with PORT and METRICS_PORT set to free ports. The fix keeps the scheme;
// the gnet engine echoes on $PORT on all interfaces, and the metrics
// server answers on its own variable.
func TestFixedGnetProgramStarts(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads and builds gnet")
	}
	if runtime.GOOS != "linux" {
		t.Skipf("skipping: the test finds a process's listening sockets in /proc, which GOOS=%s lacks", runtime.GOOS)
	}
	dir := copyDir(t, filepath.Join("testdata", "gnetmod"))
	env := []string{"GOWORK=off"}
	if out, code := run(t, dir, env, portlintBin, "-fix", "./..."); code != 0 && code != 3 {
		t.Fatalf("portlint -fix ./... exited %d:\n%s", code, out)
	}
	src, err := os.ReadFile(filepath.Join(dir, "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`"tcp://0\.0\.0\.0:" ?\+ ?cmp\.Or\(os\.Getenv\("PORT"\), "9000"\)`).Match(src) {
		t.Errorf("the fix does not keep the scheme and read $PORT:\n%s", src)
	}
	if out, code := run(t, dir, env, portlintBin, "./..."); code != 0 || out != "" {
		t.Errorf("portlint still reports after -fix (exit %d):\n%s", code, out)
	}
	mustRun(t, dir, env, "go", "build", "-o", "prog", ".")

	ports := freePorts(t, 2)
	port, metrics := ports[0], ports[1]
	progEnv := []string{"PORT=" + strconv.Itoa(port), "METRICS_PORT=" + strconv.Itoa(metrics)}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	cmd := exec.CommandContext(ctx, filepath.Join(dir, "prog"))
	cmd.Dir, cmd.Env = dir, progEnv
	out, err := os.Create(filepath.Join(dir, "output"))
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = out, out
	err = cmd.Start()
	out.Close()
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		cancel() // kills the program
		<-exited
	})
	var socks []netip.AddrPort
	defer func() {
		if t.Failed() {
			output, _ := os.ReadFile(filepath.Join(dir, "output"))
			t.Logf("environment: %v\nlistening sockets: %v\nprogram output:\n%s\nfixed main.go:\n%s", progEnv, socks, output, src)
		}
	}()

	for deadline := time.Now().Add(10 * time.Second); len(socks) < 2; {
		if seen, err := listeningSockets(cmd.Process.Pid); err == nil {
			socks = seen
		}
		select {
		case <-exited:
			t.Fatalf("the program exited with %d of its 2 listeners up", len(socks))
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 10s, %d of the program's 2 listeners are up", len(socks))
		}
	}
	t.Logf("environment: %v\nlistening sockets: %v", progEnv, socks)
	if len(socks) != 2 {
		t.Errorf("%d listening sockets, want 2 (gnet and metrics): %v", len(socks), socks)
	}
	if !slices.ContainsFunc(socks, func(s netip.AddrPort) bool { return s.Addr().IsUnspecified() && int(s.Port()) == port }) {
		t.Errorf("no listener on all interfaces at $PORT (%d)", port)
	}
	if !slices.ContainsFunc(socks, func(s netip.AddrPort) bool { return int(s.Port()) == metrics }) {
		t.Errorf("no listener at $METRICS_PORT (%d)", metrics)
	}

	// The gnet engine echoes on $PORT; the metrics server answers on its
	// own port.
	if got, err := echoOnce(viaLoopback(port), "ping\n"); err != nil || got != "ping\n" {
		t.Errorf("echo on $PORT: got %q, error %v; want %q", got, err, "ping\n")
	}
	if code, body, err := httpGet(viaLoopback(metrics), "/metrics"); err != nil || code != http.StatusOK || body != "up 1\n" {
		t.Errorf("GET /metrics on $METRICS_PORT: status %d, body %q, error %v", code, body, err)
	}
}

// echoOnce writes msg, a line, to the TCP server at addr and reads a line
// back.
func echoOnce(addr netip.AddrPort, msg string) (string, error) {
	c, err := net.DialTimeout("tcp", addr.String(), 2*time.Second)
	if err != nil {
		return "", err
	}
	defer c.Close()
	if err := c.SetDeadline(time.Now().Add(2 * time.Second)); err != nil {
		return "", err
	}
	if _, err := c.Write([]byte(msg)); err != nil {
		return "", err
	}
	return bufio.NewReader(c).ReadString('\n')
}
