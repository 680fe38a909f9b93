package cli

// runInspect is a placeholder until its owner lands the command.
func runInspect(env *Env, args []string) int {
	return usageError(env, "inspect", "not implemented yet")
}
