// Package ui is Tradecheck's desktop interface, built with Fyne.
//
// Each screen is an unexported struct with a constructor, a buildUI method
// and onXxx handlers. Widgets only present data and report what the user
// wants; every decision (matching, reconciling, totals) is made by the
// engine under reconcile/, reached through reconcile/pipeline. Long work
// runs in goroutines with a progress bar and Cancel, and every widget
// update from those goroutines goes through fyne.Do.
//
// The package never imports fyne.io/fyne/v2/app, so its tests run headless
// with fyne.io/fyne/v2/test; cmd/tradecheck builds the real app.
package ui
