package resolve

import (
	"go/token"
	"go/types"
	"testing"
)

// TestSealed has a row per rule of Exported.Sealed: who may assign an
// exported package variable that the package reading it cannot see.
func TestSealed(t *testing.T) {
	cfg := types.NewPackage("example.com/m/config", "config")
	dep := types.NewPackage("example.com/lib", "lib")
	grpc := types.NewVar(token.NoPos, cfg, "GRPCPort", types.Typ[types.String])
	libAddr := types.NewVar(token.NoPos, dep, "Addr", types.Typ[types.String])
	internalCfg := types.NewPackage("example.com/m/internal/config", "config")
	internalAddr := types.NewVar(token.NoPos, internalCfg, "Addr", types.Typ[types.String])
	module := func(whole bool, written ...string) *Module {
		m := &Module{Whole: whole, Commands: true, Pkgs: map[string]bool{"example.com/m/config": true, "example.com/m/internal/config": true}, Written: make(map[string]bool)}
		for _, k := range written {
			m.Written[k] = true
		}
		return m
	}
	library := func(m *Module) *Module {
		m.Commands = false
		return m
	}
	set := func(keys ...string) map[string]bool {
		m := make(map[string]bool)
		for _, k := range keys {
			m[k] = true
		}
		return m
	}
	for _, tc := range []struct {
		name string
		x    *Exported
		v    *types.Var
		want bool
	}{
		{"no view at all", nil, grpc, false},
		{"a command whose program assigns nothing", &Exported{Main: true}, grpc, true},
		{"a command that, or one of whose dependencies, assigns it", &Exported{Main: true, Written: set("example.com/m/config.GRPCPort")}, grpc, false},
		{"a command assigning another variable", &Exported{Main: true, Written: set("example.com/m/config.Other")}, grpc, true},
		{"a library under go vet: its importers are unknown", &Exported{}, grpc, false},
		{"a library, the driver's view of part of the module", &Exported{Module: module(false)}, grpc, false},
		{"a library, the whole module assigns nothing", &Exported{Module: module(true)}, grpc, true},
		{"a library, another package of the module assigns it", &Exported{Module: module(true, "example.com/m/config.GRPCPort")}, grpc, false},
		{"a library that assigns it itself, in a test", &Exported{Module: module(true), Written: set("example.com/m/config.GRPCPort")}, grpc, false},
		{"a library, a variable of another module", &Exported{Module: module(true)}, libAddr, false},
		{"a library module (no command): other modules' programs may set it", &Exported{Module: library(module(true))}, grpc, false},
		{"a library module, a variable of an internal package", &Exported{Module: library(module(true))}, internalAddr, true},
		{"a command under the driver, a variable of the module", &Exported{Main: true, Module: module(false)}, grpc, true},
		{"a command under the driver, a variable of another module: its facts are not all seen", &Exported{Main: true, Module: module(true)}, libAddr, false},
		{"a command under go vet, a variable of another module: every package has facts", &Exported{Main: true}, libAddr, true},
	} {
		if got := tc.x.Sealed(tc.v); got != tc.want {
			t.Errorf("%s: Sealed(%s) = %v, want %v", tc.name, VarKey(tc.v), got, tc.want)
		}
	}
}

// TestAddressVar has a row per rule of addressVar: which exported
// variables may hold an address.
func TestAddressVar(t *testing.T) {
	for _, tc := range []struct {
		name, value string
		want        bool
	}{
		{"GRPCAddr", ":50051", true},
		{"Host", "127.0.0.1", true},
		{"Network", "tcp", true},
		{"HTTPPort", "8080", true},
		{"Port", "80", true},
		{"Stdout", "1", false},         // syscall.Stdout: a number not named for a port
		{"CacheLineSize", "64", false}, // internal/cpu
		{"Version", "2", false},
		{"BadPort", "70000", false}, // not a port
		{"Greeting", "hello", false},
	} {
		if got := addressVar(tc.name, tc.value); got != tc.want {
			t.Errorf("addressVar(%q, %q) = %v, want %v", tc.name, tc.value, got, tc.want)
		}
	}
}
