package driver

import (
	"bytes"
	"fmt"
	"strings"
)

// diffContext is the number of unchanged lines around each hunk.
const diffContext = 3

// An op is one line of a line diff: ' ' kept, '-' deleted, '+' inserted.
type op struct {
	kind byte
	line string
}

// unifiedDiff returns the unified diff that turns old into new, or ""
// when they are equal.
func unifiedDiff(oldName, newName string, old, new []byte) string {
	if bytes.Equal(old, new) {
		return ""
	}
	ops := lineDiff(splitLines(old), splitLines(new))
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	oldLine, newLine := 1, 1 // line numbers of ops[i]
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			oldLine, newLine, i = oldLine+1, newLine+1, i+1
			continue
		}
		// A hunk starts diffContext lines before this change and ends
		// where diffContext*2 unchanged lines separate it from the next.
		start := max(i-diffContext, 0)
		for start < i && ops[start].kind != ' ' {
			start++
		}
		end, kept := i, 0
		for end < len(ops) && kept <= 2*diffContext {
			if ops[end].kind == ' ' {
				kept++
			} else {
				kept = 0
			}
			end++
		}
		end -= max(kept-diffContext, 0)
		lead := i - start
		o0, n0 := oldLine-lead, newLine-lead
		var oldCount, newCount int
		var body strings.Builder
		for _, o := range ops[start:end] {
			if o.kind != '+' {
				oldCount++
			}
			if o.kind != '-' {
				newCount++
			}
			body.WriteByte(o.kind)
			body.WriteString(o.line)
			if !strings.HasSuffix(o.line, "\n") {
				body.WriteString("\n\\ No newline at end of file\n")
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n%s", hunkRange(o0, oldCount), hunkRange(n0, newCount), body.String())
		for _, o := range ops[i:end] {
			if o.kind != '+' {
				oldLine++
			}
			if o.kind != '-' {
				newLine++
			}
		}
		i = end
	}
	return out.String()
}

// hunkRange formats a hunk's range as diff -u does: an empty range is
// named by the line before it.
func hunkRange(first, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", first-1)
	case 1:
		return fmt.Sprint(first)
	}
	return fmt.Sprintf("%d,%d", first, count)
}

func splitLines(b []byte) []string {
	lines := strings.SplitAfter(string(b), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// lineDiff returns a shortest edit script from a to b (Myers' O(ND)
// algorithm), after taking off the common prefix and suffix.
func lineDiff(a, b []string) []op {
	prefix := 0
	for prefix < len(a) && prefix < len(b) && a[prefix] == b[prefix] {
		prefix++
	}
	suffix := 0
	for suffix < len(a)-prefix && suffix < len(b)-prefix && a[len(a)-1-suffix] == b[len(b)-1-suffix] {
		suffix++
	}
	var ops []op
	for _, l := range a[:prefix] {
		ops = append(ops, op{' ', l})
	}
	ops = append(ops, myers(a[prefix:len(a)-suffix], b[prefix:len(b)-suffix])...)
	for _, l := range a[len(a)-suffix:] {
		ops = append(ops, op{' ', l})
	}
	return ops
}

func myers(a, b []string) []op {
	n, m := len(a), len(b)
	// trace[d][k+d] is the furthest x reached on diagonal k = x-y with d
	// changes.
	var trace [][]int
	found := false
	for d := 0; d <= n+m && !found; d++ {
		v := make([]int, 2*d+1)
		for k := -d; k <= d; k += 2 {
			x := 0
			if d > 0 {
				prev := trace[d-1]
				if k == -d || (k != d && prev[k-1+d-1] < prev[k+1+d-1]) {
					x = prev[k+1+d-1] // down: insert b[y]
				} else {
					x = prev[k-1+d-1] + 1 // right: delete a[x]
				}
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[k+d] = x
			if x >= n && y >= m {
				found = true
			}
		}
		trace = append(trace, v)
	}
	// Walk back from (n, m), collecting the script in reverse.
	var rev []op
	x, y := n, m
	for d := len(trace) - 1; d > 0; d-- {
		prev, k := trace[d-1], x-y
		var px int
		insert := k == -d || (k != d && prev[k-1+d-1] < prev[k+1+d-1])
		if insert {
			px = prev[k+1+d-1]
		} else {
			px = prev[k-1+d-1]
		}
		py := px - (k + 1)
		if !insert {
			py = px - (k - 1)
		}
		midX, midY := px, py+1
		if !insert {
			midX, midY = px+1, py
		}
		for x > midX && y > midY {
			x, y = x-1, y-1
			rev = append(rev, op{' ', a[x]})
		}
		if insert {
			rev = append(rev, op{'+', b[py]})
		} else {
			rev = append(rev, op{'-', a[px]})
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		rev = append(rev, op{' ', a[x]})
	}
	ops := make([]op, len(rev))
	for i, o := range rev {
		ops[len(rev)-1-i] = o
	}
	return ops
}
