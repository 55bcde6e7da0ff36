/**
 * The in-process micro-benchmark of the action pipeline (hydrate → invoke → render → diff → sign) against a full
 * re-render of the same HTML, and a breakdown of its stages. Runs outside any container on the test classpath
 * (Yasson, Parsson, Hibernate Validator); depends on {@code runtime}, {@code state}, {@code diff}, {@code vdom},
 * {@code template} and the demo components. Beside it, on the same fixtures ({@code Clicks}): what recording
 * ({@code io.diffyne.metrics}) costs a click, and the dashboard's timer work ({@code MetricsOverheadBench}).
 */
package io.diffyne.bench.micro;
