package cli

// runMatch is a placeholder until its owner lands the command.
func runMatch(env *Env, args []string) int {
	return usageError(env, "match", "not implemented yet")
}
