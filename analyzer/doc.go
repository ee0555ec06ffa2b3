// Package analyzer defines portlint, an analysis pass that reports Go
// servers listening on a hard-coded port or a loopback host.
//
// # Analyzer portlint
//
// portlint: report servers that listen on a hard-coded port or on localhost
//
// A container platform tells an app where to listen through the PORT
// environment variable and reaches it from outside the container, so the
// app must read $PORT and bind all interfaces (0.0.0.0 or [::]). A server
// started on ":8080" ignores the platform's port, and one on
// "localhost:8080" or "127.0.0.1:8080" cannot be reached at all.
//
// portlint looks at every listen site: the address argument of a listener
// (net.Listen, net.ListenPacket, net.ListenTCP/UDP/IP, net.ListenConfig,
// tls.Listen, http.ListenAndServe[TLS], and the frameworks: gin, echo,
// fiber, fasthttp, iris, beego, hertz, quic-go) and the address field of
// a server value (http.Server{Addr: …}, srv.Addr = …, echo.StartConfig).
// It computes every value that can reach the site — constants from any
// package, local and unexported package variables (all their
// assignments), exported ones no package of the program (or, under
// portlint ./... at a module's root, of the module) assigns,
// concatenation, fmt.Sprintf with %s/%d/%v, net.JoinHostPort,
// strconv.Itoa, &net.TCPAddr{IP: …, Port: …}, net/netip addresses,
// net.ResolveTCPAddr, frozen package-level tables, struct fields (every
// write the package makes; an exported field named for an address, in a
// command, every write of the program's packages; an unexported one
// never written, its zero value) — and reports the site when every value has a
// constant, non-zero port, or every value has a loopback host (localhost,
// 127.0.0.0/8, ::1):
//
//	http.ListenAndServe(":8080", nil)
//	// http.ListenAndServe listens on hard-coded port 8080: read the port from $PORT
//
// It learns the listen APIs of the code it reads: a parameter or a struct
// field whose value reaches a listen address (a wrapper's argument, a
// variadic one's first element, a config struct's Addr, a constructor's
// or an option's argument, a host or a port passed apart) is a sink,
// exported as a fact, and a constant passed to a sink is reported where
// it is written (a call passing functional options stays silent, unless
// the facts of each option say it leaves the address alone):
//
//	log.Fatal(server.Run(":8080"))
//	// server.Run listens on hard-coded port 8080: read the port from $PORT
//
// It stays silent whenever it cannot prove the address hard-coded: values
// from the environment, flags, configuration, parameters or unknown
// function results; an address built from os.Getenv on any path; port 0
// or an empty port (a listener on any free port is internal); unix
// sockets; clients such as net.Dial and http.Get; listener-taking calls
// such as http.Serve; and _test.go files unless -include-tests is set.
//
// A finding carries a suggested fix where one is safe: it reads the port
// from $PORT, keeping the old port as the default, and binds 0.0.0.0
// (:: on tcp6):
//
//	http.ListenAndServe(net.JoinHostPort("0.0.0.0", cmp.Or(os.Getenv("PORT"), "8080")), nil)
//
// A platform routes one port to a program, so only the primary server (the
// one main waits on) reads $PORT: the fix of every other hard-coded
// listener reads a variable of its own (METRICS_PORT) and keeps its host,
// a loopback pprof or expvar endpoint is left private, and two servers of
// one function that can take the same port at once are reported.
//
// The -env and -host flags change the variable and the host; -allow lists
// intentional addresses. A comment on a finding's line or the line above
// suppresses it, giving the reason:
//
//	//portlint:ignore pprof is only for local debugging
//
// Documentation: https://github.com/portlint/portlint/blob/main/docs/checks.md
package analyzer
