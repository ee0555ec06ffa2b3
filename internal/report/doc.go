// package report turns judged listen sites into findings: the message
// with the offending value and the site's role in its program, related
// information, the suggested fix and its import edits, and the
// //portlint:ignore directives that suppress findings or are stale.
//
// A fix keeps today's port as the default of an environment read and
// binds the configured host. It edits the smallest piece that holds an
// offending value (a literal, an operand, a variable's definition), reads
// the Val the resolver recorded rather than walking the source again,
// and adds or removes imports so that the file still builds. It never
// writes a constant "0.0.0.0:N" address, which gosec's G102 flags: a whole
// constant address becomes net.JoinHostPort("0.0.0.0", cmp.Or(os.Getenv("PORT"), "8080")),
// and one built in a way it cannot take apart is wrapped in
// net.SplitHostPort/JoinHostPort. It decides nothing of the program: a
// secondary's variable comes from the plan.
package report
