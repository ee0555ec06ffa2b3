package sites

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/resolve"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// The address fields of server values: a rule's (http.Server{Addr: …},
// srv.Addr = …) and a sink's, in composite literals and assignments.

func (c *checker) compositeLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	switch lit.Type.(type) {
	case *ast.ArrayType, *ast.MapType:
		return // not a server struct, without a type lookup
	}
	t := c.pass.TypesInfo.TypeOf(lit)
	typ := resolve.NamedTypeName(t)
	fields := c.rules.Fields[typ]
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if rule, ok := fields[id.Name]; ok {
			// Without a Handler, it serves http.DefaultServeMux.
			h, _ := resolve.KeyedField(lit, "Handler")
			if srv := assignedVar(c.pass.TypesInfo, cur); !c.addressIgnored(srv, rule) {
				c.ruleField(typ, id.Name, kv.Value, lit, rule, Site{server: srv, listeners: rule.Listeners, handler: h, transport: rule.Transport})
			}
		} else if c.sinks.FieldNames[id.Name] && typ != "" {
			if f := structField(t, id.Name); f != nil {
				c.sinkWrite(f, t, kv.Value, assignedVar(c.pass.TypesInfo, cur), lit)
			}
		}
	}
}

func (c *checker) assign(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok || !c.rules.FieldNames[sel.Sel.Name] && !c.sinks.FieldNames[sel.Sel.Name] {
			continue
		}
		selection := c.pass.TypesInfo.Selections[sel]
		if selection == nil || selection.Kind() != types.FieldVal {
			continue
		}
		ownerType := resolve.FieldOwner(selection)
		var rule listenapi.FieldRule
		if c.rules.FieldNames[sel.Sel.Name] {
			rule, ok = c.rules.Fields[resolve.NamedTypeName(ownerType)][sel.Sel.Name]
		} else {
			ok = false
		}
		if !ok {
			if f, ok := selection.Obj().(*types.Var); ok && ownerType != nil {
				c.sinkWrite(f, ownerType, as.Rhs[i], holderOf(c.pass.TypesInfo, sel), as)
			}
			continue
		}
		var srv *types.Var
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && len(selection.Index()) == 1 {
			srv, _ = c.pass.TypesInfo.Uses[id].(*types.Var)
		}
		if !c.addressIgnored(srv, rule) {
			c.ruleField(resolve.NamedTypeName(ownerType), sel.Sel.Name, as.Rhs[i], nil, rule, Site{server: srv, listeners: rule.Listeners, transport: rule.Transport})
		}
	}
}

// assignedVar returns the variable a composite literal (or its address)
// is assigned to where it is written: srv in srv := &http.Server{…}.
func assignedVar(info *types.Info, lit inspector.Cursor) *types.Var {
	cur := lit
	if u, ok := cur.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		cur = cur.Parent()
	}
	var id *ast.Ident
	switch parent := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		_, i := cur.ParentEdge()
		if cur.ParentEdgeKind() == edge.AssignStmt_Rhs && len(parent.Lhs) == len(parent.Rhs) {
			id, _ = ast.Unparen(parent.Lhs[i]).(*ast.Ident)
		}
	case *ast.ValueSpec:
		_, i := cur.ParentEdge()
		if cur.ParentEdgeKind() == edge.ValueSpec_Values && len(parent.Names) == len(parent.Values) {
			id = parent.Names[i]
		}
	}
	if id == nil {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	return v
}

// addressIgnored reports whether srv, a local server variable, provably
// never listens on its address field: it is only used through v.X and
// none of X is a method that listens on the field (srv.Serve(l) listens
// on l). Setting the field then starts nothing.
func (c *checker) addressIgnored(srv *types.Var, rule listenapi.FieldRule) bool {
	if srv == nil || len(rule.Listeners) == 0 || srv.Pkg() != c.pass.Pkg || srv.Parent() == c.pass.Pkg.Scope() || srv.IsField() {
		return false
	}
	if !c.freshServer(srv) {
		return false // s := e.TLSServer: another name for a server started elsewhere
	}
	names, escapes := c.selectionsOf(srv)
	if escapes {
		return false
	}
	for _, n := range names {
		if slices.Contains(rule.Listeners, n) {
			return false
		}
	}
	return true
}

// freshServer reports whether every definition of a server variable is a
// composite literal, or its zero value: a server of its own, not another
// name for one held elsewhere.
func (c *checker) freshServer(v *types.Var) bool {
	defs := c.res.Vars.Of(v).Defs[v] // opaque or not: srv.Serve(l) takes &srv
	if len(defs) == 0 {
		return false
	}
	for _, d := range defs {
		if d.Rhs != nil && defLit(d.Rhs, d.Index) == nil {
			return false
		}
	}
	return true
}

// defLit returns the composite literal, or the address of one, that a
// definition of one value assigns (srv := &http.Server{…}), or nil.
func defLit(rhs ast.Expr, index int) *ast.CompositeLit {
	if lit, ok := unaddr(rhs).(*ast.CompositeLit); ok && index < 0 {
		return lit
	}
	return nil
}
