package analyzer

import (
	"testing"

	"github.com/portlint/portlint/internal/listenapi"
	"github.com/portlint/portlint/internal/sites"
)

func TestPkgOfFullName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"net.Listen", "net"},
		{"net/http.ListenAndServe", "net/http"},
		{"(*net/http.Server).ListenAndServe", "net/http"},
		{"(net/http.Header).Get", "net/http"},
		{"(*github.com/labstack/echo/v4.Echo).Start", "github.com/labstack/echo/v4"},
		{"github.com/quic-go/quic-go.ListenAddr", "github.com/quic-go/quic-go"},
		{"gopkg.in/yaml.v3.Unmarshal", "gopkg.in/yaml.v3"}, // the last dot ends the path
		{"(*gopkg.in/yaml.v3.Node).Decode", "gopkg.in/yaml.v3"},
		{"net/http.Server", "net/http"}, // a type name works too
		{"example.com/nodot", "example.com/nodot"},
		{"main", "main"},
		{"", ""},
	} {
		if got := listenapi.PkgOfFullName(tc.in); got != tc.want {
			t.Errorf("pkgOfFullName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestShortType(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"net.TCPAddr", "net.TCPAddr"},
		{"net/http.Server", "http.Server"},
		{"github.com/quic-go/quic-go/http3.Server", "http3.Server"},
		{"github.com/labstack/echo/v5.StartConfig", "echo.StartConfig"}, // a major version names no package
		{"github.com/cloudwego/hertz/pkg/app/server.WithHostPorts", "server.WithHostPorts"},
		{"v2.T", "v2.T"},                          // a one-element path is the name, version or not
		{"example.com/v.T", "v.T"},                // "v" alone is no version
		{"gopkg.in/yaml.v3.Node", "yaml.v3.Node"}, // nor is a version after a dot
		{"", ""},
	} {
		if got := sites.ShortType(tc.in); got != tc.want {
			t.Errorf("shortType(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
