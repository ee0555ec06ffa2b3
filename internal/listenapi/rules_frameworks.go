package listenapi

import (
	"github.com/portlint/portlint/internal/addrval"
)

// FrameworkRules are the web frameworks' rules, each checked against the
// module source at the version noted; each major version has its rows.
//
// "Inferred" marks the rows inference also finds from the framework's
// source, given only the standard library's rows (TestRulesInferred,
// testdata/inferred_rows.txt). They stay: a driver need not compute the
// frameworks' facts (the portlint command filters its dependencies), and
// a row needs none. The others say why inference misses them.
var FrameworkRules = RuleRows{
	// Deliberately absent, as for the standard library: listener-taking and
	// unix-socket variants (gin RunListener/RunUnix/RunFd, fiber Listener,
	// fasthttp *UNIX and Serve, iris Listener, hertz WithListener, quic-go
	// Listen on a net.PacketConn, http3 Server.Serve), and APIs that take a
	// ready *http.Server (echo v4 StartServer, iris Server), whose Addr field
	// is already a listen site by the net/http.Server rule.
	Calls: []CallRule{
		// gin v1.12.0. Run(addr ...string): with no argument gin reads $PORT
		// itself (default ":8080"), so only an explicit address is
		// reported; Run() is a server on $PORT.
		// Not inferred: Run hands the whole slice to resolveAddress(addr
		// []string), which reads addr[0] of a parameter that is not
		// variadic, beside its $PORT default.
		{Fn: "(*github.com/gin-gonic/gin.Engine).Run", Addr: 0, Network: -1, EnvIfNone: "PORT"},
		{Fn: "(*github.com/gin-gonic/gin.Engine).RunTLS", Addr: 0, Network: -1}, // v1.12.0: RunTLS(addr, certFile, keyFile string). Inferred.
		// v1.12.0: RunQUIC(addr, certFile, keyFile string). Not inferred: it
		// calls http3.ListenAndServeQUIC, not inferred either (below).
		{Fn: "(*github.com/gin-gonic/gin.Engine).RunQUIC", Addr: 0, Network: -1, Transport: addrval.UDP},

		// echo v4.16.0. All inferred: Start writes e.Server.Addr, the others
		// write through a local alias of the server field (s := e.TLSServer;
		// s.Addr = address).
		{Fn: "(*github.com/labstack/echo/v4.Echo).Start", Addr: 0, Network: -1},          // Start(address string)
		{Fn: "(*github.com/labstack/echo/v4.Echo).StartTLS", Addr: 0, Network: -1},       // StartTLS(address string, certFile, keyFile interface{})
		{Fn: "(*github.com/labstack/echo/v4.Echo).StartAutoTLS", Addr: 0, Network: -1},   // StartAutoTLS(address string)
		{Fn: "(*github.com/labstack/echo/v4.Echo).StartH2CServer", Addr: 0, Network: -1}, // StartH2CServer(address string, h2s *http2.Server)

		// echo v5.4.4: Start(address string); StartConfig.Address is a field
		// rule. Not inferred: Start writes StartConfig{Address: address} to
		// sc and calls sc.Start, but only sc.start, which Start calls, reads
		// the field.
		{Fn: "(*github.com/labstack/echo/v5.Echo).Start", Addr: 0, Network: -1},

		// fiber v2.52.15. Inferred.
		{Fn: "(*github.com/gofiber/fiber/v2.App).Listen", Addr: 0, Network: -1},                         // Listen(addr string)
		{Fn: "(*github.com/gofiber/fiber/v2.App).ListenTLS", Addr: 0, Network: -1},                      // ListenTLS(addr, certFile, keyFile string)
		{Fn: "(*github.com/gofiber/fiber/v2.App).ListenTLSWithCertificate", Addr: 0, Network: -1},       // ListenTLSWithCertificate(addr string, cert tls.Certificate)
		{Fn: "(*github.com/gofiber/fiber/v2.App).ListenMutualTLS", Addr: 0, Network: -1},                // ListenMutualTLS(addr, certFile, keyFile, clientCertFile string)
		{Fn: "(*github.com/gofiber/fiber/v2.App).ListenMutualTLSWithCertificate", Addr: 0, Network: -1}, // ListenMutualTLSWithCertificate(addr string, cert tls.Certificate, clientCertPool *x509.CertPool)

		// fiber v3.1.0: Listen(addr string, config ...ListenConfig). Inferred.
		{Fn: "(*github.com/gofiber/fiber/v3.App).Listen", Addr: 0, Network: -1},

		// fasthttp v1.78.0: package functions and *Server methods, address
		// first. Inferred.
		{Fn: "github.com/valyala/fasthttp.ListenAndServe", Addr: 0, Network: -1},                   // ListenAndServe(addr string, handler RequestHandler)
		{Fn: "github.com/valyala/fasthttp.ListenAndServeTLS", Addr: 0, Network: -1},                // ListenAndServeTLS(addr, certFile, keyFile string, handler RequestHandler)
		{Fn: "github.com/valyala/fasthttp.ListenAndServeTLSEmbed", Addr: 0, Network: -1},           // ListenAndServeTLSEmbed(addr string, certData, keyData []byte, handler RequestHandler)
		{Fn: "(*github.com/valyala/fasthttp.Server).ListenAndServe", Addr: 0, Network: -1},         // ListenAndServe(addr string)
		{Fn: "(*github.com/valyala/fasthttp.Server).ListenAndServeTLS", Addr: 0, Network: -1},      // ListenAndServeTLS(addr, certFile, keyFile string)
		{Fn: "(*github.com/valyala/fasthttp.Server).ListenAndServeTLSEmbed", Addr: 0, Network: -1}, // ListenAndServeTLSEmbed(addr string, certData, keyData []byte)

		// fasthttp/prefork v1.78.0 (used by fiber's Prefork): same shapes; its
		// Network field only allows tcp, tcp4 and tcp6. Not inferred: a child
		// listens through reuseport (raw socket syscalls), the master with
		// net.ListenTCP on net.ResolveTCPAddr(p.Network, addr), and an
		// address struct's site teaches no sink.
		{Fn: "(*github.com/valyala/fasthttp/prefork.Prefork).ListenAndServe", Addr: 0, Network: -1},         // ListenAndServe(addr string)
		{Fn: "(*github.com/valyala/fasthttp/prefork.Prefork).ListenAndServeTLS", Addr: 0, Network: -1},      // ListenAndServeTLS(addr, certKey, certFile string)
		{Fn: "(*github.com/valyala/fasthttp/prefork.Prefork).ListenAndServeTLSEmbed", Addr: 0, Network: -1}, // ListenAndServeTLSEmbed(addr string, certData, keyData []byte)

		// iris v12.2.11: app.Listen(addr) and the Runners for app.Run. Inferred.
		{Fn: "(*github.com/kataras/iris/v12.Application).Listen", Addr: 0, Network: -1}, // Listen(hostPort string, withOrWithout ...Configurator)
		{Fn: "github.com/kataras/iris/v12.Addr", Addr: 0, Network: -1},                  // Addr(addr string, hostConfigs ...host.Configurator) Runner
		{Fn: "github.com/kataras/iris/v12.TLS", Addr: 0, Network: -1},                   // TLS(addr string, certFileOrContents, keyFileOrContents string, hostConfigs ...host.Configurator) Runner
		{Fn: "github.com/kataras/iris/v12.AutoTLS", Addr: 0, Network: -1},               // AutoTLS(addr string, domain string, email string, hostConfigs ...host.Configurator) Runner

		// beego v2.3.8. web.Run(params ...string): params[0] is the address;
		// with none (or "") beego reads its config file, so only an explicit
		// address is a site. All three are inferred (an empty addr
		// defaults to the config); web.Run through its variadic
		// parameter's first element.
		{Fn: "github.com/beego/beego/v2/server/web.Run", Addr: 0, Network: -1},
		{Fn: "github.com/beego/beego/v2/server/web.RunWithMiddleWares", Addr: 0, Network: -1}, // RunWithMiddleWares(addr string, mws ...MiddleWare)
		{Fn: "(*github.com/beego/beego/v2/server/web.HttpServer).Run", Addr: 0, Network: -1},  // Run(addr string, mws ...MiddleWare)

		// hertz v0.10.4: the address is an option, server.WithHostPorts(hp string) config.Option.
		// Not inferred: the option sets config.Options.Addr, which only other
		// packages read (the transport, made through the function variable
		// route.defaultTransporter), and a field is a sink in its own
		// package only.
		{Fn: "github.com/cloudwego/hertz/pkg/app/server.WithHostPorts", Addr: 0, Network: -1},

		// quic-go v0.65.0 (UDP). Inferred but ListenAndServeQUIC: ListenAddr
		// and ListenAddrEarly listen with net.ListenUDP on
		// net.ResolveUDPAddr("udp", addr). ListenAndServeQUIC fills an
		// http3.Server whose method it calls (ListenAndServeTLS) is not the
		// one that reads Addr into the listener, so the write is not known
		// to reach it.
		{Fn: "github.com/quic-go/quic-go.ListenAddr", Addr: 0, Network: -1, Transport: addrval.UDP},                            // ListenAddr(addr string, tlsConf *tls.Config, config *Config)
		{Fn: "github.com/quic-go/quic-go.ListenAddrEarly", Addr: 0, Network: -1, Transport: addrval.UDP},                       // ListenAddrEarly(addr string, tlsConf *tls.Config, config *Config)
		{Fn: "github.com/quic-go/quic-go/http3.ListenAndServeQUIC", Addr: 0, Network: -1, Transport: addrval.UDP},              // ListenAndServeQUIC(addr, certFile, keyFile string, handler http.Handler)
		{Fn: "github.com/quic-go/quic-go/http3.ListenAndServeTLS", Addr: 0, Network: -1, Transport: addrval.TCP | addrval.UDP}, // ListenAndServeTLS(addr, certFile, keyFile string, handler http.Handler)

		// Event-loop servers, which take the network as the address's
		// scheme ("tcp://:9000", addrval/scheme.go).
		// gnet v2.9.7: Run(eventHandler EventHandler, protoAddr string, opts
		// ...Option); Rotate(eventHandler EventHandler, addrs []string, opts
		// ...Option), one engine on every address. v2 rejects an address
		// without a scheme. Not inferred: the address goes through url.Parse
		// to a socket opened with system calls (internal/socket), no listen
		// call of the table.
		{Fn: "github.com/panjf2000/gnet/v2.Run", Addr: 1, Network: -1},
		{Fn: "github.com/panjf2000/gnet/v2.Rotate", Addr: 1, Network: -1, List: true},
		// gnet v1.6.7: Serve(eventHandler EventHandler, protoAddr string, opts
		// ...Option); no scheme means tcp. Not inferred: parseProtoAddr
		// splits it with strings.Split, and system calls open the socket.
		{Fn: "github.com/panjf2000/gnet.Serve", Addr: 1, Network: -1},
		// evio v1.0.8: Serve(events Events, addr ...string), every address
		// listened on at once; no scheme means tcp. Not inferred: its
		// net.Listen takes the half of strings.Split(addr, "://") that
		// parseAddr returns, from a range over the variadic parameter.
		{Fn: "github.com/tidwall/evio.Serve", Addr: 1, Network: -1, List: true},
	},
	Fields: []FieldRule{
		// echo v5.4.4: StartConfig{Address string}, sc.Start/StartTLS. Inferred.
		{Typ: "github.com/labstack/echo/v5.StartConfig", Field: "Address", Listeners: []string{"Start", "StartTLS"}},
		// quic-go v0.65.0: http3.Server{Addr}; Serve(conn) ignores it. Inferred.
		{Typ: "github.com/quic-go/quic-go/http3.Server", Field: "Addr", Listeners: []string{"ListenAndServe", "ListenAndServeTLS"}, Transport: addrval.UDP},
		// nbio v1.6.8: Config{Network string; Addrs []string}, handed to
		// NewEngine(conf Config) and started by engine.Start(), which opens
		// no listener unless Network is a TCP, UDP or unix network. No
		// listener method: the configuration is handed on by value. Not
		// inferred: the engine listens through its Listen field, a function
		// value (net.Listen by default).
		{Typ: "github.com/lesismal/nbio.Config", Field: "Addrs", List: true, Network: "Network"},
	},
	Implicit: []ImplicitRule{
		// hertz v0.10.4: server.Default() and server.New() without
		// server.WithHostPorts listen on config.defaultAddr, ":8888".
		{Fn: "github.com/cloudwego/hertz/pkg/app/server.Default", Kind: ImplicitOption, Port: "8888",
			Option: "github.com/cloudwego/hertz/pkg/app/server.WithHostPorts",
			Moot:   []string{"github.com/cloudwego/hertz/pkg/app/server.WithListener", "github.com/cloudwego/hertz/pkg/app/server.WithNetwork"}},
		{Fn: "github.com/cloudwego/hertz/pkg/app/server.New", Kind: ImplicitOption, Port: "8888",
			Option: "github.com/cloudwego/hertz/pkg/app/server.WithHostPorts",
			Moot:   []string{"github.com/cloudwego/hertz/pkg/app/server.WithListener", "github.com/cloudwego/hertz/pkg/app/server.WithNetwork"}},
	},
}
