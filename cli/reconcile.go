package cli

// runReconcile is a placeholder until its owner lands the command.
func runReconcile(env *Env, args []string) int {
	return usageError(env, "reconcile", "not implemented yet")
}
