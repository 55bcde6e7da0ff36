package io.diffyne.runtime;

import io.diffyne.component.TemporaryUpload;
import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.runtime.meta.ComponentType;
import io.diffyne.runtime.meta.UploadProperty;
import io.diffyne.state.CoercionException;
import io.diffyne.state.StateHydrator;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The upload properties of one component instance for one request, between the ids the state holds and the
 * {@link TemporaryUpload}s the component sees. A client may set a property only to uploads stored for this component
 * instance, this property and this user ({@link #assign}); the signed state is trusted as the server wrote it, so
 * hydration only resolves ({@link #reader}), and an upload that is gone reads as null (or is left out of a list).
 */
final class UploadFields {

    /** More files than this in one property update is not a browser's form. */
    static final int MAX_FILES = 64;

    private final UploadStorage storage;
    private final ComponentType type;
    private final String componentId;
    private final String principal;

    UploadFields(UploadStorage storage, ComponentType type, String componentId, String principal) {
        this.storage = storage;
        this.type = type;
        this.componentId = componentId;
        this.principal = principal;
    }

    /** Reads upload properties by resolving their ids, every other field as {@link StateHydrator.FieldReader#COERCE}. */
    StateHydrator.FieldReader reader() {
        if (type.uploadProperties().isEmpty()) {
            return StateHydrator.FieldReader.COERCE;
        }
        return (field, json) -> {
            Optional<UploadProperty> upload = type.uploadProperty(field.name());
            if (upload.isEmpty()) {
                return StateHydrator.FieldReader.COERCE.read(field, json);
            }
            if (json.getValueType() == JsonValue.ValueType.NULL) {
                return null; // as the component left it
            }
            if (!upload.get().multiple()) {
                return resolve(idOf(json, field.name()));
            }
            List<TemporaryUpload> files = new ArrayList<>();
            for (JsonValue id : arrayOf(json, field.name())) {
                TemporaryUpload file = resolve(idOf(id, field.name()));
                if (file != null) {
                    files.add(file);
                }
            }
            return files;
        };
    }

    /**
     * A client's value for an upload property: an id (null clears it) or, for several files, an array of ids (at most
     * {@link #MAX_FILES}), each an upload stored for this component, property and user.
     *
     * @throws ProtocolException {@code property_error} for a value of the wrong shape, {@code security_error} for an
     *                           id that is not such an upload (another's, expired, made up: the same answer for all)
     */
    Object assign(UploadProperty property, JsonValue value) {
        JsonValue json = value == null ? JsonValue.NULL : value;
        if (!property.multiple()) {
            return json.getValueType() == JsonValue.ValueType.NULL ? null : claim(property, json);
        }
        if (json.getValueType() != JsonValue.ValueType.ARRAY) {
            throw shape(property);
        }
        JsonArray ids = json.asJsonArray();
        if (ids.size() > MAX_FILES) {
            throw new ProtocolException(ErrorType.PROPERTY_ERROR, "Property '" + property.name() + "' of component '"
                    + type.name() + "' takes at most " + MAX_FILES + " files");
        }
        List<TemporaryUpload> files = new ArrayList<>(ids.size());
        for (JsonValue id : ids) {
            files.add(claim(property, id));
        }
        return files;
    }

    /** The ids that {@code before} held in upload properties and {@code after} holds in none: to be deleted. */
    Set<String> dropped(JsonObject before, JsonObject after) {
        Set<String> gone = ids(before);
        gone.removeAll(ids(after));
        return gone;
    }

    /** Deletes the uploads of this component that {@code ids} name (an upload is deleted once nothing holds it). */
    void delete(Set<String> ids) {
        for (String id : ids) {
            storage.find(id).filter(u -> u.componentId().equals(componentId)).ifPresent(storage::delete);
        }
    }

    private Set<String> ids(JsonObject state) {
        Set<String> ids = new LinkedHashSet<>();
        for (String name : type.uploadProperties().keySet()) {
            JsonValue value = state.get(name);
            if (value instanceof JsonString s) {
                ids.add(s.getString());
            } else if (value instanceof JsonArray array) {
                array.forEach(v -> {
                    if (v instanceof JsonString s) {
                        ids.add(s.getString());
                    }
                });
            }
        }
        return ids;
    }

    private TemporaryUpload claim(UploadProperty property, JsonValue json) {
        if (!(json instanceof JsonString id)) {
            throw shape(property);
        }
        StoredUpload upload = storage.find(id.getString())
                .filter(u -> u.componentId().equals(componentId) && u.property().equals(property.name())
                        && Objects.equals(u.principal(), principal))
                .orElseThrow(() -> new ProtocolException(ErrorType.SECURITY_ERROR, "No upload with that id was made"
                        + " for property '" + property.name() + "' of this component by this user, or it expired:"
                        + " upload the file again"));
        return new UploadHandle(upload, storage);
    }

    private TemporaryUpload resolve(String id) {
        return storage.find(id).<TemporaryUpload>map(u -> new UploadHandle(u, storage)).orElse(null);
    }

    private ProtocolException shape(UploadProperty property) {
        return new ProtocolException(ErrorType.PROPERTY_ERROR, "Property '" + property.name() + "' of component '"
                + type.name() + "' takes " + (property.multiple() ? "an array of upload ids" : "an upload id or null")
                + ", as POST /_diffyne/upload answered");
    }

    private static String idOf(JsonValue json, String field) {
        if (json instanceof JsonString s) {
            return s.getString();
        }
        throw new CoercionException(field, TemporaryUpload.class, "expected an upload id");
    }

    private static JsonArray arrayOf(JsonValue json, String field) {
        if (json instanceof JsonArray a) {
            return a;
        }
        throw new CoercionException(field, List.class, "expected an array of upload ids");
    }
}
