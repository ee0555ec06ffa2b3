package sites

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
)

// PerElement reports whether a site starts a server for each element of
// a list at once: it is in the body of a range over the list, and starts
// its server in a goroutine (or creates a listener it does not serve
// there). A loop that blocks on each server runs one at a time.
func (s *Site) PerElement() bool {
	if !s.start.Valid() || !s.inGo && !(s.creates && s.start.Node() == ast.Node(s.call)) {
		return false
	}
	found := false
	s.Val.Each(func(v *resolve.Val) { found = found || v.Loop != nil && inside(s.start, v.Loop) })
	return found
}

// apiName spells a function as users write it: "http.ListenAndServe",
// "gin.Engine.Run".
func apiName(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		if tn := namedOf(recv.Type()); tn != nil {
			name = tn.Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// ShortType turns "net/http.Server" into "http.Server" (the package's
// last path element, skipping a major-version suffix such as /v5).
func ShortType(typ string) string {
	dot := listenapi.LastDot(typ)
	path, name := typ[:dot], typ[dot:]
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = elems[len(elems)-2]
	}
	return last + name
}

// Position is a short "main.go:12" for messages.
func Position(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	name := p.Filename
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return name + ":" + strconv.Itoa(p.Line)
}
