// Command precommitmod is checked by the portlint pre-commit hook.
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(os.Args[0]))
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
