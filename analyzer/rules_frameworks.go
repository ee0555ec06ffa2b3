package analyzer

import "github.com/portlint/portlint/internal/portplan"

// frameworkRules are the web frameworks' rules, each checked against the
// module source at the version noted. Module major versions are distinct
// rows, since their package paths differ.
//
// "Inferred" marks the rows inference also finds from the framework's
// source, given only the standard library's rows (TestRulesInferred,
// testdata/inferred_rows.txt). They stay: a driver need not compute the
// frameworks' facts (the portlint command filters its dependencies), and
// a row needs none. The others say why inference misses them.
var frameworkRules = ruleRows{
	// Deliberately absent, as for the standard library: listener-taking and
	// unix-socket variants (gin RunListener/RunUnix/RunFd, fiber Listener,
	// fasthttp *UNIX and Serve, iris Listener, hertz WithListener, quic-go
	// Listen on a net.PacketConn, http3 Server.Serve), and APIs that take a
	// ready *http.Server (echo v4 StartServer, iris Server), whose Addr field
	// is already a listen site by the net/http.Server rule.
	calls: []callRule{
		// gin v1.12.0. Run(addr ...string): with no argument gin reads $PORT
		// itself (default ":8080"), so only an explicit address is a site.
		// Not inferred: a variadic parameter is never a sink, and addr[0]
		// reaches the server through resolveAddress's $PORT default.
		{fn: "(*github.com/gin-gonic/gin.Engine).Run", addr: 0, network: -1},
		{fn: "(*github.com/gin-gonic/gin.Engine).RunTLS", addr: 0, network: -1}, // v1.12.0: RunTLS(addr, certFile, keyFile string). Inferred.
		// v1.12.0: RunQUIC(addr, certFile, keyFile string). Not inferred: it
		// calls http3.ListenAndServeQUIC, not inferred either (below).
		{fn: "(*github.com/gin-gonic/gin.Engine).RunQUIC", addr: 0, network: -1, transport: portplan.UDP},

		// echo v4.16.0. All inferred: Start writes e.Server.Addr, the others
		// write through a local alias of the server field (s := e.TLSServer;
		// s.Addr = address).
		{fn: "(*github.com/labstack/echo/v4.Echo).Start", addr: 0, network: -1},          // Start(address string)
		{fn: "(*github.com/labstack/echo/v4.Echo).StartTLS", addr: 0, network: -1},       // StartTLS(address string, certFile, keyFile interface{})
		{fn: "(*github.com/labstack/echo/v4.Echo).StartAutoTLS", addr: 0, network: -1},   // StartAutoTLS(address string)
		{fn: "(*github.com/labstack/echo/v4.Echo).StartH2CServer", addr: 0, network: -1}, // StartH2CServer(address string, h2s *http2.Server)

		// echo v5.4.4: Start(address string); StartConfig.Address is a field
		// rule. Not inferred: Start writes StartConfig{Address: address} to
		// sc and calls sc.Start, but only sc.start, which Start calls, reads
		// the field.
		{fn: "(*github.com/labstack/echo/v5.Echo).Start", addr: 0, network: -1},

		// fiber v2.52.15. Inferred.
		{fn: "(*github.com/gofiber/fiber/v2.App).Listen", addr: 0, network: -1},                         // Listen(addr string)
		{fn: "(*github.com/gofiber/fiber/v2.App).ListenTLS", addr: 0, network: -1},                      // ListenTLS(addr, certFile, keyFile string)
		{fn: "(*github.com/gofiber/fiber/v2.App).ListenTLSWithCertificate", addr: 0, network: -1},       // ListenTLSWithCertificate(addr string, cert tls.Certificate)
		{fn: "(*github.com/gofiber/fiber/v2.App).ListenMutualTLS", addr: 0, network: -1},                // ListenMutualTLS(addr, certFile, keyFile, clientCertFile string)
		{fn: "(*github.com/gofiber/fiber/v2.App).ListenMutualTLSWithCertificate", addr: 0, network: -1}, // ListenMutualTLSWithCertificate(addr string, cert tls.Certificate, clientCertPool *x509.CertPool)

		// fiber v3.1.0: Listen(addr string, config ...ListenConfig). Inferred.
		{fn: "(*github.com/gofiber/fiber/v3.App).Listen", addr: 0, network: -1},

		// fasthttp v1.78.0: package functions and *Server methods, address
		// first. Inferred.
		{fn: "github.com/valyala/fasthttp.ListenAndServe", addr: 0, network: -1},                   // ListenAndServe(addr string, handler RequestHandler)
		{fn: "github.com/valyala/fasthttp.ListenAndServeTLS", addr: 0, network: -1},                // ListenAndServeTLS(addr, certFile, keyFile string, handler RequestHandler)
		{fn: "github.com/valyala/fasthttp.ListenAndServeTLSEmbed", addr: 0, network: -1},           // ListenAndServeTLSEmbed(addr string, certData, keyData []byte, handler RequestHandler)
		{fn: "(*github.com/valyala/fasthttp.Server).ListenAndServe", addr: 0, network: -1},         // ListenAndServe(addr string)
		{fn: "(*github.com/valyala/fasthttp.Server).ListenAndServeTLS", addr: 0, network: -1},      // ListenAndServeTLS(addr, certFile, keyFile string)
		{fn: "(*github.com/valyala/fasthttp.Server).ListenAndServeTLSEmbed", addr: 0, network: -1}, // ListenAndServeTLSEmbed(addr string, certData, keyData []byte)

		// fasthttp/prefork v1.78.0 (used by fiber's Prefork): same shapes; its
		// Network field only allows tcp, tcp4 and tcp6. Not inferred: a child
		// listens through reuseport (raw socket syscalls), the master with
		// net.ListenTCP on net.ResolveTCPAddr(p.Network, addr), and an
		// address struct's site teaches no sink.
		{fn: "(*github.com/valyala/fasthttp/prefork.Prefork).ListenAndServe", addr: 0, network: -1},         // ListenAndServe(addr string)
		{fn: "(*github.com/valyala/fasthttp/prefork.Prefork).ListenAndServeTLS", addr: 0, network: -1},      // ListenAndServeTLS(addr, certKey, certFile string)
		{fn: "(*github.com/valyala/fasthttp/prefork.Prefork).ListenAndServeTLSEmbed", addr: 0, network: -1}, // ListenAndServeTLSEmbed(addr string, certData, keyData []byte)

		// iris v12.2.11: app.Listen(addr) and the Runners passed to app.Run.
		// Inferred.
		{fn: "(*github.com/kataras/iris/v12.Application).Listen", addr: 0, network: -1}, // Listen(hostPort string, withOrWithout ...Configurator)
		{fn: "github.com/kataras/iris/v12.Addr", addr: 0, network: -1},                  // Addr(addr string, hostConfigs ...host.Configurator) Runner
		{fn: "github.com/kataras/iris/v12.TLS", addr: 0, network: -1},                   // TLS(addr string, certFileOrContents, keyFileOrContents string, hostConfigs ...host.Configurator) Runner
		{fn: "github.com/kataras/iris/v12.AutoTLS", addr: 0, network: -1},               // AutoTLS(addr string, domain string, email string, hostConfigs ...host.Configurator) Runner

		// beego v2.3.8. web.Run(params ...string): params[0] is the address;
		// with none (or "") beego reads its config file, so only an explicit
		// address is a site. HttpServer.Run and RunWithMiddleWares are
		// inferred (an empty addr defaults to the config); web.Run is not:
		// its parameter is variadic.
		{fn: "github.com/beego/beego/v2/server/web.Run", addr: 0, network: -1},
		{fn: "github.com/beego/beego/v2/server/web.RunWithMiddleWares", addr: 0, network: -1}, // RunWithMiddleWares(addr string, mws ...MiddleWare)
		{fn: "(*github.com/beego/beego/v2/server/web.HttpServer).Run", addr: 0, network: -1},  // Run(addr string, mws ...MiddleWare)

		// hertz v0.10.4: the address is an option, server.WithHostPorts(hp string) config.Option.
		// Not inferred: the option sets config.Options.Addr, which only other
		// packages read (the transport, made through the function variable
		// route.defaultTransporter), and a field is a sink in its own
		// package only.
		{fn: "github.com/cloudwego/hertz/pkg/app/server.WithHostPorts", addr: 0, network: -1},

		// quic-go v0.65.0 (UDP). Inferred but ListenAndServeQUIC: ListenAddr
		// and ListenAddrEarly listen with net.ListenUDP on
		// net.ResolveUDPAddr("udp", addr). ListenAndServeQUIC fills an
		// http3.Server whose method it calls (ListenAndServeTLS) is not the
		// one that reads Addr into the listener, so the write is not known
		// to reach it.
		{fn: "github.com/quic-go/quic-go.ListenAddr", addr: 0, network: -1, transport: portplan.UDP},                             // ListenAddr(addr string, tlsConf *tls.Config, config *Config)
		{fn: "github.com/quic-go/quic-go.ListenAddrEarly", addr: 0, network: -1, transport: portplan.UDP},                        // ListenAddrEarly(addr string, tlsConf *tls.Config, config *Config)
		{fn: "github.com/quic-go/quic-go/http3.ListenAndServeQUIC", addr: 0, network: -1, transport: portplan.UDP},               // ListenAndServeQUIC(addr, certFile, keyFile string, handler http.Handler)
		{fn: "github.com/quic-go/quic-go/http3.ListenAndServeTLS", addr: 0, network: -1, transport: portplan.TCP | portplan.UDP}, // ListenAndServeTLS(addr, certFile, keyFile string, handler http.Handler)
	},
	fields: []fieldRule{
		// echo v5.4.4: StartConfig{Address string}, then sc.Start / sc.StartTLS.
		// Inferred.
		{typ: "github.com/labstack/echo/v5.StartConfig", field: "Address", listeners: []string{"Start", "StartTLS"}},
		// quic-go v0.65.0: http3.Server{Addr string}; Serve(conn) ignores it.
		// Inferred.
		{typ: "github.com/quic-go/quic-go/http3.Server", field: "Addr", listeners: []string{"ListenAndServe", "ListenAndServeTLS"}, transport: portplan.UDP},
	},
	implicit: []implicitRule{
		// hertz v0.10.4: server.Default() and server.New() without
		// server.WithHostPorts listen on config.defaultAddr, ":8888".
		{fn: "github.com/cloudwego/hertz/pkg/app/server.Default", kind: implicitOption, port: "8888",
			option: "github.com/cloudwego/hertz/pkg/app/server.WithHostPorts",
			moot:   []string{"github.com/cloudwego/hertz/pkg/app/server.WithListener", "github.com/cloudwego/hertz/pkg/app/server.WithNetwork"}},
		{fn: "github.com/cloudwego/hertz/pkg/app/server.New", kind: implicitOption, port: "8888",
			option: "github.com/cloudwego/hertz/pkg/app/server.WithHostPorts",
			moot:   []string{"github.com/cloudwego/hertz/pkg/app/server.WithListener", "github.com/cloudwego/hertz/pkg/app/server.WithNetwork"}},
	},
}
