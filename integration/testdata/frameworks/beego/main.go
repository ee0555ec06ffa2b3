// Command beego starts beego servers.
package main

import (
	"os"

	"github.com/beego/beego/v2/server/web"
)

func main() {
	web.Run(":8080")                         // portlint:want
	web.Run("localhost:8080")                // portlint:want
	web.RunWithMiddleWares(":8080")          // portlint:want
	web.BeeApp.Run(":8080")                  // portlint:want
	web.NewHttpSever().Run("127.0.0.1:9090") // portlint:want
}

// With no address (or an empty one) beego reads conf/app.conf.
func negatives() {
	web.Run()
	web.Run("")
	web.Run(os.Getenv("ADDR"))
	web.Run(":" + os.Getenv("PORT"))
	web.RunWithMiddleWares("")
	web.BeeApp.Run("")
}
