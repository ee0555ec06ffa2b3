package sites

import "testing"

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
		if got := ShortType(tc.in); got != tc.want {
			t.Errorf("ShortType(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
