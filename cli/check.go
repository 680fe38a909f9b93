package cli

// runCheck is a placeholder until its owner lands the command.
func runCheck(env *Env, args []string) int {
	return usageError(env, "check", "not implemented yet")
}
