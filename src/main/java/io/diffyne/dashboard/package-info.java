/**
 * The operations dashboard and the metrics snapshot: {@code <ctx>/_diffyne/dashboard}, a page of Diffyne components
 * that poll the recorder ({@link io.diffyne.metrics.Metrics}), and {@code <ctx>/_diffyne/metrics}, the same figures as
 * JSON. Both off unless {@code DIFFYNE_DASHBOARD=true}, then open only to {@link io.diffyne.dashboard.DashboardAccess}'s
 * callers (the configured role, or the dashboard key). Depends on {@code metrics}, {@code config}, {@code component},
 * {@code health} and {@code web}; nothing depends on it.
 */
package io.diffyne.dashboard;
