package app // want package:`assigns tracing/exported/config.Assigned, tracing/exported/config.Flagged`

// app imports setup for its side effects: a package importing app gets,
// in app's WritesFact, what setup assigns.

import _ "tracing/exported/setup"
