package io.diffyne.runtime;

import io.diffyne.component.Transport;
import io.diffyne.component.ValidationFailedException;
import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.DiffyneSettings;
import io.diffyne.diff.Differ;
import io.diffyne.diff.Patch;
import io.diffyne.metrics.Metrics;
import io.diffyne.protocol.ActionRequest;
import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.protocol.RequestType;
import io.diffyne.protocol.SnapshotRef;
import io.diffyne.protocol.ResponseWriter;
import io.diffyne.runtime.meta.ComponentFactory;
import io.diffyne.runtime.meta.ComponentRegistry;
import io.diffyne.runtime.meta.ComponentType;
import io.diffyne.runtime.meta.UnknownComponentException;
import io.diffyne.state.Snapshot;
import io.diffyne.state.SnapshotSigner;
import io.diffyne.state.StateDelta;
import io.diffyne.state.StateException;
import io.diffyne.state.StateSerializer;
import io.diffyne.template.TemplateOptions;
import io.diffyne.template.TemplateRenderer;
import io.diffyne.trace.Stages;
import io.diffyne.vdom.SizedTree;
import io.diffyne.vdom.VElement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The runtime: one pipeline for every transport. An action is verify → hydrate → apply updates → invoke → render once
 * → diff against the tree the client shows → serialize, delta, sign → respond. Client mistakes become typed failure
 * results; bugs become a generic {@code server_error} with the detail in the log.
 */
@ApplicationScoped
public class DefaultDiffyneRuntime implements DiffyneRuntime {

    private static final Logger LOG = Logger.getLogger("diffyne.runtime");
    private static final Duration LAZY_TICKET_LIFETIME = Duration.ofHours(2);
    /**
     * Failures raised before a component's action runs (for a client that follows the protocol): not answers, so
     * the retry that fixes one (the full snapshot, the newest one, later) runs instead of being told the same again.
     */
    private static final Set<ErrorType> REFUSALS = EnumSet.of(ErrorType.SNAPSHOT_REQUIRED, ErrorType.STALE_SNAPSHOT,
            ErrorType.SECURITY_ERROR, ErrorType.BAD_REQUEST, ErrorType.NOT_FOUND, ErrorType.RATE_LIMITED,
            ErrorType.PAYLOAD_TOO_LARGE, ErrorType.UNSUPPORTED_MEDIA_TYPE);

    private static final String NOT_HELD = "This connection does not hold that snapshot: send the full snapshot";

    private ComponentRegistry registry;
    private ComponentFactory factory;
    private Validator validator;
    private java.util.function.Consumer<BroadcastMessage> broadcasts;
    private SnapshotSigner signer;
    private TemplateRenderer templates;
    private TreeCache trees;
    private ActionAnswers idempotency;
    private IssuedVersions versions;
    private LazyTickets lazyTickets;
    private EventPasses eventPasses;
    private int maxStateSize;
    private UploadStorage uploads;
    private BroadcastPasses broadcastPasses;
    private ChannelGrants grants;
    private boolean debug;
    private Set<String> declaredRoles;
    // without a container (tests, benchmarks) a recorder of its own, so every runtime pays the same
    private Metrics metrics = Metrics.detached();
    private ListenerScope listenerScope = ListenerScope.NONE;
    // the bus in a container; none without one (a mount then renders no diff:heads)
    private ChannelHeads heads;

    /** For CDI's client proxy only. */
    protected DefaultDiffyneRuntime() {
    }

    @Inject
    DefaultDiffyneRuntime(ComponentRegistry registry, ComponentFactory factory, DiffyneConfig config,
                          Instance<Validator> validators, Event<BroadcastMessage> broadcastEvents,
                          Instance<UploadStorage> uploadStorage, Instance<IssuedVersions> issuedVersions,
                          Instance<ActionAnswers> answers) {
        this(registry, factory, config.settings(), validators.isResolvable() ? validators.get() : null,
                broadcastEvents::fire, issuedVersions.isResolvable() ? issuedVersions.get() : new LocalIssuedVersions(),
                uploadStorage.isResolvable() ? uploadStorage.get() : UploadStorage.none());
        if (answers.isResolvable()) {
            // the cluster's store (io.diffyne.cluster) when one is deployed; else this instance's cache
            this.idempotency = answers.get();
        }
    }

    /** Wires a runtime without a container (unit tests, benchmarks). */
    public DefaultDiffyneRuntime(ComponentRegistry registry, ComponentFactory factory, DiffyneSettings settings,
                                 Validator validator, java.util.function.Consumer<BroadcastMessage> broadcasts) {
        this(registry, factory, settings, validator, broadcasts, new LocalIssuedVersions());
    }

    /** As above, with where the newest issued versions are kept (a cluster-wide store, or none for a benchmark). */
    public DefaultDiffyneRuntime(ComponentRegistry registry, ComponentFactory factory, DiffyneSettings settings,
                                 Validator validator, java.util.function.Consumer<BroadcastMessage> broadcasts,
                                 IssuedVersions versions) {
        this(registry, factory, settings, validator, broadcasts, versions, UploadStorage.none());
    }

    /** As above, with where uploads wait (the HTTP transport's store in a container). */
    public DefaultDiffyneRuntime(ComponentRegistry registry, ComponentFactory factory, DiffyneSettings settings,
                                 Validator validator, java.util.function.Consumer<BroadcastMessage> broadcasts,
                                 IssuedVersions versions, UploadStorage uploads) {
        this.registry = registry;
        this.factory = factory;
        this.validator = validator;
        this.broadcasts = broadcasts;
        this.signer = new SnapshotSigner(settings.signingKey());
        // DIFFYNE_DEBUG: every render reads the template again, so an edit shows without a redeploy
        this.templates = new TemplateRenderer(TemplateOptions.defaults().withCache(!settings.debug())
                .withSourceDir(settings.templateDir().orElse(null)));
        this.trees = new TreeCache(settings.treeCacheSize());
        this.idempotency = new IdempotencyCache();
        this.versions = versions;
        this.lazyTickets = new LazyTickets(signer, Clock.systemUTC(), LAZY_TICKET_LIFETIME);
        this.eventPasses = new EventPasses(signer, Clock.systemUTC());
        this.maxStateSize = settings.maxStateSize();
        this.uploads = uploads;
        this.broadcastPasses = new BroadcastPasses(settings.signingKey(), Clock.systemUTC());
        this.grants = new ChannelGrants(settings);
        this.debug = settings.debug();
        this.declaredRoles = registry.declaredRoles();
    }

    @Inject
    void recordInto(Metrics recorder) {
        this.metrics = recorder;
    }

    /** Where broadcast listeners run: the container's request context ({@link ListenerScope}). */
    @Inject
    void runListenersIn(ListenerScope scope) {
        this.listenerScope = scope;
    }

    @Inject
    void readHeadsFrom(Instance<ChannelHeads> bus) {
        readHeadsFrom(bus.isResolvable() ? bus.get() : null);
    }

    /** Where a mount reads its channels' heads (the broadcast bus); null: mounts render none. */
    public void readHeadsFrom(ChannelHeads bus) {
        this.heads = bus;
    }

    @Override
    public MountResult mount(String component, Map<String, Object> params, ClientContext client) {
        ComponentType type = registry.get(component);
        String id = ComponentIds.next();
        if (type.lazy()) {
            return placeholder(type, id, params, client);
        }
        return mountNow(type, id, params, client);
    }

    @Override
    public Set<String> declaredRoles() {
        return declaredRoles;
    }

    @Override
    public MountResult mountLazy(String ticket, ClientContext client) {
        Snapshot verified = lazyTickets.verify(ticket, client.principal());
        ComponentType type = registry.get(verified.component());
        Map<String, Object> params = new HashMap<>();
        JsonObject json = verified.state().getJsonObject("params");
        json.forEach((name, value) -> params.put(name, JsonValues.toJava(value)));
        return mountNow(type, verified.id(), params, client);
    }

    @Override
    public ActionResult handle(ActionRequest original, ClientContext client) {
        Stages.mark("cdi.runtime-proxy");
        long start = System.nanoTime();
        ActionRequest request = withHeldSignature(original, client);
        if (request == null) {
            return failure(ErrorType.SNAPSHOT_REQUIRED, NOT_HELD, original.requestId());
        }
        // before the staleness check: a retry whose first run issued the newer version gets that first answer
        ActionResult result = idempotency.once(ActionKey.of(request, client),
                () -> safely(request.requestId(), () -> run(request, client)),
                r -> r.success() || !REFUSALS.contains(r.error()));
        Stages.mark("answer.keep");
        String component = componentOf(request, client);
        metrics.action(component, component != null && registry.find(component).isPresent(),
                result.success() ? null : result.error().wireName(), System.nanoTime() - start);
        Stages.mark("metrics");
        return result;
    }

    /** The component type an action names, as the client sent it (unverified: for figures only), or null. */
    private static String componentOf(ActionRequest request, ClientContext client) {
        if (request.snapshot() != null) {
            return request.snapshot().get("component") instanceof jakarta.json.JsonString s ? s.getString() : null;
        }
        LiveComponent live = client.live() == null || request.ref() == null ? null : client.live().get(request.ref().id());
        return live == null ? null : live.component();
    }

    @Override
    public List<ActionResult> deliver(BroadcastMessage message, ClientContext client) {
        return deliver(new BroadcastDelivery(message), client);
    }

    @Override
    public BroadcastDelivery delivery(BroadcastMessage message) {
        return new BroadcastDelivery(message);
    }

    @Override
    public List<ActionResult> deliver(BroadcastDelivery delivery, ClientContext client) {
        LiveComponents live = Objects.requireNonNull(client.live(), "deliver needs a connection's live components");
        BroadcastMessage message = delivery.message();
        List<ActionResult> results = new ArrayList<>();
        for (String id : live.listening(message.channel(), message.name())) {
            LiveComponent current = live.get(id);
            if (current != null) {
                results.add(safely(null, () -> pushTo(delivery, current, client)));
            }
        }
        return results;
    }
    @Override
    public ActionResult register(JsonObject snapshotJson, ClientContext client) {
        return safely(null, () -> {
            Snapshot snapshot = verify(snapshotJson, client);
            if (versions.stale(snapshot.id(), snapshot.version())) {
                throw stale(snapshot, client);
            }
            ComponentType type = registry.get(snapshot.component());
            try (ComponentRun run = open(type, snapshot.id(), false, client)) {
                run.hydrate(snapshot.state());
                SizedTree known = knownTree(snapshot, client);
                remember(client, snapshot, stateHeap(snapshot, client), known != null ? known : renderOf(run), type,
                        run.channels());
            }
            return new ActionResult(null, ResponseWriter.success().finish(null));
        });
    }

    @Override
    public UploadTarget authorizeUpload(JsonObject snapshotJson, String property, ClientContext client) {
        // the version is not checked: an upload changes no state, and an older snapshot of the instance proves the
        // same (its type, its id, its user); the update that then names the upload is checked like every action
        Snapshot snapshot = verify(snapshotJson, client);
        ComponentType type;
        try {
            type = registry.get(snapshot.component());
        } catch (UnknownComponentException e) {
            throw new ProtocolException(ErrorType.NOT_FOUND, "Unknown component '" + e.name() + "'");
        }
        var upload = type.uploadProperty(property).orElseThrow(() -> new ProtocolException(ErrorType.BAD_REQUEST,
                "Property '" + property + "' of component '" + type.name() + "' takes no uploads: declare it as a"
                        + " TemporaryUpload (or List<TemporaryUpload>) state field"));
        return new UploadTarget(type.name(), snapshot.id(), upload.name(), upload.multiple(), client.principal());
    }

    private MountResult mountNow(ComponentType type, String id, Map<String, Object> params, ClientContext client) {
        try (ComponentRun run = open(type, id, true, client)) {
            run.mount(params);
            // read before the render: a broadcast from here on is after the page's heads, so the first connection
            // the page opens asks for it (one already in the state may come again; none falls between)
            Map<String, ChannelHead> channelHeads = headsOf(type, run.channels());
            SizedTree tree = renderOf(run);
            SnapshotSigner.Measured signed = signer.signMeasured(new Snapshot(type.name(), id, 1, run.state(), null),
                    client.principal());
            Snapshot snapshot = signed.snapshot();
            // with its state: the page's first action may name it by reference (protocol v2)
            trees.putMounted(snapshot, tree, signed.heapBytes());
            Transport transport = run.effects().transport().orElse(type.transport());
            Set<String> listeners = type.listenedEvents();
            Set<String> channels = run.channels();
            String html = tree.root().toHtml(MountMarkup.rootAttributes(snapshot, type, channels,
                    grantsFor(type, channels, client), channelHeads, transport));
            return new MountResult(id, html, listeners);
        }
    }

    private Map<String, ChannelHead> headsOf(ComponentType type, Set<String> channels) {
        if (heads == null || type.listenedEvents().isEmpty() || channels.isEmpty()) {
            return Map.of();
        }
        Map<String, ChannelHead> out = new java.util.LinkedHashMap<>();
        for (String channel : channels) {
            out.put(channel, heads.head(channel));
        }
        return out;
    }

    private MountResult placeholder(ComponentType type, String id, Map<String, Object> params, ClientContext client) {
        String ticket = lazyTickets.issue(type.name(), id, params, client.principal());
        String placeholder = type.lazyPlaceholder() == null || type.lazyPlaceholder().isEmpty()
                ? "<div class=\"diffyne-lazy\" aria-busy=\"true\">Loading…</div>" : type.lazyPlaceholder();
        VElement tree = io.diffyne.vdom.HtmlParser.parse(placeholder);
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        attributes.put("diff:id", id);
        attributes.put("diff:component", type.name());
        attributes.put("diff:lazy", ticket);
        return new MountResult(id, tree.toHtml(attributes), type.listenedEvents());
    }

    /** Claims the version the action will issue, so no older snapshot (nor a second action from this one) runs. */
    private ActionResult run(ActionRequest request, ClientContext client) {
        Stages.mark("answer.lookup");
        Snapshot base = resolve(request, client);
        Stages.mark("snapshot.resolve");
        if (!versions.claim(base.id(), base.version())) {
            throw stale(base, client);
        }
        Stages.mark("version.claim");
        boolean issued = false;
        try {
            ActionResult result = runFrom(base, request, client);
            Stages.mark("component.close");
            issued = request.type() != RequestType.RENDER;
            return result;
        } finally {
            if (issued) {
                // the claim now refuses this snapshot: its tree (a mount's snapshot too) cannot be a baseline again
                trees.forget(base.sig());
            } else {
                versions.release(base.id(), base.version());
            }
        }
    }

    private ActionResult runFrom(Snapshot base, ActionRequest request, ClientContext client) {
        ComponentType type = registry.get(base.component());
        if (request.type() == RequestType.CALL) {
            // before the instance exists: a refused caller runs none of the component's code
            RoleCheck.requireAllowed(type, request.method(), client);
        }
        Stages.label(type.name(), request.method() != null ? request.method() : request.type().name());
        try (ComponentRun run = open(type, base.id(), false, client)) {
            Stages.mark("component.create");
            run.hydrate(base.state());
            Stages.mark("hydrate");
            VElement baseline = request.type() == RequestType.RENDER ? null : baselineTree(base, client, run);
            Stages.mark("baseline.tree");
            Map<String, Object> queryBefore = run.queryValues();
            Set<String> channelsBefore = run.channels();
            Stages.mark("query+channels");
            try {
                act(run, request, channelsBefore, client);
                Stages.mark("invoke");
            } catch (ValidationFailedException e) {
                // validate() recorded the errors: render them, keep the input, answer validation_error
                Outcome outcome = finish(run, base, baseline, queryBefore, channelsBefore, client);
                return respond(outcome, request, ErrorType.VALIDATION_ERROR, client);
            }
            if (request.type() == RequestType.RENDER) {
                return renderWhole(run, base, client, request.requestId());
            }
            Outcome outcome = finish(run, base, baseline, queryBefore, channelsBefore, client);
            fireBroadcasts(outcome, client);
            Stages.mark("broadcasts");
            ActionResult answer = respond(outcome, request, null, client);
            Stages.mark("response.write");
            return answer;
        }
    }

    /** {@code channels}: the component's before the client's updates, from its verified state. */
    private void act(ComponentRun run, ActionRequest request, Set<String> channels, ClientContext client) {
        switch (request.type()) {
            case CALL -> {
                run.updateAll(request.updates());
                run.call(request.method(), request.params());
            }
            case UPDATE -> run.update(request.property(), request.value());
            case EVENT -> {
                // a broadcast relayed from the event stream: its data is sealed in the pass, never sent by the client
                JsonValue sealed = broadcastPasses.open(request.pass(), request.event(), channels, client.principal());
                JsonValue data = sealed != null ? sealed : request.data();
                boolean fromServer = sealed != null || eventPasses.admits(request.pass(), request.event(), data,
                        run.type().name(), run.id(), client.principal());
                run.updateAll(request.updates());
                run.listen(request.event(), data, fromServer);
            }
            case RENDER -> {
                // nothing changes: the client asked for the whole component again
            }
        }
    }

    /**
     * One component's push: the listener's run and render are shared with every component of the same
     * {@link PushKey} in this delivery, unless its type takes uploads (kept per component id) or the render turns
     * out to contain the computing component's own id; what belongs to this one (version, signature, passes) is its
     * own.
     */
    private ActionResult pushTo(BroadcastDelivery delivery, LiveComponent current, ClientContext client) {
        ComponentType type = registry.get(current.component());
        BroadcastMessage message = delivery.message();
        PushRender render;
        if (!type.uploadProperties().isEmpty()) {
            render = renderPush(type, current, message, client);
        } else {
            render = delivery.shared(type.name(), current.state(), current.tree(), client.principal(),
                    client.roles(), () -> renderPush(type, current, message, client));
            if (!render.usableBy(current.id())) {
                render = renderPush(type, current, message, client);
            }
        }
        return render.failure() != null ? render.failure() : pushFrom(render, type, current, client);
    }

    /** Runs the listener on {@code current} and renders it; a failure becomes the render's result, logged once. */
    private PushRender renderPush(ComponentType type, LiveComponent current, BroadcastMessage message,
                                  ClientContext client) {
        return listenerScope.call(() -> renderPushHere(type, current, message, client));
    }

    private PushRender renderPushHere(ComponentType type, LiveComponent current, BroadcastMessage message,
                                      ClientContext client) {
        PushRender[] made = new PushRender[1];
        ActionResult failed = safely(null, () -> {
            made[0] = runListener(type, current, message, client);
            return null;
        });
        return failed != null ? PushRender.failed(current.id(), failed) : made[0];
    }

    private PushRender runListener(ComponentType type, LiveComponent current, BroadcastMessage message,
                                   ClientContext client) {
        try (ComponentRun run = open(type, current.id(), false, client)) {
            run.hydrate(current.state());
            Map<String, Object> queryBefore = run.queryValues();
            Set<String> channelsBefore = run.channels();
            run.listen(message.name(), message.data(), true);
            SizedTree tree = renderOf(run);
            JsonObject state = run.state();
            String canonical = SnapshotSigner.canonical(state);
            byte[] bytes = canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (bytes.length > maxStateSize) {
                throw tooLarge(type, bytes.length, client);
            }
            List<Patch> patches = Differ.diff((VElement) current.tree(), tree.root());
            Map<String, String> query = changedQuery(queryBefore, run.queryValues());
            Set<String> channels = run.channels();
            run.dropUploads(current.state(), state);
            if (!run.effects().broadcasts().isEmpty()) {
                LOG.warning("Component '" + type.name() + "' broadcast from a broadcast listener: ignored, "
                        + "to prevent a broadcast loop between clients");
            }
            boolean sharable = !canonical.contains(current.id()) && !run.renderedHtml().contains(current.id());
            jakarta.json.JsonArray delta = StateDelta.diff(current.state(), state);
            return new PushRender(current.id(), sharable, null, state, bytes,
                    io.diffyne.state.StateHeap.estimate(bytes, 0, bytes.length), tree, patches, delta, run.effects(),
                    query, channelsBefore, channels, new PushRender.Written(patches, delta));
        }
    }

    /** The push of {@code render} for {@code current}: its next version, signed for this client, kept, written. */
    private ActionResult pushFrom(PushRender render, ComponentType type, LiveComponent current, ClientContext client) {
        long version = current.version() + 1;
        String sig = signer.signCanonical(type.name(), current.id(), version, render.canonicalState(),
                client.principal());
        Snapshot next = new Snapshot(type.name(), current.id(), version, render.state(), sig);
        // not in the tree cache: a push goes to a connection, which keeps the tree with its live copy, and a
        // broadcast to a thousand connections would put one shared tree there a thousand times, each entry charged
        // the whole tree, evicting every other page's entries (a client that falls back to AJAX later renders its
        // baseline once, as on any miss)
        remember(client, next, render.stateHeap(), render.tree(), type, render.channels());
        Map<String, String> newGrants = render.channels().equals(render.channelsBefore()) ? null
                : grantsFor(type, render.channels(), client);
        Outcome outcome = new Outcome(next, render.tree().root(), render.patches(), render.delta(), render.effects(),
                render.query(), type.listenedEvents(), render.channels(), newGrants);
        return respond(outcome, null, null, client, render.written());
    }

    /**
     * A reference without a signature (protocol v2) names the version this connection holds: it is completed with
     * that copy's signature, so it is keyed and checked as a full reference is (a stranger's connection holds no
     * copy of another's component). Null when the connection holds no such version.
     */
    private static ActionRequest withHeldSignature(ActionRequest request, ClientContext client) {
        if (request.ref() == null || request.ref().sig() != null) {
            return request;
        }
        LiveComponent live = client.live() == null ? null : client.live().get(request.ref().id());
        return live == null || live.version() != request.ref().version() ? null
                : request.withRef(request.ref().withSig(live.sig()));
    }

    /**
     * The snapshot an action starts from: the full one (verified), the connection's copy named by the reference, or
     * (a page's first action by reference) the snapshot mounted for the page, while the tree cache still holds it,
     * verified for this user.
     */
    private Snapshot resolve(ActionRequest request, ClientContext client) {
        if (request.ref() == null) {
            return verify(request.snapshot(), client);
        }
        SnapshotRef ref = request.ref();
        LiveComponent live = client.live() == null ? null : client.live().get(ref.id());
        if (live != null && live.version() == ref.version() && live.sig().equals(ref.sig())) {
            return new Snapshot(live.component(), live.id(), live.version(), live.state(), live.sig());
        }
        Snapshot mounted = trees.mounted(ref.sig());
        if (mounted != null && mounted.id().equals(ref.id()) && mounted.version() == ref.version()
                && signer.verify(mounted, client.principal())) {
            return mounted;
        }
        throw new ProtocolException(ErrorType.SNAPSHOT_REQUIRED, NOT_HELD);
    }

    private Snapshot verify(JsonObject json, ClientContext client) {
        Snapshot snapshot;
        try {
            snapshot = Snapshot.fromJson(json);
        } catch (StateException e) {
            throw new ProtocolException(ErrorType.BAD_REQUEST, "Malformed snapshot: " + e.clientMessage());
        }
        if (!ComponentIds.valid(snapshot.id()) || !signer.verify(snapshot, client.principal())) {
            LOG.info(() -> "Refused a snapshot with an invalid signature for component '" + snapshot.component()
                    + "' from client " + client.clientId());
            throw new ProtocolException(ErrorType.SECURITY_ERROR,
                    "Invalid state signature: the snapshot was changed, or signed for another user or key");
        }
        return snapshot;
    }

    private static ProtocolException stale(Snapshot snapshot, ClientContext client) {
        LOG.fine(() -> "Refused version " + snapshot.version() + " of component '" + snapshot.component()
                + "' from client " + client.clientId() + ": a newer version was issued");
        return new ProtocolException(ErrorType.STALE_SNAPSHOT, "Version " + snapshot.version() + " of component '"
                + snapshot.component() + "' is stale: a newer version was issued. Send the newest snapshot, or "
                + "reload the page");
    }

    /** The tree the client shows for {@code base}: the connection's, the cache's, or (on a miss) a render of it. */
    private VElement baselineTree(Snapshot base, ClientContext client, ComponentRun hydrated) {
        SizedTree known = knownTree(base, client);
        return (known != null ? known : renderOf(hydrated)).root();
    }

    private SizedTree knownTree(Snapshot base, ClientContext client) {
        if (client.live() != null) {
            LiveComponent live = client.live().get(base.id());
            if (live != null && live.version() == base.version() && live.sig().equals(base.sig())) {
                return new SizedTree((VElement) live.tree(), live.treeHeap());
            }
        }
        return trees.get(base.sig());
    }

    private Outcome finish(ComponentRun run, Snapshot base, VElement baseline, Map<String, Object> queryBefore,
                           Set<String> channelsBefore, ClientContext client) {
        SizedTree tree = renderOf(run);
        JsonObject state = run.state();
        Stages.mark("state.serialize");
        SnapshotSigner.Measured signed = signer.signMeasured(new Snapshot(base.component(), base.id(),
                base.version() + 1, state, null), client.principal());
        Stages.mark("state.sign");
        if (signed.stateBytes() > maxStateSize) {
            // nothing is kept or issued: the client's snapshot stays the newest (run() releases the claimed version)
            throw tooLarge(run.type(), signed.stateBytes(), client);
        }
        Snapshot next = signed.snapshot();
        List<Patch> patches = Differ.diff(baseline, tree.root());
        Stages.mark("diff");
        Map<String, String> query = changedQuery(queryBefore, run.queryValues());
        Set<String> channels = run.channels();
        trees.put(next.sig(), tree);
        remember(client, next, signed.heapBytes(), tree, run.type(), channels);
        run.dropUploads(base.state(), state);
        // the page learns new channels (and may listen there) only with their grants
        Map<String, String> newGrants = channels.equals(channelsBefore) ? null
                : grantsFor(run.type(), channels, client);
        Stages.mark("tree.keep");
        jakarta.json.JsonArray delta = StateDelta.diff(base.state(), state);
        Stages.mark("state.delta");
        return new Outcome(next, tree.root(), patches, delta, run.effects(), query,
                run.type().listenedEvents(), channels, newGrants);
    }

    private ActionResult renderWhole(ComponentRun run, Snapshot base, ClientContext client, String requestId) {
        Set<String> channels = run.channels();
        // as at a mount: the page rendered afresh knows its channels' heads from before its render
        Map<String, ChannelHead> channelHeads = headsOf(run.type(), channels);
        SizedTree tree = renderOf(run);
        trees.put(base.sig(), tree);
        remember(client, base, stateHeap(base, client), tree, run.type(), channels);
        ResponseWriter response = ResponseWriter.success().component(base.id(), List.of())
                .html(tree.root().toHtml(MountMarkup.rootAttributes(base, run.type(), channels,
                        grantsFor(run.type(), channels, client), channelHeads, run.type().transport())))
                .fullState(base.state())
                .version(base.version(), base.sig());
        return new ActionResult(null, response.finish(requestId));
    }

    /** The grants of a listening component's channels for this client's principal; none for a deaf component. */
    private Map<String, String> grantsFor(ComponentType type, Set<String> channels, ClientContext client) {
        return type.listenedEvents().isEmpty() ? Map.of() : grants.issue(channels, client.principal());
    }

    private void remember(ClientContext client, Snapshot snapshot, long stateHeap, SizedTree tree, ComponentType type,
                          Set<String> channels) {
        if (client.live() != null) {
            client.live().put(new LiveComponent(snapshot.id(), snapshot.component(), snapshot.version(),
                    snapshot.sig(), snapshot.state(), tree.root(), type.listenedEvents(), channels, stateHeap,
                    tree.heapBytes()));
        }
    }

    /** The state's estimated heap, for the rare paths that keep a snapshot they did not sign (resume, render). */
    private long stateHeap(Snapshot snapshot, ClientContext client) {
        return signer.signMeasured(snapshot, client.principal()).heapBytes();
    }

    private ProtocolException tooLarge(ComponentType type, int bytes, ClientContext client) {
        // FINE: the client asked for it, and a client pushing large states would otherwise flood the log
        LOG.fine(() -> "Refused a state of " + bytes + " bytes for component '" + type.name() + "' from client "
                + client.clientId() + " (" + DiffyneSettings.MAX_STATE_SIZE + "=" + maxStateSize + ")");
        return new ProtocolException(ErrorType.STATE_TOO_LARGE, "The state of component '" + type.name()
                + "' would be " + bytes + " bytes, over the limit of " + maxStateSize + " ("
                + DiffyneSettings.MAX_STATE_SIZE + "): the change was not kept, the previous snapshot stays valid");
    }

    private ActionResult respond(Outcome outcome, ActionRequest request, ErrorType error, ClientContext client) {
        return respond(outcome, request, error, client, null);
    }

    /** {@code written}: the patches and delta as a shared push render wrote them once for all receivers, or null. */
    private ActionResult respond(Outcome outcome, ActionRequest request, ErrorType error, ClientContext client,
                                 PushRender.Written written) {
        ResponseWriter response = error == null ? ResponseWriter.success()
                : ResponseWriter.failure(error, "Validation failed").errors(outcome.effects().errors().asMap());
        if (written != null) {
            response.component(outcome.snapshot().id(), written.patches(client.compactPatches()))
                    .stateDelta(written.delta());
        } else {
            response.component(outcome.snapshot().id(), outcome.patches(), client.compactPatches())
                    .stateDelta(outcome.delta());
        }
        response.version(outcome.snapshot().version(), outcome.snapshot().sig());
        if (error == null) {
            response.componentErrors(outcome.effects().errors().asMap());
        }
        response.query(outcome.query());
        if (outcome.grants() != null && !outcome.listeners().isEmpty()) {
            response.grants(outcome.grants());
        }
        String source = outcome.snapshot().id();
        EffectsWriter.write(outcome.effects(), response, event -> eventPasses.forDispatch(event.name(),
                StateSerializer.toJson(event.data()), event.to(), event.self(), source, client.principal()));
        return new ActionResult(error, response.finish(request == null ? null : request.requestId()));
    }

    private void fireBroadcasts(Outcome outcome, ClientContext client) {
        for (var broadcast : outcome.effects().broadcasts()) {
            broadcasts.accept(new BroadcastMessage(broadcast.channel(), broadcast.name(),
                    StateSerializer.toJson(broadcast.data()), client.clientId()));
        }
    }

    private static Map<String, String> changedQuery(Map<String, Object> before, Map<String, Object> after) {
        Map<String, String> changed = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Object> e : after.entrySet()) {
            if (!Objects.equals(before.get(e.getKey()), e.getValue())) {
                changed.put(e.getKey(), StateSerializer.toJson(e.getValue()).toString());
            }
        }
        for (String gone : before.keySet()) {
            if (!after.containsKey(gone)) {
                changed.put(gone, JsonValue.NULL.toString());
            }
        }
        return changed;
    }

    private ComponentRun open(ComponentType type, String id, boolean mounting, ClientContext client) {
        return new ComponentRun(type, factory.create(type), id, mounting, client, validator,
                new UploadFields(uploads, type, id, client.principal()));
    }

    private SizedTree renderOf(ComponentRun run) {
        try {
            return run.render(templates);
        } catch (io.diffyne.vdom.MarkupException e) {
            throw new IllegalStateException("Template '" + run.type().templateName() + "' of component '"
                    + run.type().name() + "': " + e.getMessage(), e);
        }
    }

    /** Runs {@code work}, turning every failure into a result: typed for client mistakes, generic for bugs. */
    private ActionResult safely(String requestId, java.util.function.Supplier<ActionResult> work) {
        try {
            return work.get();
        } catch (ProtocolException e) {
            return failure(e.type(), e.getMessage(), requestId);
        } catch (UnknownComponentException e) {
            return failure(ErrorType.NOT_FOUND, "Unknown component '" + e.name() + "'", requestId);
        } catch (StateException e) {
            return failure(ErrorType.BAD_REQUEST, e.clientMessage(), requestId);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.SEVERE, "Diffyne action failed", e);
            String message = debug ? e.getClass().getName() + ": " + e.getMessage()
                    : "The server could not process this action";
            return failure(ErrorType.SERVER_ERROR, message, requestId);
        }
    }

    private static ActionResult failure(ErrorType type, String message, String requestId) {
        return new ActionResult(type, ResponseWriter.failure(type, message).finish(requestId));
    }
}
