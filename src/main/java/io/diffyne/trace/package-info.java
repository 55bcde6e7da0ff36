/**
 * Where an action's time goes on the server: {@link io.diffyne.trace.Stages} marks the boundaries between stages of
 * one action on its thread (transport, parse, verify, hydrate, invoke, render, diff, sign, answer, send) and records
 * each stage as a Java Flight Recorder event ({@code io.diffyne.Stage}, {@code io.diffyne.Action}). Off, it costs one
 * check per mark: nothing is timed unless a flight recording with these events enabled is running. BENCHMARKS.md
 * ("Where a click's time goes") reads them back.
 */
package io.diffyne.trace;
