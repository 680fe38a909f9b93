// Command tradecheck-cli runs Tradecheck's engine without a window, for
// scripts and reproducible methods. See "tradecheck-cli --help".
package main

import (
	"os"

	"tradecheck/cli"
)

func main() { os.Exit(cli.Main()) }
