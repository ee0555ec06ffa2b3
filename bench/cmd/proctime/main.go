// Command proctime compares whole processes: it runs each named command
// with the same arguments, interleaved, and reports the median CPU time
// (user+sys, the process and the children it waited for, such as go list
// and the compiles it starts) and the median peak RSS (the largest
// resident set of the process or any of those children), as wait4 reports
// them. It needs no tool beyond the Go standard library.
//
// Usage:
//
//	proctime [-n runs] [-warmup runs] [-ok codes] [-budget pct] [-rss-budget pct] [-setup cmd] [-label l -tsv file] NAME=PROGRAM... -- ARGS...
//
// The first NAME is the baseline; every other is compared with it. Each
// round runs every program once, the order rotating from round to round
// so that no program always runs first. A program exiting with a code not
// in -ok is an error (portlint exits 3 when it has findings). -setup is a
// sh command run before every run, untimed: scripts/bench-budget.sh
// gives each go vet run a fresh copy of a warm build cache with it.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

type prog struct {
	name, path string
	cpu, wall  []time.Duration
	rss        []int64 // bytes
}

func main() {
	runs := flag.Int("n", 7, "measured runs of each program")
	warmup := flag.Int("warmup", 1, "unmeasured runs of each program first (build cache, page cache)")
	okCodes := flag.String("ok", "0", "comma-separated exit codes that count as success")
	budget := flag.Float64("budget", 3, "allowed CPU overhead over the baseline, in percent")
	verbose := flag.Bool("v", false, "print every run")
	setup := flag.String("setup", "", "sh command run before every run, untimed (to reset a cache, say)")
	rssBudget := flag.Float64("rss-budget", -1, "allowed peak RSS overhead over the baseline, in percent (negative: none)")
	tsv := flag.String("tsv", "", "append each program's medians to this file, tab-separated, after -label")
	label := flag.String("label", "", "the first column of the -tsv lines")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: proctime [flags] NAME=PROGRAM... -- ARGS...")
		flag.PrintDefaults()
	}
	flag.Parse()
	args := flag.Args()
	dash := slices.Index(args, "--")
	if dash < 0 {
		flag.Usage()
		os.Exit(2)
	}
	var progs []*prog
	for _, a := range args[:dash] {
		name, path, ok := strings.Cut(a, "=")
		if !ok {
			flag.Usage()
			os.Exit(2)
		}
		progs = append(progs, &prog{name: name, path: path})
	}
	if len(progs) < 2 || *runs < 1 {
		flag.Usage()
		os.Exit(2)
	}
	ok := map[int]bool{}
	for _, c := range strings.Split(*okCodes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil {
			fmt.Fprintf(os.Stderr, "proctime: bad -ok code %q\n", c)
			os.Exit(2)
		}
		ok[n] = true
	}
	progArgs := args[dash+1:]

	for round := range *warmup + *runs {
		for i := range progs {
			p := progs[(i+round)%len(progs)]
			if *setup != "" {
				cmd := exec.Command("sh", "-c", *setup)
				cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
				if err := cmd.Run(); err != nil {
					fmt.Fprintf(os.Stderr, "proctime: -setup: %v\n", err)
					os.Exit(1)
				}
			}
			cpu, wall, rss, err := run(p.path, progArgs, ok)
			if err != nil {
				fmt.Fprintf(os.Stderr, "proctime: %s: %v\n", p.name, err)
				os.Exit(1)
			}
			measured := round >= *warmup
			if measured {
				p.cpu = append(p.cpu, cpu)
				p.wall = append(p.wall, wall)
				p.rss = append(p.rss, rss)
			}
			if *verbose {
				tag := "warmup"
				if measured {
					tag = fmt.Sprintf("run %d", round-*warmup+1)
				}
				fmt.Fprintf(os.Stderr, "%-8s %-10s cpu %8.2fs  wall %7.2fs  peak RSS %6.0f MiB\n",
					tag, p.name, cpu.Seconds(), wall.Seconds(), mib(rss))
			}
		}
	}

	fmt.Printf("args: %s\nruns: %d each, interleaved, after %d warm-up\n\n", strings.Join(progArgs, " "), *runs, *warmup)
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "program\tmedian CPU\tmin CPU\tmax CPU\tmedian wall\tmedian peak RSS\tCPU vs base\tpairs\tRSS vs base\t")
	base := progs[0]
	for _, p := range progs {
		vsCPU, pairs, vsRSS := "", "", ""
		if p != base {
			vsCPU = pct(median(p.cpu).Seconds(), median(base.cpu).Seconds())
			pairs = pct(pairRatio(p.cpu, base.cpu), 1)
			vsRSS = pct(float64(median(p.rss)), float64(median(base.rss)))
		}
		fmt.Fprintf(w, "%s\t%.2fs\t%.2fs\t%.2fs\t%.2fs\t%.0f MiB\t%s\t%s\t%s\t\n", p.name,
			median(p.cpu).Seconds(), slices.Min(p.cpu).Seconds(), slices.Max(p.cpu).Seconds(),
			median(p.wall).Seconds(), mib(median(p.rss)), vsCPU, pairs, vsRSS)
	}
	w.Flush()
	fmt.Println("(pairs: the median of the ratios of the runs of one round, which drifts in the machine's load cancel)")
	for _, p := range progs[1:] {
		ratio := median(p.cpu).Seconds() / median(base.cpu).Seconds()
		verdict := "within"
		if 100*(ratio-1) > *budget {
			verdict = "OVER"
		}
		fmt.Printf("\nbudget: %s median CPU %+.1f%% of %s (ratio %.3f): %s the %g%% budget\n",
			p.name, 100*(ratio-1), base.name, ratio, verdict, *budget)
		if *rssBudget >= 0 {
			r := float64(median(p.rss)) / float64(median(base.rss))
			verdict := "within"
			if 100*(r-1) > *rssBudget {
				verdict = "OVER"
			}
			fmt.Printf("budget: %s median peak RSS %+.1f%% of %s (ratio %.3f): %s the %g%% budget\n",
				p.name, 100*(r-1), base.name, r, verdict, *rssBudget)
		}
	}
	if *tsv != "" {
		f, err := os.OpenFile(*tsv, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o666)
		if err != nil {
			fmt.Fprintf(os.Stderr, "proctime: %v\n", err)
			os.Exit(1)
		}
		for _, p := range progs {
			fmt.Fprintf(f, "%s\t%s\t%.3f\t%.3f\t%.0f\t%.3f\t%d\n", *label, p.name,
				median(p.cpu).Seconds(), median(p.wall).Seconds(), mib(median(p.rss)), pairRatio(p.cpu, base.cpu), len(p.cpu))
		}
		if err := f.Close(); err != nil {
			fmt.Fprintf(os.Stderr, "proctime: %v\n", err)
			os.Exit(1)
		}
	}
}

// pairRatio returns the median of xs[i]/base[i]: the runs of one round
// are side by side in time.
func pairRatio(xs, base []time.Duration) float64 {
	var rs []float64
	for i := range min(len(xs), len(base)) {
		rs = append(rs, xs[i].Seconds()/base[i].Seconds())
	}
	slices.Sort(rs)
	if len(rs) == 0 {
		return 0
	}
	if len(rs)%2 == 1 {
		return rs[len(rs)/2]
	}
	return (rs[len(rs)/2-1] + rs[len(rs)/2]) / 2
}

// run runs path with args and returns its CPU time, wall time and peak
// RSS, from the rusage wait4 reports.
func run(path string, args []string, ok map[int]bool) (cpu, wall time.Duration, rss int64, err error) {
	cmd := exec.Command(path, args...)
	var stderr bytes.Buffer
	cmd.Stdout = io.Discard
	cmd.Stderr = &tail{buf: &stderr}
	start := time.Now()
	err = cmd.Run()
	wall = time.Since(start)
	st := cmd.ProcessState
	if st == nil {
		return 0, 0, 0, err
	}
	if !ok[st.ExitCode()] {
		return 0, 0, 0, fmt.Errorf("exit code %d (%v); stderr ends:\n%s", st.ExitCode(), err, stderr.String())
	}
	ru, _ := st.SysUsage().(*syscall.Rusage)
	if ru == nil {
		return 0, 0, 0, fmt.Errorf("no rusage on this system")
	}
	cpu = st.UserTime() + st.SystemTime()
	return cpu, wall, ru.Maxrss * 1024, nil // Linux reports ru_maxrss in KiB
}

// tail keeps the last 4 KiB written to it.
type tail struct{ buf *bytes.Buffer }

func (t *tail) Write(p []byte) (int, error) {
	t.buf.Write(p)
	if n := t.buf.Len(); n > 4096 {
		b := append([]byte(nil), t.buf.Bytes()[n-4096:]...)
		t.buf.Reset()
		t.buf.Write(b)
	}
	return len(p), nil
}

func median[T int64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func pct(x, base float64) string { return fmt.Sprintf("%+.1f%%", 100*(x/base-1)) }

func mib(b int64) float64 { return float64(b) / (1 << 20) }
