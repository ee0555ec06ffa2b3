package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"
)

// moduleVersion returns the version of the module that provides the
// running command (info.Path): the main module's when installed with
// go install pkg@version, a dependency's when run as a tool of another
// module. It is "devel" for a build from a directory: a checkout without
// version control stamping, or a module replaced by a directory.
func moduleVersion(info *debug.BuildInfo) string {
	if info == nil {
		return "devel"
	}
	var mod *debug.Module
	for _, m := range append([]*debug.Module{&info.Main}, info.Deps...) {
		if m.Path != "" && (info.Path == m.Path || strings.HasPrefix(info.Path, m.Path+"/")) &&
			(mod == nil || len(m.Path) > len(mod.Path)) {
			mod = m
		}
	}
	if mod == nil {
		return "devel"
	}
	if mod.Replace != nil {
		mod = mod.Replace
	}
	if mod.Version == "" || mod.Version == "(devel)" {
		return "devel"
	}
	return mod.Version
}

// printVersion prints what -version prints: the module version and the
// Go release that built the command.
func printVersion(w io.Writer, name string) {
	info, _ := debug.ReadBuildInfo()
	goVersion := "unknown Go version"
	if info != nil {
		goVersion = info.GoVersion
	}
	fmt.Fprintf(w, "%s %s (%s)\n", name, moduleVersion(info), goVersion)
}

// writeVersionFull writes the answer to -V=full, by which the go command
// identifies a vet or fix tool in its cache keys: "name version V
// buildID=H", H a hash of the executable. For a devel V the go command
// keys on H alone, otherwise on the whole line; either way the cache is
// invalidated whenever the binary changes (a tagged version rebuilt with
// another Go release or a replaced dependency is a different tool), and a
// run of the same binary answers the same.
func writeVersionFull(w io.Writer, name string, info *debug.BuildInfo, exe io.Reader) error {
	sum, err := hashExecutable(exe)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s version %s buildID=%x\n", name, moduleVersion(info), sum)
	return err
}

// hashExecutable returns the hash -V=full prints of the executable exe.
func hashExecutable(exe io.Reader) ([]byte, error) {
	h := sha256.New()
	if _, err := io.Copy(h, exe); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// executableID returns the identity of the running executable, once per
// process: the identity of the analyzer's code, which the keys of the
// dependency fact cache include as go vet's include the tool's. It is the
// Go build ID the linker writes near the start of the executable (its
// last part hashes the executable's content), read without hashing the
// whole file; else the hash -V=full prints.
var executableID = sync.OnceValues(func() ([]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, 32<<10)
	n, _ := io.ReadFull(f, head)
	if id := goBuildID(head[:n]); id != nil {
		return append([]byte("go build ID "), id...), nil
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return hashExecutable(f)
})

// goBuildID returns the Go build ID in data, the start of an executable,
// or nil: in ELF, the desc of the note named "Go" of type 4; elsewhere,
// the quoted string after the marker cmd/go's buildid reads.
func goBuildID(data []byte) []byte {
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("Go\x00\x00"))
		if j < 0 {
			break
		}
		at := i + j
		i = at + 1
		if at < 12 || binary.LittleEndian.Uint32(data[at-12:]) != 4 || binary.LittleEndian.Uint32(data[at-4:]) != 4 {
			continue
		}
		size := int(binary.LittleEndian.Uint32(data[at-8:]))
		if size > 0 && at+4+size <= len(data) {
			return bytes.TrimRight(data[at+4:at+4+size], "\x00")
		}
	}
	const marker = "\xff Go build ID: \""
	i := bytes.Index(data, []byte(marker))
	if i < 0 {
		return nil
	}
	rest := data[i+len(marker):]
	j := bytes.IndexByte(rest, '"')
	if j <= 0 {
		return nil
	}
	return rest[:j]
}

// versionProtocol answers -V=full (go vet and go fix) and -V, which
// prints the first fields only, as the Go toolchain's commands do. It
// returns the exit code.
func versionProtocol(name, value string, stdout, stderr io.Writer) int {
	info, _ := debug.ReadBuildInfo()
	switch value {
	case "":
		fmt.Fprintf(stdout, "%s version %s\n", name, moduleVersion(info))
		return 0
	case "full":
		err := func() error {
			exe, err := os.Executable()
			if err != nil {
				return err
			}
			f, err := os.Open(exe)
			if err != nil {
				return err
			}
			defer f.Close()
			return writeVersionFull(stdout, name, info, f)
		}()
		if err != nil {
			fmt.Fprintf(stderr, "%s: -V=full: %v\n", name, err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(stderr, "%s: unsupported flag value: -V=%s (use -V=full, or -version)\n", name, value)
	return 2
}
