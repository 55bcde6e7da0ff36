/**
 * The AJAX transport: Jakarta REST resources under {@code /_diffyne} — {@code update} (actions, one or a batch),
 * {@code lazy} (mount a lazy component), {@code upload} and {@code preview} (temporary files, kept by
 * {@link io.diffyne.transport.http.Uploads}, the runtime's {@link io.diffyne.runtime.UploadStorage}), {@code events}
 * (Server-Sent Events for broadcasts) — plus the filters every request passes ({@link
 * io.diffyne.transport.http.OriginGuard} for CORS and cross-site refusal, {@link
 * io.diffyne.transport.http.RateLimitFilter}) and {@link io.diffyne.transport.http.FailureMapper}, which makes every
 * failure the protocol's JSON. Thin: parses, authenticates, delegates to {@link io.diffyne.runtime.DiffyneRuntime}.
 * Depends on {@code runtime}, {@code protocol}, {@code config} and the {@code broadcast} bus's subscription API;
 * nothing depends on it.
 */
package io.diffyne.transport.http;
