package io.diffyne.runtime.meta;

/** Every component definition error, each naming the class (first {@code %s}) and the fix. */
final class DefinitionMessages {

    static final String NOT_ANNOTATED =
            "%s is not annotated @DiffyneComponent; add @DiffyneComponent(\"its-name\") to register it";
    static final String NOT_A_COMPONENT =
            "%s is annotated @DiffyneComponent but does not extend io.diffyne.component.Component; add `extends Component`";
    static final String NOT_INSTANTIABLE =
            "%s is abstract, an interface or not a top-level/static class, so it cannot be instantiated; make it a"
                    + " concrete (static) class or move @DiffyneComponent to a concrete subclass";
    static final String BAD_NAME =
            "%s: component name %s is invalid; use lower-case letters and digits joined by '-', '.' or '/' (at most"
                    + " 100 characters), e.g. @DiffyneComponent(\"user-form\")";
    static final String BAD_TEMPLATE =
            "%s: template %s is invalid; use letters, digits and '_' joined by '-', '.' or '/', without the .peb"
                    + " suffix, e.g. @DiffyneComponent(value = \"user-form\", template = \"forms/user\")";
    static final String DUPLICATE_NAME =
            "Component name '%s' is used by both %s and %s; give one of them another name in @DiffyneComponent";
    static final String INVOKABLE_NOT_PUBLIC =
            "%s.%s is @Invokable but not public; make it public (only public instance methods can be actions)";
    static final String INVOKABLE_STATIC =
            "%s.%s is @Invokable but static; make it an instance method (actions run on the component instance)";
    static final String INVOKABLE_OVERLOADED =
            "%s has several @Invokable methods named '%s'; clients call actions by name, so give each a distinct name";
    static final String ROLES_ON_CLASS =
            "%s is annotated @RolesAllowed, which Diffyne does not check on a class; put @RolesAllowed on each"
                    + " @Invokable method it guards (and protect the page that mounts the component as usual)";
    static final String ROLES_NOT_INVOKABLE =
            "%s.%s is annotated @RolesAllowed but is not @Invokable; Diffyne checks roles on @Invokable actions only:"
                    + " make it one, or check caller().isInRole(...) in the method";
    static final String INVOKABLE_HOOK =
            "%s.%s overrides a Component lifecycle hook and cannot be @Invokable (a client could call it); put the"
                    + " action in a method of its own";
    static final String ON_TOO_MANY_PARAMETERS =
            "%s.%s is @On(\"%s\") but takes %d parameters; a listener takes none or one (the event data): wrap the"
                    + " values in a Map or a record";
    static final String ON_STATIC =
            "%s.%s is @On(\"%s\") but static; make it an instance method (listeners run on the component instance)";
    static final String ON_BAD_EVENT =
            "%s.%s: @On event name %s is invalid; use letters, digits and _ . : / - (at most 100 characters),"
                    + " e.g. @On(\"message-sent\")";
    static final String ON_MIXED_FROM_CLIENT =
            "%s listens to \"%s\" with %s marked @On(fromClient = true) and %s not; the browser triggers an event for"
                    + " all of a component's listeners or none: mark both alike, or give one another event name";
    static final String COMPUTED_SHAPE =
            "%s.%s is @Computed but %s; a computed value is an instance method with no parameter that returns a value";
    static final String COMPUTED_BAD_NAME =
            "%s.%s: @Computed name %s is not a template identifier; use letters, digits and '_', not starting with a"
                    + " digit, e.g. @Computed(\"fullName\")";
    static final String COMPUTED_DUPLICATE =
            "%s has two @Computed values named '%s' (%s and %s); rename one with @Computed(\"otherName\")";
    static final String COMPUTED_CLASHES_WITH_STATE =
            "%s.%s: @Computed name '%s' is also a state field; rename one (@Computed(\"otherName\"))";
    static final String RESERVED_NAME =
            "%s: '%s' is reserved in templates (errors, component, _context); rename the %s";
    static final String STATE_FINAL =
            "%s.%s is @State but final; state is written back into its fields on every request: remove `final`";
    static final String STATE_TRANSIENT =
            "%s.%s is @State but transient; a field cannot be both state and transient: remove one of them";
    static final String STATE_SHADOWED =
            "%s declares state field '%s', which its superclass %s already declares; rename one";
    static final String STATE_STATIC =
            "%s.%s is @State but static; state belongs to an instance: remove `static` or @State";
    static final String NOT_STATE =
            "%s.%s is @%s but not a state field; make it public or add @State (or remove @%s)";
    static final String QUERY_BAD_PARAM =
            "%s.%s: @QueryString(as = %s) is not a usable parameter name; use letters, digits and _ . - e.g."
                    + " @QueryString(as = \"q\")";
    static final String QUERY_DUPLICATE_PARAM =
            "%s: query parameter '%s' is bound by both %s and %s; give one a distinct @QueryString(as = \"...\")";

    static final String UPLOAD_SHAPE =
            "%s.%s is a %s; an upload property is declared directly on the component as TemporaryUpload (one file)"
                    + " or List<TemporaryUpload> (several): change the field's type";
    static final String UPLOAD_ANNOTATED =
            "%s.%s is a TemporaryUpload property and cannot be @%s: the browser sets it by uploading a file; remove"
                    + " the annotation";

    private DefinitionMessages() {
    }
}
